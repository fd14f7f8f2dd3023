package io.bufkit.checksum;

import io.bufkit.ByteView;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of the data as
 * big-endian 16-bit words, an odd last byte padded with a zero byte. IPv4 computes it over its header;
 * UDP and TCP over a pseudo-header (RFC 768, RFC 9293 §3.1) followed by the segment.
 *
 * <pre>{@code
 * int sum = InternetChecksum.compute(header);          // with the checksum field zero
 * boolean ok = InternetChecksum.verify(header);        // with the checksum field as received
 * boolean udpOk = InternetChecksum.verify(pseudoHeader, datagram);
 * }</pre>
 *
 * <p>The sum reads 8 bytes at a time and allocates nothing.
 */
public final class InternetChecksum {

    private InternetChecksum() {
    }

    /**
     * Adds the bytes of {@code data} to a running sum, as big-endian 16-bit words starting at an even
     * position. The sum is not folded; {@link #fold(long)} folds it to 16 bits.
     *
     * @param sum the sum so far, 0 to start
     * @param data the bytes, borrowed for the call
     * @return the new running sum
     */
    public static long add(long sum, ByteView data) {
        long acc = sum;
        int n = data.length();
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = data.i64be(i);
            acc += (w >>> 32) + (w & 0xFFFF_FFFFL);
        }
        if (i + 4 <= n) {
            acc += data.u32be(i);
            i += 4;
        }
        if (i + 2 <= n) {
            acc += data.u16be(i);
            i += 2;
        }
        if (i < n) {
            acc += data.u8(i) << 8;
        }
        return acc;
    }

    /**
     * Folds a running sum to its 16-bit ones' complement sum (end-around carry).
     *
     * @param sum a running sum from {@link #add(long, ByteView)}
     * @return the ones' complement sum, 0 to 0xFFFF
     */
    public static int fold(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    /**
     * The checksum of {@code data}, to store in a checksum field that holds zero while it is computed.
     *
     * @param data the bytes, borrowed for the call
     * @return the checksum, 0 to 0xFFFF
     */
    public static int compute(ByteView data) {
        return ~fold(add(0, data)) & 0xFFFF;
    }

    /**
     * The checksum of a pseudo-header followed by {@code data}, as UDP and TCP compute it.
     *
     * @param pseudoHeader the pseudo-header, of even length, borrowed for the call
     * @param data the bytes, borrowed for the call
     * @return the checksum, 0 to 0xFFFF
     * @throws IllegalArgumentException if the pseudo-header has an odd length
     */
    public static int compute(ByteView pseudoHeader, ByteView data) {
        return ~fold(add(add(0, even(pseudoHeader)), data)) & 0xFFFF;
    }

    /**
     * Whether data that holds its checksum sums to all ones, as a receiver checks it.
     *
     * @param data the bytes, checksum field included, borrowed for the call
     * @return {@code true} if the checksum is right
     */
    public static boolean verify(ByteView data) {
        return fold(add(0, data)) == 0xFFFF;
    }

    /**
     * Whether a pseudo-header followed by data that holds its checksum sums to all ones.
     *
     * @param pseudoHeader the pseudo-header, of even length, borrowed for the call
     * @param data the bytes, checksum field included, borrowed for the call
     * @return {@code true} if the checksum is right
     * @throws IllegalArgumentException if the pseudo-header has an odd length
     */
    public static boolean verify(ByteView pseudoHeader, ByteView data) {
        return fold(add(add(0, even(pseudoHeader)), data)) == 0xFFFF;
    }

    private static ByteView even(ByteView pseudoHeader) {
        if ((pseudoHeader.length() & 1) != 0) {
            throw new IllegalArgumentException("a pseudo-header has an even length, not " + pseudoHeader.length());
        }
        return pseudoHeader;
    }
}
