package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Levels of a single part held in records as that part's value: a repeat of one nullable string as a
 * {@code List<String>}, conditional single parts as {@code Optional<String>}, {@code Optional<Integer>} or a
 * nullable value.
 */
class SinglePartLevelTest {
    static final MessageLayout DATA_ROW = MessageLayout.builder("DataRow").field("n", WireType.U16BE)
            .repeat("values", "n", MessageLayout.builder("value").nullablePrefixed("value", 4).build()).build();
    static final MessageLayout TEXT = MessageLayout.builder("text").prefixed("value", 2).build();
    /** MQTT 3.1.1 CONNECT's tail (§3.1.3): client id, then user name and password as the flags say. */
    static final MessageLayout LOGIN = MessageLayout.builder("login")
            .section("flags", PacketLayout.builder("flags").bit("username").bit("password").bits("rest", 6).build())
            .prefixed("clientId", 2)
            .when("username", "flags.username", f -> f != 0, TEXT)
            .when("password", "flags.password", f -> f != 0, TEXT)
            .when("packetId", "flags.rest", r -> r != 0,
                    MessageLayout.builder("id").field("id", WireType.U16BE).build())
            .build();

    record Row(List<String> values) {
    }

    record Flags(int username, int password, int rest) {
    }

    record Login(Flags flags, String clientId, Optional<String> username, String password,
            Optional<Integer> packetId) {
    }

    record WrongElement(List<Integer> values) {
    }

    record TwoParts(List<String> columns) {
    }

    /**
     * A DataRow body as PostgreSQL 16 sent it for {@code SELECT 1, NULL, 'x'} (protocol §55.7: Int16 count,
     * then per column an Int32 length, -1 for NULL, and the bytes).
     */
    static final byte[] ROW = HexFormat.of().parseHex("0003" + "0000000131" + "ffffffff" + "0000000178");

    @Test
    void aRepeatOfOnePartIsAListOfItsValues() {
        MessageCodec<Row> codec = MessageCodec.of(DATA_ROW, Row.class, MethodHandles.lookup());
        Row row = codec.decode(ByteView.wrap(ROW));
        assertEquals(Arrays.asList("1", null, "x"), row.values());
        assertArrayEquals(ROW, codec.encode(row));
        assertArrayEquals(ROW, codec.encode(new Row(Arrays.asList("1", null, "x"))));
    }

    @Test
    void conditionalSinglePartsAreOptionalsOrNullableValues() {
        MessageCodec<Login> codec = MessageCodec.of(LOGIN, Login.class, MethodHandles.lookup());
        Login both = new Login(new Flags(1, 1, 1), "c", Optional.of("user"), "pw", Optional.of(7));
        byte[] wire = codec.encode(both);
        assertEquals("c1" + "0001" + "63" + "0004" + "75736572" + "0002" + "7077" + "0007",
                HexFormat.of().formatHex(wire));
        assertEquals(both, codec.decode(ByteView.wrap(wire)));
        Login neither = new Login(new Flags(0, 0, 0), "c", Optional.empty(), null, Optional.empty());
        Login back = codec.decode(ByteView.wrap(codec.encode(neither)));
        assertEquals(Optional.empty(), back.username());
        assertNull(back.password());
        assertEquals(neither, back);
        IllegalArgumentException contradicts = assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new Login(new Flags(0, 1, 0), "c", Optional.empty(), null, Optional.empty())));
        assertEquals("login: password: absent, but flags.password = 1 says it is present", contradicts.getMessage());
    }

    @Test
    void typesThatCannotHoldThePartAreRefusedNamingBothSides() {
        IllegalArgumentException element = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(DATA_ROW, WrongElement.class, MethodHandles.lookup()));
        assertTrue(element.getMessage().contains("layout value part value (value: bytes or NULL with 4-byte signed "
                + "length prefix (-1 = NULL)) and java.lang.Integer (a repeat's elements, held as the part's value)"),
                element.getMessage());
        MessageLayout columns = MessageLayout.builder("cols").field("n", WireType.U8)
                .repeat("columns", "n", MessageLayout.builder("column").nulTerminated("name")
                        .field("oid", WireType.I32BE)
                        .build()).build();
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.of(columns, TwoParts.class, MethodHandles.lookup()));
        assertTrue(two.getMessage().endsWith("a repeat's elements map to records, or, for a layout of one part, to "
                + "that part's type; column has 2 parts, so String cannot hold one"), two.getMessage());
    }

    @Test
    void aListHoldingAnotherTypeIsRefusedWhenEncoding() {
        MessageCodec<Row> codec = MessageCodec.of(DATA_ROW, Row.class, MethodHandles.lookup());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Row wrong = new Row((List) List.of("1", Bytes.of((byte) 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.encode(wrong));
        assertEquals("DataRow: values[1]: expected a String, not a " + Bytes.class.getName(), e.getMessage());
    }
}
