package io.bufkit.tlv;

/**
 * Thrown by {@link TlvCodecRegistry} when a frame's value length differs from the fixed size of the codec
 * registered for its type: the value is not a packet of that type, so it is rejected instead of read.
 */
public final class FrameLengthMismatchException extends TlvException {
    private static final long serialVersionUID = 1L;

    /** The frame's type. */
    private final int type;
    /** The size of the codec registered for the type. */
    private final int expectedLength;
    /** The frame's value length. */
    private final int actualLength;

    FrameLengthMismatchException(int type, int expectedLength, int actualLength, String codec) {
        super("TLV frame of type " + Integer.toUnsignedString(type) + " has a value of " + actualLength
                + " byte(s) but its codec " + codec + " expects exactly " + expectedLength);
        this.type = type;
        this.expectedLength = expectedLength;
        this.actualLength = actualLength;
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
}
