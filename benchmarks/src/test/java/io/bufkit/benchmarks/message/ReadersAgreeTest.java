package io.bufkit.benchmarks.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.checksum.InternetChecksum;
import io.bufkit.examples.Dns;
import io.bufkit.examples.DnsMessage;
import io.bufkit.examples.DnsMessageReader;
import io.bufkit.examples.Ipv4;
import io.bufkit.examples.Ipv4Packet;
import io.bufkit.examples.Ipv4PacketReader;
import io.bufkit.examples.Mqtt;
import io.bufkit.examples.MqttPacket;
import io.bufkit.examples.Postgres;
import io.bufkit.examples.PostgresMessage;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hand-written parsers and the examples' layouts hand out the same fields of real captured bytes. */
class ReadersAgreeTest {
    static ByteView capture(String name) throws IOException {
        return ByteView.wrap(Files.readAllBytes(Path.of("../core/src/test/resources/captures", name)));
    }

    /** The generated readers, reused from one message to the next as their users would. */
    static final Ipv4PacketReader IPV4_READER = new Ipv4PacketReader();
    static final DnsMessageReader DNS_READER = new DnsMessageReader();

    @Test
    void benchmarkInputsAgreeInAllFiveReaders() {
        new MessageDecodeBenchmark().setUp(null);   // throws if hand, layout, path, record and generated readers disagree
    }

    @Test
    void dnsResponsesAgree() throws IOException {
        for (String file : List.of("four-response.bin", "response.bin", "mx-response.bin", "nxdomain-response.bin",
                "any-response.bin", "srv-response.bin")) {
            List<Object> hand = new ArrayList<>();
            List<Object> layout = new ArrayList<>();
            List<Object> paths = new ArrayList<>();
            List<Object> reader = new ArrayList<>();
            HandDns.parse(capture("dns/" + file), MessageDecodeBenchmark.collect(hand));
            ReaderReads.dns(DNS_READER.read(capture("dns/" + file)), MessageDecodeBenchmark.collect(reader));
            LayoutReads.dns(DnsMessage.LAYOUT.decode(capture("dns/" + file)), MessageDecodeBenchmark.collect(layout));
            PathReads.dnsByPaths(DnsMessage.LAYOUT.decode(capture("dns/" + file)),
                    MessageDecodeBenchmark.collect(paths));
            assertEquals(hand, layout, file);
            assertEquals(hand, paths, file);
            assertEquals(hand, reader, file);
        }
    }

    @Test
    void postgresBackendMessagesAgree() throws IOException {
        ByteView all = capture("postgresql/backend.bin");
        List<Object> hand = new ArrayList<>();
        List<Object> layout = new ArrayList<>();
        for (int at = 0; at < all.length();) {
            int next = at + HandPostgres.parse(all.slice(at, all.length()), MessageDecodeBenchmark.collect(hand));
            Message m = PostgresMessage.BACKEND.decodePrefix(all.slice(at, all.length()));
            LayoutReads.postgres(m, MessageDecodeBenchmark.collect(layout));
            assertEquals(next, at + m.end());
            at = next;
        }
        assertTrue(hand.contains("row 2") && hand.contains("42P01"), hand.toString());
        assertEquals(hand, layout);
    }

    /** The packets of every captured MQTT stream, client's and broker's, each sliced to its length. */
    static List<ByteView> mqttPackets() throws IOException {
        List<ByteView> packets = new ArrayList<>();
        for (String connection : List.of("sub", "pub0", "pub1", "pub2")) {
            for (String side : List.of("client", "broker")) {
                ByteView stream = capture("mqtt/" + connection + "-" + side + ".bin");
                for (int at = 0; at < stream.length();) {
                    int end = at + MqttPacket.PACKET.decodePrefix(stream.slice(at, stream.length())).end();
                    packets.add(stream.slice(at, end));
                    at = end;
                }
            }
        }
        return packets;
    }

    @Test
    void mqttPacketsAgree() throws IOException {
        List<ByteView> packets = mqttPackets();
        Set<Integer> types = new TreeSet<>();
        for (ByteView packet : packets) {
            List<Object> hand = new ArrayList<>();
            List<Object> layout = new ArrayList<>();
            HandMqtt.parse(packet, MessageDecodeBenchmark.collect(hand));
            LayoutReads.mqtt(MqttPacket.PACKET.decode(packet), MessageDecodeBenchmark.collect(layout));
            assertEquals(hand, layout);
            types.add(packet.u8(0) >>> 4);
        }
        assertEquals(24, packets.size());
        // CONNECT, CONNACK, PUBLISH, PUBACK, SUBSCRIBE, SUBACK, DISCONNECT
        assertEquals(Set.of(1, 2, 3, 4, 8, 9, 14), types);
    }

