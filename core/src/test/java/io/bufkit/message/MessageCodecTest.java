package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.OverflowException;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    record Head(int type, int flag, long big, float ratio, String tag) {
    }

    record K(int key) {
    }

    record Item(K k, Bytes s) {
    }

    record E(int code) {
    }

    record Entry(E e, String value) {
    }

    record O(int x) {
    }

    record Option(O o) {
    }

    sealed interface Body permits Text, Pair, Raw {
    }

    record Text(Bytes text) implements Body, NoRaw, Lonely {
    }

    record P(int a, double b) {
    }

    record Pair(P p) implements Body, NoRaw {
    }

    record Raw(Bytes data) implements Body {
    }

    record T() {
    }

    record Tail(T t, Bytes b) {
    }

    record All(Head head, Bytes data, String p, Bytes maybe, byte[] z, Integer v, List<Item> items, List<Entry> entries,
            Optional<Option> opt, Body body, List<Tail> tail) {
    }

    private static final MessageCodec<All> CODEC = MessageCodec.of(EveryPartLayouts.ALL, All.class, LOOKUP);

    @Test
    void decodesWhatTheMapEncoderWroteAndWritesTheSameBytes() {
        for (int type : new int[] {1, 2, 9}) {
            for (boolean option : new boolean[] {true, false}) {
                byte[] wire = EveryPartLayouts.ALL.encode(EveryPartLayouts.values(type, option));
                All all = CODEC.decode(ByteView.wrap(wire));
                assertEquals(new Head(type, option ? 1 : 0, 4_000_000_000L, 1.5f, "ab"), all.head());
                assertEquals(Bytes.of((byte) 1, (byte) 2, (byte) 3), all.data());
                assertEquals("hello", all.p());
                assertArrayEquals(new byte[] {'z', 'z'}, all.z());
                assertEquals(300, all.v());
                assertEquals(List.of(new Item(new K(7), Bytes.utf8("seven")), new Item(new K(8), Bytes.empty())),
                        all.items());
                assertEquals(List.of(new Entry(new E('M'), "boom"), new Entry(new E('C'), "")), all.entries());
                assertEquals(option ? Optional.of(new Option(new O(513))) : Optional.empty(), all.opt());
                Body expected = switch (type) {
                    case 1 -> new Text(Bytes.utf8("text to the end"));
                    case 2 -> new Pair(new P(-2, 0.25));
                    default -> new Raw(Bytes.of((byte) 9, (byte) 9));
                };
                assertEquals(expected, all.body());
                assertEquals(List.of(new Tail(new T(), Bytes.utf8("xy")), new Tail(new T(), Bytes.empty())), all.tail());
                assertArrayEquals(wire, CODEC.encode(all), "type " + type + ", option " + option);
                assertEquals(wire.length, CODEC.encodedSize(all));
            }
        }
    }

    @Test
    void encodeThenDecodeGivesAnEqualRecordAndFillsLengthsAndCounts() {
        All all = new All(new Head(2, 0, 7, 0.5f, "xyz"), Bytes.of((byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5),
                "", null, new byte[0], 16_000, List.of(), List.of(new Entry(new E(1), "a")), Optional.empty(),
                new Pair(new P(3, -1.0)), List.of());
        byte[] wire = CODEC.encode(all);
        Message m = EveryPartLayouts.ALL.decode(ByteView.wrap(wire));
        assertEquals(0, m.intValue("head.n"));
        assertEquals(2, m.intValue("head.len"), "5 data bytes = len × 2 + 1");
        assertEquals(10, m.intValue("head.blen"), "i16 + f64");
        All back = CODEC.decode(m);
        assertEquals(all.head(), back.head());
        assertEquals(all.body(), back.body());
        assertEquals(all.entries(), back.entries());
        assertArrayEquals(wire, CODEC.encode(back));
    }

    @Test
    void encodesIntoAViewAndReportsOverflow() {
        All all = CODEC.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(EveryPartLayouts.values(1, true))));
        byte[] out = new byte[CODEC.encodedSize(all) + 3];
        assertEquals(out.length - 3, CODEC.encode(all, MutableByteView.wrap(out)));
        OverflowException e = assertThrows(OverflowException.class,
                () -> CODEC.encode(all, MutableByteView.wrap(new byte[10])));
        assertTrue(e.getMessage().contains(Integer.toString(out.length - 3)), e.getMessage());
    }

    @Test
    void encodingErrorsNameThePath() {
        All base = CODEC.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(EveryPartLayouts.values(1, false))));
        All optionWithoutFlag = new All(base.head(), base.data(), base.p(), base.maybe(), base.z(), base.v(), base.items(),
                base.entries(), Optional.of(new Option(new O(1))), base.body(), base.tail());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(optionWithoutFlag));
        assertTrue(e.getMessage().contains("opt") && e.getMessage().contains("head.flag"), e.getMessage());

        All wrongAlternative = new All(base.head(), base.data(), base.p(), base.maybe(), base.z(), base.v(), base.items(),
                base.entries(), base.opt(), new Pair(new P(1, 1)), base.tail());
        e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(wrongAlternative));
        assertTrue(e.getMessage().contains("body") && e.getMessage().contains("Text"), e.getMessage());

        All evenData = new All(base.head(), Bytes.of((byte) 1, (byte) 2), base.p(), base.maybe(), base.z(), base.v(), base.items(),
                base.entries(), base.opt(), base.body(), base.tail());
        e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(evenData));
        assertTrue(e.getMessage().contains("data"), e.getMessage());
    }

    sealed interface NoRaw permits Text, Pair {
    }

    record Small(Head head, Bytes data, String p, Bytes maybe, byte[] z, Integer v, List<Item> items, List<Entry> entries,
            NoRaw body, List<Tail> tail) {
    }

    @Test
    void anUnknownAlternativeWithoutARawRecordFailsDecodingWithThePath() {
        MessageCodec<Small> codec = MessageCodec.of(EveryPartLayouts.ALL, Small.class, LOOKUP);
        byte[] wire = EveryPartLayouts.ALL.encode(EveryPartLayouts.values(9, false));
        LayoutException e = assertThrows(LayoutException.class, () -> codec.decode(ByteView.wrap(wire)));
        assertTrue(e.getMessage().contains("body") && e.getMessage().contains("head.type = 9"), e.getMessage());
        // the conditional part is left out of the record: decoding ignores it, encoding writes it absent
        Small small = codec.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(EveryPartLayouts.values(2, false))));
        assertArrayEquals(EveryPartLayouts.ALL.encode(EveryPartLayouts.values(2, false)), codec.encode(small));
    }

    record MissingPart(Head head) {
    }

    record ExtraComponent(Head head, Bytes data, String p, Bytes maybe, byte[] z, Integer v, List<Item> items,
            List<Entry> entries, Body body, List<Tail> tail, int extra) {
    }

    record WrongHead(int type, int flag, int big, float ratio, String tag) {
    }

    record WrongHeadAll(WrongHead head, Bytes data, String p, Bytes maybe, byte[] z, Integer v, List<Item> items,
            List<Entry> entries, Body body, List<Tail> tail) {
    }

    record HeadWithoutTag(int type, int flag, long big, float ratio) {
    }

    record NoTagAll(HeadWithoutTag head, Bytes data, String p, Bytes maybe, byte[] z, Integer v, List<Item> items,
            List<Entry> entries, Body body, List<Tail> tail) {
    }

    record RawList(Head head, Bytes data, String p, Bytes maybe, byte[] z, Integer v, List<Object> items, List<Entry> entries,
            Body body, List<Tail> tail) {
    }

    @Test
    void mismatchesFailWhenTheCodecIsBuiltNamingBothSides() {
        assertMessage(MissingPart.class, "part data", "no component in record MissingPart");
        assertMessage(ExtraComponent.class, "[extra]", "match no part of layout all");
        assertMessage(WrongHeadAll.class, "component big is int", "field big is u32be (long)");
        assertMessage(NoTagAll.class, "field tag", "no component in record HeadWithoutTag");
        assertMessage(RawList.class, "part items", "a repeat's elements map to records");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(EveryPartLayouts.ALL, Record.class, LOOKUP));
        assertTrue(e.getMessage().contains("not a record"), e.getMessage());
    }

    private static void assertMessage(Class<? extends Record> type, String... parts) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(EveryPartLayouts.ALL, (Class) type, LOOKUP));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }

    /** A choice whose alternative has no record of its name. */
    sealed interface Lonely permits Text {
    }

    record LonelyAll(Head head, Bytes data, String p, Bytes maybe, byte[] z, Integer v, List<Item> items, List<Entry> entries,
            Lonely body, List<Tail> tail) {
    }

    @Test
    void aChoiceNeedsARecordForEveryAlternative() {
        assertMessage(LonelyAll.class, "alternative pair has no record", "[Text]");
    }

    public record Greeting(Name name) {
    }

    public record Name(int length) {
    }

    @Test
    void publicRecordsNeedNoLookup() {
        MessageLayout layout = MessageLayout.builder("greeting")
                .section("name", PacketLayout.builder("name").u8("length").build()).build();
        MessageCodec<Greeting> codec = MessageCodec.of(layout, Greeting.class);
        assertEquals(new Greeting(new Name(5)), codec.decode(ByteView.wrap(new byte[] {5})));
        assertArrayEquals(new byte[] {5}, codec.encode(new Greeting(new Name(5))));
        MessageCodec<Greeting> again = MessageCodec.of(layout, Greeting.class, LOOKUP);
        assertInstanceOf(MessageCodec.class, again);
        assertTrue(again.toString().contains("greeting") && again.toString().contains("Greeting"));
    }

    static final MessageLayout FRAMED = MessageLayout.builder("framed")
            .section("marker", PacketLayout.builder("marker").u8("magic").expect(0x7E).build())
            .section("len", PacketLayout.builder("len").u8("length").build())
            .section("flags", PacketLayout.builder("flags").u8("value").build())
            .bytes("data", Size.of("len.length")).build();

    record Flags(int value) {
    }

    record Framed(Flags flags, Bytes data) {
    }

    record NoFlags(Bytes data) {
    }

    @Test
    void aSectionWithNoFieldToGiveMayBeLeftOutOfTheRecord() {
        MessageCodec<Framed> codec = MessageCodec.of(FRAMED, Framed.class, LOOKUP);
        Framed framed = new Framed(new Flags(3), Bytes.of((byte) 9, (byte) 8));
        byte[] wire = codec.encode(framed);
        assertArrayEquals(new byte[] {0x7E, 2, 3, 9, 8}, wire);
        assertEquals(framed, codec.decode(ByteView.wrap(wire)));
        LayoutException wrongMarker = assertThrows(LayoutException.class,
                () -> codec.decode(ByteView.wrap(new byte[] {0x7F, 2, 3, 9, 8})));
        assertEquals(java.util.Optional.of("marker.magic"), wrongMarker.field(), wrongMarker.getMessage());
        assertTrue(wrongMarker.getMessage().startsWith("framed: marker.magic at offset 0"), wrongMarker.getMessage());
        IllegalArgumentException flagsLeftOut = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(FRAMED, NoFlags.class, LOOKUP));
        assertTrue(flagsLeftOut.getMessage().contains("part flags") && flagsLeftOut.getMessage().contains(
                "a section whose every field is a constant, a checksum or derived"), flagsLeftOut.getMessage());
    }

    @Test
    void decodingChecksASectionsChecksumNamingItsPath() {
        MessageLayout summed = MessageLayout.builder("summed")
                .section("head", PacketLayout.builder("head").u16be("id").internetChecksum("sum").build())
                .rest("body").build();
        byte[] wire = summed.encode(Map.of("head", Map.of("id", 0x1234), "body", Bytes.of((byte) 1)));
        assertEquals(0x1234, summed.decode(ByteView.wrap(wire)).intValue("head.id"));
        wire[3] ^= 1;
        LayoutException e = assertThrows(LayoutException.class, () -> summed.decode(ByteView.wrap(wire)));
        assertEquals(java.util.Optional.of("head.sum"), e.field(), e.getMessage());
        assertEquals(2, e.offset());
    }

    record Q(int type, int class_) {
    }

    record Question(Q q) {
    }

    @Test
    void aFieldNamedLikeAJavaKeywordMapsToTheComponentWithAnUnderscore() {
        MessageLayout question = MessageLayout.builder("question")
                .section("q", PacketLayout.builder("q").u16be("type").u16be("class").build()).build();
        MessageCodec<Question> codec = MessageCodec.of(question, Question.class, LOOKUP);
        Question q = codec.decode(ByteView.wrap(new byte[] {0, 28, 0, 1}));
        assertEquals(new Question(new Q(28, 1)), q);
        assertArrayEquals(new byte[] {0, 28, 0, 1}, codec.encode(q));
    }

    @Test
    void aMessageOfAnotherLayoutIsRefused() {
        Message other = EveryPartLayouts.OPTION.decode(ByteView.wrap(new byte[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> CODEC.decode(other));
    }
}
