package io.bufkit.tlv;

/**
 * A frame that {@link TlvCodecRegistry} rejects: its type, its value length, and where in the stream it
 * starts once a {@link TlvDecoder} tells. The registry only sees a frame's type and value, so the
 * decoder whose {@code feed} the exception leaves supplies the offset (see {@link #frameOffset()}).
 */
abstract sealed class RejectedFrameException extends TlvException
        permits FrameLengthMismatchException, UnknownFrameTypeException {
    private static final long serialVersionUID = 1L;

    /** The frame's type. */
    private final int type;
    /** The frame's value length. */
    private final int valueLength;
    /** Whether a dispatcher threw it for the frame a decoder handed it, so that the decoder may locate it. */
    private final boolean wholeFrame;
    /** Stream offset of the frame's first header byte; -1 until a decoder sets it, at most once. */
    private long frameOffset = -1;

    RejectedFrameException(int type, int valueLength, boolean wholeFrame) {
        super(null);
        this.type = type;
        this.valueLength = valueLength;
        this.wholeFrame = wholeFrame;
    }

    /** The message, naming {@code at} as the frame's stream offset unless it is negative (unknown). */
    abstract String describe(String at);

    /**
     * Describes the rejected frame, with its stream offset when known.
     *
     * @return the message
     */
    @Override
    public String getMessage() {
        return describe(frameOffset < 0 ? "" : " at stream offset " + frameOffset);
    }

    @Override
    void locateFrameEndingAt(long end, int headerSize) {
        long start = end - headerSize - valueLength;
        if (wholeFrame && frameOffset < 0 && start >= 0) {
            frameOffset = start;
        }
    }

    @Override
    void locateFrameStartingAt(long start) {
        if (frameOffset < 0 && start >= 0) {
            frameOffset = start;
        }
    }

    /**
     * The frame's type.
     *
     * @return the type (unsigned for four-byte type fields)
     */
    public int type() {
        return type;
    }

    /** The frame's value length. */
    final int length() {
        return valueLength;
    }

    /**
     * Where the rejected frame starts, when it is known. A {@link TlvDecoder} sets it when this exception,
     * thrown by one of the registry's {@link TlvCodecRegistry#dispatcher dispatchers} for the frame the
     * decoder handed it, leaves {@code feed} (at most once: the innermost decoder's offset is kept when
     * decoders are nested). It stays unknown when thrown by
     * {@link TlvCodecRegistry#decode(int, io.bufkit.ByteView)}, even from inside a handler, since the value
     * passed there need not be the whole frame being handled.
     *
     * @return the offset of the frame's first header byte, counted from the start of the stream (the
     *     decoder's last {@link TlvDecoder#reset()}), as {@link TlvDecoder#streamOffset()} counts; -1 if unknown
     */
    public long frameOffset() {
        return frameOffset;
    }
}
