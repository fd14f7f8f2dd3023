package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A level's remaining length (MQTT 3.1.1 §2.2.3, on the captured CONNECT packets) and total length (IPv4's
 * style): declared once, bounding the parts when decoding, derived when encoding.
 */
class LevelLengthTest {
    static final PacketLayout FIXED = PacketLayout.builder("mqtt-fixed").u8("type").build();
    /** CONNECT with its parts at the level of the fixed header, counted by the remaining length. */
    static final MessageLayout CONNECT = MessageLayout.builder("CONNECT")
            .section("fixed", FIXED).varint("remaining", 4).remainingLength(Size.of("remaining"))
            .prefixed("protocol", 2).section("flags", MqttConnectTest.VARIABLE).prefixed("clientId", 2)
            .when("will", "flags.willFlag", v -> v != 0, MqttConnectTest.WILL)
            .when("username", "flags.username", v -> v != 0, MqttConnectTest.TEXT)
            .when("password", "flags.password", v -> v != 0, MqttConnectTest.TEXT)
            .build();
    /** PUBLISH QoS 0: topic, then the payload up to the end the remaining length declares. */
    static final MessageLayout PUBLISH = MessageLayout.builder("PUBLISH")
            .section("fixed", FIXED).varint("remaining", 4).remainingLength(Size.of("remaining"))
            .prefixed("topic", 2).rest("payload").build();

    static final PacketLayout HEAD = PacketLayout.builder("head").u8("type").u16be("total").build();
    /** A packet whose head's total counts the whole packet, head included; the body runs to that end. */
    static final MessageLayout PACKET = MessageLayout.builder("packet")
            .section("h", HEAD).totalLength(Size.of("h.total")).rest("body").build();
    /** A packet whose parts do not run to the end by themselves. */
    static final MessageLayout PREFIXED = MessageLayout.builder("prefixed")
            .section("h", HEAD).totalLength(Size.of("h.total")).prefixed("text", 1).build();

    static Map<String, Object> withoutRemaining(Message m) {
        Map<String, Object> values = new HashMap<>(m.toValues());
        values.remove("remaining");
        return values;
    }

    @Test
    void theCapturedConnectsDecodeAndEncodeBackWithoutTheirLength() throws IOException {
        for (String file : List.of("pub0-client.bin", "sub-client.bin")) {
            byte[] wire = VarintPartTest.captured(file);
            Message m = CONNECT.decode(ByteView.wrap(wire));
            assertEquals(wire.length - 2, m.intValue("remaining"));
            assertEquals("MQTT", m.string("protocol"));
            assertEquals(wire.length, m.end());
            assertFalse(m.toValues().containsKey(LevelLengthPart.REMAINING), "a length has no value");
            assertArrayEquals(wire, CONNECT.encode(withoutRemaining(m)), file);
            Map<String, Object> wrong = new HashMap<>(m.toValues());
            wrong.put("remaining", 5);
            assertArrayEquals(wire, CONNECT.encode(wrong), "a given length is overwritten, as sized does");
        }
    }

    @Test
    void aBodyOf128BytesOrMoreTakesATwoByteRemainingLength() throws IOException {
        byte[] captured = VarintPartTest.captured("sub-client.bin");
        Map<String, Object> values = withoutRemaining(CONNECT.decode(ByteView.wrap(captured)));
        for (int id : new int[] {300, 127 - 20}) {
            values.put("clientId", Bytes.utf8("c".repeat(id)));
            byte[] wire = CONNECT.encode(values);
            Message back = CONNECT.decode(ByteView.wrap(wire));
            int width = back.end("remaining") - back.start("remaining");
            int remaining = wire.length - 1 - width;
            assertEquals(remaining, back.intValue("remaining"));
            assertEquals(remaining < 128 ? 1 : 2, width, remaining + " bytes");
            assertEquals(id, back.bytes("clientId").length());
            assertEquals(wire.length, CONNECT.encodedSize(values));
        }
        byte[] at128 = PUBLISH.encode(Map.of("fixed", Map.of("type", 0x30), "topic", "t",
                "payload", new byte[125]));
        assertArrayEquals(new byte[] {0x30, (byte) 0x80, 0x01, 0, 1, 't'}, Arrays.copyOf(at128, 6));
        assertEquals(131, at128.length);
    }

