package io.bufkit.frame;

/**
 * Thrown as soon as a frame is known to be longer than its format's {@link FrameFormat#maxFrameLength()}:
 * at its header for length-prefixed formats (before any byte after the header is buffered), or, for
 * delimited formats and lines, once no delimiter can start within {@code maxFrameLength + 1} bytes of the
 * frame's start. The decoder that threw stays failed until {@link FrameDecoder#reset()}. Netty's
 * counterpart is {@code TooLongFrameException}.
 */
public final class FrameTooLongException extends FrameException {
    private static final long serialVersionUID = 1L;

    /** The frame's length as its header claims it, or -1 for a delimited frame. */
    private final long frameLength;
    /** The format's maximum. */
    private final long maxFrameLength;

    FrameTooLongException(long frameOffset, long frameLength, long maxFrameLength, FrameFormat format) {
        super("frame at stream offset " + frameOffset + " is too long: "
                + (frameLength >= 0 ? "its header claims " + frameLength + " byte(s)"
                        : "no delimiter within " + (maxFrameLength + 1) + " byte(s) of its start")
                + ", above the maximum " + maxFrameLength + " of " + format, frameOffset);
        this.frameLength = frameLength;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * The frame's length, as its header claims it.
     *
     * @return the whole frame's length on the wire (header included, before stripping), or -1 for a
     *     delimited frame, whose length is not known when it is rejected
     */
    public long frameLength() {
        return frameLength;
    }

    /**
     * The maximum the frame exceeded.
     *
     * @return the format's {@link FrameFormat#maxFrameLength()}
     */
    public long maxFrameLength() {
        return maxFrameLength;
    }
}
