package io.bufkit.frame;

/**
 * Thrown by {@link FrameDecoder#finish()} when the stream ends inside a frame; names how many bytes
 * arrived and how many are missing.
 */
public final class IncompleteFrameException extends FrameException {
    private static final long serialVersionUID = 1L;

    /** Bytes of the partial frame that did arrive. */
    private final long receivedBytes;
    /** Bytes missing: exact when the length is known, else a lower bound. */
    private final long missingBytes;
    /** Whether the frame's length was known. */
    private final boolean lengthKnown;

    IncompleteFrameException(long frameOffset, long receivedBytes, long missingBytes, boolean lengthKnown) {
        super("stream ended inside the frame at stream offset " + frameOffset + ": received " + receivedBytes
                + " byte(s), " + (lengthKnown ? "missing " + missingBytes + " byte(s)"
                        : "missing at least " + missingBytes + " byte(s) (its length is not known yet)"), frameOffset);
        this.receivedBytes = receivedBytes;
        this.missingBytes = missingBytes;
        this.lengthKnown = lengthKnown;
    }

    /**
     * How many bytes of the frame arrived.
     *
     * @return the byte count
     */
    public long receivedBytes() {
        return receivedBytes;
    }

    /**
     * How many bytes are missing.
     *
     * @return exact when {@link #lengthKnown()}, otherwise a lower bound
     */
    public long missingBytes() {
        return missingBytes;
    }

    /**
     * Whether the frame's length was known (its header had arrived whole).
     *
     * @return {@code true} if {@link #missingBytes()} is exact
     */
    public boolean lengthKnown() {
        return lengthKnown;
    }
}
