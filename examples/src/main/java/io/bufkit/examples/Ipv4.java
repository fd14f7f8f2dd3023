package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.message.MessageCodec;
import java.util.List;
import java.util.Optional;

/**
 * An IPv4 packet with options carrying ICMP, UDP or TCP with options, as records decoded and encoded by a
 * {@link MessageCodec} derived from {@link Ipv4Packet#LAYOUT}. Components are named like the layout's
 * parts and fields; IHL, the total length, TCP's data offset and the option lengths are computed when
 * encoding. The total length stays in {@link Ip} to read; when encoding, the value given is not used.
 *
 * @param ip the fixed header
 * @param options the IPv4 options
 * @param transport the ICMP message, TCP segment or UDP datagram
 */
public record Ipv4(Ip ip, List<Option> options, Transport transport) {

    /**
     * Decodes IPv4 packets into {@code Ipv4} records and encodes them back; decodes through {@link Ipv4Decoder},
     * generated from this codec by {@link io.bufkit.message.DecoderSource}.
     */
    public static final MessageCodec<Ipv4> CODEC = MessageCodec.of(Ipv4Packet.LAYOUT, Ipv4.class)
            .withDecoder(new Ipv4Decoder());

    /**
     * The fixed IPv4 header fields but IHL.
     *
     * @param version 4
     * @param tos type of service (DSCP and ECN)
     * @param totalLength header, options and payload in bytes, as decoded; computed when encoding, so 0 will do
     * @param id identification
     * @param flags reserved, don't fragment, more fragments
     * @param fragmentOffset in units of 8 bytes
     * @param ttl time to live
     * @param protocol 1 ICMP, 6 TCP, 17 UDP
     * @param checksum the header checksum over header and options, as decoded (checked when decoding);
     *     computed when encoding, so 0 will do
     * @param src the source address, most significant byte first
     * @param dst the destination address
     */
    public record Ip(int version, int tos, int totalLength, int id, int flags, int fragmentOffset, int ttl,
            int protocol, long checksum, int src, int dst) {
    }

    /**
     * One option.
     *
     * @param kind 0 end of list, 1 no operation, others carry a length
     * @param value the bytes after kind and length, owned; absent for kinds 0 and 1 (the length byte is
     *     computed when encoding)
     */
    public record Option(int kind, Optional<Bytes> value) {
    }

    /** The transport, one record per alternative of the layout's {@code transport} choice. */
    public sealed interface Transport permits IcmpMessage, TcpSegment, UdpDatagram {
    }

    /**
     * An ICMP message.
     *
     * @param icmp type, code and checksum
     * @param body the rest, owned
     */
    public record IcmpMessage(Icmp icmp, Bytes body) implements Transport {
    }

    /**
     * ICMP's first four bytes.
     *
     * @param type the message type
     * @param code the code within the type
     * @param checksum over the whole ICMP message, as decoded (checked when decoding); computed when
     *     encoding, so 0 will do
     */
    public record Icmp(int type, int code, long checksum) {
    }

    /**
     * A TCP segment.
     *
     * @param tcp the fixed header
     * @param options the TCP options
     * @param payload the data, owned
     */
    public record TcpSegment(Tcp tcp, List<Option> options, Bytes payload) implements Transport {
    }

    /**
     * The fixed TCP header fields but the data offset.
     *
     * @param srcPort source port
     * @param dstPort destination port
     * @param seq sequence number (unsigned 32 bits in an int)
     * @param ack acknowledgment number (unsigned 32 bits in an int)
     * @param reserved the 4 reserved bits
     * @param flags CWR, ECE, URG, ACK, PSH, RST, SYN, FIN
     * @param window the window field, unscaled
     * @param checksum over the pseudo-header and the segment, as decoded (not checked: captures on loopback
     *     carry checksums the kernel left to the network card); computed when encoding, so 0 will do
     * @param urgent the urgent pointer
     */
    public record Tcp(int srcPort, int dstPort, int seq, int ack, int reserved, int flags, int window, long checksum,
            int urgent) {
    }

    /**
     * A UDP datagram.
     *
     * @param udp the header but its length
     * @param payload the data, owned
     */
    public record UdpDatagram(Udp udp, Bytes payload) implements Transport {
    }

    /**
     * The UDP header fields but the length.
     *
     * @param srcPort source port
     * @param dstPort destination port
     * @param checksum over the pseudo-header and the datagram, as decoded (not checked; 0 if the sender
     *     computed none); computed when encoding, so 0 will do
     */
    public record Udp(int srcPort, int dstPort, long checksum) {
    }
}
