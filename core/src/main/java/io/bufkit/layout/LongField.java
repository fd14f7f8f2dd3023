package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an integer field read as a {@code long}: {@code u32be}, {@code u32le} (0 to
 * 2<sup>32</sup>-1), the 40-, 48- and 56-bit types, {@code i64be} or {@code i64le}, and bit fields of 32 to
 * 63 bits (33 to 64 signed).
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, long)} allocate nothing and check the view's
 * lease and length. Each wire type has its own implementation, so a handle kept in a {@code static final}
 * constant compiles to a length check, a lease check
 * (shared by the reads of one packet) and the read. Immutable and thread-safe.
 */
public sealed interface LongField extends LayoutField permits LongHandle {

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value, in {@code [min(), max()]}
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    long get(ByteView packet);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value, in {@code [min(), max()]}
     * @throws IllegalArgumentException if the value does not fit the field's type; nothing is written
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    void set(MutableByteView packet, long value);

    /**
     * The smallest value the field's type holds: 0 for unsigned types.
     *
     * @return the minimum value
     */
    long min();

    /**
     * The largest value the field's type holds, for example 2<sup>32</sup>-1 for {@code u32be}.
     *
     * @return the maximum value
     */
    long max();
}
