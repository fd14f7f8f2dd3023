package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.TestBytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.testsupport.RegexGroups;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bytes after a signed length prefix, -1 for NULL: decoding, bad prefixes, encoding, records and real bytes. */
class NullablePrefixedTest {
    static final PacketLayout COUNT = PacketLayout.builder("count").u8("n").build();
    static final MessageLayout VALUE = MessageLayout.builder("value").nullablePrefixed("value", 4).build();
    /** A row of values as PostgreSQL's DataRow holds them, with a one-byte count. */
    static final MessageLayout ROW = MessageLayout.builder("row")
            .section("fields", COUNT).repeat("values", "fields.n", VALUE).build();
    /** Kafka's nullable string: an INT16 length, -1 for null. */
    static final MessageLayout SHORT = MessageLayout.builder("short").nullablePrefixed("s", 2).rest("after").build();

    static ByteView bytes(int... b) {
        return ByteView.wrap(TestBytes.of(b));
    }

    static final ByteView THREE = bytes(3,
            0xFF, 0xFF, 0xFF, 0xFF,              // values[0]: NULL
            0, 0, 0, 0,                          // values[1]: empty
            0, 0, 0, 2, 'h', 'i');               // values[2]: "hi"

    @Test
    void nullEmptyAndNonEmptyValuesDecode() {
        Message m = ROW.decode(THREE);
        Message nul = m.element("values", 0);
        assertNull(nul.bytes("value"));
        assertNull(nul.string("value"));
        assertFalse(nul.isPresent("value"));
        assertEquals(5, nul.start("value"));
        assertEquals(5, nul.end("value"));
        Message empty = m.element("values", 1);
        assertEquals(0, empty.bytes("value").length());
        assertEquals("", empty.string("value"));
        assertTrue(empty.isPresent("value"));
        Message hi = m.element("values", 2);
        assertEquals("hi", hi.string("value"));
        assertTrue(hi.isPresent("value"));
        assertEquals(13, hi.start("value"));
        assertEquals(15, m.end());
    }

    @Test
    void toValuesGivesNullForNull() {
        Map<String, Object> v = ROW.decode(THREE).toValues();
        List<?> values = (List<?>) v.get("values");
        Map<?, ?> first = (Map<?, ?>) values.get(0);
        assertTrue(first.containsKey("value"));
        assertNull(first.get("value"));
        assertEquals(Bytes.of(new byte[0]), ((Map<?, ?>) values.get(1)).get("value"));
        assertEquals(Bytes.of("hi".getBytes(StandardCharsets.US_ASCII)), ((Map<?, ?>) values.get(2)).get("value"));
    }

    @Test
    void describeShowsNull() {
        String text = ROW.decode(THREE).describe();
        assertTrue(text.contains("value @5: NULL (length prefix -1)\n"), text);
        assertTrue(text.contains("value @9 (0 bytes):\n"), text);
        assertTrue(text.contains("value @13 (2 bytes): 68 69\n"), text);
    }

    @Test
    void aTwoBytePrefixOfFfffIsNullNot65535() {
        Message m = SHORT.decode(bytes(0xFF, 0xFF, 7));
        assertNull(m.bytes("s"));
        assertEquals(2, m.start("after"));
        assertEquals(Bytes.of((byte) 7), Bytes.copyOf(m.bytes("after")));
        assertEquals("ab", SHORT.decode(bytes(0, 2, 'a', 'b')).string("s"));
    }

    @Test
    void aNegativeLengthOtherThanMinusOneIsRejectedNamingPathAndOffset() {
        LayoutException e = assertThrows(LayoutException.class, () -> ROW.decode(bytes(3,
                0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFE)));
        assertEquals("row", e.layout());
        assertEquals("values[2].value", e.field().orElseThrow());
        assertEquals(9, e.offset());
        assertEquals("row: values[2].value at offset 9: length -2 is negative and not -1 (NULL)", e.getMessage());
        assertEquals("-2", e.actual());
        LayoutException smallest = assertThrows(LayoutException.class, () -> SHORT.decode(bytes(0x80, 0)));
        assertEquals("s", smallest.field().orElseThrow());
        assertEquals(0, smallest.offset());
        assertTrue(smallest.getMessage().contains("length -32768 is negative and not -1"), smallest.getMessage());
    }

    @Test
    void aLengthPastTheEndIsRejectedNamingPathAndOffset() {
        LayoutException e = assertThrows(LayoutException.class, () -> ROW.decode(bytes(3,
                0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 3, 'h', 'i')));
        assertEquals("values[2].value", e.field().orElseThrow());
        assertEquals(9, e.offset());
        assertEquals("row: values[2].value at offset 9: length 3 (prefix 3) points past the end", e.getMessage());
        LayoutException huge = assertThrows(LayoutException.class,
                () -> ROW.decode(bytes(1, 0x7F, 0xFF, 0xFF, 0xFF)));
        assertEquals("values[0].value", huge.field().orElseThrow());
        assertEquals(1, huge.offset());
    }

