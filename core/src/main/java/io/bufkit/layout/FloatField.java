package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an IEEE 754 single-precision field: {@code f32be} or {@code f32le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, float)} allocate nothing and check the view's
 * lease and length; writes keep the raw bits, NaN payloads included. A handle kept in a
 * {@code static final} constant compiles to a length check, a lease check (shared by the reads of one
 * packet) and the read. Immutable and thread-safe.
 */
public sealed interface FloatField extends LayoutField permits FloatHandle {

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    float get(ByteView packet);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    void set(MutableByteView packet, float value);
}
