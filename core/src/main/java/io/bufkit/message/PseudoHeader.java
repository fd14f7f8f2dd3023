package io.bufkit.message;

import java.util.Objects;

/**
 * The pseudo-header that UDP and TCP checksums cover before the segment, made of fields of the enclosing
 * IP header: for IPv4 (RFC 768, RFC 9293 §3.1) the source and destination addresses, a zero byte, the
 * protocol and the 16-bit upper-layer length; for IPv6 (RFC 8200 §8.1) the two 16-byte addresses, the 32-bit
 * upper-layer length, three zero bytes and the next header. Declared with
 * {@link MessageBuilder#pseudoHeaderChecksum(String, PseudoHeader)}; the upper-layer length is the length of
 * the bytes the checksum covers.
 *
 * <p>Encoding always fills the checksum in. Decoding checks it only for a header made with
 * {@link #checkedWhenDecoding()}: operating systems leave transport checksums to the network card (captures
 * on loopback hold unfilled ones), so, as Wireshark does by default, a decoded checksum is read as carried
 * unless asked otherwise. Immutable and thread-safe.
 */
public final class PseudoHeader {
    final String source;
    final String destination;
    final String protocol;
    /** The addresses' width in bytes: 4 for IPv4, 16 for IPv6. */
    final int addressBytes;
    final boolean checked;

    private PseudoHeader(String source, String destination, String protocol, int addressBytes, boolean checked) {
        this.source = Objects.requireNonNull(source, "source");
        this.destination = Objects.requireNonNull(destination, "destination");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.addressBytes = addressBytes;
        this.checked = checked;
    }

    /**
     * The IPv4 pseudo-header (RFC 768; RFC 9293 §3.1): source, destination, zero, protocol, upper-layer
     * length. Over IPv4 a UDP checksum of 0 means that the sender computed none (RFC 768): decoding does not
     * check it, and encoding writes a computed 0 as {@code 0xFFFF}, the same sum in one's complement.
     *
     * @param sourcePath {@code "section.field"} of the 4-byte source address, such as {@code "ip.src"}
     * @param destinationPath {@code "section.field"} of the 4-byte destination address
     * @param protocolPath {@code "section.field"} of the 8-bit protocol number
     * @return the pseudo-header, not checked when decoding
     */
    public static PseudoHeader ipv4(String sourcePath, String destinationPath, String protocolPath) {
        return new PseudoHeader(sourcePath, destinationPath, protocolPath, 4, false);
    }

    /**
     * The IPv6 pseudo-header (RFC 8200 §8.1): source, destination, 32-bit upper-layer length, three zero
     * bytes, next header. The next header must be the transport's own (no extension headers between).
     *
     * @param sourcePath {@code "section.field"} of the 16-byte source address, a {@code bytes(name, 16)} field
     * @param destinationPath {@code "section.field"} of the 16-byte destination address
     * @param nextHeaderPath {@code "section.field"} of the 8-bit next header
     * @return the pseudo-header, not checked when decoding
     */
    public static PseudoHeader ipv6(String sourcePath, String destinationPath, String nextHeaderPath) {
        return new PseudoHeader(sourcePath, destinationPath, nextHeaderPath, 16, false);
    }

    /**
     * The same pseudo-header, with decoding checking every checksum over it: a wrong one is a
     * {@link io.bufkit.layout.LayoutException} naming the checksum's path and offset, the expected and the
     * stored value.
     *
     * @return a pseudo-header that is checked when decoding
     */
    public PseudoHeader checkedWhenDecoding() {
        return new PseudoHeader(source, destination, protocol, addressBytes, true);
    }

    /**
     * Whether decoding checks the checksums over this pseudo-header.
     *
     * @return {@code true} if made with {@link #checkedWhenDecoding()}
     */
    public boolean isCheckedWhenDecoding() {
        return checked;
    }

    /** {@code "IPv4 pseudo-header"} or {@code "IPv6 pseudo-header"}. */
    String kind() {
        return (addressBytes == 4 ? "IPv4" : "IPv6") + " pseudo-header";
    }

    /** The bytes the pseudo-header takes: 12 for IPv4, 40 for IPv6. */
    int size() {
        return addressBytes == 4 ? 12 : 40;
    }

    /**
     * The pseudo-header's text, for layouts' descriptions.
     *
     * @return for example {@code "IPv4 pseudo-header (ip.src, ip.dst, ip.protocol)"}
     */
    @Override
    public String toString() {
        return kind() + " (" + source + ", " + destination + ", "
                + protocol + ")" + (checked ? ", checked when decoding" : "");
    }
}