    @Test
    void aPrefixCutShortIsRejectedNamingPathAndOffset() {
        LayoutException e = assertThrows(LayoutException.class, () -> SHORT.decode(bytes(0xFF)));
        assertEquals("s", e.field().orElseThrow());
        assertEquals(0, e.offset());
        assertEquals("short: s at offset 0: length prefix of 2 bytes runs past the end", e.getMessage());
    }

    @Test
    void nullOrNoValueEncodesAsMinusOne() {
        Map<String, Object> nul = new HashMap<>();
        nul.put("value", null);
        Map<String, Object> values = Map.of("values", List.of(nul, Map.of("value", new byte[0]),
                Map.of("value", "hi")));
        assertArrayEquals(THREE.toByteArray(), ROW.encode(values));
        assertArrayEquals(THREE.toByteArray(), ROW.encode(Map.of("values", List.of(Map.of(),
                Map.of("value", Bytes.of(new byte[0])), Map.of("value", Bytes.of((byte) 'h', (byte) 'i'))))));
        assertArrayEquals(TestBytes.of(0xFF, 0xFF), SHORT.encode(Map.of("after", new byte[0])));
    }

    @Test
    void decodedValuesEncodeBackToTheSameBytes() {
        assertArrayEquals(THREE.toByteArray(), ROW.encode(ROW.decode(THREE).toValues()));
        byte[] shortNull = TestBytes.of(0xFF, 0xFF, 1, 2);
        assertArrayEquals(shortNull, SHORT.encode(SHORT.decode(ByteView.wrap(shortNull)).toValues()));
    }

    @Test
    void aValueLongerThanTheSignedPrefixHoldsIsRejectedNamingThePath() {
        byte[] most = new byte[32767];
        assertEquals(2 + 32767, SHORT.encode(Map.of("s", most, "after", new byte[0])).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SHORT.encode(Map.of("s", new byte[32768], "after", new byte[0])));
        assertEquals("short: s: 32768 bytes do not fit a 2-byte signed length prefix (at most 32767)", e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedNamingThePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ROW.encode(Map.of("values", List.of(Map.of("value", 5)))));
        assertEquals("row: values[0].value: expected Bytes, byte[] or a String, not a java.lang.Integer",
                e.getMessage());
    }

