package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an integer field that fits an {@code int}: {@code u8}, {@code i8}, {@code u16be},
 * {@code u16le}, {@code i16be}, {@code i16le}, {@code u24*}, {@code i24*}, {@code i32be} or {@code i32le},
 * and bit fields of up to 31 bits (32 signed). Unsigned fields read as non-negative values; {@code u32}
 * fields and wider bit fields are {@link LongField}s.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, int)} allocate nothing and check the view's
 * lease and length. Each wire type has its own implementation, so a handle kept in a {@code static final}
 * constant compiles to a length check, a lease check
 * (shared by the reads of one packet) and the read. Immutable and thread-safe.
 */
public sealed interface IntField extends LayoutField permits IntHandle {

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value, in {@code [min(), max()]}
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    int get(ByteView packet);

    /**
     * Reads the field of a packet that starts at offset {@code at} of a larger view (a header inside a
     * message), without slicing the view: the same value as {@code get(view.slice(at, view.length()))}.
     *
     * @param view the bytes holding the packet, borrowed for the call
     * @param at the offset of the packet's first byte in {@code view}
     * @return the value, in {@code [min(), max()]}
     * @throws IndexOutOfBoundsException if {@code at} is negative or the view ends before the field does
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    int get(ByteView view, int at);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value, in {@code [min(), max()]}
     * @throws IllegalArgumentException if the value does not fit the field's type; nothing is written
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    void set(MutableByteView packet, int value);

    /**
     * The smallest value the field's type holds: 0 for unsigned types.
     *
     * @return the minimum value
     */
    int min();

    /**
     * The largest value the field's type holds, for example 255 for {@code u8}.
     *
     * @return the maximum value
     */
    int max();
}
