package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an IEEE 754 double-precision field: {@code f64be} or {@code f64le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, double)} allocate nothing and check the view's
 * lease and length; writes keep the raw bits, NaN payloads included. A handle kept in a
 * {@code static final} constant compiles to a length check, a lease check (shared by the reads of one
 * packet) and the read. Immutable and thread-safe.
 */
public sealed interface DoubleField extends LayoutField permits DoubleHandle {

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    double get(ByteView packet);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    void set(MutableByteView packet, double value);
}