    @Test
    void theMqttRecordParserRejectsWhatTheCodecRejects() throws IOException {
        int rejected = 0;
        for (ByteView packet : mqttPackets()) {
            if (packet.length() > 300) {
                continue;   // the 16500-byte payload adds nothing but time
            }
            for (int i = 0; i < packet.length(); i++) {
                for (int value : new int[] {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
                    byte[] changed = packet.toByteArray();
                    changed[i] = (byte) value;
                    Mqtt.Packet byCodec = null;
                    try {
                        byCodec = Mqtt.CODEC.decode(ByteView.wrap(changed));
                    } catch (LayoutException e) {
                        rejected++;
                        assertThrows(IllegalArgumentException.class,
                                () -> HandMqttRecords.parse(ByteView.wrap(changed)), e.getMessage());
                    }
                    if (byCodec != null) {
                        assertEquals(byCodec, HandMqttRecords.parse(ByteView.wrap(changed)));
                    }
                }
            }
        }
        assertTrue(rejected > 100, rejected + " rejected");
    }

    /**
     * The IPv4 packets of the loopback captures (tcpdump on {@code lo}, Ethernet framing with zero addresses):
     * ICMP echoes with Record Route and Timestamp options, UDP datagrams, TCP segments with options; then those
     * of the capture over a veth pair, whose TCP and UDP checksums are filled in.
     */
    static List<ByteView> ipv4Packets() throws IOException {
        List<ByteView> packets = new ArrayList<>();
        for (String file : List.of("pcap/loopback.pcap", "pcap/loopback-tcp-udp.pcap", "pcap/veth-checksums.pcap")) {
            ByteView pcap = capture(file);
            assertEquals(0xA1B2C3D4, pcap.i32le(0), file);   // microseconds, little-endian
            assertEquals(1, pcap.i32le(20), file);            // Ethernet
            for (int at = 24; at < pcap.length();) {   // the file header, then records: 16-byte header, frame
                int captured = pcap.i32le(at + 8);
                assertEquals(0x0800, pcap.u16be(at + 16 + 12), file + " record at " + at);   // IPv4
                packets.add(pcap.slice(at + 16 + 14, at + 16 + captured));
                at += 16 + captured;
            }
        }
        return packets;
    }

    @Test
    void ipv4PacketsOfTheCapturesAgree() throws IOException {
        Map<Integer, Integer> compared = new TreeMap<>();   // protocol number -> packets
        for (ByteView packet : ipv4Packets()) {
            List<Object> hand = new ArrayList<>();
            List<Object> layout = new ArrayList<>();
            List<Object> paths = new ArrayList<>();
            List<Object> records = new ArrayList<>();
            List<Object> reader = new ArrayList<>();
            HandIpv4Tcp.parse(packet, MessageDecodeBenchmark.collect(hand));
            ReaderReads.ipv4Tcp(IPV4_READER.read(packet), MessageDecodeBenchmark.collect(reader));
            LayoutReads.ipv4Tcp(Ipv4Packet.LAYOUT.decode(packet), MessageDecodeBenchmark.collect(layout));
            PathReads.ipv4TcpByPaths(Ipv4Packet.LAYOUT.decode(packet), MessageDecodeBenchmark.collect(paths));
            RecordReads.ipv4Tcp(Ipv4.CODEC.decode(packet), MessageDecodeBenchmark.collect(records));
            assertEquals(hand, layout);
            assertEquals(hand, paths);
            assertEquals(hand, records);
            assertEquals(hand, reader);
            compared.merge(packet.u8(9), 1, Integer::sum);
        }
        assertEquals(Map.of(1, ICMP_PACKETS, 6, TCP_PACKETS, 17, UDP_PACKETS), compared);
        List<Object> syn = new ArrayList<>();
        HandIpv4Tcp.parse(ByteView.wrap(MessageDecodeBenchmark.SYN), MessageDecodeBenchmark.collect(syn));
        assertTrue(syn.contains(65495L), syn.toString());   // the MSS
    }

    /** ICMP: 4 in {@code loopback.pcap}, 3 in {@code loopback-tcp-udp.pcap} (2 echoes, a port unreachable). */
    static final int ICMP_PACKETS = 7;
    /** TCP: 10 in {@code loopback.pcap}, 8 in {@code loopback-tcp-udp.pcap}, 10 in {@code veth-checksums.pcap}. */
    static final int TCP_PACKETS = 28;
    /** UDP: 2 in {@code loopback.pcap}, 1 in {@code loopback-tcp-udp.pcap}, 2 in {@code veth-checksums.pcap}. */
    static final int UDP_PACKETS = 5;

    @Test
    void theHandWrittenIpv4ParserRejectsWhatTheLayoutRejects() throws IOException {
        byte[] optionLength = MessageDecodeBenchmark.SYN.clone();
        optionLength[20 + 20 + 1] = 40;   // the MSS option's length
        bothReject(optionLength, "option at offset 40: length 40");
        byte[] protocol = MessageDecodeBenchmark.SYN.clone();
        protocol[9] = 2;   // IGMP
        bothReject(withHeaderChecksum(protocol), "ipv4.protocol at offset 9: 2");
        byte[] udp = first(17);
        int t = (udp[0] & 0x0F) * 4;
        udp[t + 5] = 7;
        bothReject(udp, "udp.length at offset " + (t + 4) + ": 7");
        udp[t + 4] = 1;   // 263, past the end
        bothReject(udp, "udp.length at offset " + (t + 4) + ": 263");
        byte[] icmp = first(1);
        t = (icmp[0] & 0x0F) * 4;
        icmp[icmp.length - 1] ^= 1;
        bothReject(icmp, "icmp.checksum at offset " + (t + 2));
        byte[] shortIcmp = Arrays.copyOf(MessageDecodeBenchmark.SYN, 23);
        shortIcmp[3] = 23;   // the total length
        shortIcmp[9] = 1;
        bothReject(withHeaderChecksum(shortIcmp), "icmp at offset 20: header needs 4 bytes");
    }

    /** A copy of the first captured IPv4 packet of a protocol. */
    private static byte[] first(int protocol) throws IOException {
        return ipv4Packets().stream().filter(p -> p.u8(9) == protocol).findFirst().orElseThrow().toByteArray();
    }

    /** The packet with its IPv4 header checksum computed again. */
    private static byte[] withHeaderChecksum(byte[] packet) {
        packet[10] = 0;
        packet[11] = 0;
        int checksum = InternetChecksum.compute(ByteView.wrap(packet).slice(0, (packet[0] & 0x0F) * 4));
        packet[10] = (byte) (checksum >>> 8);
        packet[11] = (byte) checksum;
        return packet;
    }

    private static void bothReject(byte[] packet, String handSays) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HandIpv4Tcp.parse(ByteView.wrap(packet), MessageDecodeBenchmark.collect(new ArrayList<>())));
        assertTrue(e.getMessage().startsWith(handSays), e.getMessage());
        LayoutException byLayout = assertThrows(LayoutException.class,
                () -> Ipv4Packet.LAYOUT.decode(ByteView.wrap(packet)));
        LayoutException byReader = assertThrows(LayoutException.class, () -> IPV4_READER.read(ByteView.wrap(packet)));
        assertEquals(byLayout.getMessage(), byReader.getMessage());
    }

    @Test
    void handWrittenRecordParsersDecodeWhatTheRecordCodecsDecode() throws IOException {
        for (String file : List.of("four-response.bin", "response.bin", "mx-response.bin", "nxdomain-response.bin",
                "any-response.bin", "srv-response.bin")) {
            assertEquals(Dns.CODEC.decode(capture("dns/" + file)), HandDnsRecords.parse(capture("dns/" + file)), file);
        }
        List<ByteView> ipv4 = ipv4Packets();
        for (ByteView packet : ipv4) {   // ICMP with options, UDP and TCP
            assertEquals(Ipv4.CODEC.decode(packet), HandIpv4Records.parse(packet));
        }
        assertEquals(Set.of(1, 6, 17), ipv4.stream().map(p -> p.u8(9)).collect(java.util.stream.Collectors.toSet()));
        ByteView pg = capture("postgresql/backend.bin");
        int messages = 0;
        for (int at = 0; at < pg.length(); messages++) {
            int[] end = new int[1];
            assertEquals(Postgres.CODEC.decode(PostgresMessage.BACKEND.decodePrefix(pg.slice(at, pg.length()))),
                    HandPostgresRecords.parse(pg.slice(at, pg.length()), end));
            at += end[0];
        }
        assertTrue(messages > 5, "messages: " + messages);
        for (ByteView packet : mqttPackets()) {
            assertEquals(Mqtt.CODEC.decode(packet), HandMqttRecords.parse(packet));
        }
    }
}
