package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * Maps a fixed binary packet to a value of the user's type — typically a record — and back.
 *
 * <p>{@link #decode(ByteView)} must not keep the view beyond the call: the view is <em>borrowed</em> and
 * its lease may end when the call returns. Copy what the value keeps (numbers are copies by nature; use
 * {@link ByteView#copy()} for byte fields).
 *
 * @param <T> the decoded type
 */
public interface PacketCodec<T> {

    /**
     * Decodes one packet.
     *
     * @param packet the packet's bytes, exactly {@link #size()} long; borrowed for the duration of the call
     * @return the decoded value, holding no reference to {@code packet}
     * @throws RuntimeException a specific exception naming field, offset and reason for a malformed packet
     */
    T decode(ByteView packet);

    /**
     * Encodes one packet into {@code out[0, size())}.
     *
     * @param value the value to encode
     * @param out where to write; at least {@link #size()} bytes long
     */
    void encode(T value, MutableByteView out);

    /**
     * The encoded size in bytes.
     *
     * @return the fixed packet size
     */
    int size();
}
