package io.bufkit.layout.headers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IPv4 (RFC 791 §3.1), UDP (RFC 768) and TCP (RFC 9293 §3.1) headers as layouts, checked field by field
 * against tshark's decoding of the same tcpdump capture (captures/pcap/loopback.pcap and
 * loopback.fields.tsv): IPv4 with options, ICMP, UDP, and TCP with options.
 */
class Ipv4UdpTcpHeaderTest {

    /** RFC 791 §3.1; the options (IHL > 5) follow, so the layout is a prefix. */
    static final PacketLayout IPV4 = PacketLayout.builder("ipv4")
            .bits("version", 4).expect(4).bits("ihl", 4)
            .bits("dscp", 6).bits("ecn", 2)
            .u16be("totalLength").u16be("identification")
            .bit("reserved").bit("dontFragment").bit("moreFragments").bits("fragmentOffset", 13)
            .u8("ttl").u8("protocol").internetChecksum("headerChecksum")
            .bytes("source", 4).bytes("destination", 4)
            .prefix()
            .build();
    static final IntField IHL = IPV4.intField("ihl");

    /** RFC 768, with the checksum over the pseudo-header. */
    static final PacketLayout UDP = PacketLayout.builder("udp")
            .u16be("sourcePort").u16be("destinationPort").u16be("length")
            .internetChecksumWithPseudoHeader("checksum")
            .prefix()
            .build();

    /** RFC 9293 §3.1: data offset, reserved bits and the eight flags; options follow. */
    static final PacketLayout TCP = PacketLayout.builder("tcp")
            .u16be("sourcePort").u16be("destinationPort").u32be("sequence").u32be("acknowledgment")
            .bits("dataOffset", 4).bits("reserved", 4)
            .bit("cwr").bit("ece").bit("urg").bit("ack").bit("psh").bit("rst").bit("syn").bit("fin")
            .u16be("window").internetChecksumWithPseudoHeader("checksum").u16be("urgentPointer")
            .prefix()
            .build();

    /** The IPv4 pseudo-header of UDP and TCP checksums (RFC 768, RFC 9293 §3.1). */
    static final PacketLayout PSEUDO = PacketLayout.builder("ipv4Pseudo")
            .bytes("source", 4).bytes("destination", 4).u8("zero").expect(0).u8("protocol").u16be("length")
            .build();

    private static final List<ByteView> PACKETS = Captures.packets(Captures.resource("pcap/loopback.pcap"));
    private static final List<Map<String, String>> TSHARK = Captures.tsv("pcap/loopback.fields.tsv");

    private static ByteView ip(int i) {
        ByteView frame = PACKETS.get(i);
        return frame.slice(Captures.ETHERNET, frame.length());
    }

    private static ByteView header(ByteView ip) {
        return ip.slice(0, 4 * IHL.get(ip));
    }

    private static ByteView pseudoHeader(ByteView ip) {
        ByteView segment = ip.slice(4 * IHL.get(ip), IPV4.intField("totalLength").get(ip));
        MutableByteView p = MutableByteView.allocate(PSEUDO.size());
        PSEUDO.writeConstants(p);
        PSEUDO.bytesField("source").set(p, IPV4.bytesField("source").get(ip));
        PSEUDO.bytesField("destination").set(p, IPV4.bytesField("destination").get(ip));
        PSEUDO.intField("protocol").set(p, IPV4.intField("protocol").get(ip));
        PSEUDO.intField("length").set(p, segment.length());
        return p;
    }

    @Test
    void everyIpv4HeaderMatchesTsharkAndItsChecksumVerifies() {
        assertEquals(TSHARK.size(), PACKETS.size());
        for (int i = 0; i < PACKETS.size(); i++) {
            Map<String, String> t = TSHARK.get(i);
            ByteView ip = ip(i);
            ByteView header = header(ip);
            assertEquals(20, IPV4.validate(header), "packet " + (i + 1));
            assertEquals(4, IPV4.intField("version").get(ip));
            assertEquals(Long.parseLong(t.get("ip.hdr_len")), header.length());
            assertEquals(Long.parseLong(t.get("ip.len")), IPV4.intField("totalLength").get(ip));
            assertEquals(Captures.number(t.get("ip.id")), IPV4.intField("identification").get(ip));
            assertEquals(Long.parseLong(t.get("ip.ttl")), IPV4.intField("ttl").get(ip));
            assertEquals(Long.parseLong(t.get("ip.proto")), IPV4.intField("protocol").get(ip));
            assertEquals(Captures.number(t.get("ip.checksum")), IPV4.checksumField("headerChecksum").get(ip));
            assertEquals(0, IPV4.intField("fragmentOffset").get(ip));
            assertTrue(IPV4.checksumField("headerChecksum").verify(header));
        }
    }

