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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Single fields at a message's level ({@code field(name, WireType)}): addressed by their own name in reads,
 * sizes, counts, conditions and discriminators, plain values in the value model and plain record components.
 */
class SingleFieldTest {
    static final MessageLayout VALUE = MessageLayout.builder("option-value").prefixed("data", 1, 2).build();
    /** A TCP option: its kind alone, then for kinds above 1 a length counting kind and length, and the data. */
    static final MessageLayout OPTION = MessageLayout.builder("option")
            .field("kind", WireType.U8).when("value", "kind", kind -> kind > 1, VALUE).build();
    static final MessageLayout OPTIONS = MessageLayout.builder("options").repeatToEnd("option", OPTION).build();
    /** PostgreSQL's DataRow body: an Int16 count, then each value (-1 for NULL). */
    static final MessageLayout DATA_ROW = MessageLayout.builder("DataRow")
            .field("n", WireType.I16BE)
            .repeat("values", "n", MessageLayout.builder("value").nullablePrefixed("value", 4).build()).build();
    static final MessageLayout TEXT = MessageLayout.builder("text").rest("text").build();
    static final MessageLayout NUMBER = MessageLayout.builder("number").field("value", WireType.U32BE).build();
    /** A type byte choosing the body, a length sizing it, and a float after it. */
    static final MessageLayout TAGGED = MessageLayout.builder("tagged")
            .field("type", WireType.U8).field("length", WireType.U16LE)
            .choice("body", "type", Size.of("length"), Map.of(1, TEXT, 2, NUMBER))
            .field("ratio", WireType.F32BE).build();

    record Value(Bytes data) {
    }

    record Option(int kind, Optional<Value> value) {
    }

    record Options(List<Option> option) {
    }

    record Cell(String value) {
    }

    record Row(List<Cell> values) {
    }

    record RowWithCount(Integer n, List<Cell> values) {
    }

    record Wrong(String kind, Optional<Value> value) {
    }

    /** The SYN's options of {@code captures/pcap/loopback-tcp-udp.pcap} (see {@link CountingPrefixTest}). */
    static final byte[] SYN_OPTIONS = CountingPrefixTest.SYN_OPTIONS;

    @Test
    void readsAndDependsOnTheFieldByItsOwnName() {
        Message m = OPTIONS.decode(ByteView.wrap(SYN_OPTIONS));
        assertEquals(5, m.count("option"));
        assertEquals(8, m.element("option", 2).intValue("kind"));
        assertEquals(1717234775L, m.element("option", 2).sub("value").bytes("data").u32be(0));
        assertEquals(1, m.element("option", 3).intValue("kind"));
        assertEquals(false, m.element("option", 3).isPresent("value"));
        assertEquals(8, OPTION.intPath("kind").get(m.element("option", 2)));

        byte[] tagged = {2, 4, 0, 0, 1, 0, 0, 0x3F, (byte) 0xC0, 0, 0};
        Message t = TAGGED.decode(ByteView.wrap(tagged));
        assertEquals(65536L, t.sub("body").toValues().get("value"));
        assertEquals(4, t.bytes("length").length() * 2);
        assertEquals(Map.of("type", 2, "length", 4, "body", Map.of("value", 65536L), "ratio", 1.5f), t.toValues());
    }

    @Test
    void valuesAreThePlainFieldValuesAndDerivedOnesAreComputed() {
        List<?> options = (List<?>) OPTIONS.decode(ByteView.wrap(SYN_OPTIONS)).toValues().get("option");
        assertEquals(Map.of("kind", 2, "value", Map.of("data", Bytes.of((byte) 0xFF, (byte) 0xD7))), options.get(0));
        assertArrayEquals(SYN_OPTIONS, OPTIONS.encode(OPTIONS.decode(ByteView.wrap(SYN_OPTIONS)).toValues()));
        byte[] row = DATA_ROW.encode(Map.of("values", List.of(Map.of("value", "1"), Map.of())));
        assertEquals("0002" + "0000000131" + "ffffffff", HexFormat.of().formatHex(row), "the count is computed");
        byte[] tagged = TAGGED.encode(Map.of("type", 1, "body", Map.of("text", "hey"), "ratio", 2.0f));
        assertEquals("010300" + "686579" + "40000000", HexFormat.of().formatHex(tagged), "the length is computed");
    }

