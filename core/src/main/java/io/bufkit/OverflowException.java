package io.bufkit;

/**
 * Thrown by a {@link ByteWriter} when a value does not fit the bytes left in its view.
 *
 * <p>The message names what was written, the writer position, the bytes needed and the bytes left;
 * {@link #position()}, {@link #needed()} and {@link #remaining()} give them as numbers.
 */
public final class OverflowException extends CursorBoundsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param what the value that was being written, for example {@code "u32be"}
     * @param position the writer position at which the write started
     * @param needed how many bytes the write needed
     * @param remaining how many bytes were left
     */
    public OverflowException(String what, int position, int needed, int remaining) {
        super("write", what, position, needed, remaining);
    }
}
