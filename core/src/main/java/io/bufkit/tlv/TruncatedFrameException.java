package io.bufkit.tlv;

/**
 * Thrown by {@link TlvDecoder#finish()} (and the readers built on it) when the stream ends inside a frame.
 * The message and {@link #missingBytes()} say how many bytes are missing.
 */
public final class TruncatedFrameException extends TlvException {
    private static final long serialVersionUID = 1L;

    /** Stream offset of the partial frame's first header byte. */
    private final long frameOffset;
    /** Bytes of the partial frame that did arrive. */
    private final long receivedBytes;
    /** Bytes still missing: exact when the header is complete, else the header bytes missing. */
    private final long missingBytes;
    /** Whether the header of the partial frame arrived whole. */
    private final boolean headerComplete;

    TruncatedFrameException(long frameOffset, long receivedBytes, long missingBytes, boolean headerComplete) {
        super("TLV stream ended inside the frame at stream offset " + frameOffset + ": received " + receivedBytes
                + " byte(s), " + (headerComplete ? "missing " + missingBytes + " byte(s) of its value"
                        : "missing at least " + missingBytes + " byte(s) (the header is incomplete)"));
        this.frameOffset = frameOffset;
        this.receivedBytes = receivedBytes;
        this.missingBytes = missingBytes;
        this.headerComplete = headerComplete;
    }

    /**
     * Where the truncated frame starts.
     *
     * @return the offset of its first header byte, counted from the start of the stream
     */
    public long frameOffset() {
        return frameOffset;
    }

    /**
     * How many bytes of the truncated frame arrived, header included.
     *
     * @return the byte count
     */
    public long receivedBytes() {
        return receivedBytes;
    }

    /**
     * How many bytes are missing to complete the frame.
     *
     * @return the exact count when {@link #headerComplete()}, otherwise the header bytes still missing (a
     *     lower bound, since the value length is unknown)
     */
    public long missingBytes() {
        return missingBytes;
    }

    /**
     * Whether the frame's header arrived whole, so that {@link #missingBytes()} is exact.
     *
     * @return {@code true} if the stream ended inside the value
     */
    public boolean headerComplete() {
        return headerComplete;
    }
}
