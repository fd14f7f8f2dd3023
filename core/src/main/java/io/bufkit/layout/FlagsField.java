package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to a bit-flag field of 8, 16 or 32 bits ({@code flags8}, {@code flags16be}, {@code flags16le},
 * {@code flags32be}, {@code flags32le}) whose bits have names: bit 0 (the least significant) gets the
 * first name given at declaration, bit 1 the second, and so on.
 *
 * <p>{@link #get(ByteView)} reads all bits at once; {@link #isSet(ByteView, String)} reads one named bit.
 * On hot paths, look up a bit's {@link #mask(String) mask} once and test {@code (get(packet) & mask) != 0}:
 * neither allocates. A handle kept in a {@code static final} constant compiles to a length check, a lease
 * check (shared by the reads of one packet) and the read. Immutable and thread-safe.
 */
public sealed interface FlagsField extends LayoutField permits FlagsHandle {

    /**
     * Reads all bits of the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the bits, bit 0 the least significant; the upper bits are 0 for 8- and 16-bit fields
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    int get(ByteView packet);

    /**
     * Writes all bits of the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param bits the bits, bit 0 the least significant; only the field's {@link #bitCount()} low bits may
     *        be set
     * @throws IllegalArgumentException if a bit beyond the field's width is set; nothing is written
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    void set(MutableByteView packet, int bits);

    /**
     * Whether a named bit is set.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param bitName a name given at declaration
     * @return {@code true} if the bit is 1
     * @throws IllegalArgumentException if the field has no bit of that name
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    boolean isSet(ByteView packet, String bitName);

    /**
     * Sets or clears one named bit, leaving the other bits as they are.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param bitName a name given at declaration
     * @param on {@code true} to set the bit, {@code false} to clear it
     * @throws IllegalArgumentException if the field has no bit of that name
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    void set(MutableByteView packet, String bitName, boolean on);

    /**
     * The mask of a named bit, {@code 1 << position}, to test bits without a name lookup per read.
     *
     * @param bitName a name given at declaration
     * @return the mask with only that bit set
     * @throws IllegalArgumentException if the field has no bit of that name
     */
    int mask(String bitName);

    /**
     * The name of a bit.
     *
     * @param bit the bit position, 0 (least significant) to {@link #bitCount()} - 1
     * @return the name given at declaration, or {@code null} for an unnamed bit
     * @throws IndexOutOfBoundsException if the position is outside the field
     */
    String bitName(int bit);

    /**
     * The number of bits in the field: 8, 16 or 32.
     *
     * @return the bit count
     */
    int bitCount();
}
