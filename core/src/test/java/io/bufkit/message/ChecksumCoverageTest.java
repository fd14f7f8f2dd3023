package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageBuilder#checksumUpToHere}: a section's checksum covering more than the section, on the real
 * IPv4 packets with options (Record Route, Timestamp) of {@code captures/pcap/loopback.pcap}, whose header
 * checksums tshark reports in {@code loopback.fields.tsv}.
 */
class ChecksumCoverageTest {
    static final PacketLayout IP = PacketLayout.builder("ipv4")
            .bits("version", 4).bits("ihl", 4).u8("tos").u16be("totalLength").u16be("id").u16be("fragment")
            .u8("ttl").u8("protocol").internetChecksum("checksum").i32be("src").i32be("dst").build();
    /** IPv4 with its options: the header checksum covers the fixed header and the options. */
    static final MessageLayout IPV4 = MessageLayout.builder("ipv4-packet")
            .section("ip", IP).totalLength(Size.of("ip.totalLength"))
            .bytes("options", Size.of("ip.ihl").times(4).plus(-20))
            .checksumUpToHere("ip.checksum")
            .rest("payload").build();

    /** The IPv4 packets of the capture (each frame less its 14-byte Ethernet header), with tshark's checksums. */
    static List<byte[]> packets() throws IOException {
        Message file = LoopbackPcapTest.PCAP.decode(ByteView.wrap(PostgresBodiesTest.resource("pcap/loopback.pcap")));
        List<byte[]> packets = new java.util.ArrayList<>();
        for (int r = 0; r < file.count("records"); r++) {
            ByteView frame = file.element("records", r).bytes("packet");
            packets.add(frame.slice(14, frame.length()).toByteArray());
        }
        return packets;
    }

