package io.bufkit.frame;

/**
 * A framed stream that cannot be split into frames: the base of the specific exceptions of this package,
 * each of which names the stream offset of the frame at fault and why.
 */
public abstract sealed class FrameException extends RuntimeException
        permits FrameTooLongException, CorruptFrameException, IncompleteFrameException {
    private static final long serialVersionUID = 1L;

    /** Stream offset of the frame's first byte. */
    private final long frameOffset;

    FrameException(String message, long frameOffset) {
        super(message);
        this.frameOffset = frameOffset;
    }

    /**
     * Where the frame at fault starts.
     *
     * @return the offset of its first byte, counted from the start of the stream (the decoder's last
     *     {@link FrameDecoder#reset()})
     */
    public long frameOffset() {
        return frameOffset;
    }
}
