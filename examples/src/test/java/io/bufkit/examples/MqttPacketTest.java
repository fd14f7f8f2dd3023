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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    void recordsEncodeBackToTheCapturedBytes() throws IOException {
        for (String file : List.of("sub-client.bin", "pub0-client.bin", "pub1-client.bin", "pub2-client.bin")) {
            List<ByteView> packets = packets(file);
            Mqtt.Connect connect = Mqtt.CONNECT.decode(packets.get(0));
            assertArrayEquals(packets.get(0).toByteArray(), Mqtt.CONNECT.encode(connect));
            assertEquals("bufkit", connect.username().orElseThrow().value());
            for (ByteView packet : packets) {
                if (packet.u8(0) >> 4 == 3) {
                    Mqtt.Publish publish = Mqtt.PUBLISH.decode(packet);
                    assertArrayEquals(packet.toByteArray(), Mqtt.PUBLISH.encode(publish));
                    assertEquals(publish.fixed().qos() > 0, publish.packetId().isPresent());
                }
            }
        }
        Mqtt.Publish large = Mqtt.PUBLISH.decode(packets("pub2-client.bin").get(1));
        assertEquals(16516, large.remaining());
        assertEquals("bufkit/large", large.topic());
        assertEquals(1, large.packetId().orElseThrow().id().value());
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
