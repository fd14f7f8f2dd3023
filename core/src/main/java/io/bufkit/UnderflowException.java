package io.bufkit;

/**
 * Thrown by a {@link ByteReader} when input ends before a value it was asked to read: the input is
 * truncated, or a length field inside it claims more bytes than there are.
 *
 * <p>The message names what was read, the reader position, the bytes needed and the bytes remaining;
 * {@link #position()}, {@link #needed()} and {@link #remaining()} give them as numbers.
 */
public final class UnderflowException extends CursorBoundsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param what the value that was being read, for example {@code "u32be"}
     * @param position the reader position at which the read started
     * @param needed how many bytes the read needed
     * @param remaining how many bytes were left
     */
    public UnderflowException(String what, int position, int needed, int remaining) {
        super("read", what, position, needed, remaining);
    }
}
