package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.checksum.InternetChecksum;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.Message;
import io.bufkit.testkit.MessageLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** IPv4 with options carrying ICMP, UDP and TCP with options, from a loopback capture, against tshark. */
class Ipv4PacketTest {
    /** The IPv4 packets of the capture (after the 14-byte Ethernet header). */
    static List<ByteView> packets() throws IOException {
        return packets("loopback-tcp-udp.pcap");
    }

    /** The IPv4 packets of a capture of Ethernet frames (after the 14-byte Ethernet header). */
    static List<ByteView> packets(String capture) throws IOException {
        ByteView file = ByteView.wrap(Files.readAllBytes(PcapReaderTest.CAPTURES.resolve(capture)));
        Message pcap = PcapReader.LITTLE_ENDIAN.decode(file);
        List<ByteView> out = new ArrayList<>();
        for (int i = 0; i < pcap.count("records"); i++) {
            ByteView frame = pcap.element("records", i).bytes("packet");
            out.add(frame.slice(14, frame.length()));
        }
        return out;
    }

    @Test
    void everyFieldMatchesTshark() throws IOException {
        List<String> tsv = Files.readAllLines(PcapReaderTest.CAPTURES.resolve("loopback-tcp-udp.fields.tsv"),
                StandardCharsets.UTF_8);
        List<String> columns = List.of(tsv.get(0).split("\t", -1));
        List<ByteView> packets = packets();
        assertEquals(tsv.size() - 1, packets.size());
        int tcpWithOptions = 0;
        for (int n = 0; n < packets.size(); n++) {
            String[] row = tsv.get(n + 1).split("\t", -1);
            Function<String, String> want = column -> row[columns.indexOf(column)].split(",")[0];
            Message p = Ipv4Packet.LAYOUT.decode(packets.get(n));
            assertEquals(want.apply("ip.hdr_len"), Integer.toString(p.intValue("ip.ihl") * 4));
            assertEquals(Integer.decode(want.apply("ip.dsfield")), p.intValue("ip.tos"));
            assertEquals(want.apply("ip.len"), Integer.toString(p.intValue("ip.totalLength")));
            assertEquals(Integer.decode(want.apply("ip.id")), p.intValue("ip.id"));
            assertEquals(Integer.decode(want.apply("ip.flags")), p.intValue("ip.flags"));
            assertEquals(want.apply("ip.frag_offset"), Integer.toString(p.intValue("ip.fragmentOffset")));
            assertEquals(want.apply("ip.ttl"), Integer.toString(p.intValue("ip.ttl")));
            assertEquals(want.apply("ip.proto"), Integer.toString(p.intValue("ip.protocol")));
            assertEquals(Integer.decode(want.apply("ip.checksum")), p.intValue("ip.checksum"));
            assertEquals(want.apply("ip.src"), PcapReader.address(p.intValue("ip.src")));
            assertEquals(want.apply("ip.dst"), PcapReader.address(p.intValue("ip.dst")));
            Message ipOptions = p;   // the options are a repeat of the packet
            assertEquals(row[columns.indexOf("ip.opt.type")], meaningfulKinds(ipOptions));
            if (!want.apply("ip.opt.ptr").isEmpty()) {
                Message recordRoute = option(ipOptions, 7);
                ByteView data = recordRoute.sub("value").bytes("data");
                assertEquals(want.apply("ip.opt.ptr"), Integer.toString(data.u8(0)));
                List<String> route = new ArrayList<>();
                for (int at = 1; at + 4 <= data.u8(0) - 3; at += 4) {   // the pointer is 1-based from the kind
                    route.add(PcapReader.address(data.i32be(at)));
                }
                assertEquals(row[columns.indexOf("ip.rec_rt")], String.join(",", route));
            }
            Message t = p.sub("transport");
            switch (p.intValue("ip.protocol")) {
                case 17 -> {
                    assertEquals(want.apply("udp.srcport"), Integer.toString(t.intValue("udp.srcPort")));
                    assertEquals(want.apply("udp.dstport"), Integer.toString(t.intValue("udp.dstPort")));
                    assertEquals(want.apply("udp.length"), Integer.toString(t.intValue("udp.length")));
                    assertEquals(Integer.decode(want.apply("udp.checksum")), t.intValue("udp.checksum"));
                    assertEquals("datagram", t.string("payload"));
                }
                case 6 -> {
                    assertEquals(want.apply("tcp.srcport"), Integer.toString(t.intValue("tcp.srcPort")));
                    assertEquals(want.apply("tcp.dstport"), Integer.toString(t.intValue("tcp.dstPort")));
                    assertEquals(want.apply("tcp.seq_raw"), Long.toString(t.intValue("tcp.seq") & 0xFFFFFFFFL));
                    assertEquals(want.apply("tcp.ack_raw"), Long.toString(t.intValue("tcp.ack") & 0xFFFFFFFFL));
                    assertEquals(want.apply("tcp.hdr_len"), Integer.toString(t.intValue("tcp.dataOffset") * 4));
                    assertEquals(Integer.decode(want.apply("tcp.flags")), t.intValue("tcp.flags"));
                    assertEquals(want.apply("tcp.window_size_value"), Integer.toString(t.intValue("tcp.window")));
                    assertEquals(Integer.decode(want.apply("tcp.checksum")), t.intValue("tcp.checksum"));
                    assertEquals(want.apply("tcp.urgent_pointer"), Integer.toString(t.intValue("tcp.urgent")));
                    assertEquals(want.apply("tcp.len"), Integer.toString(t.bytes("payload").length()));
                    Message options = t;   // the options are a repeat of the segment
                    assertEquals(row[columns.indexOf("tcp.option_kind")], allKinds(options));
                    assertEquals(want.apply("tcp.options.timestamp.tsval"),
                            Long.toString(option(options, 8).sub("value").bytes("data").u32be(0)));
                    assertEquals(want.apply("tcp.options.timestamp.tsecr"),
                            Long.toString(option(options, 8).sub("value").bytes("data").u32be(4)));
                    if (!want.apply("tcp.options.mss_val").isEmpty()) {
                        tcpWithOptions++;
                        assertEquals(want.apply("tcp.options.mss_val"),
                                Integer.toString(option(options, 2).sub("value").bytes("data").u16be(0)));
                        assertEquals(want.apply("tcp.options.wscale.shift"),
                                Integer.toString(option(options, 3).sub("value").bytes("data").u8(0)));
                    }
                }
                default -> assertEquals(1, p.intValue("ip.protocol"));
            }
        }
        assertEquals(2, tcpWithOptions);   // SYN and SYN-ACK carry MSS, SACK permitted, timestamps, window scale
    }

