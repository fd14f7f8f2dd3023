package io.bufkit.message;

import io.bufkit.testsupport.RegexGroups;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MQTT 3.1.1 CONNECT packets of a real session: will, user name and password present only when their flag
 * bits say so; checked against tshark's decoding.
 */
class MqttConnectTest {
    /** Fixed header with a one-byte remaining length: the CONNECT packets of the capture are shorter than 128. */
    static final PacketLayout FIXED = PacketLayout.builder("mqtt-fixed").u8("type").u8("remaining").build();
    static final PacketLayout VARIABLE = PacketLayout.builder("connect-variable")
            .u8("level").bit("username").bit("password").bit("willRetain").bits("willQos", 2).bit("willFlag")
            .bit("cleanSession").bit("reserved").u16be("keepAlive").build();
    static final MessageLayout WILL = MessageLayout.builder("will")
            .prefixed("topic", 2).prefixed("message", 2).build();
    static final MessageLayout TEXT = MessageLayout.builder("text").prefixed("value", 2).build();
    static final MessageLayout CONNECT = MessageLayout.builder("CONNECT")
            .section("fixed", FIXED).prefixed("protocol", 2).section("flags", VARIABLE).prefixed("clientId", 2)
            .when("will", "flags.willFlag", v -> v != 0, WILL)
            .when("username", "flags.username", v -> v != 0, TEXT)
            .when("password", "flags.password", v -> v != 0, TEXT)
            .build();

    /** The same packet with the body confined to the remaining length, which encoding then derives. */
    static final MessageLayout SIZED_CONNECT = MessageLayout.builder("CONNECT")
            .section("fixed", FIXED)
            .sized("body", Size.of("fixed.remaining"), MessageLayout.builder("CONNECT-body")
                    .prefixed("protocol", 2).section("flags", VARIABLE).prefixed("clientId", 2)
                    .when("will", "flags.willFlag", v -> v != 0, WILL)
                    .when("username", "flags.username", v -> v != 0, TEXT)
                    .when("password", "flags.password", v -> v != 0, TEXT)
                    .build())
            .build();

    static Message connect(String file) throws IOException {
        ByteView stream = ByteView.wrap(PostgresBodiesTest.resource("mqtt/" + file));
        int length = 2 + stream.u8(1);
        return CONNECT.decode(stream.slice(0, length));
    }

    @Test
    void connectWithWillUserAndPassword() throws IOException {
        String tshark = new String(PostgresBodiesTest.resource("mqtt/session.tshark.txt"), StandardCharsets.UTF_8);
        List<String> clientIds = RegexGroups.all(tshark, "Client ID: (\\S+)");
        Message pub = connect("pub0-client.bin");
        assertEquals(0x10, pub.intValue("fixed.type"));
        assertEquals("MQTT", pub.string("protocol"));
        assertEquals(Integer.parseInt(RegexGroups.first(tshark, "Keep Alive: (\\d+)")),
                pub.intValue("flags.keepAlive"));
        assertEquals(clientIds.get(1), pub.string("clientId"));
        assertTrue(pub.isPresent("will"));
        assertEquals(RegexGroups.first(tshark, "Will Topic: (\\S+)"), pub.sub("will").string("topic"));
        assertEquals(RegexGroups.first(tshark, "Will Message: (\\S+)"), hex(pub.sub("will").bytes("message")));
        assertEquals(RegexGroups.first(tshark, "User Name: (\\S+)"), pub.sub("username").string("value"));
        assertEquals(RegexGroups.first(tshark, "Password: (\\S+)"), pub.sub("password").string("value"));
    }

    @Test
    void connectWithoutWillSkipsIt() throws IOException {
        Message sub = connect("sub-client.bin");
        assertEquals("bufkit-sub", sub.string("clientId"));
        assertFalse(sub.isPresent("will"));
        assertEquals("bufkit", sub.sub("username").string("value"));
        assertEquals("secret", sub.sub("password").string("value"));
        String text = sub.describe();
        assertTrue(text.contains("will: absent (flags.willFlag)"), text);
        assertTrue(text.contains("username (present):"), text);
    }

    static String hex(ByteView v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            s.append(String.format("%02x", v.u8(i)));
        }
        return s.toString();
    }
}
