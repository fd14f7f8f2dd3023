package io.bufkit.examples;

import static io.bufkit.testsupport.RegexGroups.all;
import static io.bufkit.testsupport.RegexGroups.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.Message;
import io.bufkit.testkit.MessageLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MQTT 3.1.1 CONNECT and PUBLISH packets of a real mosquitto session, against tshark's decoding. */
class MqttPacketTest {
    static String tshark() throws IOException {
        return new String(DnsMessageTest.resource("mqtt/session.tshark.txt"), StandardCharsets.UTF_8);
    }

    /** The control packets of one client stream, each sliced to its length. */
    static List<ByteView> packets(String file) throws IOException {
        ByteView stream = ByteView.wrap(DnsMessageTest.resource("mqtt/" + file));
        List<ByteView> out = new ArrayList<>();
        for (int at = 0; at < stream.length();) {
            Message head = MqttPacket.HEAD.decodePrefix(stream.slice(at, stream.length()));
            int length = head.end() + head.intValue("remaining");
            out.add(stream.slice(at, at + length));
            at += length;
        }
        return out;
    }

    @Test
    void connectWithWillUserAndPasswordMatchesTshark() throws IOException {
        String tshark = tshark();
        Message pub = MqttPacket.CONNECT.decode(packets("pub0-client.bin").get(0));
        assertEquals(1, pub.intValue("fixed.type"));
        assertEquals("MQTT", pub.string("protocol"));
        assertEquals(4, pub.intValue("flags.level"));
        assertEquals(Integer.parseInt(first(tshark, "Keep Alive: (\\d+)")), pub.intValue("flags.keepAlive"));
        assertEquals(1, pub.intValue("flags.willQos"));
        assertEquals(all(tshark, "Client ID: (\\S+)").get(1), pub.string("clientId"));
        assertEquals(first(tshark, "Will Topic: (\\S+)"), pub.sub("will").string("topic"));
        assertEquals(first(tshark, "Will Message: (\\S+)"), hex(pub.sub("will").bytes("message")));
        assertEquals(first(tshark, "User Name: (\\S+)"), pub.sub("username").string("value"));
        assertEquals(first(tshark, "Password: (\\S+)"), pub.sub("password").string("value"));

        Message sub = MqttPacket.CONNECT.decode(packets("sub-client.bin").get(0));
        assertEquals("bufkit-sub", sub.string("clientId"));
        assertFalse(sub.isPresent("will"));
        assertEquals("bufkit", sub.sub("username").string("value"));
    }

    @Test
    void publishWithQos0And1MatchesTshark() throws IOException {
        List<String> topics = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        List<Integer> qos = new ArrayList<>();
        for (String file : List.of("pub0-client.bin", "pub1-client.bin", "pub2-client.bin")) {
            for (ByteView packet : packets(file)) {
                if (packet.u8(0) >> 4 == 3) {
                    Message p = MqttPacket.PUBLISH.decode(packet);
                    topics.add(p.string("topic"));
                    payloads.add(hex(p.bytes("payload")));
                    qos.add(p.intValue("fixed.qos"));
                    assertEquals(p.intValue("fixed.qos") > 0, p.isPresent("packetId"));
                }
            }
        }
        assertEquals(List.of(0, 1, 1), qos);
        List<String> tsharkTopics = new ArrayList<>(new LinkedHashSet<>(all(tshark(), "\n    Topic: (\\S+)")));
        tsharkTopics.remove("bufkit/#");
        assertEquals(tsharkTopics, topics);
        List<String> shown = all(tshark(), "\n    Message: ([0-9a-f]+)");
        for (String payload : payloads) {   // tshark shows the first 35 bytes of long payloads
            assertTrue(shown.stream().anyMatch(t -> payload.startsWith(t) && t.length() >= Math.min(70, payload.length())),
                    payload.substring(0, Math.min(80, payload.length())));
        }
        assertEquals(16500, payloads.get(2).length() / 2);   // a 3-byte remaining length
    }

    @Test
    void recordsEncodeBackToTheCapturedBytesWithoutBeingGivenTheRemainingLength() throws IOException {
        for (String file : List.of("sub-client.bin", "pub0-client.bin", "pub1-client.bin", "pub2-client.bin")) {
            List<ByteView> packets = packets(file);
            Mqtt.Connect c = Mqtt.CONNECT.decode(packets.get(0));
            Mqtt.Connect connect = new Mqtt.Connect(c.fixed(), null, c.protocol(), c.flags(), c.clientId(), c.will(),
                    c.username(), c.password());
            assertArrayEquals(packets.get(0).toByteArray(), Mqtt.CONNECT.encode(connect));
            assertEquals(packets.get(0).length() - 2, c.remaining());
            assertEquals("bufkit", connect.username().orElseThrow());
            for (ByteView packet : packets) {
                if (packet.u8(0) >> 4 == 3) {
                    Mqtt.Publish p = Mqtt.PUBLISH.decode(packet);
                    Mqtt.Publish publish = new Mqtt.Publish(p.fixed(), null, p.topic(), p.packetId(), p.payload());
                    assertArrayEquals(packet.toByteArray(), Mqtt.PUBLISH.encode(publish));
                    assertEquals(publish.fixed().qos() > 0, publish.packetId().isPresent());
                    Map<String, Object> values = new HashMap<>(MqttPacket.PUBLISH.decode(packet).toValues());
                    values.remove("remaining");
                    assertArrayEquals(packet.toByteArray(), MqttPacket.PUBLISH.encode(values));
                }
            }
        }
        Mqtt.Publish large = Mqtt.PUBLISH.decode(packets("pub2-client.bin").get(1));
        assertEquals(16516, large.remaining());
        assertEquals("bufkit/large", large.topic());
        assertEquals(1, (int) large.packetId().orElseThrow());
    }

