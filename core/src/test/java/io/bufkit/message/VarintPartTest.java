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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * MQTT's remaining length as a varint part (MQTT 3.1.1 §2.2.3: up to 4 bytes, 7 bits each, least
 * significant first), on the captured CONNECT packets and beyond 127 bytes.
 */
class VarintPartTest {
    static final MessageLayout CONNECT = MessageLayout.builder("CONNECT")
            .section("fixed", PacketLayout.builder("mqtt-fixed").u8("type").build())
            .varint("remaining", 4)
            .sized("body", Size.of("remaining"), MessageLayout.builder("CONNECT-body")
                    .prefixed("protocol", 2).section("flags", MqttConnectTest.VARIABLE).prefixed("clientId", 2)
                    .when("will", "flags.willFlag", v -> v != 0, MqttConnectTest.WILL)
                    .when("username", "flags.username", v -> v != 0, MqttConnectTest.TEXT)
                    .when("password", "flags.password", v -> v != 0, MqttConnectTest.TEXT)
                    .build())
            .build();

    static byte[] captured(String file) throws IOException {
        byte[] stream = PostgresBodiesTest.resource("mqtt/" + file);
        return java.util.Arrays.copyOf(stream, 2 + (stream[1] & 0xFF));
    }

    @Test
    void decodesTheCapturedConnectsAndEncodesThemBackWithoutBeingGivenTheLength() throws IOException {
        for (String file : List.of("pub0-client.bin", "sub-client.bin")) {
            byte[] wire = captured(file);
            Message m = CONNECT.decode(ByteView.wrap(wire));
            assertEquals(wire.length - 2, m.intValue("remaining"));
            assertEquals("MQTT", m.sub("body").string("protocol"));
            Map<String, Object> values = new HashMap<>(m.toValues());
            assertEquals(wire.length - 2, values.remove("remaining"));
            assertArrayEquals(wire, CONNECT.encode(values), file);
            assertTrue(m.describe().contains("remaining @1: " + (wire.length - 2) + " (varint, 1 byte(s))"),
                    m.describe());
        }
    }

    @Test
    void aLongBodyTakesATwoByteLength() throws IOException {
        Message m = CONNECT.decode(ByteView.wrap(captured("sub-client.bin")));
        Map<String, Object> values = new HashMap<>(m.toValues());
        values.remove("remaining");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new HashMap<>((Map<String, Object>) values.get("body"));
        body.put("clientId", Bytes.utf8("c".repeat(300)));
        values.put("body", body);
        byte[] wire = CONNECT.encode(values);
        int length = wire.length - 3;
        assertEquals(0x80 | (length & 0x7F), wire[1] & 0xFF);
        assertEquals(length >>> 7, wire[2]);
        Message back = CONNECT.decode(ByteView.wrap(wire));
        assertEquals(length, back.intValue("remaining"));
        assertEquals(300, back.sub("body").bytes("clientId").length());
    }

    @Test
    void badVarintsAreLayoutExceptionsWithThePath() {
        LayoutException tooLong = assertThrows(LayoutException.class,
                () -> CONNECT.decode(ByteView.wrap(new byte[] {0x10, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1})));
        assertTrue(tooLong.getMessage().contains("remaining") && tooLong.getMessage().contains("longer than 4 bytes"),
                tooLong.getMessage());
        LayoutException pastEnd = assertThrows(LayoutException.class,
                () -> CONNECT.decode(ByteView.wrap(new byte[] {0x10, (byte) 0x80})));
        assertTrue(pastEnd.getMessage().contains("runs past the end"), pastEnd.getMessage());
        LayoutException pastBody = assertThrows(LayoutException.class,
                () -> CONNECT.decode(ByteView.wrap(new byte[] {0x10, 0x7F, 0, 4})));
        assertTrue(pastBody.getMessage().contains("body") && pastBody.getMessage().contains("remaining = 127"),
                pastBody.getMessage());
    }

    @Test
    void aVarintThatOnlyCountsIsGivenAndChecked() {
        MessageLayout counted = MessageLayout.builder("counted").varint("n", 1)
                .repeat("items", "n", MessageLayout.builder("item")
                        .section("v", PacketLayout.builder("v").u8("value").build()).build())
                .build();
        byte[] wire = counted.encode(Map.of("items", List.of(Map.of("v", Map.of("value", 7)),
                Map.of("v", Map.of("value", 8)))));
        assertArrayEquals(new byte[] {2, 7, 8}, wire);
        MessageLayout conditioned = MessageLayout.builder("conditioned").varint("flag", 2)
                .when("extra", "flag", f -> f > 200, MessageLayout.builder("x").rest("bytes").build()).build();
        assertArrayEquals(new byte[] {(byte) 0xC9, 0x01, 9}, conditioned.encode(Map.of("flag", 201,
                "extra", Map.of("bytes", Bytes.of((byte) 9)))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conditioned.encode(Map.of("flag", 20000)));
        assertTrue(e.getMessage().contains("flag") && e.getMessage().contains("0 to 16383"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("x").varint("v", 6));
    }

    record Fixed(int type) {
    }

    record Flags(int level, int username, int password, int willRetain, int willQos, int willFlag,
            int cleanSession, int reserved, int keepAlive) {
    }

    record Will(Bytes topic, Bytes message) {
    }

    record Text(String value) {
    }

    record Body(String protocol, Flags flags, String clientId, Optional<Will> will, Text username, Text password) {
    }

    record Connect(Fixed fixed, Body body) {
    }

    record ConnectWithLength(Fixed fixed, int remaining, Body body) {
    }

    @Test
    void recordsMayLeaveTheDerivedLengthOut() throws IOException {
        byte[] wire = captured("sub-client.bin");
        MessageCodec<Connect> codec = MessageCodec.of(CONNECT, Connect.class, java.lang.invoke.MethodHandles.lookup());
        Connect c = codec.decode(ByteView.wrap(wire));
        assertEquals("bufkit-sub", c.body().clientId());
        assertArrayEquals(wire, codec.encode(c));
        MessageCodec<ConnectWithLength> withLength = MessageCodec.of(CONNECT, ConnectWithLength.class,
                java.lang.invoke.MethodHandles.lookup());
        assertEquals(wire.length - 2, withLength.decode(ByteView.wrap(wire)).remaining());
    }
}
