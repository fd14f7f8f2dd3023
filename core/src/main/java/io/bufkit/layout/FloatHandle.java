package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * The {@link FloatField} implementation, for both byte orders: it reads and writes the raw bits through
 * the {@code i32} handle of the same byte order.
 *
 * @param info the field's description
 * @param raw the {@code i32} handle that reads and writes the bits
 */
record FloatHandle(FieldInfo info, IntHandle raw) implements FloatField, Handle {

    /** The handle for the field described by {@code info}. */
    static FloatHandle of(FieldInfo info) {
        return new FloatHandle(info, IntHandle.of(info));
    }

    @Override
    public float get(ByteView packet) {
        return Float.intBitsToFloat(raw.get(packet));
    }

    @Override
    public void set(MutableByteView packet, float value) {
        raw.write(packet, Float.floatToRawIntBits(value));
    }

    @Override
    public String format(ByteView packet) {
        return text(get(packet));
    }

    /** The value as Java prints a {@code float}. */
    static String text(float value) {
        return Float.toString(value);
    }

    @Override
    public String formatExpected() {
        return text((float) info.expectedDouble());
    }

    @Override
    public boolean holdsExpected(ByteView packet) {
        return Float.floatToIntBits(get(packet)) == Float.floatToIntBits((float) info.expectedDouble());
    }

    @Override
    public void writeExpected(MutableByteView packet) {
        set(packet, (float) info.expectedDouble());
    }

    @Override
    public String toString() {
        return describe();
    }
}