    @Test
    void eachPacketOfAStreamEndsWhereItsRemainingLengthSays() throws IOException {
        ByteView stream = ByteView.wrap(DnsMessageTest.resource("mqtt/pub2-client.bin"));
        int at = 0;
        for (ByteView packet : packets("pub2-client.bin")) {
            int type = packet.u8(0) >> 4;
            if (type == 1 || type == 3) {
                Message m = (type == 1 ? MqttPacket.CONNECT : MqttPacket.PUBLISH)
                        .decodePrefix(stream.slice(at, stream.length()));
                assertEquals(packet.length(), m.end());
            }
            at += packet.length();
        }
        assertEquals(stream.length(), at);
    }

    @Test
    void aConnectOfMoreThan127BytesTakesATwoByteRemainingLength() throws IOException {
        Mqtt.Connect c = Mqtt.CONNECT.decode(packets("sub-client.bin").get(0));
        Mqtt.Connect longer = new Mqtt.Connect(c.fixed(), null, c.protocol(), c.flags(), c.clientId(), c.will(),
                c.username(), Optional.of("p".repeat(200)));
        byte[] wire = Mqtt.CONNECT.encode(longer);
        int remaining = wire.length - 3;
        assertTrue(remaining > 127, remaining + " bytes");
        assertEquals(0x80 | remaining & 0x7F, wire[1] & 0xFF);
        assertEquals(remaining >> 7, wire[2]);
        Mqtt.Connect back = Mqtt.CONNECT.decode(ByteView.wrap(wire));
        assertEquals(remaining, back.remaining());
        assertEquals("p".repeat(200), back.password().orElseThrow());
        assertEquals(wire.length, Mqtt.CONNECT.encodedSize(longer));
    }

    @Test
    void aRemainingLengthPastThePacketOrShortOfItsPartsIsALayoutException() throws IOException {
        byte[] publish = packets("pub0-client.bin").stream().filter(p -> p.u8(0) >> 4 == 3).findFirst()
                .orElseThrow().toByteArray();
        byte[] past = publish.clone();
        past[1]++;
        LayoutException e = assertThrows(LayoutException.class, () -> MqttPacket.PUBLISH.decode(ByteView.wrap(past)));
        assertEquals("PUBLISH: remaining at offset 1: remaining length " + (publish.length - 1) + " (remaining = "
                + (publish.length - 1) + ") points past the end", e.getMessage());
        byte[] shorter = publish.clone();
        shorter[1]--;   // the payload ends a byte early: the last byte is not part of the packet
        LayoutException left = assertThrows(LayoutException.class,
                () -> MqttPacket.PUBLISH.decode(ByteView.wrap(shorter)));
        assertEquals("PUBLISH: (end) at offset " + (publish.length - 1) + ": 1 bytes left over after the message, "
                + "where remaining ends it", left.getMessage());
        assertEquals(publish.length - 1, MqttPacket.PUBLISH.decodePrefix(ByteView.wrap(shorter)).end());

        byte[] connect = packets("sub-client.bin").get(0).toByteArray();
        byte[] padded = java.util.Arrays.copyOf(connect, connect.length + 1);
        padded[1]++;   // one more byte in the packet than its parts take
        LayoutException unfilled = assertThrows(LayoutException.class,
                () -> MqttPacket.CONNECT.decode(ByteView.wrap(padded)));
        assertEquals("CONNECT: remaining at offset " + connect.length + ": the parts end 1 bytes before the end "
                + "remaining declares", unfilled.getMessage());
        byte[] cut = connect.clone();
        cut[1] -= 2;   // the password's bytes lie past the end of the packet
        LayoutException inside = assertThrows(LayoutException.class,
                () -> MqttPacket.CONNECT.decodePrefix(ByteView.wrap(cut)));
        assertTrue(inside.getMessage().startsWith("CONNECT: password.value at offset"), inside.getMessage());
    }

    @Test
    void generatedPacketsRoundTripAndHostileOnesAreRejectedWithAPath() {
        for (MessageLayouts layouts : List.of(MessageLayouts.of(MqttPacket.CONNECT),
                MessageLayouts.of(MqttPacket.PUBLISH).maxBytes(200))) {
            layouts.checkRoundTrip();
            layouts.checkArbitraryMessages();
        }
        // the records hold text as String, which arbitrary generated bytes are not: no record round trip here
    }

    @Test
    void aTopicPastThePacketOrAFiveByteRemainingLengthIsALayoutException() throws IOException {
        byte[] connect = packets("pub0-client.bin").get(0).toByteArray();
        connect[connect.length - 7] = 0x7F;   // the password's length prefix claims far more than remains
        LayoutException e = assertThrows(LayoutException.class, () -> MqttPacket.CONNECT.decode(ByteView.wrap(connect)));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        byte[] endless = {0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        LayoutException v = assertThrows(LayoutException.class, () -> MqttPacket.HEAD.decodePrefix(ByteView.wrap(endless)));
        assertTrue(v.getMessage().contains("longer than 4 bytes"), v.getMessage());
    }

    static String hex(ByteView v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            s.append(String.format("%02x", v.u8(i)));
        }
        return s.toString();
    }
}