    /** The record with its total length left for encoding to compute. */
    static Ipv4 withoutTotalLength(Ipv4 p) {
        Ipv4.Ip ip = p.ip();
        return new Ipv4(new Ipv4.Ip(ip.version(), ip.tos(), 0, ip.id(), ip.flags(), ip.fragmentOffset(), ip.ttl(),
                ip.protocol(), ip.checksum(), ip.src(), ip.dst()), p.options(), p.transport());
    }

    @Test
    void recordsRoundTripEveryPacketAndReadTheSameFields() throws IOException {
        for (ByteView packet : packets()) {
            Ipv4 p = Ipv4.CODEC.decode(packet);
            assertEquals(packet.length(), p.ip().totalLength());
            byte[] filled = TransportChecksumTest.withTransportChecksum(packet);   // the kernel left TCP's and UDP's
            assertArrayEquals(filled, Ipv4.CODEC.encode(withoutTotalLength(p)));
            Map<String, Object> values = new HashMap<>(Ipv4Packet.LAYOUT.decode(packet).toValues());
            @SuppressWarnings("unchecked")
            Map<String, Object> ip = new HashMap<>((Map<String, Object>) values.get("ip"));
            ip.remove("totalLength");
            ip.remove("ihl");
            values.put("ip", ip);
            assertArrayEquals(filled, Ipv4Packet.LAYOUT.encode(values));
            Message m = Ipv4Packet.LAYOUT.decode(packet);
            assertEquals(m.intValue("ip.id"), p.ip().id());
            assertEquals(m.count("options"), p.options().size());
        }
        Ipv4 syn = Ipv4.CODEC.decode(packets().get(2));
        Ipv4.TcpSegment tcp = (Ipv4.TcpSegment) syn.transport();
        assertEquals(7070, tcp.tcp().dstPort());
        assertEquals(List.of(2, 4, 8, 1, 3), tcp.options().stream().map(Ipv4.Option::kind).toList());
        assertEquals(65495, tcp.options().get(0).value().orElseThrow().view().u16be(0));
        Ipv4 echo = Ipv4.CODEC.decode(packets().get(0));
        assertEquals(15, Ipv4Packet.LAYOUT.decode(packets().get(0)).intValue("ip.ihl"));
        assertEquals(7, echo.options().get(1).kind());
    }

