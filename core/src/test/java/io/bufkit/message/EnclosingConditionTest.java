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
import io.bufkit.layout.WireType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conditions on a field of an enclosing level ({@code "../fixed.qos"}): MQTT packets of a real session
 * (mosquitto 2.0.11 on loopback, see {@code captures/mqtt/README.md}) decoded through one layout whose
 * PUBLISH body carries a packet id only when the fixed header's QoS is above 0.
 */
class EnclosingConditionTest {
    static final PacketLayout FIXED = PacketLayout.builder("mqtt-fixed")
            .bits("type", 4).bit("dup").bits("qos", 2).bit("retain").build();
    static final MessageLayout PACKET_ID = MessageLayout.builder("packet-id").field("id", WireType.U16BE).build();
    static final MessageLayout PUBLISH = MessageLayout.builder("publish").prefixed("topic", 2)
            .when("packetId", "../fixed.qos", qos -> qos > 0, PACKET_ID).rest("payload").build();
    static final MessageLayout PACKET = MessageLayout.builder("mqtt").section("fixed", FIXED).varint("remaining", 4)
            .choice("body", "fixed.type", Size.of("remaining"), Map.of(3, PUBLISH)).build();

    /** The same body in a layout whose fixed header comes after a one-byte marker: the field lies elsewhere. */
    static final MessageLayout MARKED = MessageLayout.builder("marked").field("marker", WireType.U8)
            .section("fixed", FIXED).varint("remaining", 4)
            .choice("body", "fixed.type", Size.of("remaining"), Map.of(3, PUBLISH)).build();

    static List<ByteView> packets(String file) throws IOException {
        return MessageStreams.split(PACKET, ByteView.wrap(PostgresBodiesTest.resource("mqtt/" + file)), 0);
    }

    @Test
    void publishCarriesAPacketIdExactlyWhenTheFixedHeaderSaysQosAboveZero() throws IOException {
        List<Integer> qos = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (String file : List.of("pub0-client.bin", "pub1-client.bin", "pub2-client.bin", "sub-broker.bin")) {
            for (ByteView p : packets(file)) {
                Message m = PACKET.decode(p);
                if (m.intValue("fixed.type") != 3) {
                    continue;
                }
                Message body = m.sub("body");
                qos.add(m.intValue("fixed.qos"));
                assertEquals(m.intValue("fixed.qos") > 0, body.isPresent("packetId"));
                if (body.isPresent("packetId")) {
                    ids.add(body.sub("packetId").intValue("id"));
                }
                assertArrayEquals(p.toByteArray(), PACKET.encode(m.toValues()), "re-encodes to its own bytes");
            }
        }
        // tshark (captures/mqtt/session.tshark.txt): the publishers' QoS 0, 1 and 1, then the broker's three
        // deliveries to the subscriber, each at the lower of the publisher's QoS and the subscription's 1
        assertEquals(List.of(0, 1, 1, 0, 1, 1), qos);
        assertEquals(4, ids.size());
        assertTrue(ids.stream().allMatch(id -> id > 0), "packet ids are non-zero (MQTT 3.1.1 §2.3.1): " + ids);
    }

    @Test
    void theSameBodyReadsTheFieldWhereverEachLayoutHoldingItDeclaresIt() throws IOException {
        ByteView publish = packets("pub1-client.bin").stream().filter(p -> (p.u8(0) >> 4) == 3).findFirst()
                .orElseThrow();
        byte[] marked = new byte[publish.length() + 1];
        marked[0] = 0x30;   // the marker looks like a QoS 0 PUBLISH header: a read at the wrong level would see 0
        System.arraycopy(publish.toByteArray(), 0, marked, 1, publish.length());
        Message viaPacket = PACKET.decode(publish).sub("body");
        Message viaMarked = MARKED.decode(ByteView.wrap(marked)).sub("body");
        assertTrue(viaPacket.isPresent("packetId"));
        assertTrue(viaMarked.isPresent("packetId"));
        assertEquals(viaPacket.sub("packetId").intValue("id"), viaMarked.sub("packetId").intValue("id"));
        assertEquals(viaPacket.string("topic"), viaMarked.string("topic"));
        // alternating, so that each read resolves the field in a layout other than the last
        for (int i = 0; i < 3; i++) {
            assertTrue(PACKET.decode(publish).sub("body").isPresent("packetId"));
            assertTrue(MARKED.decode(ByteView.wrap(marked)).sub("body").isPresent("packetId"));
        }
    }

