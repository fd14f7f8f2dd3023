package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an integer field that fits an {@code int}: {@code u8}, {@code i8}, {@code u16be},
 * {@code u16le}, {@code i16be}, {@code i16le}, {@code i32be} or {@code i32le}. Unsigned fields read as
 * non-negative values; {@code u32} fields are {@link LongField}s.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, int)} allocate nothing and go through the
 * view's checked accessors. Immutable and thread-safe.
 */
public final class IntField extends LayoutField {

    private static final int U8 = 0;
    private static final int I8 = 1;
    private static final int U16BE = 2;
    private static final int U16LE = 3;
    private static final int I16BE = 4;
    private static final int I16LE = 5;
    private static final int I32BE = 6;
    private static final int I32LE = 7;

    private final int code;
    private final int min;
    private final int max;
    private final int expected;

    IntField(String layoutName, String name, FieldKind kind, int offset, boolean constant, long expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        switch (kind) {
            case U8 -> { code = U8; min = 0; max = 0xFF; }
            case I8 -> { code = I8; min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
            case U16BE -> { code = U16BE; min = 0; max = 0xFFFF; }
            case U16LE -> { code = U16LE; min = 0; max = 0xFFFF; }
            case I16BE -> { code = I16BE; min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case I16LE -> { code = I16LE; min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case I32BE -> { code = I32BE; min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            case I32LE -> { code = I32LE; min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            default -> throw new IllegalArgumentException("not an int field type: " + kind.typeName);
        }
        this.expected = (int) expected;
    }

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value, in {@code [min(), max()]}
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public int get(ByteView packet) {
        return switch (code) {
            case U8 -> packet.u8(offset);
            case I8 -> packet.i8(offset);
            case U16BE -> packet.u16be(offset);
            case U16LE -> packet.u16le(offset);
            case I16BE -> packet.i16be(offset);
            case I16LE -> packet.i16le(offset);
            case I32BE -> packet.i32be(offset);
            default -> packet.i32le(offset);
        };
    }

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value, in {@code [min(), max()]}
     * @throws IllegalArgumentException if the value does not fit the field's type; nothing is written
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void set(MutableByteView packet, int value) {
        if (value < min || value > max) {
            throw outOfRange(Integer.toString(value), min + " to " + max);
        }
        switch (code) {
            case U8 -> packet.putU8(offset, value);
            case I8 -> packet.putI8(offset, (byte) value);
            case U16BE -> packet.putU16be(offset, value);
            case U16LE -> packet.putU16le(offset, value);
            case I16BE -> packet.putI16be(offset, (short) value);
            case I16LE -> packet.putI16le(offset, (short) value);
            case I32BE -> packet.putI32be(offset, value);
            default -> packet.putI32le(offset, value);
        }
    }

    /**
     * The smallest value the field's type holds: 0 for unsigned types.
     *
     * @return the minimum value
     */
    public int min() {
        return min;
    }

    /**
     * The largest value the field's type holds, for example 255 for {@code u8}.
     *
     * @return the maximum value
     */
    public int max() {
        return max;
    }

    @Override
    String format(ByteView packet) {
        return Integer.toString(get(packet));
    }

    @Override
    String formatAsConstant(ByteView packet) {
        return text(get(packet));
    }

    @Override
    String formatExpected() {
        return text(expected);
    }

    private String text(int value) {
        return decimalAndHex(value, value & (width == 4 ? 0xFFFF_FFFFL : (1L << (8 * width)) - 1), 2 * width);
    }

    @Override
    boolean holdsExpected(ByteView packet) {
        return get(packet) == expected;
    }

    @Override
    void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }
}
