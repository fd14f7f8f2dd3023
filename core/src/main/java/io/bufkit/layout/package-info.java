/**
 * Declarative fixed-size binary packet layouts, typed field handles, and codecs that map packets to
 * users' own types.
 *
 * <p>A {@link io.bufkit.layout.PacketLayout} is declared once with its builder, checked when it is built,
 * and hands out typed handles ({@link io.bufkit.layout.IntField}, {@link io.bufkit.layout.LongField},
 * {@link io.bufkit.layout.FloatField}, {@link io.bufkit.layout.DoubleField},
 * {@link io.bufkit.layout.BytesField}, {@link io.bufkit.layout.FlagsField},
 * {@link io.bufkit.layout.TextField}, {@link io.bufkit.layout.ChecksumField}); the wire types are one table,
 * {@link io.bufkit.layout.WireType}. A
 * {@link io.bufkit.layout.PacketCodec} uses the layout and its handles to turn a packet into a record and
 * back; {@link io.bufkit.layout.PacketLayout#validate(io.bufkit.ByteView)} rejects a packet of the wrong
 * length or with a wrong constant with a {@link io.bufkit.layout.LayoutException}, and
 * {@link io.bufkit.layout.PacketLayout#describe(io.bufkit.ByteView)} prints one for people.
 *
 * <p><b>Ownership.</b> Nothing in this package keeps a view: every method that takes a packet
 * <em>borrows</em> it for the duration of the call. Numeric and flag handles return copies by nature and
 * allocate nothing. {@link io.bufkit.layout.BytesField#get(io.bufkit.ByteView)} returns a <em>borrowed</em>
 * view of the packet's bytes under the packet's lease — it goes stale with the packet — and
 * {@link io.bufkit.layout.BytesField#copy(io.bufkit.ByteView)} returns an <em>owned</em>
 * {@link io.bufkit.Bytes} to keep. A codec's decoded value must hold no reference to the packet. Every
 * read and write checks the view's lease and length, so a view used after its lease ended throws
 * {@link io.bufkit.StaleViewException} instead of reading someone else's data.
 *
 * <p>Layouts and handles are immutable and thread-safe; builders are not.
 */
package io.bufkit.layout;