    @Test
    void encodingChecksThatTheBodyAgreesWithTheEnclosingField() {
        Map<String, Object> values = publish(1, Optional.of(7));
        byte[] wire = PACKET.encode(values);
        assertEquals("32 0a 00 03 61 2f 62 00 07 68 69 21", hex(wire));
        assertEquals(7, PACKET.decode(ByteView.wrap(wire)).sub("body").sub("packetId").intValue("id"));
        assertEquals("30 08 00 03 61 2f 62 68 69 21", hex(PACKET.encode(publish(0, Optional.empty()))));

        IllegalArgumentException given = assertThrows(IllegalArgumentException.class,
                () -> PACKET.encode(publish(0, Optional.of(7))));
        assertEquals("mqtt: body.packetId: given, but fixed.qos = 0 says it is absent", given.getMessage());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> PACKET.encode(publish(2, Optional.empty())));
        assertEquals("mqtt: body.packetId: absent, but fixed.qos = 2 says it is present", absent.getMessage());
        Map<String, Object> noQos = publish(1, Optional.of(7));
        noQos.put("fixed", Map.of("type", 3, "dup", 0, "retain", 0));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PACKET.encode(noQos));
        assertEquals("mqtt: fixed.qos: no value given", missing.getMessage());
    }

    static Map<String, Object> publish(int qos, Optional<Integer> id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", "a/b");
        id.ifPresent(v -> body.put("packetId", Map.of("id", v)));
        body.put("payload", Bytes.of("hi!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fixed", Map.of("type", 3, "dup", 0, "qos", qos, "retain", 0));
        values.put("body", body);
        return values;
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }

    @Test
    void aTruncatedPacketIdIsALayoutExceptionNamingItsPath() {
        byte[] wire = PACKET.encode(publish(1, Optional.of(7)));
        // remaining length 5: the topic, then one byte where the two of the packet id belong
        byte[] cut = {wire[0], 5, 0, 3, 'a', '/', 'b', 0};
        LayoutException e = assertThrows(LayoutException.class, () -> PACKET.decode(ByteView.wrap(cut)));
        assertEquals(Optional.of("body.packetId.id"), e.field(), e.getMessage());
        assertEquals(7, e.offset());
    }

    @Test
    void twoLevelsUpThroughTheElementsOfARepeat() {
        MessageLayout entry = MessageLayout.builder("entry").field("v", WireType.U8)
                .when("extra", "../../head.wide", w -> w != 0, MessageLayout.builder("extra")
                        .field("x", WireType.U16BE).build())
                .build();
        MessageLayout list = MessageLayout.builder("list").field("n", WireType.U8).repeat("entries", "n", entry)
                .build();
        assertEquals(1, list.enclosingNeeds().size());
        assertEquals(1, list.enclosingNeeds().get(0).up(), "the entry's ../../ is one level above the list");
        MessageLayout wrapped = MessageLayout.builder("wrapped")
                .section("head", PacketLayout.builder("head").u8("wide").build())
                .when("list", "head.wide", w -> true, list).build();
        Message narrow = wrapped.decode(ByteView.wrap(new byte[] {0, 2, 10, 11}));
        assertEquals(2, narrow.sub("list").count("entries"));
        assertFalse(narrow.sub("list").element("entries", 1).isPresent("extra"));
        Message wide = wrapped.decode(ByteView.wrap(new byte[] {1, 2, 10, 0, 5, 11, 0, 6}));
        assertEquals(6, wide.sub("list").element("entries", 1).sub("extra").intValue("x"));
        assertArrayEquals(new byte[] {1, 2, 10, 0, 5, 11, 0, 6}, wrapped.encode(wide.toValues()));
        assertTrue(wide.describe().contains("extra (present)"), wide.describe());
        assertTrue(narrow.describe().contains("extra: absent (../../head.wide)"), narrow.describe());
    }

    @Test
    void aNestedLevelReadsTheLevelHoldingIt() {
        MessageLayout padded = MessageLayout.builder("padded")
                .field("flags", WireType.U8)
                .nested("body", MessageLayout.builder("body")
                        .when("pad", "../flags", f -> (f & 0x08) != 0,    // HTTP/2's PADDED flag
                                MessageLayout.builder("pad").field("length", WireType.U8).build())
                        .prefixed("data", 1)
                        .build())
                .build();
        Message plain = padded.decode(ByteView.wrap(new byte[] {0x00, 2, 'h', 'i'}));
        assertFalse(plain.sub("body").isPresent("pad"));
        assertEquals("hi", plain.sub("body").string("data"));
        Message withPad = padded.decode(ByteView.wrap(new byte[] {0x08, 7, 2, 'h', 'i'}));
        assertEquals(7, withPad.sub("body").sub("pad").intValue("length"));
        assertArrayEquals(new byte[] {0x08, 7, 2, 'h', 'i'}, padded.encode(withPad.toValues()));
    }

    @Test
    void aLayoutHoldingTheBodyMustDeclareTheFieldBeforeThePartHoldingIt() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("other").field("type", WireType.U8)
                        .choice("body", "type", Map.of(3, PUBLISH)).build());
        assertEquals("other: publish.packetId reads ../fixed.qos, but other, which holds it in part body, has no "
                + "integer field fixed.qos; known: [type]", none.getMessage());
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("late").field("type", WireType.U8)
                        .choice("body", "type", Map.of(3, PUBLISH)).section("fixed", FIXED).build());
        assertEquals("late: publish.packetId reads ../fixed.qos, but late declares fixed.qos after part body, which "
                + "holds it; a condition reads a field decoded before it", after.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("x").when("p", "../", v -> true, PACKET_ID));
        assertEquals("x: ../ names no field after its \"../\"", empty.getMessage());
    }

    @Test
    void aLayoutReadingAnEnclosingLevelIsNotDecodedOrEncodedOnItsOwn() {
        String why = "publish: publish.packetId reads ../fixed.qos, a field of a level enclosing publish; decode and "
                + "encode publish inside a layout that holds it";
        ByteView bytes = ByteView.wrap(new byte[] {0, 1, 'a'});
        assertEquals(why, assertThrows(IllegalStateException.class, () -> PUBLISH.decode(bytes)).getMessage());
        assertEquals(why, assertThrows(IllegalStateException.class, () -> PUBLISH.decodePrefix(bytes)).getMessage());
        assertEquals(why, assertThrows(IllegalStateException.class,
                () -> PUBLISH.encode(Map.of("topic", "a", "payload", Bytes.of(new byte[0])))).getMessage());
        assertEquals(why, assertThrows(IllegalStateException.class,
                () -> MessageCodec.of(PUBLISH, Publish.class)).getMessage());
    }

    /** A PUBLISH body as a record. */
    public record Publish(String topic, Optional<Integer> packetId, Bytes payload) implements Body {
    }

    /** The bodies a packet may carry. */
    public sealed interface Body permits Publish, Raw {
    }

    /** A body of another packet type, as its bytes. */
    public record Raw(Bytes data) implements Body {
    }

    /** A whole packet as a record. */
    public record Packet(Fixed fixed, Body body) {
    }

    /** The fixed header as a record. */
    public record Fixed(int type, int dup, int qos, int retain) {
    }

    @Test
    void aRecordCodecOfTheHoldingLayoutDecodesAndEncodesTheBody() throws IOException {
        MessageCodec<Packet> codec = MessageCodec.of(PACKET, Packet.class);
        int publishes = 0;
        for (ByteView p : packets("pub1-client.bin")) {
            Packet packet = codec.decode(p);
            assertArrayEquals(p.toByteArray(), codec.encode(packet));
            if (packet.body() instanceof Publish pub) {
                publishes++;
                assertEquals(Optional.of(1), pub.packetId());
                assertEquals("bufkit/long", pub.topic());
            }
        }
        assertEquals(1, publishes);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> codec.encode(
                new Packet(new Fixed(3, 0, 0, 0), new Publish("t", Optional.of(1), Bytes.of(new byte[0])))));
        assertEquals("mqtt: body.packetId: given, but fixed.qos = 0 says it is absent", wrong.getMessage());
    }
}
