package io.bufkit.tlv;

/**
 * Thrown by {@link TlvCodecRegistry} when a frame's value length differs from the fixed size of the codec
 * registered for its type: the value is not a packet of that type, so it is rejected instead of read.
 *
 * <p>When thrown by a {@link TlvCodecRegistry#dispatcher dispatcher} out of {@link TlvDecoder}'s
 * {@code feed}, the decoder adds the frame's stream offset ({@link #frameOffset()}), and the message names
 * it.
 */
public final class FrameLengthMismatchException extends TlvException {
    private static final long serialVersionUID = 1L;

    /** The frame's type. */
    private final int type;
    /** The size of the codec registered for the type. */
    private final int expectedLength;
    /** The frame's value length. */
    private final int actualLength;
    /** The simple name of the codec's message class, for the message. */
    private final String codec;
    /** Whether a dispatcher threw it for the frame a decoder handed it, so that the decoder may locate it. */
    private final boolean wholeFrame;
    /** Stream offset of the frame's first header byte; -1 until a decoder sets it, at most once. */
    private long frameOffset = -1;

    FrameLengthMismatchException(int type, int expectedLength, int actualLength, String codec, boolean wholeFrame) {
        super(message(type, expectedLength, actualLength, codec, -1));
        this.wholeFrame = wholeFrame;
        this.type = type;
        this.expectedLength = expectedLength;
        this.actualLength = actualLength;
        this.codec = codec;
    }

    private static String message(int type, int expectedLength, int actualLength, String codec, long frameOffset) {
        return "TLV frame of type " + Integer.toUnsignedString(type)
                + (frameOffset < 0 ? "" : " at stream offset " + frameOffset) + " has a value of " + actualLength
                + " byte(s) but its codec " + codec + " expects exactly " + expectedLength;
    }

    /**
     * Describes the rejected frame: its type, its stream offset when known, its value length and the
     * codec's size.
     *
     * @return the message
     */
    @Override
    public String getMessage() {
        return frameOffset < 0 ? super.getMessage() : message(type, expectedLength, actualLength, codec, frameOffset);
    }

    @Override
    void locateFrameEndingAt(long end, int headerSize) {
        long start = end - headerSize - actualLength;
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
     * The value length the registered codec needs.
     *
     * @return the codec's {@link io.bufkit.layout.PacketCodec#size()}
     */
    public int expectedLength() {
        return expectedLength;
    }

    /**
     * The frame's actual value length.
     *
     * @return the length in bytes
     */
    public int actualLength() {
        return actualLength;
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
