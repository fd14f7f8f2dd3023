package io.bufkit.message;

import java.util.Objects;

/**
 * The pseudo-header an enclosing level supplies to the transport checksums of a sub-level, declared with
 * {@link MessageBuilder#pseudoHeader(String, PseudoHeader)}: which fields of the enclosing level's sections
 * hold the source and destination addresses and the upper-layer protocol, and whether decoding verifies
 * the checksums it covers.
 *
 * <ul>
 *   <li>{@link #ipv4}: RFC 768, RFC 9293 §3.1: source address (4 bytes), destination address (4 bytes), a
 *       zero byte, the protocol, and the upper-layer length in 16 bits;</li>
 *   <li>{@link #ipv6}: RFC 8200 §8.1: source address (16 bytes), destination address (16 bytes), the
 *       upper-layer length in 32 bits, three zero bytes and the next header.</li>
 * </ul>
 * The upper-layer length is the length the checksum covers: the sub-level's bytes from the checksummed
 * section's first byte to its {@link MessageBuilder#checksumUpToHere} marker.
 *
 * <p>Encoding always fills the checksum in. Decoding verifies it only for a pseudo-header declared
 * {@link #verified()}: by default it does not, as Wireshark does not, because captures taken on the sending
 * host hold the checksums the network card would have filled in (checksum offload), not correct ones.
 *
 * <p>When the protocol is 17 (UDP), RFC 768's rules apply: encoding sends a computed checksum of 0 as
 * 0xFFFF, and over IPv4 a received checksum of 0 means the sender computed none, so it is not verified
 * (over IPv6, RFC 8200 §8.1 makes a zero UDP checksum wrong).
 *
 * <p>Immutable and thread-safe.
 */
public final class PseudoHeader {
    private final boolean ipv6;
    private final String srcPath;
    private final String dstPath;
    private final String protocolPath;
    private final boolean verified;

    private PseudoHeader(boolean ipv6, String srcPath, String dstPath, String protocolPath, boolean verified) {
        this.ipv6 = ipv6;
        this.srcPath = Objects.requireNonNull(srcPath, "srcPath");
        this.dstPath = Objects.requireNonNull(dstPath, "dstPath");
        this.protocolPath = Objects.requireNonNull(protocolPath, "protocolPath");
        this.verified = verified;
    }

    /**
     * The IPv4 pseudo-header (RFC 768, RFC 9293 §3.1), not verified on decode.
     *
     * @param srcPath {@code "section.field"} of the 4-byte source address
     * @param dstPath {@code "section.field"} of the 4-byte destination address
     * @param protocolPath {@code "section.field"} of the 1-byte protocol number
     * @return the pseudo-header declaration
     */
    public static PseudoHeader ipv4(String srcPath, String dstPath, String protocolPath) {
        return new PseudoHeader(false, srcPath, dstPath, protocolPath, false);
    }

    /**
     * The IPv6 pseudo-header (RFC 8200 §8.1), not verified on decode. The next header must be the one of
     * the upper-layer protocol: with extension headers between, declare the field that holds it.
     *
     * @param srcPath {@code "section.field"} of the 16-byte source address
     * @param dstPath {@code "section.field"} of the 16-byte destination address
     * @param nextHeaderPath {@code "section.field"} of the 1-byte next header
     * @return the pseudo-header declaration
     */
    public static PseudoHeader ipv6(String srcPath, String dstPath, String nextHeaderPath) {
        return new PseudoHeader(true, srcPath, dstPath, nextHeaderPath, false);
    }

    /**
     * The same pseudo-header, with decoding verifying the checksums it covers: a wrong one fails with a
     * {@link io.bufkit.layout.LayoutException} naming the checksum's path, its offset, the expected and
     * the stored value.
     *
     * @return a verified copy of this declaration
     */
    public PseudoHeader verified() {
        return new PseudoHeader(ipv6, srcPath, dstPath, protocolPath, true);
    }

    /**
     * Whether decoding verifies the checksums this pseudo-header covers.
     *
     * @return {@code true} if declared {@link #verified()}
     */
    public boolean isVerified() {
        return verified;
    }

    /**
     * Whether this is the IPv6 pseudo-header.
     *
     * @return {@code true} for {@link #ipv6}, {@code false} for {@link #ipv4}
     */
    public boolean isIpv6() {
        return ipv6;
    }

    /**
     * The path of the source address field.
     *
     * @return {@code "section.field"}
     */
    public String srcPath() {
        return srcPath;
    }

    /**
     * The path of the destination address field.
     *
     * @return {@code "section.field"}
     */
    public String dstPath() {
        return dstPath;
    }

    /**
     * The path of the protocol (IPv4) or next header (IPv6) field.
     *
     * @return {@code "section.field"}
     */
    public String protocolPath() {
        return protocolPath;
    }

    /** The width of an address: 4 bytes for IPv4, 16 for IPv6. */
    int addressWidth() {
        return ipv6 ? 16 : 4;
    }

    /**
     * The declaration as text.
     *
     * @return for example {@code "ipv4(ip.src, ip.dst, ip.protocol), verified"}
     */
    @Override
    public String toString() {
        return (ipv6 ? "ipv6(" : "ipv4(") + srcPath + ", " + dstPath + ", " + protocolPath + ")"
                + (verified ? ", verified" : "");
    }
}
