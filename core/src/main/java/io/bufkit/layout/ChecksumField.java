package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to a checksum field: the Internet checksum ({@code internetChecksum}, RFC 1071) or a CRC-32 or
 * CRC-32C ({@code crc32be}, {@code crc32le}, {@code crc32cbe}, {@code crc32cle}). The checksum covers the
 * whole packet — the view given to {@link PacketLayout#validate(ByteView)}, which for a
 * {@linkplain LayoutBuilder#prefix() prefix layout} may be longer than the layout — except the field's own
 * bytes (the Internet checksum counts them as zero), preceded by a pseudo-header for fields declared with
 * {@link LayoutBuilder#internetChecksumWithPseudoHeader(String)} (UDP, TCP).
 *
 * <p>{@link PacketLayout#validate(ByteView)} verifies checksum fields that need no pseudo-header, and
 * {@link PacketLayout#fillChecksums(MutableByteView)} fills them in once every other field is written.
 * Fields with a pseudo-header are checked and filled through this handle. Immutable and thread-safe.
 */
public sealed interface ChecksumField extends LayoutField permits ChecksumHandle {

    /**
     * The checksum stored in the packet.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the stored value, unsigned
     * @throws IndexOutOfBoundsException if the view is too short for the field
     */
    long get(ByteView packet);

    /**
     * The checksum the packet should hold, computed over every other byte of it.
     *
     * @param packet the whole packet, borrowed for the call
     * @return the computed value, unsigned
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws IllegalStateException if the field needs a pseudo-header
     */
    long compute(ByteView packet);

    /**
     * The checksum the packet should hold, computed over a pseudo-header and every other byte of it.
     *
     * @param pseudoHeader the pseudo-header (RFC 768, RFC 9293 §3.1), borrowed for the call
     * @param packet the whole packet, borrowed for the call
     * @return the computed value, unsigned
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws IllegalStateException if the field takes no pseudo-header
     */
    long compute(ByteView pseudoHeader, ByteView packet);

    /**
     * Whether the stored checksum is right.
     *
     * @param packet the whole packet, borrowed for the call
     * @return {@code true} if it is
     * @throws IllegalStateException if the field needs a pseudo-header
     */
    boolean verify(ByteView packet);

    /**
     * Whether the stored checksum is right for a pseudo-header and the packet.
     *
     * @param pseudoHeader the pseudo-header, borrowed for the call
     * @param packet the whole packet, borrowed for the call
     * @return {@code true} if it is
     * @throws IllegalStateException if the field takes no pseudo-header
     */
    boolean verify(ByteView pseudoHeader, ByteView packet);

    /**
     * Computes the checksum and stores it; call it after every other byte of the packet is written.
     *
     * @param packet the whole packet, borrowed for the call
     * @throws IllegalStateException if the field needs a pseudo-header
     */
    void fill(MutableByteView packet);

    /**
     * Computes the checksum over a pseudo-header and the packet and stores it.
     *
     * @param pseudoHeader the pseudo-header, borrowed for the call
     * @param packet the whole packet, borrowed for the call
     * @throws IllegalStateException if the field takes no pseudo-header
     */
    void fill(ByteView pseudoHeader, MutableByteView packet);

    /**
     * The checksum of {@code data} alone, as this field's algorithm computes it: for a checksum kept apart
     * from the bytes it covers, such as a CRC trailing a frame (PNG's chunk CRC over the chunk's type and
     * data). No byte of {@code data} is the field's own.
     *
     * @param data the covered bytes, borrowed for the call
     * @return the checksum, unsigned
     * @throws IllegalStateException if the field needs a pseudo-header
     */
    long computeApart(ByteView data);

    /**
     * Stores a checksum in the field, in its width and byte order.
     *
     * @param packet the packet holding the field at its offset, borrowed for the call
     * @param value the checksum, unsigned
     * @throws IndexOutOfBoundsException if the view is too short for the field
     */
    void set(MutableByteView packet, long value);

    /**
     * Whether the checksum covers a pseudo-header.
     *
     * @return {@code true} for fields declared with {@code internetChecksumWithPseudoHeader}
     */
    boolean needsPseudoHeader();
}
