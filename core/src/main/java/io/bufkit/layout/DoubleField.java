package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an IEEE 754 double-precision field: {@code f64be} or {@code f64le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, double)} allocate nothing and go through the
 * view's checked accessors; writes keep the raw bits, NaN payloads included. Immutable and thread-safe.
 */
public final class DoubleField extends LayoutField {

    private final boolean bigEndian;
    private final double expected;

    DoubleField(String layoutName, String name, FieldKind kind, int offset, boolean constant, double expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        if (kind != FieldKind.F64BE && kind != FieldKind.F64LE) {
            throw new IllegalArgumentException("not a double field type: " + kind.typeName);
        }
        this.bigEndian = kind == FieldKind.F64BE;
        this.expected = expected;
    }

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public double get(ByteView packet) {
        return bigEndian ? packet.f64be(offset) : packet.f64le(offset);
    }

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void set(MutableByteView packet, double value) {
        if (bigEndian) {
            packet.putF64be(offset, value);
        } else {
            packet.putF64le(offset, value);
        }
    }

    @Override
    String format(ByteView packet) {
        return text(get(packet));
    }

    /** Whole numbers below 10^15 print without an exponent (a millisecond timestamp stays readable). */
    static String text(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !(value == 0 && 1 / value < 0)) {
            return (long) value + ".0";
        }
        return Double.toString(value);
    }

    @Override
    String formatExpected() {
        return text(expected);
    }

    @Override
    boolean holdsExpected(ByteView packet) {
        return Double.doubleToLongBits(get(packet)) == Double.doubleToLongBits(expected);
    }

    @Override
    void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }
}
