package io.bufkit.tlv;

/**
 * Thrown as soon as a frame header is seen that the format forbids: type 0, or a value length above
 * {@link TlvFormat#maxValueLength()}. Nothing of the rejected frame is buffered, and the decoder that threw
 * stays failed until {@link TlvDecoder#reset()}.
 */
public final class MalformedFrameException extends TlvException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with a frame header. */
    public enum Reason {
        /** The type field is 0, which no format allows. */
        ZERO_TYPE,
        /** The length field announces more than the format's {@link TlvFormat#maxValueLength()}. */
        VALUE_TOO_LONG
    }

    /** Why the header was rejected. */
    private final Reason reason;
    /** Stream offset of the frame's first header byte. */
    private final long frameOffset;
    /** The type field, unsigned. */
    private final long type;
    /** The length field, unsigned; -1 for a frame rejected for its type. */
    private final long valueLength;

    MalformedFrameException(Reason reason, long frameOffset, long type, long valueLength, TlvFormat format) {
        super(message(reason, frameOffset, type, valueLength, format));
        this.reason = reason;
        this.frameOffset = frameOffset;
        this.type = type;
        this.valueLength = valueLength;
    }

    private static String message(Reason reason, long frameOffset, long type, long valueLength, TlvFormat format) {
        String where = "malformed TLV frame at stream offset " + frameOffset + ": ";
        if (reason == Reason.ZERO_TYPE) {
            return where + "type 0 is not allowed (types are 1 to " + format.maxType() + ")";
        }
        return where + "value length " + valueLength + " (type " + type + ") is above the maximum "
                + format.maxValueLength() + " of " + format;
    }

    /**
     * Why the header was rejected.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Where the rejected frame starts.
     *
     * @return the offset of the frame's first header byte, counted from the start of the stream (the last
     *     {@link TlvDecoder#reset()})
     */
    public long frameOffset() {
        return frameOffset;
    }

    /**
     * The type field of the rejected frame.
     *
     * @return the type, unsigned
     */
    public long type() {
        return type;
    }

    /**
     * The length field of the rejected frame.
     *
     * @return the announced value length, unsigned; -1 for a frame rejected for its type, since such a frame
     *     is rejected as soon as its type field arrives, whether or not its length field arrived with it (so
     *     the exception is the same however the stream is chunked)
     */
    public long valueLength() {
        return valueLength;
    }
}