    @Test
    void everyRealPacketsHeaderChecksumIsCheckedOverHeaderAndOptions() throws IOException {
        String[] lines = new String(PostgresBodiesTest.resource("pcap/loopback.fields.tsv"), StandardCharsets.UTF_8)
                .split("\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        List<byte[]> packets = packets();
        int withOptions = 0;
        for (int i = 0; i < packets.size(); i++) {
            String[] want = lines[i + 1].split("\t", -1);
            Message m = IPV4.decode(ByteView.wrap(packets.get(i)));
            assertEquals(Integer.decode(want[header.indexOf("ip.checksum")]), m.intValue("ip.checksum"), "packet " + i);
            assertEquals(Integer.parseInt(want[header.indexOf("ip.hdr_len")]), m.end("options"));
            withOptions += m.bytes("options").length() > 0 ? 1 : 0;
        }
        assertEquals(4, withOptions, "the capture's packets with IPv4 options");
    }

    @Test
    void aChangedOptionByteIsAWrongChecksumNamingTheFieldAndOffset() throws IOException {
        byte[] packet = packets().get(0);
        assertEquals(0x4F, packet[0] & 0xFF, "IHL 15: 40 bytes of options");
        packet[23] ^= 0x01;     // the Record Route pointer, inside the options
        LayoutException e = assertThrows(LayoutException.class, () -> IPV4.decode(ByteView.wrap(packet)));
        assertEquals("ip.checksum", e.field().orElseThrow());
        assertEquals(10, e.offset());
        assertTrue(e.getMessage().startsWith("ipv4-packet: ip.checksum at offset 10: checksum over the 60 bytes from "
                + "ip to here is wrong: expected 0x"), e.getMessage());
        assertEquals(String.format("0x%04x", ByteView.wrap(packet).u16be(10)), e.actual());
    }

    @Test
    void payloadBytesAreNotCovered() throws IOException {
        byte[] packet = packets().get(0);
        packet[packet.length - 1] ^= 0x55;
        assertEquals(packet.length - 60, IPV4.decode(ByteView.wrap(packet)).bytes("payload").length());
    }

    @Test
    void encodingFillsTheChecksumInAndEveryRealPacketReEncodesByteForByte() throws IOException {
        for (byte[] packet : packets()) {
            Map<String, Object> values = new HashMap<>(IPV4.decode(ByteView.wrap(packet)).toValues());
            @SuppressWarnings("unchecked")
            Map<String, Object> ip = new HashMap<>((Map<String, Object>) values.get("ip"));
            ip.remove("checksum");
            ip.remove("totalLength");
            values.put("ip", ip);
            assertArrayEquals(packet, IPV4.encode(values));
            ip.put("checksum", 0x1234);     // a given checksum is not used: encoding fills it in
            assertArrayEquals(packet, IPV4.encode(values));
        }
    }

    record Ip(int version, int ihl, int tos, int id, int fragment, int ttl, int protocol, long checksum, int src,
            int dst) {
    }

    record Packet(Ip ip, Bytes options, Bytes payload) {
    }

    record IpWithoutChecksum(int version, int ihl, int tos, int id, int fragment, int ttl, int protocol, int src,
            int dst) {
    }

    record PacketWithoutChecksum(IpWithoutChecksum ip, Bytes options, Bytes payload) {
    }

    @Test
    void recordCodecsReadTheChecksumOrLeaveItOutAndAlwaysFillItIn() throws IOException {
        MessageCodec<Packet> codec = MessageCodec.of(IPV4, Packet.class, MethodHandles.lookup());
        MessageCodec<PacketWithoutChecksum> without = MessageCodec.of(IPV4, PacketWithoutChecksum.class,
                MethodHandles.lookup());
        for (byte[] packet : packets()) {
            Packet p = codec.decode(ByteView.wrap(packet));
            assertEquals(ByteView.wrap(packet).u16be(10), p.ip().checksum());
            Ip zeroed = new Ip(p.ip().version(), p.ip().ihl(), p.ip().tos(), p.ip().id(), p.ip().fragment(),
                    p.ip().ttl(), p.ip().protocol(), 0, p.ip().src(), p.ip().dst());
            assertArrayEquals(packet, codec.encode(new Packet(zeroed, p.options(), p.payload())));
            assertArrayEquals(packet, without.encode(without.decode(ByteView.wrap(packet))));
        }
    }

    @Test
    void aCoveredSectionStillChecksItsConstantsFirst() {
        PacketLayout head = PacketLayout.builder("head").u8("magic").expect(0x7E).u8("length")
                .internetChecksum("sum").build();
        MessageLayout framed = MessageLayout.builder("framed").section("h", head).bytes("body", Size.of("h.length"))
                .checksumUpToHere("h.sum").build();
        byte[] wire = framed.encode(Map.of("h", Map.of(), "body", Bytes.of(new byte[] {1, 2, 3})));
        assertArrayEquals(new byte[] {0x7E, 3, wire[2], wire[3], 1, 2, 3}, wire);
        assertEquals(3, framed.decode(ByteView.wrap(wire)).bytes("body").length());
        byte[] wrongMagic = wire.clone();
        wrongMagic[0] = 0x7F;
        LayoutException magic = assertThrows(LayoutException.class, () -> framed.decode(ByteView.wrap(wrongMagic)));
        assertEquals("h.magic", magic.field().orElseThrow());
        byte[] wrongBody = wire.clone();
        wrongBody[6] = 9;
        LayoutException sum = assertThrows(LayoutException.class, () -> framed.decode(ByteView.wrap(wrongBody)));
        assertEquals("h.sum", sum.field().orElseThrow());
        assertEquals(2, sum.offset());
    }

    @Test
    void aCoverageInsideARepeatNamesTheElementsPath() {
        PacketLayout head = PacketLayout.builder("head").u16be("length").internetChecksum("sum").build();
        MessageLayout item = MessageLayout.builder("item").section("h", head).bytes("body", Size.of("h.length"))
                .checksumUpToHere("h.sum").build();
        MessageLayout list = MessageLayout.builder("list").repeatToEnd("items", item).build();
        Map<String, Object> one = Map.of("h", Map.of(), "body", Bytes.of(new byte[] {5, 6}));
        byte[] wire = list.encode(Map.of("items", List.of(one, one, one)));
        assertEquals(3, list.decode(ByteView.wrap(wire)).count("items"));
        wire[wire.length - 1] ^= 1;
        LayoutException e = assertThrows(LayoutException.class, () -> list.decode(ByteView.wrap(wire)));
        assertEquals("items[2].h.sum", e.field().orElseThrow());
        assertEquals(14, e.offset());
    }

    @Test
    void aCrc32cCoversSectionAndPartsWithItsOwnBytesLeftOut() {
        PacketLayout common = PacketLayout.builder("common").u16be("port").crc32cle("crc").build();
        MessageLayout packet = MessageLayout.builder("crc-packet").section("c", common).rest("chunks")
                .checksumUpToHere("c.crc").build();
        byte[] chunks = "chunk data".getBytes(StandardCharsets.US_ASCII);
        byte[] wire = packet.encode(Map.of("c", Map.of("port", 80), "chunks", Bytes.of(chunks)));
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(wire, 0, 2);
        crc.update(chunks);
        assertEquals(crc.getValue(), ByteView.wrap(wire).u32le(2));
        assertEquals(10, packet.decode(ByteView.wrap(wire)).bytes("chunks").length());
    }

    @Test
    void describeAndPartsShowTheCoverage() throws IOException {
        Message m = IPV4.decode(ByteView.wrap(packets().get(0)));
        assertTrue(m.describe().contains("(checksum ip.checksum): over 60 bytes from @0 to @60\n"), m.describe());
        MessagePart marker = IPV4.parts().get(3);
        assertEquals(MessagePart.Kind.CHECKSUM, marker.kind());
        assertEquals("(checksum ip.checksum)", marker.name());
        assertEquals("ip.checksum", marker.fieldPath());
        assertTrue(IPV4.toString().contains("(checksum ip.checksum): covers ip up to here"), IPV4.toString());
        assertEquals(ByteView.wrap(packets().get(0)).u16be(10), IPV4.intPath("ip.checksum").get(m));
    }

    @Test
    void declaringACoverageThatCannotBeIsRefusedNamingWhy() {
        PacketLayout plain = PacketLayout.builder("plain").u8("length").u16be("sum").build();
        PacketLayout pseudo = PacketLayout.builder("pseudo").u16be("length").internetChecksumWithPseudoHeader("sum")
                .build();
        assertEquals("m: checksumUpToHere(x.sum) names no section declared before; path is section.field",
                assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("m").section("h", plain)
                        .checksumUpToHere("x.sum")).getMessage());
        assertEquals("m: h.sum is not a checksum field of section h that needs no pseudo-header; it has none",
                assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("m").section("h", plain)
                        .checksumUpToHere("h.sum")).getMessage());
        assertEquals("m: h.sum is not a checksum field of section h that needs no pseudo-header; it has none",
                assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("m").section("h", pseudo)
                        .checksumUpToHere("h.sum")).getMessage());
        assertEquals("m: the coverage of ip.checksum is declared already", assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("m").section("ip", IP).checksumUpToHere("ip.checksum")
                        .checksumUpToHere("ip.checksum")).getMessage());
        assertEquals("m: ip.checksum is a checksum; a size, count, condition or discriminator needs an integer field",
                assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("m").section("ip", IP)
                        .bytes("data", Size.of("ip.checksum"))).getMessage());
    }
}
