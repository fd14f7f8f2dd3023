package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.internal.ViewAccess;

/**
 * A typed handle to one field of a {@link PacketLayout}: its name, offset, width and wire type, and
 * reads and writes of the field in a packet's view.
 *
 * <p>Handles are obtained once, typically into {@code static final} constants, with the typed lookups of
 * a layout ({@link PacketLayout#intField(String)}, {@link PacketLayout#longField(String)}, ...), and are
 * immutable and thread-safe. Numeric and flag reads and writes allocate nothing; they go through the
 * view's checked accessors, so a view whose lease ended throws {@link io.bufkit.StaleViewException} and a
 * view too short for the field throws {@link IndexOutOfBoundsException}.
 *
 * <p>The subclasses are the handle types: {@link IntField}, {@link LongField}, {@link FloatField},
 * {@link DoubleField}, {@link BytesField} and {@link FlagsField}.
 */
public abstract sealed class LayoutField permits IntField, LongField, FloatField, DoubleField, BytesField, FlagsField {

    /**
     * Reads for handles: one length check and one lease check per read, instead of the view's two range
     * checks, since a handle's offset is known not to be negative.
     */
    static final ViewAccess VIEWS = ViewAccess.get();

    final String layoutName;
    final String name;
    final FieldKind kind;
    final int offset;
    final int width;
    /** {@code offset + width}: the view must be at least this long. */
    final int end;
    final boolean constant;

    LayoutField(String layoutName, String name, FieldKind kind, int offset, int width, boolean constant) {
        this.layoutName = layoutName;
        this.name = name;
        this.kind = kind;
        this.offset = offset;
        this.width = width;
        this.end = offset + width;
        this.constant = constant;
    }

    /**
     * The field's name, unique within its layout.
     *
     * @return the name given at declaration
     */
    public final String name() {
        return name;
    }

    /**
     * The name of the layout this field belongs to.
     *
     * @return the layout's name
     */
    public final String layoutName() {
        return layoutName;
    }

    /**
     * The offset of the field's first byte in the packet.
     *
     * @return the offset in bytes
     */
    public final int offset() {
        return offset;
    }

    /**
     * The number of bytes the field occupies.
     *
     * @return the width in bytes
     */
    public final int width() {
        return width;
    }

    /**
     * The wire type as declared, named like the builder method that declared it: {@code "u8"},
     * {@code "u16be"}, {@code "f64le"}, {@code "bytes"}, {@code "flags16le"}, ...
     *
     * @return the type name
     */
    public final String typeName() {
        return kind.typeName;
    }

    /**
     * Whether the field was declared with {@link PacketLayout.Builder#expect(long) expect(...)}: it holds a
     * constant that {@link PacketLayout#validate(ByteView)} checks and
     * {@link PacketLayout#writeConstants(MutableByteView)} writes.
     *
     * @return {@code true} for a constant field
     */
    public final boolean isConstant() {
        return constant;
    }

    /** The field's value in {@code packet}, for people. */
    abstract String format(ByteView packet);

    /** The value in {@code packet} as shown next to an expected constant. */
    String formatAsConstant(ByteView packet) {
        return format(packet);
    }

    /** The declared constant, as shown in messages; only for constant fields. */
    abstract String formatExpected();

    /** Whether {@code packet} holds the declared constant; only for constant fields. */
    abstract boolean holdsExpected(ByteView packet);

    /** Writes the declared constant; only for constant fields. */
    abstract void writeExpected(MutableByteView packet);

    /** Describes the field for messages: name, type and offset. */
    final String where() {
        return "field '" + name + "' (" + kind.typeName + " at offset " + offset + ")";
    }

    /** The exception for a value a write cannot represent. */
    final IllegalArgumentException outOfRange(String value, String range) {
        return invalidWrite("value " + value + " is outside " + range);
    }

    /** The exception for a write the field cannot take, naming layout, field, type and offset. */
    final IllegalArgumentException invalidWrite(String why) {
        return new IllegalArgumentException("layout '" + layoutName + "', " + where() + ": " + why);
    }

    /** A number in decimal and in hex, for constants. */
    static String decimalAndHex(long value, long hexBits, int hexDigits) {
        String hex = Long.toHexString(hexBits);
        StringBuilder sb = new StringBuilder().append(value).append(" (0x");
        for (int i = hex.length(); i < hexDigits; i++) {
            sb.append('0');
        }
        return sb.append(hex).append(')').toString();
    }

    /**
     * Describes the handle: layout, name, type and offset, and the constant for constant fields.
     *
     * @return a short description, for example {@code "sensor.sensorId: u32be at offset 0"}
     */
    @Override
    public final String toString() {
        return layoutName + "." + name + ": " + kind.typeName + (kind == FieldKind.BYTES ? "[" + width + "]" : "")
                + " at offset " + offset + (constant ? ", expected " + formatExpected() : "");
    }
}
