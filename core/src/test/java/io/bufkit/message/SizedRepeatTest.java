package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Repeats whose elements fill a size an earlier field gives ({@code repeatSized}): TCP options sized by the
 * data offset, decoded from a real SYN, encoded back with the data offset computed.
 */
class SizedRepeatTest {
    static final MessageLayout OPTION = MessageLayout.builder("option")
            .field("kind", WireType.U8)
            .when("value", "kind", kind -> kind > 1, MessageLayout.builder("value").prefixed("data", 1, 2).build())
            .build();
    static final PacketLayout TCP = PacketLayout.builder("tcp")
            .u16be("srcPort").u16be("dstPort").i32be("seq").i32be("ack").bits("dataOffset", 4).bits("reserved", 4)
            .u8("flags").u16be("window").u16be("checksum").u16be("urgent").build();
    static final MessageLayout SEGMENT = MessageLayout.builder("tcp-segment")
            .section("tcp", TCP).repeatSized("options", Size.of("tcp.dataOffset").times(4).plus(-20), OPTION)
            .rest("payload").build();

    /**
     * The TCP header of the SYN in {@code captures/pcap/loopback-tcp-udp.pcap} (frame 3, {@code tshark -x}):
     * port 50368 to 7070, data offset 10 (40 bytes), MSS, SACK permitted, timestamps, NOP, window scale.
     */
    static final byte[] SYN = HexFormat.of().parseHex("c4c01b9e830d248200000000a002ffd7fe300000"
            + "0204ffd70402080a665aec57000000000103030a");

    record Value(Bytes data) {
    }

    record Option(int kind, Optional<Value> value) {
    }

    record Tcp(int srcPort, int dstPort, int seq, int ack, int reserved, int flags, int window, int checksum,
            int urgent) {
    }

    record Segment(Tcp tcp, List<Option> options, Bytes payload) {
    }

    @Test
    void elementsFillTheSizeAndTheListIsThePartsValue() {
        Message m = SEGMENT.decode(ByteView.wrap(SYN));
        assertEquals(5, m.count("options"));
        assertEquals(20, m.start("options"));
        assertEquals(40, m.end("options"));
        assertEquals(3, m.element("options", 4).intValue("kind"));
        assertEquals(0, m.bytes("payload").length());
        Object options = m.toValues().get("options");
        assertTrue(options instanceof List<?> l && l.size() == 5, String.valueOf(options));
        assertTrue(m.describe().contains("options (5 × option):"), m.describe());
    }

    @Test
    void encodingComputesTheSizeField() {
        Map<String, Object> values = new HashMap<>(SEGMENT.decode(ByteView.wrap(SYN)).toValues());
        assertArrayEquals(SYN, SEGMENT.encode(values));
        values.put("options", List.of(Map.of("kind", 1), Map.of("kind", 1), Map.of("kind", 1), Map.of("kind", 0)));
        byte[] four = SEGMENT.encode(values);
        assertEquals(6, (four[12] & 0xFF) >>> 4, "4 bytes of options: data offset 6");
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> SEGMENT.encode(Map.of("tcp", Map.of("srcPort", 1, "dstPort", 2, "seq", 0, "ack", 0,
                        "reserved", 0, "flags", 2, "window", 0, "checksum", 0, "urgent", 0),
                        "options", List.of(Map.of("kind", 1)), "payload", Bytes.empty())));
        assertTrue(odd.getMessage().startsWith("tcp-segment: tcp.dataOffset: no value describes the 1 bytes of "
                + "options"), odd.getMessage());
    }

    @Test
    void recordsHoldTheElementsAsAList() {
        MessageCodec<Segment> codec = MessageCodec.of(SEGMENT, Segment.class, MethodHandles.lookup());
        Segment syn = codec.decode(ByteView.wrap(SYN));
        assertEquals(List.of(2, 4, 8, 1, 3), syn.options().stream().map(Option::kind).toList());
        assertEquals(50368, syn.tcp().srcPort());
        assertArrayEquals(SYN, codec.encode(syn));
    }

    @Test
    void anElementPastTheSizeOrASizePastTheEndFailsNamingPathAndOffset() {
        byte[] overrun = SYN.clone();
        overrun[12] = (byte) 0x60;   // data offset 6: 4 bytes of options, but MSS is 4 and then SACK runs past
        overrun[20 + 4] = 1;         // a NOP where SACK permitted starts: the window scale below cannot fit
        byte[] cut = java.util.Arrays.copyOf(overrun, 20 + 4);
        cut[20 + 1] = 8;             // MSS's length says 8, the options' size is 4
        LayoutException past = assertThrows(LayoutException.class, () -> SEGMENT.decode(ByteView.wrap(cut)));
        assertEquals("tcp-segment: options[0].value.data at offset 21: length 6 (prefix 8 - 2) points past the end",
                past.getMessage());
        byte[] big = SYN.clone();
        big[12] = (byte) 0xF0;       // data offset 15: 40 bytes of options, 20 given
        LayoutException beyond = assertThrows(LayoutException.class, () -> SEGMENT.decode(ByteView.wrap(big)));
        assertEquals("tcp-segment: options at offset 20: length 40 (tcp.dataOffset×4−20 = 40) points past the end",
                beyond.getMessage());
    }

    @Test
    void describedAsASizedRepeat() {
        MessagePart p = SEGMENT.parts().get(1);
        assertEquals(MessagePart.Kind.SIZED_REPEAT, p.kind());
        assertEquals("tcp.dataOffset", p.fieldPath());
        assertEquals(Size.of("tcp.dataOffset").times(4).plus(-20).toString(), p.size().toString());
        assertEquals(OPTION, p.body());
        assertTrue(SEGMENT.parts().get(0).derivedFields().contains("dataOffset"));
    }
}
