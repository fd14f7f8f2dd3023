package io.bufkit.layout;

/**
 * A typed handle to one field of a {@link PacketLayout}: its name, offset, width and wire type, and
 * reads and writes of the field in a packet's view.
 *
 * <p>Handles are obtained once, typically into {@code static final} constants, with the typed lookups of
 * a layout ({@link PacketLayout#intField(String)}, {@link PacketLayout#longField(String)}, ...), and are
 * immutable and thread-safe. Numeric and flag reads and writes allocate nothing. Every read checks the
 * view: a view whose lease ended throws {@link io.bufkit.StaleViewException} and a view too short for the
 * field throws {@link IndexOutOfBoundsException}. A handle kept in a {@code static final} constant is a
 * compile-time constant to the JIT, offset included, so a read through it compiles to one length
 * comparison, a lease check that the reads of one packet share, and the read itself.
 *
 * <p>The handle types are {@link IntField}, {@link LongField}, {@link FloatField}, {@link DoubleField},
 * {@link BytesField} and {@link FlagsField}. Their {@code toString()} gives the layout, name, type and
 * offset, and the constant for constant fields, for example {@code "sensor.sensorId: u32be at offset 0"}.
 * Two handles are equal when they describe the same field: the same layout name, field name, type,
 * offset, width and constant (and bit names, for flags).
 */
public sealed interface LayoutField permits IntField, LongField, FloatField, DoubleField, BytesField, FlagsField,
        ChecksumField, TextField, Handle {

    /**
     * The field's name, unique within its layout.
     *
     * @return the name given at declaration
     */
    String name();

    /**
     * The name of the layout this field belongs to.
     *
     * @return the layout's name
     */
    String layoutName();

    /**
     * The offset of the field's first byte in the packet.
     *
     * @return the offset in bytes
     */
    int offset();

    /**
     * The number of bytes the field occupies.
     *
     * @return the width in bytes
     */
    int width();

    /**
     * The wire type as declared, named like the builder method that declared it: {@code "u8"},
     * {@code "u16be"}, {@code "f64le"}, {@code "bytes"}, {@code "flags16le"}, ...
     *
     * @return the type name
     */
    String typeName();

    /**
     * The field's width in bits: the declared width of a bit field, {@code 8 * width()} for other fields.
     *
     * @return the width in bits
     */
    int bitWidth();

    /**
     * Where a bit field starts in the byte at {@link #offset()}: its first bit, counted in its run's bit
     * order (from the most significant bit for {@code bits}/{@code sbits}, from the least significant for
     * {@code bitsLsb}/{@code sbitsLsb}); 0 for other fields. {@link #width()} is the number of bytes the
     * field's bits touch.
     *
     * @return the bit offset, 0 to 7
     */
    int bitOffset();

    /**
     * The wire type as declared; {@code wireType().typeName()} is {@link #typeName()}.
     *
     * @return the wire type
     */
    WireType wireType();

    /**
     * Whether the field was declared with {@link LayoutBuilder#expect(long) expect(...)}: it holds a
     * constant that {@link PacketLayout#validate(io.bufkit.ByteView)} checks and
     * {@link PacketLayout#writeConstants(io.bufkit.MutableByteView)} writes.
     *
     * @return {@code true} for a constant field
     */
    boolean isConstant();
}
