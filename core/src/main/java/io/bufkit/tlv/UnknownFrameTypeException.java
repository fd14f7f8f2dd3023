package io.bufkit.tlv;

/**
 * Thrown by {@link TlvCodecRegistry} for a frame whose type has no registered codec (and no fallback
 * handler was given).
 *
 * <p>When thrown by a {@link TlvCodecRegistry#dispatcher dispatcher} out of {@link TlvDecoder}'s
 * {@code feed}, the decoder adds the frame's stream offset ({@link #frameOffset()}), and the message names
 * it.
 */
public final class UnknownFrameTypeException extends RejectedFrameException {
    private static final long serialVersionUID = 1L;

    /** The registered types, for the message. */
    private final String registered;

    UnknownFrameTypeException(int type, int valueLength, String registered, boolean wholeFrame) {
        super(type, valueLength, wholeFrame);
        this.registered = registered;
    }

    @Override
    String describe(String at) {
        return "no codec is registered for TLV frame type " + Integer.toUnsignedString(type()) + at + " (value of "
                + length() + " byte(s)); registered types: " + registered;
    }

    /**
     * The frame's value length.
     *
     * @return the length in bytes
     */
    public int valueLength() {
        return length();
    }
}
