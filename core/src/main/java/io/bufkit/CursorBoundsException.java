package io.bufkit;

/**
 * What a {@link ByteReader} or {@link ByteWriter} reports when a value does not fit the bytes left: the
 * cursor position, the bytes needed and the bytes left. The public types are {@link UnderflowException}
 * and {@link OverflowException}.
 */
abstract sealed class CursorBoundsException extends IndexOutOfBoundsException
        permits UnderflowException, OverflowException {
    private static final long serialVersionUID = 1L;

    /** The cursor position at which the failed access started. */
    private final int position;
    /** The bytes the failed access needed. */
    private final int needed;
    /** The bytes left when the access failed. */
    private final int remaining;

    CursorBoundsException(String verb, String what, int position, int needed, int remaining) {
        super("cannot " + verb + " " + what + " at position " + position + ": needs " + needed
                + " byte(s) but only " + remaining + " remain");
        this.position = position;
        this.needed = needed;
        this.remaining = remaining;
    }

    /**
     * The cursor position at which the failed access started.
     *
     * @return the position, in bytes from the start of the cursor's view
     */
    public int position() {
        return position;
    }

    /**
     * How many bytes the failed access needed.
     *
     * @return the byte count
     */
    public int needed() {
        return needed;
    }

    /**
     * How many bytes were left when the access failed.
     *
     * @return the byte count
     */
    public int remaining() {
        return remaining;
    }
}
