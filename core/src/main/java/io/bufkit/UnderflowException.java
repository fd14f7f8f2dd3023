package io.bufkit;

/**
 * Thrown by a {@link ByteReader} when input ends before a value it was asked to read: the input is
 * truncated, or a length field inside it claims more bytes than there are.
 *
 * <p>The message names what was read, the reader position, the bytes needed and the bytes remaining.
 */
public final class UnderflowException extends IndexOutOfBoundsException {
    private static final long serialVersionUID = 1L;

    /** The reader position at which the failed read started. */
    private final int position;
    /** The bytes the failed read needed. */
    private final int needed;
    /** The bytes left when the read failed. */
    private final int remaining;

    /**
     * Creates an exception.
     *
     * @param what the value that was being read, for example {@code "u32be"}
     * @param position the reader position at which the read started
     * @param needed how many bytes the read needed
     * @param remaining how many bytes were left
     */
    public UnderflowException(String what, int position, int needed, int remaining) {
        super("cannot read " + what + " at position " + position + ": needs " + needed
                + " byte(s) but only " + remaining + " remain");
        this.position = position;
        this.needed = needed;
        this.remaining = remaining;
    }

    /**
     * The reader position at which the failed read started.
     *
     * @return the position, in bytes from the start of the reader's view
     */
    public int position() {
        return position;
    }

    /**
     * How many bytes the failed read needed.
     *
     * @return the byte count
     */
    public int needed() {
        return needed;
    }

    /**
     * How many bytes were left when the read failed.
     *
     * @return the byte count
     */
    public int remaining() {
        return remaining;
    }
}