    @Test
    void packetsBackToBackAreReadOneByOneWithDecodePrefix() {
        byte[] one = PUBLISH.encode(Map.of("fixed", Map.of("type", 0x30), "topic", "a/b", "payload", "first"));
        byte[] two = PUBLISH.encode(Map.of("fixed", Map.of("type", 0x30), "topic", "c", "payload", "second!"));
        byte[] stream = new byte[one.length + two.length];
        System.arraycopy(one, 0, stream, 0, one.length);
        System.arraycopy(two, 0, stream, one.length, two.length);
        Message first = PUBLISH.decodePrefix(ByteView.wrap(stream));
        assertEquals(one.length, first.end());
        assertEquals("first", first.string("payload"));
        Message second = PUBLISH.decode(ByteView.wrap(stream).slice(first.end(), stream.length));
        assertEquals("second!", second.string("payload"));
        LayoutException leftOver = assertThrows(LayoutException.class, () -> PUBLISH.decode(ByteView.wrap(stream)));
        assertTrue(leftOver.getMessage().contains(two.length + " bytes left over after the message, where remaining "
                + "ends it"), leftOver.getMessage());
    }

    @Test
    void aRemainingLengthPastTheEndOrShortOfThePartsIsALayoutExceptionNamingIt() throws IOException {
        byte[] wire = VarintPartTest.captured("pub0-client.bin");
        byte[] longer = wire.clone();
        longer[1]++;
        LayoutException past = assertThrows(LayoutException.class, () -> CONNECT.decode(ByteView.wrap(longer)));
        assertEquals("CONNECT: remaining at offset 1: remaining length " + (wire.length - 1) + " (remaining = "
                + (wire.length - 1) + ") points past the end", past.getMessage());
        assertEquals(Optional.of("remaining"), past.field());
        assertEquals(1, past.offset());

        byte[] padded = Arrays.copyOf(longer, longer.length + 1);   // one more byte the parts do not take
        LayoutException unfilled = assertThrows(LayoutException.class, () -> CONNECT.decode(ByteView.wrap(padded)));
        assertEquals("CONNECT: remaining at offset " + wire.length + ": the parts end 1 bytes before the end remaining "
                + "declares", unfilled.getMessage());

        byte[] shorter = wire.clone();
        shorter[1] -= 3;   // the password runs past the declared end, though the bytes are there
        LayoutException cut = assertThrows(LayoutException.class, () -> CONNECT.decode(ByteView.wrap(shorter)));
        assertTrue(cut.getMessage().startsWith("CONNECT: password.value at offset"), cut.getMessage());
    }

    @Test
    void aTotalLengthEndsTheLevelAndLeavesPaddingOutsideTheMessage() {
        byte[] wire = PACKET.encode(Map.of("h", Map.of("type", 7), "body", "payload"));
        assertArrayEquals(new byte[] {7, 0, 10, 'p', 'a', 'y', 'l', 'o', 'a', 'd'}, wire);
        byte[] padded = Arrays.copyOf(wire, 16);
        Message m = PACKET.decodePrefix(ByteView.wrap(padded));
        assertEquals(10, m.end());
        assertEquals("payload", m.string("body"));
        assertEquals(0, m.start(LevelLengthPart.TOTAL));
        assertEquals(10, m.end(LevelLengthPart.TOTAL));
        LayoutException leftOver = assertThrows(LayoutException.class, () -> PACKET.decode(ByteView.wrap(padded)));
        assertEquals("packet: (end) at offset 10: 6 bytes left over after the message, where h.total ends it",
                leftOver.getMessage());
        assertTrue(m.describe().contains("(total length): 10 bytes (h.total) from @0 to @10"), m.describe());
    }

    @Test
    void aTotalLengthPastTheEndSmallerThanTheHeaderOrUnfilledIsALayoutException() {
        LayoutException past = assertThrows(LayoutException.class,
                () -> PACKET.decode(ByteView.wrap(new byte[] {7, 0, 11, 'a', 'b', 'c', 'd', 'e', 'f', 'g'})));
        assertEquals("packet: h.total at offset 1: total length 11 (h.total = 11) points past the end",
                past.getMessage());
        assertEquals("at most 10 bytes", past.expected());
        LayoutException small = assertThrows(LayoutException.class,
                () -> PACKET.decode(ByteView.wrap(new byte[] {7, 0, 2, 'a'})));
        assertEquals("packet: h.total at offset 1: total length 2 (h.total = 2) is smaller than the 3 bytes already "
                + "decoded", small.getMessage());
        assertEquals(Optional.of("h.total"), small.field());
        LayoutException unfilled = assertThrows(LayoutException.class,
                () -> PREFIXED.decode(ByteView.wrap(new byte[] {7, 0, 7, 2, 'h', 'i', 0})));
        assertEquals("prefixed: h.total at offset 6: the parts end 1 bytes before the end h.total declares",
                unfilled.getMessage());
        assertEquals("7 bytes", unfilled.expected());
        assertEquals("6 bytes", unfilled.actual());
        LayoutException cut = assertThrows(LayoutException.class,
                () -> PREFIXED.decode(ByteView.wrap(new byte[] {7, 0, 5, 2, 'h', 'i'})));
        assertTrue(cut.getMessage().startsWith("prefixed: text at offset 3"), cut.getMessage());
    }

