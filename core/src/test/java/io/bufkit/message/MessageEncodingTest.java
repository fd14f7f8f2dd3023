package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.OverflowException;
import io.bufkit.layout.PacketLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Encoding fills in lengths, counts, prefixes, terminators, constants and checksums; decoding gives the values back. */
class MessageEncodingTest {

    static Map<String, Object> roundTrip(MessageLayout layout, Map<String, ?> values) {
        byte[] wire = layout.encode(values);
        assertEquals(wire.length, layout.encodedSize(values));
        Message m = layout.decode(ByteView.wrap(wire));
        Map<String, Object> back = m.toValues();
        assertArrayEquals(wire, layout.encode(back), "encoding the decoded values gives the same bytes");
        return back;
    }

    @Test
    void everyPartKindRoundTrips() {
        for (int type : new int[] {1, 2, 9}) {
            for (boolean option : new boolean[] {false, true}) {
                Map<String, Object> back = roundTrip(EveryPartLayouts.ALL, EveryPartLayouts.values(type, option));
                Map<String, Object> given = EveryPartLayouts.values(type, option);
                @SuppressWarnings("unchecked")
                Map<String, Object> head = (Map<String, Object>) back.get("head");
                assertEquals(0x42, head.get("magic"));
                assertEquals(type, head.get("type"));
                assertEquals(2, head.get("n"));
                assertEquals(1, head.get("len"), "3 bytes = len×2+1");
                assertEquals(4_000_000_000L, head.get("big"));
                assertEquals(1.5f, head.get("ratio"));
                assertEquals("ab", head.get("tag"));
                assertEquals(given.get("data"), back.get("data"));
                assertEquals(Bytes.utf8("hello"), back.get("p"));
                assertTrue(back.containsKey("maybe"));
                assertEquals(option ? null : Bytes.utf8("m"), back.get("maybe"));
                assertEquals(Bytes.utf8("zz"), back.get("z"));
                assertEquals(300, back.get("v"));
                assertEquals(given.get("items"), back.get("items"));
                assertEquals(List.of(Map.of("e", Map.of("code", (int) 'M'), "value", Bytes.utf8("boom")),
                        Map.of("e", Map.of("code", (int) 'C'), "value", Bytes.empty())), back.get("entries"));
                assertEquals(option, back.containsKey("opt"));
                assertEquals(given.get("opt"), back.get("opt"));
                assertEquals(given.get("body"), back.get("body"));
                assertEquals(List.of(Map.of("t", Map.of("len", 2), "b", Bytes.utf8("xy")),
                        Map.of("t", Map.of("len", 0), "b", Bytes.empty())), back.get("tail"));
            }
        }
    }

    @Test
    void encodingWritesTheWireFormatExactly() {
        MessageLayout layout = MessageLayout.builder("small")
                .section("h", PacketLayout.builder("h").u8("n").u8("len").build())
                .bytes("data", Size.of("h.len").plus(-1)).prefixed("p", 1).nulTerminated("z")
                .repeat("xs", "h.n", BadInputTest.ITEM).repeatUntil("ys", 0xFF, PostgresBodiesTest.ERROR_FIELD)
                .build();
        byte[] wire = layout.encode(Map.of("h", Map.of(), "data", "ab", "p", "c", "z", "d",
                "xs", List.of(Map.of("len", Map.of(), "data", "e", "label", "f")),
                "ys", List.of(Map.of("field", Map.of("code", 1), "value", "g"))));
        assertEquals(Bytes.of((byte) 1, (byte) 3, (byte) 'a', (byte) 'b', (byte) 1, (byte) 'c', (byte) 'd', (byte) 0,
                (byte) 1, (byte) 'e', (byte) 'f', (byte) 0, (byte) 1, (byte) 'g', (byte) 0, (byte) 0xFF), Bytes.of(wire));
    }

    @Test
    void checksumIsFilledAndConstantWritten() {
        byte[] wire = EveryPartLayouts.ALL.encode(EveryPartLayouts.values(1, false));
        ByteView head = ByteView.wrap(wire).slice(0, EveryPartLayouts.HEAD.size());
        EveryPartLayouts.HEAD.validate(head);   // constant and checksum hold
        assertEquals(0x42, head.u8(0));
        assertTrue(EveryPartLayouts.HEAD.checksumField("sum").get(head) != 0);
    }

