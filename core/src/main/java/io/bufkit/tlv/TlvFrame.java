package io.bufkit.tlv;

import io.bufkit.Bytes;
import java.util.Objects;

/**
 * One decoded frame whose value is <em>owned</em>: an immutable {@link Bytes} copy that is safe to keep,
 * share and use as a map key. Produced by {@link TlvDecoder#decodeAll(TlvFormat, io.bufkit.ByteView)},
 * {@link TlvReader} and {@link TlvHandler#owned(java.util.function.Consumer)}.
 *
 * @param type the frame's type; with a four-byte type field, the unsigned 32-bit type in an {@code int}
 * @param value the frame's value, owned
 */
public record TlvFrame(int type, Bytes value) {

    /**
     * Creates a frame.
     *
     * @param type the frame's type: not 0, which no format allows; with a four-byte type field, the unsigned
     *     32-bit type in an {@code int}
     * @param value the frame's value, owned
     * @throws IllegalArgumentException if {@code type} is 0
     * @throws NullPointerException if {@code value} is null
     */
    public TlvFrame {
        Objects.requireNonNull(value, "value");
        if (type == 0) {
            throw new IllegalArgumentException("TLV frame type 0 is malformed in every format: types start at 1");
        }
    }

    /**
     * The frame's type as an unsigned number, for four-byte type fields.
     *
     * @return the type, 1 to 2<sup>32</sup>-1
     */
    public long unsignedType() {
        return Integer.toUnsignedLong(type);
    }

    /**
     * Describes the frame: its type and value.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TlvFrame[type=" + Integer.toUnsignedString(type) + ", value=" + value + "]";
    }
}
