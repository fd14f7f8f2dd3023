package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an integer field read as a {@code long}: {@code u32be}, {@code u32le} (0 to
 * 2<sup>32</sup>-1), {@code i64be} or {@code i64le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, long)} allocate nothing and go through the
 * view's checked accessors. Immutable and thread-safe.
 */
public final class LongField extends LayoutField {

    private static final int U32BE = 0;
    private static final int U32LE = 1;
    private static final int I64BE = 2;
    private static final int I64LE = 3;

    private final int code;
    private final long min;
    private final long max;
    private final long expected;

    LongField(String layoutName, String name, FieldKind kind, int offset, boolean constant, long expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        switch (kind) {
            case U32BE -> { code = U32BE; min = 0; max = 0xFFFF_FFFFL; }
            case U32LE -> { code = U32LE; min = 0; max = 0xFFFF_FFFFL; }
            case I64BE -> { code = I64BE; min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
            case I64LE -> { code = I64LE; min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
            default -> throw new IllegalArgumentException("not a long field type: " + kind.typeName);
        }
        this.expected = expected;
    }

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value, in {@code [min(), max()]}
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public long get(ByteView packet) {
        return switch (code) {
            case U32BE -> packet.u32be(offset);
            case U32LE -> packet.u32le(offset);
            case I64BE -> packet.i64be(offset);
            default -> packet.i64le(offset);
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
    public void set(MutableByteView packet, long value) {
        if (value < min || value > max) {
            throw outOfRange(Long.toString(value), min + " to " + max);
        }
        switch (code) {
            case U32BE -> packet.putU32be(offset, value);
            case U32LE -> packet.putU32le(offset, value);
            case I64BE -> packet.putI64be(offset, value);
            default -> packet.putI64le(offset, value);
        }
    }

    /**
     * The smallest value the field's type holds: 0 for {@code u32}.
     *
     * @return the minimum value
     */
    public long min() {
        return min;
    }

    /**
     * The largest value the field's type holds: 2<sup>32</sup>-1 for {@code u32}.
     *
     * @return the maximum value
     */
    public long max() {
        return max;
    }

    @Override
    String format(ByteView packet) {
        return Long.toString(get(packet));
    }

    @Override
    String formatAsConstant(ByteView packet) {
        return decimalAndHex(get(packet), get(packet), 2 * width);
    }

    @Override
    String formatExpected() {
        return decimalAndHex(expected, expected, 2 * width);
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
