package io.bufkit.frame;

/**
 * Thrown as soon as a frame header is seen whose length cannot be right: a negative length field, an
 * adjusted length shorter than the header or than the bytes to strip, or a varint that runs too long. The
 * decoder that threw stays failed until {@link FrameDecoder#reset()}. Netty's counterpart is
 * {@code CorruptedFrameException}.
 */
public final class CorruptFrameException extends FrameException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with a frame header. */
    public enum Reason {
        /** An eight-byte length field holds a negative number. */
        NEGATIVE_LENGTH,
        /** The adjusted frame length is shorter than the header up to the end of the length field. */
        SHORTER_THAN_HEADER,
        /** The adjusted frame length is shorter than the format's {@code stripBytes}. */
        SHORTER_THAN_STRIP,
        /** A varint length has its continuation bit set on its last allowed byte, or exceeds 32 bits. */
        MALFORMED_VARINT
    }

    /** Why the header was rejected. */
    private final Reason reason;
    /** The number at fault: the length or the varint's byte count. */
    private final long value;

    CorruptFrameException(Reason reason, long frameOffset, long value, FrameFormat format) {
        super(message(reason, frameOffset, value, format), frameOffset);
        this.reason = reason;
        this.value = value;
    }

    private static String message(Reason reason, long frameOffset, long value, FrameFormat format) {
        String where = "corrupt frame header at stream offset " + frameOffset + ": ";
        switch (reason) {
            case NEGATIVE_LENGTH:
                return where + "the length field holds the negative number " + value + " (" + format + ")";
            case SHORTER_THAN_HEADER:
                return where + "the adjusted frame length " + value + " is shorter than the header (" + format + ")";
            case SHORTER_THAN_STRIP:
                return where + "the adjusted frame length " + value + " is shorter than the bytes to strip ("
                        + format + ")";
            default:
                return where + "the varint length is malformed after " + value
                        + " byte(s): too many bytes, or above 2^32-1 (" + format + ")";
        }
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
     * The number at fault.
     *
     * @return the length field ({@link Reason#NEGATIVE_LENGTH}), the adjusted frame length
     *     ({@link Reason#SHORTER_THAN_HEADER}, {@link Reason#SHORTER_THAN_STRIP}), or the varint's byte
     *     count ({@link Reason#MALFORMED_VARINT})
     */
    public long value() {
        return value;
    }
}
