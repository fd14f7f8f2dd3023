package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an IEEE 754 single-precision field: {@code f32be} or {@code f32le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, float)} allocate nothing and go through the
 * view's checked accessors; writes keep the raw bits, NaN payloads included. Each byte order has its own
 * final implementation, so a handle kept in a {@code static final} constant compiles to the view's read
 * alone. Immutable and thread-safe.
 */
public abstract sealed class FloatField extends LayoutField permits FloatField.F32be, FloatField.F32le {

    private final float expected;

    private FloatField(String layoutName, String name, FieldKind kind, int offset, boolean constant, float expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        this.expected = expected;
    }

    static FloatField of(String layoutName, String name, FieldKind kind, int offset, boolean constant, float expected) {
        return switch (kind) {
            case F32BE -> new F32be(layoutName, name, offset, constant, expected);
            case F32LE -> new F32le(layoutName, name, offset, constant, expected);
            default -> throw new IllegalArgumentException("not a float field type: " + kind.typeName);
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
    public abstract float get(ByteView packet);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public final void set(MutableByteView packet, float value) {
        write(packet, value);
    }

    abstract void write(MutableByteView packet, float value);

    @Override
    final String format(ByteView packet) {
        return text(get(packet));
    }

    static String text(float value) {
        return Float.toString(value);
    }

    @Override
    final String formatExpected() {
        return text(expected);
    }

    @Override
    final boolean holdsExpected(ByteView packet) {
        return Float.floatToIntBits(get(packet)) == Float.floatToIntBits(expected);
    }

    @Override
    final void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }

    static final class F32be extends FloatField {
        F32be(String layoutName, String name, int offset, boolean constant, float expected) {
            super(layoutName, name, FieldKind.F32BE, offset, constant, expected);
        }

        @Override
        public float get(ByteView packet) {
            return Float.intBitsToFloat(VIEWS.readI32be(packet, end));
        }

        @Override
        void write(MutableByteView packet, float value) {
            packet.putF32be(offset, value);
        }
    }

    static final class F32le extends FloatField {
        F32le(String layoutName, String name, int offset, boolean constant, float expected) {
            super(layoutName, name, FieldKind.F32LE, offset, constant, expected);
        }

        @Override
        public float get(ByteView packet) {
            return Float.intBitsToFloat(VIEWS.readI32le(packet, end));
        }

        @Override
        void write(MutableByteView packet, float value) {
            packet.putF32le(offset, value);
        }
    }
}
