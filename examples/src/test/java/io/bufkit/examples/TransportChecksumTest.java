package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.MessagePart;
import io.bufkit.message.PseudoHeader;
import io.bufkit.message.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TCP and UDP checksums over the IPv4 pseudo-header (RFC 9293 §3.1, RFC 768), filled in by encoding and,
 * when asked, checked by decoding, on packets whose checksums the kernel computed
 * ({@code captures/pcap/veth-checksums.pcap}, every one Good in tshark) and on loopback packets whose
 * checksums it left to the network card.
 */
class TransportChecksumTest {
    /** {@link Ipv4Packet#LAYOUT} with the transport checksums checked when decoding. */
    static final MessageLayout CHECKED = MessageLayout.builder("ipv4-packet")
            .section("ip", Ipv4Packet.IP).totalLength(Size.of("ip.totalLength"))
            .repeatSized("options", Size.of("ip.ihl").times(4).plus(-20), Ipv4Packet.OPTION)
            .checksumUpToHere("ip.checksum")
            .choice("transport", "ip.protocol",
                    Map.of(1, Ipv4Packet.ICMP_MESSAGE, 6, Ipv4Packet.TCP_SEGMENT, 17, Ipv4Packet.UDP_DATAGRAM))
            .pseudoHeaderChecksum("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")
                    .checkedWhenDecoding())
            .build();

    /** An IPv6 packet (RFC 8200 §3) carrying TCP or UDP, with their checksums over the IPv6 pseudo-header checked. */
    static final MessageLayout IPV6 = MessageLayout.builder("ipv6-packet")
            .section("ip", PacketLayout.builder("ipv6").bits("version", 4).bits("trafficClass", 8)
                    .bits("flowLabel", 20).u16be("payloadLength").u8("nextHeader").u8("hopLimit").bytes("src", 16)
                    .bytes("dst", 16).build())
            .choice("transport", "ip.nextHeader", Size.of("ip.payloadLength"),
                    Map.of(6, Ipv4Packet.TCP_SEGMENT, 17, Ipv4Packet.UDP_DATAGRAM))
            .pseudoHeaderChecksum("transport", PseudoHeader.ipv6("ip.src", "ip.dst", "ip.nextHeader")
                    .checkedWhenDecoding())
            .build();

    static List<ByteView> veth() throws IOException {
        return Ipv4PacketTest.packets("veth-checksums.pcap");
    }

    /**
     * The packet with its TCP or UDP checksum computed from RFC 1071's definition over the IPv4 pseudo-header
     * (source, destination, zero, protocol, length) and the segment, written here by hand, independently of
     * the library: a 16-bit one's complement sum, complemented; a UDP checksum of 0 sent as all ones.
     */
    static byte[] withTransportChecksum(ByteView packet) {
        byte[] b = packet.toByteArray();
        int protocol = b[9] & 0xFF;
        if (protocol != 6 && protocol != 17) {
            return b;
        }
        int header = (b[0] & 0x0F) * 4;
        int at = header + (protocol == 6 ? 16 : 6);
        b[at] = 0;
        b[at + 1] = 0;
        long sum = 0;
        for (int i = 12; i < 20; i += 2) {   // source and destination
            sum += (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
        }
        sum += protocol + (b.length - header);
        for (int i = header; i < b.length; i += 2) {
            sum += (b[i] & 0xFF) << 8 | (i + 1 < b.length ? b[i + 1] & 0xFF : 0);
        }
        while (sum > 0xFFFF) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        int checksum = (int) (~sum & 0xFFFF);
        checksum = checksum == 0 && protocol == 17 ? 0xFFFF : checksum;
        b[at] = (byte) (checksum >>> 8);
        b[at + 1] = (byte) checksum;
        return b;
    }

    @Test
    void theCapturedChecksumsAreWhatTsharkCheckedAndWhatThisTestComputes() throws IOException {
        List<String> tsv = Files.readAllLines(PcapReaderTest.CAPTURES.resolve("veth-checksums.fields.tsv"),
                StandardCharsets.UTF_8);
        List<ByteView> packets = veth();
        assertEquals(12, packets.size());
        for (int n = 0; n < packets.size(); n++) {
            String[] row = tsv.get(n).split("\t", -1);
            boolean tcp = packets.get(n).u8(9) == 6;
            assertEquals("1", tcp ? row[2] : row[4], "tshark says Good: " + tsv.get(n));
            int stored = packets.get(n).u16be(20 + (tcp ? 16 : 6));
            assertEquals(Integer.decode(tcp ? row[1] : row[3]), stored);
            assertArrayEquals(packets.get(n).toByteArray(), withTransportChecksum(packets.get(n)));
        }
    }

    @Test
    void checkedDecodingAcceptsEveryRealChecksum() throws IOException {
        for (ByteView packet : veth()) {
            assertEquals(packet.length(), CHECKED.decode(packet).end());
        }
    }

    @Test
    void aChangedByteIsAWrongChecksumNamingPathOffsetAndBothValues() throws IOException {
        ByteView ping = veth().get(3);   // "ping", PSH ACK
        byte[] changed = ping.toByteArray();
        changed[changed.length - 1] ^= 1;
        LayoutException e = assertThrows(LayoutException.class, () -> CHECKED.decode(ByteView.wrap(changed)));
        int stored = ping.u16be(36);
        int expected = ByteView.wrap(withTransportChecksum(ByteView.wrap(changed))).u16be(36);
        assertEquals(String.format("ipv4-packet: transport.tcp.checksum at offset 36: checksum over the IPv4 "
                + "pseudo-header and the 36 bytes from tcp on is wrong: expected 0x%04x but was 0x%04x", expected,
                stored), e.getMessage());
        assertEquals(String.format("0x%04x", expected), e.expected());
        assertEquals(36, e.offset());
        assertEquals(ping.length(), Ipv4Packet.LAYOUT.decode(ByteView.wrap(changed)).end(),
                "the example's layout reads the checksum as carried");
    }

    @Test
    void loopbackPacketsCarryUnfilledChecksumsThatOnlyCheckedDecodingRejects() throws IOException {
        int rejected = 0;
        for (ByteView packet : Ipv4PacketTest.packets()) {
            Ipv4Packet.LAYOUT.decode(packet);
            int protocol = packet.u8(9);
            if (protocol == 6 || protocol == 17) {
                LayoutException e = assertThrows(LayoutException.class, () -> CHECKED.decode(packet));
                assertTrue(e.getMessage().contains(protocol == 6 ? "transport.tcp.checksum" : "transport.udp.checksum"),
                        e.getMessage());
                rejected++;
            }
        }
        assertEquals(9, rejected);   // 8 TCP segments and 1 UDP datagram
    }

    @Test
    void encodingFillsTheChecksumsTheKernelComputed() throws IOException {
        for (ByteView packet : veth()) {
            Ipv4 p = Ipv4.CODEC.decode(packet);
            assertArrayEquals(packet.toByteArray(), Ipv4.CODEC.encode(p));
            Ipv4.Transport transport = p.transport();
            if (transport instanceof Ipv4.TcpSegment t) {
                transport = new Ipv4.TcpSegment(new Ipv4.Tcp(t.tcp().srcPort(), t.tcp().dstPort(), t.tcp().seq(),
                        t.tcp().ack(), t.tcp().reserved(), t.tcp().flags(), t.tcp().window(), 0, t.tcp().urgent()),
                        t.options(), t.payload());
            } else if (transport instanceof Ipv4.UdpDatagram u) {
                transport = new Ipv4.UdpDatagram(new Ipv4.Udp(u.udp().srcPort(), u.udp().dstPort(), 0), u.payload());
            }
            Ipv4 zeroed = new Ipv4(p.ip(), p.options(), transport);
            assertArrayEquals(packet.toByteArray(), Ipv4.CODEC.encode(zeroed), "given as 0, filled in");
        }
    }

    @Test
    void aUdpChecksumOfZeroIsNoneAndAComputedZeroIsSentAsAllOnes() throws IOException {
        ByteView datagram = veth().get(10);   // "datagram"
        byte[] none = datagram.toByteArray();
        none[26] = 0;
        none[27] = 0;
        assertEquals(none.length, CHECKED.decode(ByteView.wrap(none)).end(), "0: the sender computed none");
        // change the payload's last word so that the checksum computes to 0: add the current checksum to it
        byte[] zero = datagram.toByteArray();
        int word = (zero[zero.length - 2] & 0xFF) << 8 | zero[zero.length - 1] & 0xFF;
        int sum = word + datagram.u16be(26);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        zero[zero.length - 2] = (byte) (sum >>> 8);
        zero[zero.length - 1] = (byte) sum;
        byte[] expected = withTransportChecksum(ByteView.wrap(zero));
        assertEquals(0xFFFF, ByteView.wrap(expected).u16be(26), "the sum is all ones: the checksum computes to 0");
        Ipv4 p = Ipv4.CODEC.decode(ByteView.wrap(expected));
        assertArrayEquals(expected, Ipv4.CODEC.encode(p));
        assertEquals(expected.length, CHECKED.decode(ByteView.wrap(expected)).end());
    }

    @Test
    void ipv6ChecksumsTheKernelComputedAreCheckedAndFilledIn() throws IOException {
        List<ByteView> packets = Ipv4PacketTest.packets("veth6-checksums.pcap");
        assertEquals(12, packets.size());
        for (ByteView packet : packets) {
            Map<String, Object> values = IPV6.decode(packet).toValues();
            assertArrayEquals(packet.toByteArray(), IPV6.encode(values), "checksum and payload length computed");
        }
        byte[] changed = packets.get(10).toByteArray();   // "datagram"
        changed[changed.length - 1] ^= 1;
        LayoutException e = assertThrows(LayoutException.class, () -> IPV6.decode(ByteView.wrap(changed)));
        assertTrue(e.getMessage().startsWith("ipv6-packet: transport.udp.checksum at offset 46: checksum over the "
                + "IPv6 pseudo-header and the 16 bytes from udp on is wrong"), e.getMessage());
    }

    @Test
    void describedAsAPartWithoutBytes() {
        MessagePart p = Ipv4Packet.LAYOUT.parts().get(Ipv4Packet.LAYOUT.parts().size() - 1);
        assertEquals(MessagePart.Kind.PSEUDO_HEADER_CHECKSUM, p.kind());
        assertEquals("transport", p.fieldPath());
        assertTrue(Ipv4Packet.LAYOUT.toString().contains("(pseudo-header checksum of transport): IPv4 pseudo-header "
                + "(ip.src, ip.dst, ip.protocol)"), Ipv4Packet.LAYOUT.toString());
    }

    @Test
    void declarationsThatCannotWorkAreRefusedWhenTheLayoutIsBuilt() {
        MessageLayout icmpOnly = MessageLayout.builder("icmp-only").rest("body").build();
        PacketLayout ip = Ipv4Packet.IP;
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("p")
                .section("ip", ip).choice("t", "ip.protocol", Map.of(1, icmpOnly))
                .pseudoHeaderChecksum("t", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")));
        assertEquals("p: no layout of t declares a checksum over a pseudo-header (internetChecksumWithPseudoHeader)",
                none.getMessage());
        IllegalArgumentException part = assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("p")
                .section("ip", ip).pseudoHeaderChecksum("ip", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")));
        assertEquals("p: pseudoHeaderChecksum(ip) names no choice, conditional or sized part declared before",
                part.getMessage());
        assertEquals("p: pseudo-header field ip.src is i32be (4 bytes); it must be 16 bytes wide",
                refusedOverTcp(PseudoHeader.ipv6("ip.src", "ip.dst", "ip.protocol")));
        assertEquals("p: pseudo-header field ip.totalLength is u16be (2 bytes); it must be a one-byte integer field",
                refusedOverTcp(PseudoHeader.ipv4("ip.src", "ip.dst", "ip.totalLength")));
        assertEquals("p: section ip has no field source for the pseudo-header",
                refusedOverTcp(PseudoHeader.ipv4("ip.source", "ip.dst", "ip.protocol")));
    }

    /** Why an IPv4 header carrying TCP cannot take this pseudo-header. */
    private static String refusedOverTcp(PseudoHeader header) {
        return assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("p")
                .section("ip", Ipv4Packet.IP).choice("t", "ip.protocol", Map.of(6, Ipv4Packet.TCP_SEGMENT))
                .pseudoHeaderChecksum("t", header)).getMessage();
    }
}
