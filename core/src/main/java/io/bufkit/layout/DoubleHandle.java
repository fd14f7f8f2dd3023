package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/** The {@link DoubleField} implementations: one record per byte order. */
sealed interface DoubleHandle extends DoubleField, Handle
        permits DoubleHandle.F64be, DoubleHandle.F64le {

    /** Writes a value. */
    void write(MutableByteView packet, double value);

    /** The handle for a double field described by {@code info}. */
    static DoubleHandle of(FieldInfo info) {
        int end = info.offset() + info.width();
        return switch (info.kind()) {
            case F64BE -> new F64be(info, end);
            case F64LE -> new F64le(info, end);
            default -> throw new IllegalArgumentException("not a double field type: " + info.kind().typeName);
        };
    }

    @Override
    default void set(MutableByteView packet, double value) {
        write(packet, value);
    }

    @Override
    default String format(ByteView packet) {
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
    default String formatExpected() {
        return text(info().expectedDouble());
    }

    @Override
    default boolean holdsExpected(ByteView packet) {
        return Double.doubleToLongBits(get(packet)) == Double.doubleToLongBits(info().expectedDouble());
    }

    @Override
    default void writeExpected(MutableByteView packet) {
        set(packet, info().expectedDouble());
    }

    /** The {@code f64be} implementation. */
    record F64be(FieldInfo info, int end) implements DoubleHandle {
        @Override
        public double get(ByteView packet) {
            return Double.longBitsToDouble(VIEWS.readI64be(packet, end, "f64be"));
        }

        @Override
        public void write(MutableByteView packet, double value) {
            packet.putF64be(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code f64le} implementation. */
    record F64le(FieldInfo info, int end) implements DoubleHandle {
        @Override
        public double get(ByteView packet) {
            return Double.longBitsToDouble(VIEWS.readI64le(packet, end, "f64le"));
        }

        @Override
        public void write(MutableByteView packet, double value) {
            packet.putF64le(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
