/**
 * Declarative variable-length messages: fixed {@link io.bufkit.layout.PacketLayout} sections combined
 * with sized, length-prefixed, NUL-terminated and trailing byte runs, counted repeats, conditional parts,
 * sized sub-layouts and choices of sub-layout by a discriminator; a level may declare its own length, or
 * that of the parts after a point, which bounds decoding and which encoding derives.
 *
 * <p>A {@link io.bufkit.message.MessageLayout} is declared once with its
 * {@link io.bufkit.message.MessageBuilder} and is immutable and thread-safe.
 * {@link io.bufkit.message.MessageLayout#decode(io.bufkit.ByteView)} walks a message once, records where
 * each part starts and ends, and returns a {@link io.bufkit.message.Message}.
 * {@link io.bufkit.message.MessageLayout#encode(java.util.Map)} writes a message from its values, filling
 * in lengths, counts, prefixes, terminators, constants and checksums.
 *
 * <p><b>Ownership.</b> A {@link io.bufkit.message.Message} <em>borrows</em> the view it was decoded from:
 * every view it returns is a borrowed slice of that view under the same lease and goes stale with it.
 * Strings it returns are owned copies. Bad input is rejected while decoding with a
 * {@link io.bufkit.layout.LayoutException} naming the layout, the field path (such as
 * {@code answers[2].rdata}), the offset and why; decoding never allocates more than the input justifies.
 * {@link io.bufkit.message.Message#toValues()} returns owned values (byte parts are copies); encoding reads
 * the values given only during the call and returns an owned array, or writes into a view borrowed for the
 * call. A {@link io.bufkit.message.FieldKind} that sees the message being encoded gets an
 * {@link io.bufkit.message.EncodingContext} valid only during its call; the state a kind keeps there lives
 * for one pass of one encode call.
 *
 * <p><b>Paths.</b> {@link io.bufkit.message.MessageLayout#partPath(String)} and
 * {@link io.bufkit.message.MessageLayout#intPath(String)} resolve a part or an integer field once, for reads
 * without a name lookup; the paths are immutable and hold nothing of any message, and what they read from
 * a message is borrowed exactly as the message's own reads by name are.
 */
package io.bufkit.message;