    @Test
    void aRemainingLengthWithAConstantIsInvertedAndANegativeOneRejected() {
        MessageLayout counted = MessageLayout.builder("counted")
                .section("h", PacketLayout.builder("h").u8("len").build())
                .remainingLength(Size.of("h.len").plus(-2)).rest("data").build();
        assertArrayEquals(new byte[] {5, 'a', 'b', 'c'}, counted.encode(Map.of("h", Map.of(), "data", "abc")));
        assertEquals("abc", counted.decode(ByteView.wrap(new byte[] {5, 'a', 'b', 'c'})).string("data"));
        LayoutException negative = assertThrows(LayoutException.class,
                () -> counted.decode(ByteView.wrap(new byte[] {1, 'a'})));
        assertEquals("counted: h.len at offset 0: remaining length -1 (h.len−2 = -1) is negative",
                negative.getMessage());
    }

    @Test
    void aLengthInsideARepeatNamesTheElement() {
        MessageLayout tlv = MessageLayout.builder("item")
                .section("t", PacketLayout.builder("t").u8("type").u8("len").build())
                .totalLength(Size.of("t.len")).rest("value").build();
        MessageLayout items = MessageLayout.builder("items").repeatToEnd("items", tlv).build();
        byte[] wire = items.encode(Map.of("items", List.of(
                Map.of("t", Map.of("type", 1), "value", "ab"), Map.of("t", Map.of("type", 2), "value", ""))));
        assertArrayEquals(new byte[] {1, 4, 'a', 'b', 2, 2}, wire);
        assertEquals("ab", items.decode(ByteView.wrap(wire)).element("items", 0).string("value"));
        wire[5] = 3;
        LayoutException e = assertThrows(LayoutException.class, () -> items.decode(ByteView.wrap(wire)));
        assertEquals("items: items[1].t.len at offset 5: total length 3 (t.len = 3) points past the end",
                e.getMessage());
        wire[5] = 1;
        e = assertThrows(LayoutException.class, () -> items.decode(ByteView.wrap(wire)));
        assertEquals(Optional.of("items[1].t.len"), e.field());
    }

    @Test
    void encodingDerivesTheTotalExactlyThroughTheSizeOrSaysWhyItCannot() {
        MessageLayout words = MessageLayout.builder("words")
                .section("h", PacketLayout.builder("h").u8("words").build())
                .totalLength(Size.of("h.words").times(4)).rest("data").build();
        assertArrayEquals(new byte[] {2, 'a', 'b', 'c', 'd', 'e', 'f', 'g'},
                words.encode(Map.of("h", Map.of("words", 9), "data", "abcdefg")));
        IllegalArgumentException inexact = assertThrows(IllegalArgumentException.class,
                () -> words.encode(Map.of("h", Map.of(), "data", "ab")));
        assertEquals("words: h.words: no value describes the 3 bytes of words: h.words×4 gives only lengths 4×k",
                inexact.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> PACKET.encode(Map.of("h", Map.of("type", 1), "body", new byte[70000])));
        assertEquals("packet: h.total: cannot hold 70003 (70003 bytes of packet): u16be holds 0 to 65535",
                tooLong.getMessage());
    }

    @Test
    void aVarintTotalCountsItsOwnBytes() {
        MessageLayout self = MessageLayout.builder("self").varint("len", 3).totalLength(Size.of("len"))
                .rest("data").build();
        for (int n : new int[] {0, 125, 126, 127, 128, 16380, 16381, 16382}) {
            byte[] wire = self.encode(Map.of("data", new byte[n]));
            Message m = self.decode(ByteView.wrap(wire));
            assertEquals(wire.length, m.intValue("len"), n + " bytes of data");
            assertEquals(n, m.bytes("data").length());
        }
        assertEquals(127, self.encode(Map.of("data", new byte[126])).length);   // 1 + 126
        assertEquals(129, self.encode(Map.of("data", new byte[127])).length);   // 128 takes 2 bytes
    }