    @Test
    void anOptionRunningPastTheHeaderIsALayoutExceptionNamingIt() throws IOException {
        byte[] syn = packets().get(2).toByteArray();
        syn[20 + 20 + 1] = 40;   // the MSS option claims 40 bytes of a 20-byte option area
        LayoutException e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(syn)));
        assertTrue(e.getMessage().contains("transport.options[0]"), e.getMessage());
        byte[] short_ = Arrays.copyOf(packets().get(0).toByteArray(), 30);   // IHL 15 but 30 bytes
        assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(short_)));
    }

    @Test
    void ethernetPaddingAfterTheTotalLengthIsOutsideThePacket() throws IOException {
        ByteView udp = packets().stream().filter(p -> p.u8(9) == 17).findFirst().orElseThrow();
        byte[] frameBody = Arrays.copyOf(udp.toByteArray(), 46);   // an Ethernet frame's minimum payload
        assertTrue(udp.length() < 46, udp.length() + " bytes");
        Message m = Ipv4Packet.LAYOUT.decodePrefix(ByteView.wrap(frameBody));
        assertEquals(udp.length(), m.end());
        assertEquals("datagram", m.sub("transport").string("payload"));
        LayoutException e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(frameBody)));
        assertEquals("ipv4-packet: (end) at offset " + udp.length() + ": " + (46 - udp.length()) + " bytes left over "
                + "after the message, where ip.totalLength ends it", e.getMessage());
    }

    @Test
    void aTotalLengthPastTheEndOrSmallerThanTheHeaderIsALayoutExceptionNamingIt() throws IOException {
        byte[] echo = packets().get(0).toByteArray();   // IHL 15: 60 bytes of header
        byte[] past = echo.clone();
        past[3]++;
        LayoutException e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(past)));
        assertEquals("ipv4-packet: ip.totalLength at offset 2: total length " + (echo.length + 1) + " (ip.totalLength = "
                + (echo.length + 1) + ") points past the end", e.getMessage());
        assertEquals(Optional.of("ip.totalLength"), e.field());
        byte[] small = echo.clone();
        small[2] = 0;
        small[3] = 16;
        e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(small)));
        assertEquals("ipv4-packet: ip.totalLength at offset 2: total length 16 (ip.totalLength = 16) is smaller than "
                + "the 20 bytes already decoded", e.getMessage());
        small[3] = 40;   // holds the fixed header but not the 40 bytes of options IHL 15 says follow
        e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(small)));
        assertEquals("ipv4-packet: options at offset 20: length 40 (ip.ihl×4−20 = 40) points past the end",
                e.getMessage());
        byte[] syn = packets().get(2).toByteArray();   // TCP with 20 bytes of options, no payload
        byte[] cut = syn.clone();
        cut[3] -= 4;   // ends inside the TCP options; the header checksum made right again for the new length
        cut[10] = 0;
        cut[11] = 0;
        int sum = InternetChecksum.compute(ByteView.wrap(cut).slice(0, 20));
        cut[10] = (byte) (sum >>> 8);
        cut[11] = (byte) sum;
        assertEquals("ipv4-packet: ip.checksum at offset 10: checksum over the 20 bytes from ip to here is wrong: "
                + "expected 0x" + String.format("%04x", sum) + " but was 0x" + HexFormat.of().formatHex(syn, 10, 12),
                assertThrows(LayoutException.class, () -> {
                    byte[] stale = cut.clone();
                    stale[10] = syn[10];
                    stale[11] = syn[11];
                    Ipv4Packet.LAYOUT.decodePrefix(ByteView.wrap(stale));
                }).getMessage());
        e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decodePrefix(ByteView.wrap(cut)));
        assertTrue(e.getMessage().startsWith("ipv4-packet: transport.options"), e.getMessage());
    }

    @Test
    void theHeaderAndIcmpChecksumsAreCheckedWhileDecodingAndFilledInWhenEncoding() throws IOException {
        byte[] echo = packets().stream().filter(q -> q.u8(9) == 1).findFirst().orElseThrow().toByteArray();
        int icmp = (echo[0] & 0x0F) * 4;
        byte[] body = echo.clone();
        body[body.length - 1] ^= 0x40;   // the last byte of the echo data
        LayoutException e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(body)));
        assertEquals(Optional.of("transport.icmp.checksum"), e.field());
        assertEquals(icmp + 2, e.offset());
        byte[] header = echo.clone();
        header[8]--;                     // the TTL, without updating the header checksum
        e = assertThrows(LayoutException.class, () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(header)));
        assertEquals(Optional.of("ip.checksum"), e.field());
        Ipv4 p = Ipv4.CODEC.decode(ByteView.wrap(echo));
        Ipv4.IcmpMessage m = (Ipv4.IcmpMessage) p.transport();
        Ipv4.Ip ip = p.ip();
        Ipv4 zeroed = new Ipv4(new Ipv4.Ip(ip.version(), ip.tos(), 0, ip.id(), ip.flags(), ip.fragmentOffset(),
                ip.ttl(), ip.protocol(), 0, ip.src(), ip.dst()), p.options(),
                new Ipv4.IcmpMessage(new Ipv4.Icmp(m.icmp().type(), m.icmp().code(), 0), m.body()));
        assertArrayEquals(echo, Ipv4.CODEC.encode(zeroed));
    }

    @Test
    void encodingComputesTheTotalLengthOrSaysItCannotHoldIt() throws IOException {
        Ipv4 p = Ipv4.CODEC.decode(packets().stream().filter(q -> q.u8(9) == 17).findFirst().orElseThrow());
        Ipv4.UdpDatagram udp = (Ipv4.UdpDatagram) p.transport();
        assertEquals(0, p.options().size());
        Ipv4 big = new Ipv4(p.ip(), p.options(), new Ipv4.UdpDatagram(udp.udp(), Bytes.of(new byte[65510])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv4.CODEC.encode(big));
        assertEquals("ipv4-packet: ip.totalLength: cannot hold 65538 (65538 bytes of ipv4-packet): u16be holds 0 to "
                + "65535", e.getMessage());
        Ipv4 fits = new Ipv4(p.ip(), p.options(), new Ipv4.UdpDatagram(udp.udp(), Bytes.of(new byte[1000])));
        assertEquals(20 + 8 + 1000, Ipv4.CODEC.decode(ByteView.wrap(Ipv4.CODEC.encode(fits))).ip().totalLength());
    }

    @Test
    void generatedPacketsRoundTripAndHostileOnesAreRejectedWithAPath() {
        MessageLayouts layouts = MessageLayouts.of(Ipv4Packet.LAYOUT);
        layouts.checkRoundTrip();
        layouts.checkArbitraryMessages();
        layouts.checkRecordRoundTrip(Ipv4.CODEC);
    }

    static Message option(Message options, int kind) {
        for (int i = 0; i < options.count("options"); i++) {
            if (options.element("options", i).intValue("kind") == kind) {
                return options.element("options", i);
            }
        }
        throw new AssertionError("no option " + kind);
    }

    static String allKinds(Message options) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < options.count("options"); i++) {
            kinds.add(Integer.toString(options.element("options", i).intValue("kind")));
        }
        return String.join(",", kinds);
    }

    /** The option types tshark lists for IPv4: every option up to and including the first end of list. */
    static String meaningfulKinds(Message options) {
        String all = allKinds(options);
        int eol = ("," + all + ",").indexOf(",0,");
        return eol < 0 ? all : all.substring(0, eol + 1);
    }
}
