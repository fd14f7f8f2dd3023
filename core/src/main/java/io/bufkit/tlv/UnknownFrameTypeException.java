package io.bufkit.tlv;

/**
 * Thrown by {@link TlvCodecRegistry} for a frame whose type has no registered codec (and no fallback
 * handler was given).
 */
public final class UnknownFrameTypeException extends TlvException {
    private static final long serialVersionUID = 1L;

    /** The frame's type. */
    private final int type;
    /** The frame's value length. */
    private final int valueLength;

    UnknownFrameTypeException(int type, int valueLength, String registered) {
        super("no codec is registered for TLV frame type " + Integer.toUnsignedString(type) + " (value of "
                + valueLength + " byte(s)); registered types: " + registered);
        this.type = type;
        this.valueLength = valueLength;
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
}
