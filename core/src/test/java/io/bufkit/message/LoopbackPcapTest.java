package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.ByteView;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole pcap file of IPv4 with options carrying ICMP, UDP and TCP with options, checked against tshark. */
class LoopbackPcapTest {
    static final PacketLayout FILE_HEADER = PacketLayout.builder("pcap-header")
            .u32le("magic").u16le("major").u16le("minor").i32le("thiszone").i32le("sigfigs").i32le("snaplen")
            .i32le("linktype").build();
    static final PacketLayout RECORD_HEADER = PacketLayout.builder("pcap-record")
            .i32le("seconds").i32le("fraction").i32le("capturedLength").i32le("originalLength").build();
    static final PacketLayout ETHERNET = PacketLayout.builder("ethernet")
            .bytes("dst", 6).bytes("src", 6).u16be("type").build();
    static final PacketLayout IPV4 = PacketLayout.builder("ipv4")
            .bits("version", 4).bits("ihl", 4).u8("tos").u16be("totalLength").u16be("id").u16be("fragment")
            .u8("ttl").u8("protocol").u16be("checksum").bytes("src", 4).bytes("dst", 4).build();
    static final PacketLayout TCP = PacketLayout.builder("tcp")
            .u16be("srcPort").u16be("dstPort").i32be("seq").i32be("ack").bits("dataOffset", 4).bits("reserved", 4)
            .u8("flags").u16be("window").u16be("checksum").u16be("urgent").build();
    static final PacketLayout UDP = PacketLayout.builder("udp")
            .u16be("srcPort").u16be("dstPort").u16be("length").u16be("checksum").build();
    static final PacketLayout ICMP = PacketLayout.builder("icmp").u8("type").u8("code").u16be("checksum").build();

    static final MessageLayout TCP_SEGMENT = MessageLayout.builder("tcp-segment")
            .section("tcp", TCP).bytes("options", Size.of("tcp.dataOffset").times(4).plus(-20)).rest("payload")
            .build();
    static final MessageLayout UDP_DATAGRAM = MessageLayout.builder("udp-datagram")
            .section("udp", UDP).bytes("payload", Size.of("udp.length").plus(-8)).build();
    static final MessageLayout ICMP_MESSAGE = MessageLayout.builder("icmp-message")
            .section("icmp", ICMP).rest("body").build();
    static final MessageLayout FRAME = MessageLayout.builder("ethernet-ipv4")
            .section("eth", ETHERNET).section("ip", IPV4)
            .bytes("options", Size.of("ip.ihl").times(4).plus(-20))
            .choice("transport", "ip.protocol", Map.of(1, ICMP_MESSAGE, 6, TCP_SEGMENT, 17, UDP_DATAGRAM))
            .build();
    static final MessageLayout RECORD = MessageLayout.builder("record")
            .section("header", RECORD_HEADER).bytes("packet", Size.of("header.capturedLength")).build();
    static final MessageLayout PCAP = MessageLayout.builder("pcap")
            .section("file", FILE_HEADER).repeatToEnd("records", RECORD).build();

    @Test
    void everyPacketMatchesTsharkFields() throws IOException {
        Message file = PCAP.decode(ByteView.wrap(PostgresBodiesTest.resource("pcap/loopback.pcap")));
        String[] lines = new String(PostgresBodiesTest.resource("pcap/loopback.fields.tsv"), StandardCharsets.UTF_8)
                .split("\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        assertEquals(lines.length - 1, file.count("records"));
        for (int r = 0; r < file.count("records"); r++) {
            String[] want = lines[r + 1].split("\t", -1);
            Message record = file.element("records", r);
            Message frame = FRAME.decode(record.bytes("packet"));
            assertEquals(Integer.parseInt(want[header.indexOf("frame.cap_len")]), record.intValue("header.capturedLength"));
            assertEquals(Integer.parseInt(want[header.indexOf("ip.hdr_len")]), frame.intValue("ip.ihl") * 4);
            assertEquals(Integer.parseInt(want[header.indexOf("ip.ttl")]), frame.intValue("ip.ttl"));
            assertEquals(Integer.decode(want[header.indexOf("ip.id")]), frame.intValue("ip.id"));
            String optionTypes = want[header.indexOf("ip.opt.type")];
            if (!optionTypes.isEmpty()) {
                assertEquals(Integer.parseInt(optionTypes.split(",")[0]), frame.bytes("options").u8(0));
            } else {
                assertEquals(0, frame.bytes("options").length());
            }
            Message transport = frame.sub("transport");
            switch (frame.intValue("ip.protocol")) {
                case 1 -> assertEquals(Integer.parseInt(want[header.indexOf("icmp.type")]),
                        transport.intValue("icmp.type"));
                case 17 -> {
                    assertEquals(Integer.parseInt(want[header.indexOf("udp.srcport")]),
                            transport.intValue("udp.srcPort"));
                    assertEquals(Integer.parseInt(want[header.indexOf("udp.length")]) - 8,
                            transport.bytes("payload").length());
                }
                case 6 -> {
                    assertEquals(Integer.parseInt(want[header.indexOf("tcp.dstport")]),
                            transport.intValue("tcp.dstPort"));
                    assertEquals(Integer.parseInt(want[header.indexOf("tcp.hdr_len")]),
                            transport.intValue("tcp.dataOffset") * 4);
                    assertEquals(Integer.parseInt(want[header.indexOf("tcp.len")]),
                            transport.bytes("payload").length());
                    assertEquals(Long.parseLong(want[header.indexOf("tcp.seq_raw")]),
                            transport.intValue("tcp.seq") & 0xFFFFFFFFL);
                    String kinds = want[header.indexOf("tcp.option_kind")];
                    assertEquals(kinds, optionKinds(transport.bytes("options")));
                }
                default -> throw new AssertionError("unexpected protocol in capture");
            }
        }
    }

    /** Walks TCP options the way tshark lists their kinds: kind 0 and 1 are single bytes. */
    static String optionKinds(ByteView options) {
        List<String> kinds = new ArrayList<>();
        int at = 0;
        while (at < options.length()) {
            int kind = options.u8(at);
            kinds.add(Integer.toString(kind));
            if (kind == 0) {
                break;
            }
            at += kind == 1 ? 1 : options.u8(at + 1);
        }
        return String.join(",", kinds);
    }
}
