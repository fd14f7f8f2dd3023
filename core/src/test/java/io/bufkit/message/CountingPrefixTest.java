package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Length prefixes that count bytes besides the data ({@code prefixed(name, width, alsoCounts)}): TCP options
 * whose length byte counts the kind and itself, decoded from a real SYN and encoded back.
 */
class CountingPrefixTest {
    static final MessageLayout VALUE = MessageLayout.builder("option-value").prefixed("data", 1, 2).build();
    static final MessageLayout OPTION = MessageLayout.builder("option")
            .section("o", PacketLayout.builder("o").u8("kind").build())
            .when("value", "o.kind", kind -> kind > 1, VALUE).build();
    static final MessageLayout OPTIONS = MessageLayout.builder("options").repeatToEnd("option", OPTION).build();

    /**
     * The 20 option bytes of the SYN in {@code captures/pcap/loopback-tcp-udp.pcap} (frame 3), as
     * {@code tshark -T fields -e tcp.options} prints them: MSS 65495, SACK permitted, timestamps
     * 1717234775 and 0, no-operation, window scale 10.
     */
    static final byte[] SYN_OPTIONS = HexFormat.of().parseHex("0204ffd70402080a665aec57000000000103030a");

    record Value(Bytes data) {
    }

    record Kind(int kind) {
    }

    record Option(Kind o, Optional<Value> value) {
    }

    record Options(List<Option> option) {
    }

    @Test
    void realTcpOptionsDecodeAsTsharkReadsThem() {
        Message m = OPTIONS.decode(ByteView.wrap(SYN_OPTIONS));
        List<Integer> kinds = new ArrayList<>();
        for (int i = 0; i < m.count("option"); i++) {
            kinds.add(m.element("option", i).intValue("o.kind"));
        }
        assertEquals(List.of(2, 4, 8, 1, 3), kinds);
        assertEquals(65495, m.element("option", 0).sub("value").bytes("data").u16be(0));
        assertEquals(0, m.element("option", 1).sub("value").bytes("data").length());
        ByteView ts = m.element("option", 2).sub("value").bytes("data");
        assertEquals(8, ts.length());
        assertEquals(1717234775L, ts.u32be(0));
        assertEquals(0L, ts.u32be(4));
        assertEquals(10, m.element("option", 4).sub("value").bytes("data").u8(0));
        assertEquals(20, m.end());
    }

    @Test
    void encodingWritesTheLengthWithTheBytesItAlsoCounts() {
        Map<String, Object> values = OPTIONS.decode(ByteView.wrap(SYN_OPTIONS)).toValues();
        assertArrayEquals(SYN_OPTIONS, OPTIONS.encode(values));
        byte[] mss = VALUE.encode(Map.of("data", Bytes.of((byte) 0x05, (byte) 0xB4)));
        assertArrayEquals(new byte[] {4, 0x05, (byte) 0xB4}, mss, "the length 4 counts kind, length and 2 bytes");
    }

    @Test
    void recordsRoundTripTheRealOptions() {
        MessageCodec<Options> codec = MessageCodec.of(OPTIONS, Options.class, MethodHandles.lookup());
        Options options = codec.decode(ByteView.wrap(SYN_OPTIONS));
        assertEquals(new Option(new Kind(1), Optional.empty()), options.option().get(3));
        assertEquals(Bytes.of((byte) 10), options.option().get(4).value().orElseThrow().data());
        assertArrayEquals(SYN_OPTIONS, codec.encode(options));
    }

    @Test
    void aPrefixSmallerThanWhatItAlsoCountsFailsNamingPathAndOffset() {
        byte[] wire = {1, 2, 1, 0, 0};   // NOP, then kind 2 with length 1: less than its own two bytes
        LayoutException e = assertThrows(LayoutException.class, () -> OPTIONS.decode(ByteView.wrap(wire)));
        assertEquals("options: option[1].value.data at offset 2: length prefix 1 is less than the 2 bytes it "
                + "counts besides the data", e.getMessage());
        assertEquals(Optional.of("option[1].value.data"), e.field());
        assertEquals(2, e.offset());
    }

    @Test
    void aPrefixPastTheEndSaysWhatItCounted() {
        byte[] wire = {2, 9, 0, 0};   // kind 2 with length 9, 4 bytes given
        LayoutException e = assertThrows(LayoutException.class, () -> OPTIONS.decode(ByteView.wrap(wire)));
        assertEquals("options: option[0].value.data at offset 1: length 7 (prefix 9 - 2) points past the end",
                e.getMessage());
    }

    @Test
    void encodingRefusesDataThePrefixCannotCountWithItsHeader() {
        Map<String, Object> fits = Map.of("data", Bytes.of(new byte[253]));
        assertEquals(254, VALUE.encode(fits).length);
        assertEquals(255, VALUE.encode(fits)[0] & 0xFF);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VALUE.encode(Map.of("data", Bytes.of(new byte[254]))));
        assertTrue(e.getMessage().contains("option-value: data: 254 bytes do not fit a 1-byte length prefix "
                + "(at most 253 besides the 2 bytes it also counts)"), e.getMessage());
    }

    @Test
    void theBuilderRefusesCountsThePrefixCannotHold() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("t").prefixed("d", 1, -1));
        assertEquals("t: d is prefixed by 1 byte, which count 0 to 255 bytes besides the data, not -1",
                negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("t").prefixed("d", 1, 256));
        assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("t").prefixed("d", 3, 0));
        assertEquals(65535, MessageLayout.builder("t").prefixed("d", 2, 65535).build().parts().get(0).prefixCounts());
    }

    @Test
    void describedAndListedWithWhatThePrefixCounts() {
        MessagePart p = VALUE.parts().get(0);
        assertEquals(MessagePart.Kind.PREFIXED_BYTES, p.kind());
        assertEquals(1, p.prefixWidth());
        assertEquals(2, p.prefixCounts());
        assertEquals(0, MessageLayout.builder("t").prefixed("d", 1).build().parts().get(0).prefixCounts());
        assertTrue(VALUE.toString().contains("data: bytes with 1-byte length prefix counting 2 more bytes"),
                VALUE.toString());
    }
}
