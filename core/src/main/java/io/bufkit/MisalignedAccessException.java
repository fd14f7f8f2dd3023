package io.bufkit;

/**
 * Thrown when an atomic or ordered access of a {@link MutableByteView} ({@code getAndAddI32le},
 * {@code compareAndSetI64be}, {@code getVolatileI32le}, ...) is asked for at an offset whose memory address
 * is not a multiple of the value's width.
 *
 * <p>The hardware makes such accesses indivisible only at aligned addresses; at any other address a value
 * could be torn — half of it written by one thread, half by another — so bufkit refuses instead of silently
 * losing atomicity. For a view of direct or mapped memory the alignment is that of the absolute address
 * (the view's offset plus where the view starts in its buffer plus the buffer's own address); for a heap
 * array it is that of the index in the array. Lay shared counters out at offsets that are multiples of
 * their width, in views that start at such offsets.
 */
public final class MisalignedAccessException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The offset in the view of the refused access. */
    private final int offset;
    /** The alignment the access needs, in bytes. */
    private final int alignment;

    /**
     * Creates an exception.
     *
     * @param message what was accessed, where, and which alignment it needs
     * @param offset the offset in the view that was refused
     * @param alignment the alignment the access needs, in bytes
     */
    public MisalignedAccessException(String message, int offset, int alignment) {
        super(message);
        this.offset = offset;
        this.alignment = alignment;
    }

    /**
     * The offset in the view of the refused access.
     *
     * @return the offset
     */
    public int offset() {
        return offset;
    }

    /**
     * The alignment the access needs: the value's width in bytes.
     *
     * @return 4 for 32-bit values, 8 for 64-bit values
     */
    public int alignment() {
        return alignment;
    }
}