    @Test
    void onlyTwoAndFourBytePrefixesAreDeclared() {
        for (int width : new int[] {0, 1, 3, 8}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MessageLayout.builder("x").nullablePrefixed("v", width));
            assertTrue(e.getMessage().contains("2 or 4: " + width), e.getMessage());
        }
    }

    @Test
    void thePartDescribesItselfForGenerators() {
        MessagePart p = SHORT.parts().get(0);
        assertEquals(MessagePart.Kind.NULLABLE_BYTES, p.kind());
        assertEquals(2, p.prefixWidth());
        assertEquals("s", p.name());
        assertTrue(SHORT.toString().contains("s: bytes or NULL with 2-byte signed length prefix (-1 = NULL)"),
                SHORT.toString());
    }

    record Text(String value) {
    }

    record TextRow(List<Text> values) {
    }

    record Maybe(Optional<Bytes> value) {
    }

    record MaybeRow(List<Maybe> values) {
    }

    record Raw(byte[] value) {
    }

    record RawRow(List<Raw> values) {
    }

    static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    @Test
    void recordsHoldNullOrAnEmptyOptionalForNull() {
        MessageCodec<TextRow> text = MessageCodec.of(ROW, TextRow.class, LOOKUP);
        TextRow row = text.decode(THREE);
        assertEquals(new TextRow(List.of(new Text(null), new Text(""), new Text("hi"))), row);
        assertArrayEquals(THREE.toByteArray(), text.encode(row));

        MessageCodec<MaybeRow> maybe = MessageCodec.of(ROW, MaybeRow.class, LOOKUP);
        MaybeRow m = maybe.decode(THREE);
        assertEquals(new MaybeRow(List.of(new Maybe(Optional.empty()), new Maybe(Optional.of(Bytes.of(new byte[0]))),
                new Maybe(Optional.of(Bytes.of((byte) 'h', (byte) 'i'))))), m);
        assertArrayEquals(THREE.toByteArray(), maybe.encode(m));

        MessageCodec<RawRow> raw = MessageCodec.of(ROW, RawRow.class, LOOKUP);
        RawRow r = raw.decode(THREE);
        assertNull(r.values().get(0).value());
        assertEquals("hi", new String(r.values().get(2).value(), StandardCharsets.US_ASCII));
        assertArrayEquals(THREE.toByteArray(), raw.encode(r));
    }

    record Numbered(int value) {
    }

    record OptionalText(Optional<String> value) {
    }

    record OptionalNumber(Optional<Integer> value) {
    }

    record OptionalArray(Optional<byte[]> value) {
    }

    @Test
    void mismatchedComponentsAreRejectedWhenTheCodecIsBuilt() {
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(VALUE, Numbered.class, LOOKUP));
        assertTrue(number.getMessage().startsWith("layout value part value (value: bytes or NULL with 4-byte signed "
                + "length prefix (-1 = NULL)) and "), number.getMessage());
        assertTrue(number.getMessage().contains("Numbered"), number.getMessage());
        assertTrue(number.getMessage().endsWith(": bytes map to Bytes, byte[] or String (UTF-8), or an Optional of "
                + "one of them, not int"), number.getMessage());
        IllegalArgumentException optionalNumber = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(VALUE, OptionalNumber.class, LOOKUP));
        assertTrue(optionalNumber.getMessage().endsWith("not Optional<java.lang.Integer>"),
                optionalNumber.getMessage());
        MessageLayout notNullable = MessageLayout.builder("value").prefixed("value", 4).build();
        IllegalArgumentException optional = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(notNullable, OptionalText.class, LOOKUP));
        assertTrue(optional.getMessage().contains("only a nullable part (nullablePrefixed) maps to an Optional"),
                optional.getMessage());
        assertEquals(new OptionalText(Optional.of("hi")),
                MessageCodec.of(VALUE, OptionalText.class, LOOKUP).decode(bytes(0, 0, 0, 2, 'h', 'i')));
        MessageCodec<OptionalArray> array = MessageCodec.of(VALUE, OptionalArray.class, LOOKUP);
        assertArrayEquals(TestBytes.of('h', 'i'), array.decode(bytes(0, 0, 0, 2, 'h', 'i')).value().orElseThrow());
        assertArrayEquals(TestBytes.of(0xFF, 0xFF, 0xFF, 0xFF), array.encode(new OptionalArray(Optional.empty())));
    }

    /** The first DataRow of the captured psql session: id 1, 'row 1', 1.5, false, and a NULL column. */
    static ByteView capturedDataRow() throws IOException {
        ByteView all = ByteView.wrap(PostgresBodiesTest.resource("postgresql/backend.bin"));
        int at = DataRowAndPublishTest.findDataRow(all);
        assertEquals(710, at);
        return all.slice(at, at + 1 + all.i32be(at + 1));
    }

    @Test
    void aCapturedPostgresDataRowHasANullColumn() throws IOException {
        ByteView wire = capturedDataRow();
        Message row = DataRowAndPublishTest.BACKEND.decode(wire).sub("body");
        assertEquals(5, row.count("values"));
        String[] values = new String[5];
        for (int i = 0; i < 5; i++) {
            values[i] = row.element("values", i).string("value");
        }
        assertEquals(Arrays.asList("1", "row 1", "1.5", "f", null), Arrays.asList(values));
        assertFalse(row.element("values", 4).isPresent("value"));
        assertEquals(37, row.element("values", 4).end("value"));
        assertArrayEquals(wire.toByteArray(), DataRowAndPublishTest.BACKEND.encode(
                DataRowAndPublishTest.BACKEND.decode(wire).toValues()));
    }

    @Test
    void aCapturedDataRowWithItsNullMadeMinusTwoIsRejectedAtThatColumn() throws IOException {
        byte[] wire = capturedDataRow().toByteArray();
        wire[36] = (byte) 0xFE;   // the NULL column's prefix, ff ff ff ff at 33..36, becomes -2
        LayoutException e = assertThrows(LayoutException.class,
                () -> DataRowAndPublishTest.BACKEND.decode(ByteView.wrap(wire)));
        assertEquals("body.values[4].value", e.field().orElseThrow());
        assertEquals(33, e.offset());
        assertTrue(e.getMessage().contains("length -2 is negative and not -1 (NULL)"), e.getMessage());
    }

    static final MessageLayout KAFKA_REQUEST = MessageLayout.builder("kafka-request")
            .section("size", PacketLayout.builder("size").i32be("size").build()).totalLength(Size.of("size.size").plus(4))
            .section("header", PacketLayout.builder("header").i16be("apiKey").i16be("apiVersion")
                    .i32be("correlationId").build())
            .nullablePrefixed("clientId", 2)
            .rest("body")
            .build();

    @Test
    void capturedKafkaRequestsCarryTheirClientIdAsANullableString() throws IOException {
        String tshark = new String(PostgresBodiesTest.resource("kafka/session.tshark.txt"), StandardCharsets.UTF_8);
        List<String> ids = RegexGroups.all(tshark, "\n    Client ID: (\\S+)");
        ByteView all = ByteView.wrap(PostgresBodiesTest.resource("kafka/client.bin"));
        List<String> seen = new java.util.ArrayList<>();
        for (int at = 0; at < all.length();) {
            Message m = KAFKA_REQUEST.decodePrefix(all.slice(at, all.length()));
            seen.add(m.string("clientId"));
            assertArrayEquals(all.slice(at, at + m.end()).toByteArray(), KAFKA_REQUEST.encode(m.toValues()));
            at += m.end();
        }
        assertEquals(3, seen.size());
        assertEquals(ids, seen);
        assertEquals("bufkit-capture", seen.get(0));
    }
}