    @Test
    void theHeaderChecksumIsFilledInAfterTheOtherFields() {
        ByteView header = header(ip(0));   // 60 bytes: the checksum covers the Record Route option too
        MutableByteView copy = MutableByteView.allocate(header.length());
        copy.put(0, header);
        copy.putU16be(10, 0);
        LayoutException e = assertThrows(LayoutException.class, () -> IPV4.validate(copy));
        assertTrue(e.getMessage().contains("checksum expected 0x866c but was 0x0000"), e.getMessage());
        IPV4.fillChecksums(copy);
        assertArrayEquals(header.toByteArray(), copy.toByteArray());
    }

    @Test
    void udpHeadersMatchTsharkAndTheirChecksumsCoverThePseudoHeader() {
        ChecksumField checksum = UDP.checksumField("checksum");
        int udp = 0;
        for (int i = 0; i < PACKETS.size(); i++) {
            Map<String, String> t = TSHARK.get(i);
            if (t.get("udp.srcport").isEmpty()) {
                continue;
            }
            udp++;
            ByteView ip = ip(i);
            ByteView datagram = ip.slice(4 * IHL.get(ip), IPV4.intField("totalLength").get(ip));
            assertEquals(8, UDP.validate(datagram));
            assertEquals(Long.parseLong(t.get("udp.srcport")), UDP.intField("sourcePort").get(datagram));
            assertEquals(Long.parseLong(t.get("udp.dstport")), UDP.intField("destinationPort").get(datagram));
            assertEquals(Long.parseLong(t.get("udp.length")), UDP.intField("length").get(datagram));
            ByteView pseudo = pseudoHeader(ip);
            MutableByteView copy = MutableByteView.allocate(datagram.length());
            copy.put(0, datagram);
            checksum.fill(pseudo, copy);
            assertTrue(checksum.verify(pseudo, copy));
            copy.putU8(copy.length() - 1, copy.u8(copy.length() - 1) ^ 1);
            assertFalse(checksum.verify(pseudo, copy));
        }
        assertEquals(2, udp);
    }

    @Test
    void tcpHeadersMatchTsharkWithDataOffsetAndFlags() {
        int tcp = 0;
        for (int i = 0; i < PACKETS.size(); i++) {
            Map<String, String> t = TSHARK.get(i);
            if (t.get("tcp.srcport").isEmpty()) {
                continue;
            }
            tcp++;
            ByteView ip = ip(i);
            ByteView segment = ip.slice(4 * IHL.get(ip), IPV4.intField("totalLength").get(ip));
            assertEquals(20, TCP.validate(segment));
            assertEquals(Long.parseLong(t.get("tcp.srcport")), TCP.intField("sourcePort").get(segment));
            assertEquals(Long.parseLong(t.get("tcp.dstport")), TCP.intField("destinationPort").get(segment));
            assertEquals(Long.parseLong(t.get("tcp.seq_raw")), TCP.longField("sequence").get(segment));
            assertEquals(Long.parseLong(t.get("tcp.ack_raw")), TCP.longField("acknowledgment").get(segment));
            assertEquals(Long.parseLong(t.get("tcp.hdr_len")), 4 * TCP.intField("dataOffset").get(segment));
            assertEquals(Long.parseLong(t.get("tcp.window_size_value")), TCP.intField("window").get(segment));
            long flags = Captures.number(t.get("tcp.flags"));
            String[] names = {"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr"};
            for (int b = 0; b < names.length; b++) {
                assertEquals((flags >>> b) & 1, TCP.intField(names[b]).get(segment), names[b] + " of packet " + (i + 1));
            }
            assertEquals(Long.parseLong(t.get("tcp.len")), segment.length() - 4 * TCP.intField("dataOffset").get(segment));
        }
        assertEquals(10, tcp);
    }

    @Test
    void describeShowsTheIpv4HeaderBitByBitWithItsChecksum() {
        String text = IPV4.describe(header(ip(4)));
        assertTrue(text.contains("version         bits:4            0100 .... = 4 (0x04), as expected"), text);
        assertTrue(text.contains("fragmentOffset  bits:13           ...0 0000 0000 0000 = 0"), text);
        assertTrue(text.contains("headerChecksum  internetChecksum  0x"), text);
        assertTrue(text.contains(", ok"), text);
    }
}
