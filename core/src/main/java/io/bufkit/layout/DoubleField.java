package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an IEEE 754 double-precision field: {@code f64be} or {@code f64le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, double)} allocate nothing and go through the
 * view's checked accessors; writes keep the raw bits, NaN payloads included. Each byte order has its own
 * final implementation, so a handle kept in a {@code static final} constant compiles to the view's read
 * alone. Immutable and thread-safe.
 */
public abstract sealed class DoubleField extends LayoutField permits DoubleField.F64be, DoubleField.F64le {

    private final double expected;

    private DoubleField(String layoutName, String name, FieldKind kind, int offset, boolean constant, double expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        this.expected = expected;
    }

    static DoubleField of(String layoutName, String name, FieldKind kind, int offset, boolean constant,
            double expected) {
        return switch (kind) {
            case F64BE -> new F64be(layoutName, name, offset, constant, expected);
            case F64LE -> new F64le(layoutName, name, offset, constant, expected);
            default -> throw new IllegalArgumentException("not a double field type: " + kind.typeName);
        };
    }

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public abstract double get(ByteView packet);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public final void set(MutableByteView packet, double value) {
        write(packet, value);
    }

    abstract void write(MutableByteView packet, double value);

    @Override
    final String format(ByteView packet) {
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
    final String formatExpected() {
        return text(expected);
    }

    @Override
    final boolean holdsExpected(ByteView packet) {
        return Double.doubleToLongBits(get(packet)) == Double.doubleToLongBits(expected);
    }

    @Override
    final void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }

    static final class F64be extends DoubleField {
        F64be(String layoutName, String name, int offset, boolean constant, double expected) {
            super(layoutName, name, FieldKind.F64BE, offset, constant, expected);
        }

        @Override
        public double get(ByteView packet) {
            return Double.longBitsToDouble(VIEWS.readI64be(packet, end));
        }

        @Override
        void write(MutableByteView packet, double value) {
            packet.putF64be(offset, value);
        }
    }

    static final class F64le extends DoubleField {
        F64le(String layoutName, String name, int offset, boolean constant, double expected) {
            super(layoutName, name, FieldKind.F64LE, offset, constant, expected);
        }

        @Override
        public double get(ByteView packet) {
            return Double.longBitsToDouble(VIEWS.readI64le(packet, end));
        }

        @Override
        void write(MutableByteView packet, double value) {
            packet.putF64le(offset, value);
        }
    }
}