    @Test
    void aVarintInsideTheCountedPartsIsSizedBeforeTheLength() {
        MessageLayout mqtt5 = MessageLayout.builder("mqtt5").section("fixed", FIXED)
                .varint("remaining", 4).remainingLength(Size.of("remaining"))
                .varint("propertyLength", 4).bytes("properties", Size.of("propertyLength")).rest("payload").build();
        byte[] wire = mqtt5.encode(Map.of("fixed", Map.of("type", 0x30), "properties", new byte[200],
                "payload", "x"));
        Message m = mqtt5.decode(ByteView.wrap(wire));
        assertEquals(200, m.intValue("propertyLength"));
        assertEquals(2 + 200 + 1, m.intValue("remaining"));
        assertEquals(1 + 2 + 2 + 200 + 1, wire.length);
    }

    @Test
    void misuseIsRejectedWhenTheLayoutIsBuilt() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("p").section("h", HEAD).totalLength(Size.of("h.length")));
        assertTrue(unknown.getMessage().startsWith("p: no integer field h.length in a section declared before"),
                unknown.getMessage());
        IllegalArgumentException later = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("p").remainingLength(Size.of("remaining")).varint("remaining", 4));
        assertTrue(later.getMessage().contains("no integer field remaining"), later.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("p").section("h", HEAD).totalLength(Size.of("h.total"))
                        .remainingLength(Size.of("h.type")));
        assertEquals("p: a level declares at most one remainingLength or totalLength, and it has (total length): "
                + "the level takes h.total bytes from its first", twice.getMessage());
        IllegalArgumentException last = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("p").section("h", HEAD).remainingLength(Size.of("h.total")).build());
        assertTrue(last.getMessage().startsWith("p: remainingLength(h.total) is declared last"), last.getMessage());
        assertThrows(NullPointerException.class, () -> MessageLayout.builder("p").section("h", HEAD).totalLength(null));
        assertThrows(IllegalStateException.class, () -> MessageLayout.builder("p").section("h", HEAD).rest("r")
                .totalLength(Size.of("h.total")).build());
    }

    @Test
    void partsAndDeclarationsShowTheLength() {
        MessagePart remaining = CONNECT.parts().get(2);
        assertEquals(MessagePart.Kind.REMAINING_LENGTH, remaining.kind());
        assertEquals("remaining", remaining.fieldPath());
        assertEquals("remaining", remaining.size().path());
        assertEquals(java.util.Set.of("remaining"), CONNECT.parts().get(1).derivedFields());
        MessagePart total = PACKET.parts().get(1);
        assertEquals(MessagePart.Kind.TOTAL_LENGTH, total.kind());
        assertEquals("(total length)", total.name());
        assertEquals(java.util.Set.of("total"), PACKET.parts().get(0).derivedFields());
        assertTrue(PACKET.toString().contains("(total length): the level takes h.total bytes from its first"),
                PACKET.toString());
        assertTrue(CONNECT.toString().contains("(remaining length): the parts after this take remaining bytes"),
                CONNECT.toString());
    }

    record Head(int type) {
    }

    record Packet(Head h, String body) {
    }

    record HeadWithTotal(int type, int total) {
    }

    record PacketWithTotal(HeadWithTotal h, String body) {
    }

    @Test
    void recordsLeaveTheLengthOutOrReadIt() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MessageCodec<Packet> codec = MessageCodec.of(PACKET, Packet.class, lookup);
        byte[] wire = codec.encode(new Packet(new Head(7), "payload"));
        assertArrayEquals(PACKET.encode(Map.of("h", Map.of("type", 7), "body", "payload")), wire);
        assertEquals(new Packet(new Head(7), "payload"), codec.decode(ByteView.wrap(wire)));
        MessageCodec<PacketWithTotal> reading = MessageCodec.of(PACKET, PacketWithTotal.class, lookup);
        assertEquals(10, reading.decode(ByteView.wrap(wire)).h().total());
        assertArrayEquals(wire, reading.encode(new PacketWithTotal(new HeadWithTotal(7, 999), "payload")));
    }
}