    @Test
    void recordsHoldTheFieldAsAPlainComponent() {
        MessageCodec<Options> options = MessageCodec.of(OPTIONS, Options.class, MethodHandles.lookup());
        Options decoded = options.decode(ByteView.wrap(SYN_OPTIONS));
        assertEquals(new Option(1, Optional.empty()), decoded.option().get(3));
        assertEquals(3, decoded.option().get(4).kind());
        assertArrayEquals(SYN_OPTIONS, options.encode(decoded));

        MessageCodec<Row> rows = MessageCodec.of(DATA_ROW, Row.class, MethodHandles.lookup());
        byte[] wire = rows.encode(new Row(List.of(new Cell("a"), new Cell(null))));
        assertEquals(new Row(List.of(new Cell("a"), new Cell(null))), rows.decode(ByteView.wrap(wire)));
        MessageCodec<RowWithCount> counted = MessageCodec.of(DATA_ROW, RowWithCount.class, MethodHandles.lookup());
        assertEquals(2, counted.decode(ByteView.wrap(wire)).n(), "a derived field may be kept, boxed");
        assertArrayEquals(wire, counted.encode(new RowWithCount(null, List.of(new Cell("a"), new Cell(null)))),
                "and is computed when encoding");
    }

    @Test
    void aComponentOfAnotherTypeIsRefusedNamingBothSides() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(OPTION, Wrong.class, MethodHandles.lookup()));
        assertTrue(e.getMessage().startsWith("layout option part kind (kind: u8) and "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": a u8 field maps to int (or its box), not String"), e.getMessage());
    }

    @Test
    void badInputAndBadValuesNameTheFieldByItsOwnPath() {
        LayoutException cut = assertThrows(LayoutException.class,
                () -> TAGGED.decode(ByteView.wrap(new byte[] {1, 0})));
        assertEquals("tagged: length at offset 1: field needs 2 bytes but 1 remain", cut.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TAGGED.encode(Map.of("type", 1, "body", Map.of("text", ""), "ratio", "x")));
        assertTrue(range.getMessage().startsWith("tagged: ratio: "), range.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TAGGED.encode(Map.of("type", 1, "body", Map.of("text", ""))));
        assertEquals("tagged: ratio: no value given", missing.getMessage());
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> NUMBER.encode(Map.of("value", -1L)));
        assertTrue(tooBig.getMessage().startsWith("number: value: "), tooBig.getMessage());
    }

    @Test
    void onlyIntegerAndFloatingPointTypesAreSingleFields() {
        for (WireType t : List.of(WireType.INTERNET_CHECKSUM, WireType.CRC32BE, WireType.FLAGS8, WireType.BYTES)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MessageLayout.builder("t").field("x", t));
            assertTrue(e.getMessage().startsWith("t: x is " + t.typeName() + "; a single field is an integer or "
                    + "floating-point type"), e.getMessage());
        }
    }

    @Test
    void aNameIsAPathSoItHasNoDot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("t").field("a.b", WireType.U8));
        assertEquals("t: a single field's name is its path, so it has no '.': a.b", e.getMessage());
    }

    /** A PostgreSQL backend message (§55.7): a type byte, an Int32 length counting itself and the body. */
    @Test
    void aSingleFieldSizesTheRestOfItsLevel() {
        MessageLayout backend = MessageLayout.builder("pg-backend")
                .field("type", WireType.U8).field("length", WireType.I32BE)
                .remainingLength(Size.of("length").plus(-4)).rest("body").build();
        byte[] ready = {'Z', 0, 0, 0, 5, 'I'};   // ReadyForQuery, idle
        Message m = backend.decodePrefix(ByteView.wrap(new byte[] {'Z', 0, 0, 0, 5, 'I', 'T'}));
        assertEquals(6, m.end(), "the length ends the message before the next one's first byte");
        assertEquals("I", m.string("body"));
        assertArrayEquals(ready, backend.encode(Map.of("type", (int) 'Z', "body", "I")));
    }

    @Test
    void describedAndListedAsAFixedField() {
        MessagePart kind = OPTION.parts().get(0);
        assertEquals(MessagePart.Kind.FIXED_FIELD, kind.kind());
        assertEquals(List.of("kind"), kind.section().fields().stream().map(f -> f.name()).toList());
        assertEquals(Set.of("n"), DATA_ROW.parts().get(0).derivedFields());
        assertEquals(Set.of(), kind.derivedFields());
        assertTrue(OPTION.toString().contains("\n  kind: u8\n"), OPTION.toString());
        String text = OPTIONS.decode(ByteView.wrap(SYN_OPTIONS)).describe();
        assertTrue(text.contains("      kind @0: 2 (u8)\n"), text);
        assertTrue(text.contains("      kind @16: 1 (u8)\n"), text);
    }

    @Test
    void aSectionOfOneFieldStaysASection() {
        MessageLayout sectioned = MessageLayout.builder("option")
                .section("o", PacketLayout.builder("o").u8("kind").build()).build();
        assertEquals(MessagePart.Kind.SECTION, sectioned.parts().get(0).kind());
        assertEquals(Map.of("o", Map.of("kind", 7)), sectioned.decode(ByteView.wrap(new byte[] {7})).toValues());
    }
}