    @Test
    void aChecksumOverAPseudoHeaderIsWrittenAsGiven() {
        MessageLayout udp = MessageLayout.builder("udp")
                .section("udp", PacketLayout.builder("udp").u16be("srcPort").u16be("dstPort").u16be("length")
                        .internetChecksumWithPseudoHeader("checksum").build())
                .bytes("payload", Size.of("udp.length").plus(-8)).build();
        byte[] wire = udp.encode(Map.of("udp", Map.of("srcPort", 53, "dstPort", 5353, "checksum", 0xBEEFL),
                "payload", "hi"));
        assertEquals(Bytes.fromHex("0035 14e9 000a beef 6869"), Bytes.of(wire));
        assertArrayEquals(wire, udp.encode(udp.decode(ByteView.wrap(wire)).toValues()));
        assertEquals(0, ByteView.wrap(udp.encode(Map.of("udp", Map.of("srcPort", 1, "dstPort", 2), "payload", "")))
                .u16be(6), "not given: 0");
        MutableByteView dirty = MutableByteView.allocate(10).fill((byte) 0x77);
        udp.encode(Map.of("udp", Map.of("srcPort", 1, "dstPort", 2), "payload", "ab"), dirty);
        assertEquals(Bytes.fromHex("0001 0002 000a 0000 6162"), dirty.copy());
    }

    @Test
    void encodeIntoAViewReportsOverflowWithTheBytesNeeded() {
        Map<String, Object> values = EveryPartLayouts.values(2, true);
        int size = EveryPartLayouts.ALL.encodedSize(values);
        MutableByteView out = MutableByteView.allocate(size + 3).fill((byte) 0x5A);   // every byte is written
        assertEquals(size, EveryPartLayouts.ALL.encode(values, out));
        assertArrayEquals(EveryPartLayouts.ALL.encode(values), out.slice(0, size).toByteArray());
        OverflowException e = assertThrows(OverflowException.class,
                () -> EveryPartLayouts.ALL.encode(values, MutableByteView.allocate(size - 1)));
        assertEquals(size, e.needed());
        assertEquals(size - 1, e.remaining());
        assertTrue(e.getMessage().contains("all"), e.getMessage());
    }

