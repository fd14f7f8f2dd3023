package io.bufkit.examples;

import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.PseudoHeader;
import io.bufkit.message.Size;
import java.util.Map;

/**
 * An IPv4 packet with options (RFC 791 §3.1) carrying ICMP (RFC 792), UDP (RFC 768) or TCP with options
 * (RFC 9293 §3.1), declared as message layouts. IPv4 and TCP options share one layout: kinds 0 (end of
 * list) and 1 (no operation) are a single byte, every other kind carries a length that counts its kind
 * and length bytes.
 *
 * <p>The header's total length ends the packet: {@code Ipv4Packet.LAYOUT.decode(packet)} decodes a packet
 * that fills the view, {@code decodePrefix(frameBody)} one followed by link-layer padding (an Ethernet
 * frame is at least 60 bytes), whose {@code end()} is the total length; encoding computes it. The
 * returned {@link io.bufkit.message.Message} borrows the view.
 *
 * <p>Encoding fills in every checksum: the header's, ICMP's, and TCP's and UDP's over the IPv4
 * pseudo-header. Decoding checks the header's and ICMP's; TCP's and UDP's are read as carried, since
 * captures on loopback hold checksums the kernel left to the network card. A layout made with
 * {@code PseudoHeader.ipv4(...).checkedWhenDecoding()} checks them too.
 */
public final class Ipv4Packet {
    private Ipv4Packet() {
    }

    /** The fixed 20 bytes of an IPv4 header. */
    public static final PacketLayout IP = PacketLayout.builder("ipv4")
            .bits("version", 4).bits("ihl", 4).u8("tos").u16be("totalLength").u16be("id")
            .bits("flags", 3).bits("fragmentOffset", 13).u8("ttl").u8("protocol").internetChecksum("checksum")
            .i32be("src").i32be("dst").build();
    /** The fixed 20 bytes of a TCP header; {@code flags} holds CWR, ECE, URG, ACK, PSH, RST, SYN, FIN. */
    public static final PacketLayout TCP = PacketLayout.builder("tcp")
            .u16be("srcPort").u16be("dstPort").i32be("seq").i32be("ack").bits("dataOffset", 4).bits("reserved", 4)
            .u8("flags").u16be("window").internetChecksumWithPseudoHeader("checksum").u16be("urgent").build();
    /** The 8-byte UDP header. */
    public static final PacketLayout UDP = PacketLayout.builder("udp")
            .u16be("srcPort").u16be("dstPort").u16be("length").internetChecksumWithPseudoHeader("checksum").build();
    /** The first 4 bytes of every ICMP message; the checksum covers the whole message, body included. */
    public static final PacketLayout ICMP = PacketLayout.builder("icmp").u8("type").u8("code")
            .internetChecksum("checksum").build();

    /** An option's length, which counts the kind and length bytes too, then its data. */
    static final MessageLayout OPTION_VALUE = MessageLayout.builder("option-value").prefixed("data", 1, 2).build();
    /** One IPv4 or TCP option: its kind, then a length and data unless the kind is 0 or 1. */
    public static final MessageLayout OPTION = MessageLayout.builder("option")
            .field("kind", WireType.U8).when("value", "kind", kind -> kind > 1, OPTION_VALUE).build();

    /** A TCP segment: header, options sized by the data offset, payload. */
    public static final MessageLayout TCP_SEGMENT = MessageLayout.builder("tcp-segment")
            .section("tcp", TCP).repeatSized("options", Size.of("tcp.dataOffset").times(4).plus(-20), OPTION)
            .rest("payload").build();
    /** A UDP datagram: header, payload sized by the length field. */
    public static final MessageLayout UDP_DATAGRAM = MessageLayout.builder("udp-datagram")
            .section("udp", UDP).bytes("payload", Size.of("udp.length").plus(-8)).build();
    /** An ICMP message: type, code, checksum over the whole message (RFC 792), then the type's body. */
    public static final MessageLayout ICMP_MESSAGE = MessageLayout.builder("icmp-message")
            .section("icmp", ICMP).rest("body").checksumUpToHere("icmp.checksum").build();

    /**
     * The whole packet: header, then, within the total length, options sized by IHL, whose end is the end of
     * the header checksum's coverage (RFC 791: "the checksum field is the 16 bit one's complement of the one's
     * complement sum of all 16 bit words in the header"), and the transport chosen by protocol number.
     */
    public static final MessageLayout LAYOUT = MessageLayout.builder("ipv4-packet")
            .section("ip", IP).totalLength(Size.of("ip.totalLength"))
            .repeatSized("options", Size.of("ip.ihl").times(4).plus(-20), OPTION)
            .checksumUpToHere("ip.checksum")
            .choice("transport", "ip.protocol", Map.of(1, ICMP_MESSAGE, 6, TCP_SEGMENT, 17, UDP_DATAGRAM))
            .pseudoHeaderChecksum("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol"))
            .build();
}
