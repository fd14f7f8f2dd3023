package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.checksum.InternetChecksum;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.PseudoHeader;
import io.bufkit.message.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TCP and UDP checksums over the IPv4 pseudo-header: checked on decode when declared verified, filled on
 * encode, against packets whose checksums hping3 computed and tshark calls Good.
 */
class TransportChecksumTest {
    /** 1 TCP SYN with 13 data bytes, 2 the RST-ACK, 3 UDP with 13 data bytes; all checksums correct. */
    static List<byte[]> good() throws IOException {
        ByteView file = ByteView.wrap(Files.readAllBytes(PcapReaderTest.CAPTURES.resolve("hping3-checksums.pcap")));
        Message pcap = PcapReader.LITTLE_ENDIAN.decode(file);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < pcap.count("records"); i++) {
            ByteView frame = pcap.element("records", i).bytes("packet");
            out.add(frame.slice(14, frame.length()).toByteArray());
        }
        return out;
    }

    @Test
    void correctChecksumsVerifyAndTheCaptureMatchesTshark() throws IOException {
        List<byte[]> packets = good();
        assertEquals(3, packets.size());
        int[] want = {0x29e3, 0xfba9, 0x924f};   // hping3-checksums.fields.tsv, all Good
        for (int i = 0; i < 3; i++) {
            byte[] p = packets.get(i);
            assertTrue(Ipv4PacketTest.verifiesOverPseudoHeader(p));
            Message m = Ipv4Packet.VERIFIED.decode(ByteView.wrap(p));
            String field = m.intValue("ip.protocol") == 6 ? "tcp.checksum" : "udp.checksum";
            assertEquals(want[i], m.sub("transport").intValue(field));
        }
        assertEquals("bufkit-pseudo", new String(Ipv4Packet.VERIFIED.decode(ByteView.wrap(packets.get(2)))
                .sub("transport").bytes("payload").toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void aFlippedPayloadByteFailsWhenVerifyingNamingPathOffsetExpectedAndActual() throws IOException {
        List<byte[]> packets = good();
        for (int i : new int[] {0, 2}) {
            byte[] p = packets.get(i).clone();
            p[p.length - 1] ^= 0x01;
            boolean tcp = p[9] == 6;
            int at = Ipv4PacketTest.transportChecksumOffset(p);
            int stored = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
            int expected = expectedChecksum(p);
            LayoutException e = assertThrows(LayoutException.class, () -> Ipv4Packet.VERIFIED.decode(ByteView.wrap(p)));
            String path = tcp ? "transport.tcp.checksum" : "transport.udp.checksum";
            assertEquals(Optional.of(path), e.field());
            assertEquals(at, e.offset());
            assertEquals(String.format("0x%04x", expected), e.expected());
            assertEquals(String.format("0x%04x", stored), e.actual());
            assertEquals("ipv4-packet: " + path + " at offset " + at + ": checksum over the " + (p.length - 20)
                    + " bytes from " + (tcp ? "tcp" : "udp") + " to here and the pseudo-header is wrong: expected "
                    + e.expected() + " but was " + e.actual(), e.getMessage());
            // not verified by default, as captures with offloaded checksums need
            assertEquals(p.length, Ipv4Packet.LAYOUT.decode(ByteView.wrap(p)).end());
            Ipv4.CODEC.decode(ByteView.wrap(p));
        }
    }

    @Test
    void encodingFillsTheChecksumFromRecordsAndMaps() throws IOException {
        for (byte[] p : good()) {
            Ipv4 r = Ipv4.CODEC.decode(ByteView.wrap(p));
            Ipv4.Transport t = r.transport() instanceof Ipv4.TcpSegment s
                    ? new Ipv4.TcpSegment(withChecksum(s.tcp(), 0), s.options(), s.payload())
                    : new Ipv4.UdpDatagram(new Ipv4.Udp(((Ipv4.UdpDatagram) r.transport()).udp().srcPort(),
                            ((Ipv4.UdpDatagram) r.transport()).udp().dstPort(), 0),
                            ((Ipv4.UdpDatagram) r.transport()).payload());
            Ipv4 zeroed = new Ipv4(r.ip(), r.options(), t);
            byte[] encoded = Ipv4.CODEC.encode(zeroed);
            assertArrayEquals(p, encoded);   // hping3's checksums, computed again
            assertTrue(Ipv4PacketTest.verifiesOverPseudoHeader(encoded));
            assertEquals(r, Ipv4.CODEC.decode(ByteView.wrap(encoded)));

            Map<String, Object> values = new HashMap<>(Ipv4Packet.LAYOUT.decode(ByteView.wrap(p)).toValues());
            @SuppressWarnings("unchecked")
            Map<String, Object> transport = new HashMap<>((Map<String, Object>) values.get("transport"));
            String section = p[9] == 6 ? "tcp" : "udp";
            @SuppressWarnings("unchecked")
            Map<String, Object> header = new HashMap<>((Map<String, Object>) transport.get(section));
            header.remove("checksum");
            transport.put(section, header);
            values.put("transport", transport);
            byte[] fromMap = Ipv4Packet.LAYOUT.encode(values);
            assertArrayEquals(p, fromMap);
            assertEquals(p.length, Ipv4Packet.VERIFIED.decode(ByteView.wrap(fromMap)).end());
        }
    }

    @Test
    void udpZeroMeansNoChecksumAndAComputedZeroIsSentAsAllOnes() throws IOException {
        byte[] udp = good().get(2);
        byte[] none = udp.clone();
        none[26] = 0;
        none[27] = 0;
        assertEquals(0, Ipv4Packet.VERIFIED.decode(ByteView.wrap(none)).sub("transport").intValue("udp.checksum"));

        // a payload whose last word is the checksum of the datagram with it zero makes the sum all ones
        Ipv4 r = Ipv4.CODEC.decode(ByteView.wrap(udp));
        Ipv4.UdpDatagram d = (Ipv4.UdpDatagram) r.transport();
        byte[] data = new byte[14];
        Ipv4 zeroTail = new Ipv4(r.ip(), r.options(), new Ipv4.UdpDatagram(d.udp(), Bytes.of(data)));
        int c = expectedChecksum(Ipv4.CODEC.encode(zeroTail));
        data[12] = (byte) (c >>> 8);
        data[13] = (byte) c;
        byte[] encoded = Ipv4.CODEC.encode(new Ipv4(r.ip(), r.options(), new Ipv4.UdpDatagram(d.udp(),
                Bytes.of(data))));
        assertEquals(0, expectedChecksum(encoded));
        assertEquals(0xFFFF, ByteView.wrap(encoded).u16be(26));
        assertTrue(Ipv4PacketTest.verifiesOverPseudoHeader(encoded));
        assertEquals(0xFFFF, Ipv4Packet.VERIFIED.decode(ByteView.wrap(encoded)).sub("transport")
                .intValue("udp.checksum"));

        // TCP has no such rule: a computed 0 is sent as 0
        byte[] syn = good().get(0);
        Ipv4 t = Ipv4.CODEC.decode(ByteView.wrap(syn));
        Ipv4.TcpSegment s = (Ipv4.TcpSegment) t.transport();
        byte[] tcpData = new byte[14];
        int tc = expectedChecksum(Ipv4.CODEC.encode(new Ipv4(t.ip(), t.options(), new Ipv4.TcpSegment(s.tcp(),
                s.options(), Bytes.of(tcpData)))));
        tcpData[12] = (byte) (tc >>> 8);
        tcpData[13] = (byte) tc;
        byte[] tcpZero = Ipv4.CODEC.encode(new Ipv4(t.ip(), t.options(), new Ipv4.TcpSegment(s.tcp(), s.options(),
                Bytes.of(tcpData))));
        assertEquals(0, ByteView.wrap(tcpZero).u16be(36));
        assertTrue(Ipv4PacketTest.verifiesOverPseudoHeader(tcpZero));
        Ipv4Packet.VERIFIED.decode(ByteView.wrap(tcpZero));
    }

    @Test
    void aSegmentOnItsOwnHasNoPseudoHeader() throws IOException {
        byte[] syn = good().get(0);
        byte[] segment = ByteView.wrap(syn).slice(20, syn.length).toByteArray();
        segment[segment.length - 1] ^= 0x01;   // its checksum is wrong now, which nothing here can tell
        Message m = Ipv4Packet.TCP_SEGMENT.decode(ByteView.wrap(segment));
        assertEquals(0x29e3, m.intValue("tcp.checksum"));
        Map<String, Object> values = new HashMap<>(m.toValues());
        assertArrayEquals(segment, Ipv4Packet.TCP_SEGMENT.encode(values));   // written as given
    }

    @Test
    void buildTimeErrorsNameWhatIsWrong() {
        PacketLayout ip = Ipv4Packet.IP;
        Map<Integer, MessageLayout> tcp = Map.of(6, Ipv4Packet.TCP_SEGMENT);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("p")
                .section("ip", ip).choice("transport", "ip.protocol", tcp).build());
        assertEquals("p: part transport holds a level with a checksum over a pseudo-header; declare "
                + "pseudoHeader(\"transport\", ...) to supply it", none.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> MessageLayout
                .builder("p").section("ip", ip).choice("transport", "ip.protocol", tcp)
                .pseudoHeader("transport", PseudoHeader.ipv4("ip.source", "ip.dst", "ip.protocol")));
        assertTrue(unknown.getMessage().startsWith("p: the pseudo-header's source address ip.source names no field "
                + "of section ip; its fields are [version, ihl,"), unknown.getMessage());
        IllegalArgumentException noSection = assertThrows(IllegalArgumentException.class, () -> MessageLayout
                .builder("p").section("ip", ip).choice("transport", "ip.protocol", tcp)
                .pseudoHeader("transport", PseudoHeader.ipv4("ip.src", "ip6.dst", "ip.protocol")));
        assertEquals("p: the pseudo-header's destination address ip6.dst names no section declared before the part "
                + "it is supplied to; path is section.field", noSection.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> MessageLayout
                .builder("p").section("ip", ip).choice("transport", "ip.protocol", tcp)
                .pseudoHeader("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.totalLength")));
        assertEquals("p: the pseudo-header's protocol ip.totalLength is 2 bytes wide; ipv4(ip.src, ip.dst, "
                + "ip.totalLength) needs 1", width.getMessage());
        IllegalArgumentException v6 = assertThrows(IllegalArgumentException.class, () -> MessageLayout
                .builder("p").section("ip", ip).choice("transport", "ip.protocol", tcp)
                .pseudoHeader("transport", PseudoHeader.ipv6("ip.src", "ip.dst", "ip.protocol")));
        assertEquals("p: the pseudo-header's source address ip.src is 4 bytes wide; ipv6(ip.src, ip.dst, "
                + "ip.protocol) needs 16", v6.getMessage());
        IllegalArgumentException icmp = assertThrows(IllegalArgumentException.class, () -> MessageLayout
                .builder("p").section("ip", ip).choice("transport", "ip.protocol", Map.of(1, Ipv4Packet.ICMP_MESSAGE))
                .pseudoHeader("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")));
        assertEquals("p: no layout part transport holds covers a checksum over a pseudo-header with "
                + "checksumUpToHere", icmp.getMessage());
        IllegalArgumentException noPart = assertThrows(IllegalArgumentException.class, () -> MessageLayout
                .builder("p").section("ip", ip)
                .pseudoHeader("ip", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")));
        assertEquals("p: pseudoHeader(ip) names no choice, sized or conditional part declared before",
                noPart.getMessage());
    }

    /** IPv6 (RFC 8200): 16-byte addresses in bytes fields, a 32-bit upper-layer length, the next header. */
    @Test
    void ipv6PseudoHeaderFillsAndVerifiesUdp() throws IOException {
        PacketLayout ip6 = PacketLayout.builder("ipv6").bits("version", 4).bits("trafficClass", 8)
                .bits("flowLabel", 20).u16be("payloadLength").u8("nextHeader").u8("hopLimit").bytes("src", 16)
                .bytes("dst", 16).build();
        MessageLayout packet = MessageLayout.builder("ipv6-packet").section("ip6", ip6)
                .choice("transport", "ip6.nextHeader", Size.of("ip6.payloadLength"),
                        Map.of(17, Ipv4Packet.UDP_DATAGRAM))
                .pseudoHeader("transport", PseudoHeader.ipv6("ip6.src", "ip6.dst", "ip6.nextHeader").verified())
                .build();
        byte[] udp = good().get(2);
        byte[] datagram = ByteView.wrap(udp).slice(20, udp.length).toByteArray();
        byte[] p = new byte[40 + datagram.length];
        p[0] = 0x60;
        p[4] = (byte) (datagram.length >>> 8);
        p[5] = (byte) datagram.length;
        p[6] = 17;
        p[7] = 64;
        p[23] = 1;   // ::1
        p[39] = 1;
        System.arraycopy(datagram, 0, p, 40, datagram.length);
        Map<String, Object> values = new HashMap<>(MessageLayout.builder("ipv6-raw").section("ip6", ip6).rest("rest")
                .build().decode(ByteView.wrap(p)).toValues());
        values.remove("rest");
        // the UDP checksum copied from IPv4 is wrong over the IPv6 pseudo-header
        assertThrows(LayoutException.class, () -> packet.decode(ByteView.wrap(p)));
        Map<String, Object> all = new HashMap<>(values);
        @SuppressWarnings("unchecked")
        Map<String, Object> transport = new HashMap<>((Map<String, Object>) Ipv4Packet.UDP_DATAGRAM
                .decode(ByteView.wrap(datagram)).toValues());
        all.put("transport", transport);
        byte[] encoded = packet.encode(all);
        byte[] pseudo = new byte[40];
        System.arraycopy(p, 8, pseudo, 0, 32);
        pseudo[34] = (byte) (datagram.length >>> 8);
        pseudo[35] = (byte) datagram.length;
        pseudo[39] = 17;
        ByteView segment = ByteView.wrap(encoded).slice(40, encoded.length);
        assertTrue(InternetChecksum.verify(ByteView.wrap(pseudo), segment));
        assertEquals(datagram.length + 40, packet.decode(ByteView.wrap(encoded)).end());
        encoded[encoded.length - 1] ^= 1;
        LayoutException e = assertThrows(LayoutException.class, () -> packet.decode(ByteView.wrap(encoded)));
        assertEquals(Optional.of("transport.udp.checksum"), e.field());
        assertEquals(46, e.offset());
    }

    /** The checksum the packet's TCP or UDP header should hold, by RFC 768 / RFC 9293 with its field zero. */
    static int expectedChecksum(byte[] packet) {
        byte[] zero = packet.clone();
        int at = Ipv4PacketTest.transportChecksumOffset(zero);
        zero[at] = 0;
        zero[at + 1] = 0;
        byte[] pseudo = new byte[12];
        System.arraycopy(zero, 12, pseudo, 0, 8);
        pseudo[9] = zero[9];
        int length = zero.length - 20;
        pseudo[10] = (byte) (length >>> 8);
        pseudo[11] = (byte) length;
        return InternetChecksum.compute(ByteView.wrap(pseudo), ByteView.wrap(zero).slice(20, zero.length));
    }

    static Ipv4.Tcp withChecksum(Ipv4.Tcp t, long checksum) {
        return new Ipv4.Tcp(t.srcPort(), t.dstPort(), t.seq(), t.ack(), t.reserved(), t.flags(), t.window(), checksum,
                t.urgent());
    }
}