    @Test
    void derivedFieldsGivenByTheUserAreIgnored() {
        Map<String, Object> values = EveryPartLayouts.values(1, false);
        Map<String, Object> head = new HashMap<>(castMap(values.get("head")));
        head.put("n", 99);
        head.put("len", 99);
        head.put("blen", 99);
        head.put("sum", 12345L);
        values.put("head", head);
        assertArrayEquals(EveryPartLayouts.ALL.encode(EveryPartLayouts.values(1, false)), EveryPartLayouts.ALL.encode(values));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    static IllegalArgumentException rejects(MessageLayout layout, Map<String, Object> values, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.encode(values));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
        }
        return e;
    }

    static Map<String, Object> with(String part, Object value, int type, boolean option) {
        Map<String, Object> v = EveryPartLayouts.values(type, option);
        if (value == null) {
            v.remove(part);
        } else {
            v.put(part, value);
        }
        return v;
    }

    @Test
    void lengthThatNoValueDescribesNamesTheFieldAndWhy() {
        rejects(EveryPartLayouts.ALL, with("data", Bytes.of((byte) 1, (byte) 2), 1, false),
                "all: head.len: ", "no value describes the 2 bytes of data", "head.len×2+1");
    }

    @Test
    void derivedValueThatDoesNotFitNamesTheFullPath() {
        Map<String, Object> v = EveryPartLayouts.values(1, false);
        v.put("tail", List.of(Map.of("b", Bytes.empty()), Map.of("b", new byte[300])));
        rejects(EveryPartLayouts.ALL, v, "all: tail[1].t.len: cannot hold 300", "u8 holds 0 to 255");
        Map<String, Object> many = EveryPartLayouts.values(1, false);
        many.put("items", java.util.Collections.nCopies(256, Map.of("k", Map.of("key", 1), "s", "")));
        rejects(EveryPartLayouts.ALL, many, "all: head.n: cannot hold 256", "number of elements of items");
    }

    @Test
    void twoPartsDerivingOneFieldMustAgree() {
        MessageLayout twice = MessageLayout.builder("twice")
                .section("h", PacketLayout.builder("h").u8("len").build())
                .bytes("a", Size.of("h.len")).bytes("b", Size.of("h.len")).build();
        assertArrayEquals(new byte[] {1, 'x', 'y'}, twice.encode(Map.of("a", "x", "b", "y")));
        rejects(twice, Map.of("a", "x", "b", "yz"), "twice: h.len: two parts need different values: 1 (1 bytes of a)",
                "2 (2 bytes of b)");
    }

    @Test
    void conditionMustAgreeWithPresence() {
        Map<String, Object> absent = EveryPartLayouts.values(1, true);
        absent.remove("opt");
        rejects(EveryPartLayouts.ALL, absent, "all: opt: absent, but head.flag = 1 says it is present");
        Map<String, Object> present = EveryPartLayouts.values(1, false);
        present.put("opt", Map.of("o", Map.of("x", 1)));
        rejects(EveryPartLayouts.ALL, present, "all: opt: given, but head.flag = 0 says it is absent");
        Map<String, Object> nullOpt = EveryPartLayouts.values(1, false);
        nullOpt.put("opt", null);
        EveryPartLayouts.ALL.encode(nullOpt);
    }

    @Test
    void choiceValueMustMatchTheDiscriminator() {
        rejects(EveryPartLayouts.ALL, with("body", Bytes.of((byte) 1), 2, false),
                "all: body: head.type = 2 chooses pair, so the value must be a Map", "Bytes");
        rejects(EveryPartLayouts.ALL, with("body", Map.of("text", "x"), 9, false),
                "all: body: head.type = 9 has no alternative, so the value must be the raw Bytes");
        MessageLayout unsized = MessageLayout.builder("unsized")
                .section("h", PacketLayout.builder("h").u8("type").build())
                .choice("body", "h.type", Map.of(1, EveryPartLayouts.TEXT)).build();
        rejects(unsized, Map.of("h", Map.of("type", 3), "body", Bytes.empty()),
                "unsized: body: no alternative for h.type = 3; known: [1]");
    }

    @Test
    void terminatorsAndPrefixesRejectWhatCannotBeReadBack() {
        rejects(EveryPartLayouts.ALL, with("z", new byte[] {'a', 0, 'b'}, 1, false),
                "all: z: holds a 0 byte at index 1");
        rejects(EveryPartLayouts.ALL, with("items", List.of(Map.of("k", Map.of("key", 1), "s", new byte[256])), 1, false),
                "all: items[0].s: 256 bytes do not fit a 1-byte length prefix (at most 255)");
        rejects(EveryPartLayouts.ALL, with("entries", List.of(Map.of("e", Map.of("code", 0), "value", "x")), 1, false),
                "all: entries[0]: element starts with the terminator byte 0");
        MessageLayout empty = MessageLayout.builder("empties").repeatToEnd("xs", EveryPartLayouts.TEXT).build();
        rejects(empty, Map.of("xs", List.of(Map.of("text", ""))), "empties: xs[0]: element takes no bytes");
    }

    @Test
    void missingAndMistypedValuesNameThePath() {
        rejects(EveryPartLayouts.ALL, with("p", null, 1, false), "all: p: no value given");
        Map<String, Object> noTag = EveryPartLayouts.values(1, false);
        Map<String, Object> head = new HashMap<>(castMap(noTag.get("head")));
        head.remove("ratio");
        noTag.put("head", head);
        rejects(EveryPartLayouts.ALL, noTag, "all: head.ratio: no value given");
        head.put("ratio", 1.5);
        rejects(EveryPartLayouts.ALL, noTag, "all: head.ratio: expected a Float, not a java.lang.Double");
        head.put("ratio", 1.5f);
        head.put("type", null);
        rejects(EveryPartLayouts.ALL, noTag, "all: head.type: no value given");
        head.put("type", 1);
        head.put("magic", 0x43);
        rejects(EveryPartLayouts.ALL, noTag, "all: head.magic: given value is not the field's constant");
        head.put("magic", 0x42);
        head.put("nope", 1);
        rejects(EveryPartLayouts.ALL, noTag, "all: head: section head has no field nope");
        head.remove("nope");
        head.put("big", -1L);
        rejects(EveryPartLayouts.ALL, noTag, "all: head.big: -1 does not fit u32be");
        rejects(EveryPartLayouts.ALL, with("items", List.of(Map.of("k", Map.of()), "s"), 1, false),
                "all: items[0].k.key: no value given");
        rejects(EveryPartLayouts.ALL, with("items", "not a list", 1, false), "all: items: expected a List");
        rejects(EveryPartLayouts.ALL, with("v", "300", 1, false),
                "all: v: mqtt-remaining-length takes a java.lang.Integer, not a java.lang.String");
        rejects(EveryPartLayouts.ALL, with("v", -1, 1, false), "all: v: remaining length -1 is not 0 to 268435455");
        rejects(EveryPartLayouts.ALL, with("typo", 1, 1, false), "all: all has no part typo");
        rejects(EveryPartLayouts.ALL, with("data", 5, 1, false), "all: data: expected Bytes, byte[] or a String");
    }

    @Test
    void toValuesOwnsItsBytes() {
        byte[] wire = EveryPartLayouts.ALL.encode(EveryPartLayouts.values(1, false));
        Map<String, Object> values = EveryPartLayouts.ALL.decode(ByteView.wrap(wire)).toValues();
        java.util.Arrays.fill(wire, (byte) 0x55);
        assertEquals(Bytes.utf8("hello"), values.get("p"));
        assertFalse(values.containsKey("opt"));
    }
}
