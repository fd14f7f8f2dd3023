package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an IEEE 754 single-precision field: {@code f32be} or {@code f32le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, float)} allocate nothing and go through the
 * view's checked accessors; writes keep the raw bits, NaN payloads included. Immutable and thread-safe.
 */
public final class FloatField extends LayoutField {

    private final boolean bigEndian;
    private final float expected;

    FloatField(String layoutName, String name, FieldKind kind, int offset, boolean constant, float expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        if (kind != FieldKind.F32BE && kind != FieldKind.F32LE) {
            throw new IllegalArgumentException("not a float field type: " + kind.typeName);
        }
        this.bigEndian = kind == FieldKind.F32BE;
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
    public float get(ByteView packet) {
        return bigEndian ? packet.f32be(offset) : packet.f32le(offset);
    }

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void set(MutableByteView packet, float value) {
        if (bigEndian) {
            packet.putF32be(offset, value);
        } else {
            packet.putF32le(offset, value);
        }
    }

    @Override
    String format(ByteView packet) {
        return text(get(packet));
    }

    static String text(float value) {
        return Float.toString(value);
    }

    @Override
    String formatExpected() {
        return text(expected);
    }

    @Override
    boolean holdsExpected(ByteView packet) {
        return Float.floatToIntBits(get(packet)) == Float.floatToIntBits(expected);
    }

    @Override
    void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }
}
