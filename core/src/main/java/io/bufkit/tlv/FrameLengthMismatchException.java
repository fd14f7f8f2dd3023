package io.bufkit.tlv;

/**
 * Thrown by {@link TlvCodecRegistry} when a frame's value length differs from the fixed size of the codec
 * registered for its type: the value is not a packet of that type, so it is rejected instead of read.
 *
 * <p>When thrown by a {@link TlvCodecRegistry#dispatcher dispatcher} out of {@link TlvDecoder}'s
 * {@code feed}, the decoder adds the frame's stream offset ({@link #frameOffset()}), and the message names
 * it.
 */
public final class FrameLengthMismatchException extends RejectedFrameException {
    private static final long serialVersionUID = 1L;

    /** The size of the codec registered for the type. */
    private final int expectedLength;
    /** The simple name of the codec's message class, for the message. */
    private final String codec;

    FrameLengthMismatchException(int type, int expectedLength, int actualLength, String codec, boolean wholeFrame) {
        super(type, actualLength, wholeFrame);
        this.expectedLength = expectedLength;
        this.codec = codec;
    }

    @Override
    String describe(String at) {
        return "TLV frame of type " + Integer.toUnsignedString(type()) + at + " has a value of " + length()
                + " byte(s) but its codec " + codec + " expects exactly " + expectedLength;
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
        return length();
    }
}
