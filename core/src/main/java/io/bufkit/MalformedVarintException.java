package io.bufkit;

/**
 * Thrown by a {@link ByteReader} for a varint longer than its type: more than 10 bytes, or value bits
 * beyond 64 (for {@code varint64}), or beyond 32 bits in at most 5 bytes (for {@code varint32}). The
 * message names the reader position, the type and the byte that made it too long. Nothing is consumed.
 */
public final class MalformedVarintException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The reader position at which the varint starts. */
    private final int position;

    /**
     * Creates an exception.
     *
     * @param what the varint type being read, for example {@code "varint32"}
     * @param position the reader position at which the varint starts
     * @param why what is wrong with it
     */
    public MalformedVarintException(String what, int position, String why) {
        super("malformed " + what + " at position " + position + ": " + why);
        this.position = position;
    }

    /**
     * The reader position at which the varint starts.
     *
     * @return the position, in bytes from the start of the reader's view
     */
    public int position() {
        return position;
    }
}
