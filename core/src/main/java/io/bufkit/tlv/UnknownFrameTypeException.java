package io.bufkit.tlv;

/**
 * Thrown by {@link TlvCodecRegistry} for a frame whose type has no registered codec (and no fallback
 * handler was given).
 *
 * <p>When thrown by a {@link TlvCodecRegistry#dispatcher dispatcher} out of {@link TlvDecoder}'s
 * {@code feed}, the decoder adds the frame's stream offset ({@link #frameOffset()}), and the message names
 * it.
 */
public final class UnknownFrameTypeException extends TlvException {
    private static final long serialVersionUID = 1L;

    /** The frame's type. */
    private final int type;
    /** The frame's value length. */
    private final int valueLength;
    /** The registered types, for the message. */
    private final String registered;
    /** Whether a dispatcher threw it for the frame a decoder handed it, so that the decoder may locate it. */
    private final boolean wholeFrame;
    /** Stream offset of the frame's first header byte; -1 until a decoder sets it, at most once. */
    private long frameOffset = -1;

    UnknownFrameTypeException(int type, int valueLength, String registered, boolean wholeFrame) {
        super(message(type, valueLength, registered, -1));
        this.wholeFrame = wholeFrame;
        this.type = type;
        this.valueLength = valueLength;
        this.registered = registered;
    }

    private static String message(int type, int valueLength, String registered, long frameOffset) {
        return "no codec is registered for TLV frame type " + Integer.toUnsignedString(type)
                + (frameOffset < 0 ? "" : " at stream offset " + frameOffset) + " (value of " + valueLength
                + " byte(s)); registered types: " + registered;
    }

    /**
     * Describes the rejected frame: its type, its stream offset when known, its value length and the
     * registered types.
     *
     * @return the message
     */
    @Override
    public String getMessage() {
        return frameOffset < 0 ? super.getMessage() : message(type, valueLength, registered, frameOffset);
    }

    @Override
    void locateFrameEndingAt(long end, int headerSize) {
        long start = end - headerSize - valueLength;
        if (wholeFrame && frameOffset < 0 && start >= 0) {
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

    /**
     * The frame's value length.
     *
     * @return the length in bytes
     */
    public int valueLength() {
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
