package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/** The {@link FloatField} implementations: one record per byte order. */
sealed interface FloatHandle extends FloatField, Handle
        permits FloatHandle.F32be, FloatHandle.F32le {

    /** Writes a value. */
    void write(MutableByteView packet, float value);

    /** The handle for a float field described by {@code info}. */
    static FloatHandle of(FieldInfo info) {
        int end = info.offset() + info.width();
        return switch (info.kind()) {
            case F32BE -> new F32be(info, end);
            case F32LE -> new F32le(info, end);
            default -> throw new IllegalArgumentException("not a float field type: " + info.kind().typeName);
        };
    }

    @Override
    default void set(MutableByteView packet, float value) {
        write(packet, value);
    }

    @Override
    default String format(ByteView packet) {
        return text(get(packet));
    }

    /** The value as Java prints a {@code float}. */
    static String text(float value) {
        return Float.toString(value);
    }

    @Override
    default String formatExpected() {
        return text((float) info().expectedDouble());
    }

    @Override
    default boolean holdsExpected(ByteView packet) {
        return Float.floatToIntBits(get(packet)) == Float.floatToIntBits((float) info().expectedDouble());
    }

    @Override
    default void writeExpected(MutableByteView packet) {
        set(packet, (float) info().expectedDouble());
    }

    /** The {@code f32be} implementation. */
    record F32be(FieldInfo info, int end) implements FloatHandle {
        @Override
        public float get(ByteView packet) {
            return Float.intBitsToFloat(VIEWS.readI32be(packet, end, "f32be"));
        }

        @Override
        public void write(MutableByteView packet, float value) {
            packet.putF32be(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code f32le} implementation. */
    record F32le(FieldInfo info, int end) implements FloatHandle {
        @Override
        public float get(ByteView packet) {
            return Float.intBitsToFloat(VIEWS.readI32le(packet, end, "f32le"));
        }

        @Override
        public void write(MutableByteView packet, float value) {
            packet.putF32le(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
