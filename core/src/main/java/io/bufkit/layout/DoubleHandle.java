package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * The {@link DoubleField} implementation, for both byte orders: it reads and writes the raw bits through
 * the {@code i64} handle of the same byte order.
 *
 * @param info the field's description
 * @param raw the {@code i64} handle that reads and writes the bits
 */
record DoubleHandle(FieldInfo info, LongHandle raw) implements DoubleField, Handle {

    /** The handle for the field described by {@code info}. */
    static DoubleHandle of(FieldInfo info) {
        return new DoubleHandle(info, LongHandle.of(info));
    }

    @Override
    public double get(ByteView packet) {
        return Double.longBitsToDouble(raw.get(packet));
    }

    @Override
    public void set(MutableByteView packet, double value) {
        raw.write(packet, Double.doubleToRawLongBits(value));
    }

    @Override
    public String format(ByteView packet) {
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
    public String formatExpected() {
        return text(info.expectedDouble());
    }

    @Override
    public boolean holdsExpected(ByteView packet) {
        return Double.doubleToLongBits(get(packet)) == Double.doubleToLongBits(info.expectedDouble());
    }

    @Override
    public void writeExpected(MutableByteView packet) {
        set(packet, info.expectedDouble());
    }

    @Override
    public String toString() {
        return describe();
    }
}
