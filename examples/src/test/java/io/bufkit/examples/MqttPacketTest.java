package io.bufkit.examples;

import static io.bufkit.testsupport.RegexGroups.all;
import static io.bufkit.testsupport.RegexGroups.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.frame.FrameFormat;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.Message;
import io.bufkit.testkit.MessageLayouts;
import io.bufkit.testkit.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * MQTT 3.1.1 packets of a real mosquitto session through one layout and one record codec, against tshark's
 * decoding.
 */
class MqttPacketTest {
    /** Every stream of the capture: the subscriber's and the three publishers', each side. */
    static final List<String> STREAMS = List.of("sub-client.bin", "sub-broker.bin", "pub0-client.bin",
            "pub0-broker.bin", "pub1-client.bin", "pub1-broker.bin", "pub2-client.bin", "pub2-broker.bin");
    static final List<String> CLIENTS = List.of("sub-client.bin", "pub0-client.bin", "pub1-client.bin",
            "pub2-client.bin");

    static String tshark() throws IOException {
        return new String(DnsMessageTest.resource("mqtt/session.tshark.txt"), StandardCharsets.UTF_8);
    }

    /** tshark's decoding of each MQTT packet of the session, in the order they crossed the wire. */
    static List<String> tsharkPackets() throws IOException {
        List<String> blocks = new ArrayList<>(List.of(tshark().split("MQ Telemetry Transport Protocol, ")));
        blocks.remove(0);   // what precedes the first packet
        return blocks;
    }

    static ByteView stream(String file) throws IOException {
        return ByteView.wrap(DnsMessageTest.resource("mqtt/" + file));
    }

    /** The control packets of one stream, each sliced to where {@link MqttPacket#PACKET} ends it. */
    static List<ByteView> packets(String file) throws IOException {
        ByteView stream = stream(file);
        List<ByteView> out = new ArrayList<>();
        for (int at = 0; at < stream.length();) {
            int end = at + MqttPacket.PACKET.decodePrefix(stream.slice(at, stream.length())).end();
            out.add(stream.slice(at, end));
            at = end;
        }
        return out;
    }

    @Test
    void connectWithWillUserAndPasswordMatchesTshark() throws IOException {
        String tshark = tshark();
        Message packet = MqttPacket.PACKET.decode(packets("pub0-client.bin").get(0));
        assertEquals(1, packet.intValue("fixed.type"));
        Message pub = packet.sub("body");
        assertEquals("MQTT", pub.string("protocol"));
        assertEquals(4, pub.intValue("flags.level"));
        assertEquals(Integer.parseInt(first(tshark, "Keep Alive: (\\d+)")), pub.intValue("flags.keepAlive"));
        assertEquals(1, pub.intValue("flags.willQos"));
        assertEquals(all(tshark, "Client ID: (\\S+)").get(1), pub.string("clientId"));
        assertEquals(first(tshark, "Will Topic: (\\S+)"), pub.sub("will").string("topic"));
        assertEquals(first(tshark, "Will Message: (\\S+)"), hex(pub.sub("will").bytes("message")));
        assertEquals(first(tshark, "User Name: (\\S+)"), pub.sub("username").string("value"));
        assertEquals(first(tshark, "Password: (\\S+)"), pub.sub("password").string("value"));

        Message sub = MqttPacket.PACKET.decode(packets("sub-client.bin").get(0)).sub("body");
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
                Message m = MqttPacket.PACKET.decode(packet);
                if (m.intValue("fixed.type") == 3) {
                    Message p = m.sub("body");
                    topics.add(p.string("topic"));
                    payloads.add(hex(p.bytes("payload")));
                    qos.add(m.intValue("fixed.qos"));
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
    void everyPacketOfEveryStreamDecodesAndEncodesBackToItsOwnBytes() throws IOException {
        List<String> seen = new ArrayList<>();
        for (String file : STREAMS) {
            for (ByteView packet : packets(file)) {
                Message m = MqttPacket.PACKET.decode(packet);
                seen.add(String.format("0x%02x %d", packet.u8(0), m.intValue("remaining")));
                assertArrayEquals(packet.toByteArray(), MqttPacket.PACKET.encode(m.toValues()), file);
                Mqtt.Packet record = Mqtt.CODEC.decode(packet);
                assertEquals(m.intValue("fixed.type"), record.fixed().type());
                assertArrayEquals(packet.toByteArray(), Mqtt.CODEC.encode(record), file);
                int type = record.fixed().type();
                assertEquals(type == 1 ? Mqtt.Connect.class : type == 3 ? Mqtt.Publish.class : Mqtt.Other.class,
                        record.body().getClass(), file);
            }
        }
        // tshark decodes the same 24 packets, in the order they crossed the wire rather than stream by stream
        List<String> tsharkSeen = new ArrayList<>();
        for (String packet : tsharkPackets()) {
            tsharkSeen.add(first(packet, "Header Flags: (0x[0-9a-f]{2})") + " "
                    + first(packet, "\n    Msg Len: (\\d+)"));
        }
        assertEquals(24, seen.size());
        assertEquals(tsharkSeen.stream().sorted().toList(), seen.stream().sorted().toList());
    }

    @Test
    void packetsOfOtherTypesKeepTheirBodyAsBytes() throws IOException {
        List<ByteView> broker = packets("pub1-broker.bin");
        Mqtt.Packet connack = Mqtt.CODEC.decode(broker.get(0));
        assertEquals(new Mqtt.Fixed(2, 0, 0, 0), connack.fixed());
        assertEquals(Bytes.fromHex("00 00"), ((Mqtt.Other) connack.body()).data());   // session present 0, accepted
        Mqtt.Packet puback = Mqtt.CODEC.decode(broker.get(1));
        assertEquals(4, puback.fixed().type());
        assertEquals(Bytes.fromHex("00 01"), ((Mqtt.Other) puback.body()).data());    // packet id 1
        Message subscribe = MqttPacket.PACKET.decode(packets("sub-client.bin").get(1));
        String tsharkSubscribe = tsharkPackets().stream().filter(t -> t.startsWith("Subscribe Request")).findFirst()
                .orElseThrow();
        assertEquals(Integer.parseInt(first(tsharkSubscribe, "Msg Len: (\\d+)")), subscribe.intValue("remaining"));
        assertFalse(subscribe.isPresent("body"));
        assertEquals(1, subscribe.intValue("fixed.qos"));   // SUBSCRIBE's reserved flags are 0010 (§3.8.1)
        assertEquals("00 01 00 08 62 75 66 6b 69 74 2f 23 01", hexSpaced(subscribe.bytes("body")));
        List<ByteView> client = packets("pub0-client.bin");
        Mqtt.Packet disconnect = Mqtt.CODEC.decode(client.get(client.size() - 1));
        assertEquals(new Mqtt.Packet(new Mqtt.Fixed(14, 0, 0, 0), new Mqtt.Other(Bytes.of(new byte[0]))), disconnect);
        assertArrayEquals(new byte[] {(byte) 0xe0, 0}, Mqtt.CODEC.encode(disconnect));
        assertArrayEquals(new byte[] {(byte) 0xc0, 0}, Mqtt.CODEC.encode(   // PINGREQ, not in the capture
                new Mqtt.Packet(new Mqtt.Fixed(12, 0, 0, 0), new Mqtt.Other(Bytes.of(new byte[0])))));
    }

    @Test
    void aPublishCarriesAPacketIdExactlyWhenItsQosIsAboveZero() throws IOException {
        List<String> publishes = new ArrayList<>();
        for (String file : STREAMS) {
            for (ByteView packet : packets(file)) {
                Mqtt.Packet p = Mqtt.CODEC.decode(packet);
                if (p.body() instanceof Mqtt.Publish publish) {
                    assertEquals(p.fixed().qos() > 0, publish.packetId().isPresent(), file);
                    // on the wire the two bytes after the topic are the id exactly when there is one
                    int body = MqttPacket.PACKET.decode(packet).start("body");
                    int afterTopic = body + 2 + publish.topic().length();
                    assertEquals(packet.length() - afterTopic - publish.payload().length(),
                            publish.packetId().isPresent() ? 2 : 0, file);
                    publish.packetId().ifPresent(id -> assertEquals(packet.u16be(afterTopic), (int) id));
                    publishes.add(file + " qos " + p.fixed().qos() + " id " + publish.packetId().orElse(0));
                }
            }
        }
        // the QoS 0 and two QoS 1 publishes, then the broker's deliveries at the subscriber's QoS 1 with its own ids
        assertEquals(List.of("sub-broker.bin qos 0 id 0", "sub-broker.bin qos 1 id 1", "sub-broker.bin qos 1 id 2",
                "pub0-client.bin qos 0 id 0", "pub1-client.bin qos 1 id 1", "pub2-client.bin qos 1 id 1"), publishes);
        // tshark's Message Identifier of the PUBLISH packets, in wire order: pub1's, its delivery, pub2's, its delivery
        List<String> tsharkIds = new ArrayList<>();
        for (String packet : tsharkPackets()) {
            if (packet.startsWith("Publish Message")) {
                tsharkIds.addAll(all(packet, "Message Identifier: (\\d+)"));
            }
        }
        assertEquals(List.of("1", "1", "1", "2"), tsharkIds);
    }

    @Test
    void recordsEncodeBackToTheCapturedBytesWithoutBeingGivenTheRemainingLength() throws IOException {
        for (String file : CLIENTS) {
            List<ByteView> packets = packets(file);
            Mqtt.Packet c = Mqtt.CODEC.decode(packets.get(0));
            Mqtt.Connect connect = (Mqtt.Connect) c.body();
            assertEquals(packets.get(0).length() - 2, MqttPacket.PACKET.decode(packets.get(0)).intValue("remaining"));
            assertEquals("bufkit", connect.username().orElseThrow());
            assertEquals(new Mqtt.Flags(4, 1, 1, file.startsWith("pub") ? 1 : 0, file.startsWith("pub") ? 1 : 0,
                    file.startsWith("pub") ? 1 : 0, 1, 0, 60), connect.flags());
            for (ByteView packet : packets) {
                Map<String, Object> values = new HashMap<>(MqttPacket.PACKET.decode(packet).toValues());
                values.remove("remaining");
                assertArrayEquals(packet.toByteArray(), MqttPacket.PACKET.encode(values));
            }
        }
        Mqtt.Packet large = Mqtt.CODEC.decode(packets("pub2-client.bin").get(1));
        Mqtt.Publish publish = (Mqtt.Publish) large.body();
        assertEquals("bufkit/large", publish.topic());
        assertEquals(1, (int) publish.packetId().orElseThrow());
        assertEquals(16500, publish.payload().length());
        assertEquals(16516, MqttPacket.PACKET.decode(packets("pub2-client.bin").get(1)).intValue("remaining"));
    }

    @Test
    void eachPacketOfAStreamEndsWhereItsRemainingLengthSays() throws IOException {
        // the offsets of the captures' README: CONNECT, PUBLISH with a 3-byte remaining length, DISCONNECT; the
        // broker's CONNACK, SUBACK and three PUBLISHes
        assertEquals(List.of(65, 16585, 16587), ends("pub2-client.bin"));
        assertEquals(List.of(4, 9, 38, 256, 16776), ends("sub-broker.bin"));
        assertEquals(List.of(40, 55, 59, 63, 65), ends("sub-client.bin"));
    }

    static List<Integer> ends(String file) throws IOException {
        List<Integer> ends = new ArrayList<>();
        int at = 0;
        for (ByteView packet : packets(file)) {
            at += packet.length();
            ends.add(at);
        }
        return ends;
    }

    @Test
    void aStreamIsReadPacketByPacketAsTheReadmeShows() throws IOException {
        ByteView stream = stream("sub-broker.bin");
        List<String> publishes = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (int at = 0; at < stream.length();) {
            Message m = MqttPacket.PACKET.decodePrefix(stream.slice(at, stream.length()));
            Mqtt.Packet packet = Mqtt.CODEC.decode(m);
            types.add(packet.fixed().type());
            if (packet.body() instanceof Mqtt.Publish p) {
                publishes.add(p.topic() + " " + p.packetId());
            }
            at += m.end();
        }
        assertEquals(List.of(2, 9, 3, 3, 3), types);   // CONNACK, SUBACK, the three deliveries
        assertEquals(List.of("bufkit/hello Optional.empty", "bufkit/long Optional[1]", "bufkit/large Optional[2]"),
                publishes);
    }

    @Test
    void aConnectOfMoreThan127BytesTakesATwoByteRemainingLength() throws IOException {
        Mqtt.Packet packet = Mqtt.CODEC.decode(packets("sub-client.bin").get(0));
        Mqtt.Connect c = (Mqtt.Connect) packet.body();
        Mqtt.Packet longer = new Mqtt.Packet(packet.fixed(), new Mqtt.Connect(c.protocol(), c.flags(), c.clientId(),
                c.will(), c.username(), Optional.of("p".repeat(200))));
        byte[] wire = Mqtt.CODEC.encode(longer);
        int remaining = wire.length - 3;
        assertTrue(remaining > 127, remaining + " bytes");
        assertEquals(0x80 | remaining & 0x7F, wire[1] & 0xFF);
        assertEquals(remaining >> 7, wire[2]);
        assertEquals(remaining, MqttPacket.PACKET.decode(ByteView.wrap(wire)).intValue("remaining"));
        Mqtt.Packet back = Mqtt.CODEC.decode(ByteView.wrap(wire));
        assertEquals(longer, back);
        assertEquals("p".repeat(200), ((Mqtt.Connect) back.body()).password().orElseThrow());
        assertEquals(wire.length, Mqtt.CODEC.encodedSize(longer));
    }

    @Test
    void aPacketIdThatDisagreesWithTheQosIsRefusedWhenEncoding() {
        Mqtt.Publish withId = new Mqtt.Publish("a/b", Optional.of(7), Bytes.of("hi".getBytes(StandardCharsets.UTF_8)));
        IllegalArgumentException given = assertThrows(IllegalArgumentException.class,
                () -> Mqtt.CODEC.encode(new Mqtt.Packet(new Mqtt.Fixed(3, 0, 0, 0), withId)));
        assertEquals("mqtt: body.packetId: given, but fixed.qos = 0 says it is absent", given.getMessage());
        Mqtt.Publish without = new Mqtt.Publish("a/b", Optional.empty(), withId.payload());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> Mqtt.CODEC.encode(new Mqtt.Packet(new Mqtt.Fixed(3, 0, 1, 0), without)));
        assertEquals("mqtt: body.packetId: absent, but fixed.qos = 1 says it is present", absent.getMessage());
        assertEquals("32 09 00 03 61 2f 62 00 07 68 69",
                hexSpaced(ByteView.wrap(Mqtt.CODEC.encode(new Mqtt.Packet(new Mqtt.Fixed(3, 0, 1, 0), withId)))));
    }

    @Test
    void aRemainingLengthPastThePacketOrShortOfItsPartsIsALayoutException() throws IOException {
        byte[] publish = packets("pub0-client.bin").stream().filter(p -> p.u8(0) >> 4 == 3).findFirst()
                .orElseThrow().toByteArray();
        byte[] past = publish.clone();
        past[1]++;
        LayoutException e = assertThrows(LayoutException.class, () -> MqttPacket.PACKET.decode(ByteView.wrap(past)));
        assertEquals("mqtt: body at offset 2: length " + (publish.length - 1) + " (remaining = " + (publish.length - 1)
                + ") points past the end", e.getMessage());
        byte[] shorter = publish.clone();
        shorter[1]--;   // the payload ends a byte early: the last byte is not part of the packet
        LayoutException left = assertThrows(LayoutException.class,
                () -> MqttPacket.PACKET.decode(ByteView.wrap(shorter)));
        assertEquals("mqtt: (end) at offset " + (publish.length - 1) + ": 1 bytes left over after the message",
                left.getMessage());
        assertEquals(publish.length - 1, MqttPacket.PACKET.decodePrefix(ByteView.wrap(shorter)).end());

        byte[] connect = packets("sub-client.bin").get(0).toByteArray();
        byte[] padded = Arrays.copyOf(connect, connect.length + 1);
        padded[1]++;   // one more byte in the packet than its parts take
        LayoutException unfilled = assertThrows(LayoutException.class,
                () -> MqttPacket.PACKET.decode(ByteView.wrap(padded)));
        assertEquals("mqtt: body at offset " + connect.length + ": CONNECT ends before its remaining bytes do",
                unfilled.getMessage());
        byte[] cut = connect.clone();
        cut[1] -= 2;   // the password's bytes lie past the end of the packet
        LayoutException inside = assertThrows(LayoutException.class,
                () -> MqttPacket.PACKET.decodePrefix(ByteView.wrap(cut)));
        assertEquals("mqtt: body.password.value at offset " + (connect.length - 8) + ": length 6 (prefix 6) points "
                + "past the end", inside.getMessage());
    }

    @Test
    void aPasswordPastThePacketOrAFiveByteRemainingLengthIsALayoutException() throws IOException {
        byte[] connect = packets("pub0-client.bin").get(0).toByteArray();
        connect[connect.length - 7] = 0x7F;   // the password's length prefix claims far more than remains
        LayoutException e = assertThrows(LayoutException.class, () -> MqttPacket.PACKET.decode(ByteView.wrap(connect)));
        assertEquals("mqtt: body.password.value at offset " + (connect.length - 8) + ": length 127 (prefix 127) points "
                + "past the end", e.getMessage());
        byte[] endless = {0x30, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        LayoutException v = assertThrows(LayoutException.class,
                () -> MqttPacket.PACKET.decodePrefix(ByteView.wrap(endless)));
        assertEquals("mqtt: remaining at offset 1: varint longer than 4 bytes", v.getMessage());
    }

    @Test
    void aQos1PublishCutInsideItsPacketIdIsALayoutExceptionAtTheId() throws IOException {
        byte[] publish = packets("pub1-client.bin").get(1).toByteArray();   // 32 d7 01, topic bufkit/long, id 00 01
        assertEquals(0x32, publish[0]);
        byte[] cut = new byte[16];   // remaining length 14: the topic, then one byte of the two of the packet id
        cut[0] = publish[0];
        cut[1] = 14;
        System.arraycopy(publish, 3, cut, 2, 14);
        LayoutException e = assertThrows(LayoutException.class, () -> MqttPacket.PACKET.decode(ByteView.wrap(cut)));
        assertEquals(Optional.of("body.packetId.id"), e.field(), e.getMessage());
        assertEquals(15, e.offset());
        cut[0] = 0x30;   // the same bytes at QoS 0: no packet id, the byte is the payload
        Mqtt.Publish qos0 = (Mqtt.Publish) Mqtt.CODEC.decode(ByteView.wrap(cut)).body();
        assertEquals(new Mqtt.Publish("bufkit/long", Optional.empty(), Bytes.of(new byte[] {0})), qos0);
    }

    static final MessageLayouts PACKETS = MessageLayouts.of(MqttPacket.PACKET).maxBytes(200);

    @Test
    void generatedPacketsOfEveryTypeRoundTripAndHostileOnesAreRejectedWithAPath() {
        PACKETS.checkRoundTrip();
        PACKETS.checkArbitraryMessages();
    }

    @Test
    void aStreamOfGeneratedPacketsSurvivesAnyChunkingOfItsOwnFraming() {
        // MQTT frames itself: the remaining length after the first byte counts the rest of the packet
        PACKETS.checkSelfFramedChunks(FrameFormat.varintLength().lengthOffset(1).maxLengthBytes(4).stripHeader(false)
                .build());
    }

    /** The names of the byte parts the records hold as {@code String}: MQTT's UTF-8 strings (§1.5.3). */
    static final Set<String> TEXT = Set.of("protocol", "clientId", "topic", "value");

    @Test
    void generatedPacketsOfEveryTypeRoundTripThroughTheRecords() {
        // the records hold MQTT's UTF-8 strings (§1.5.3) as String, so those parts are drawn as text
        MessageLayouts text = PACKETS.withText(TEXT.toArray(String[]::new));
        text.checkRecordRoundTrip(Mqtt.CODEC);
        int[] kinds = new int[3];
        Property.forAll(text.values()).check(v -> {
            byte[] wire = MqttPacket.PACKET.encode(v);
            Mqtt.Packet record = Mqtt.CODEC.decode(ByteView.wrap(wire));
            assertArrayEquals(wire, Mqtt.CODEC.encode(record), record::toString);
            kinds[record.body() instanceof Mqtt.Connect ? 0 : record.body() instanceof Mqtt.Publish ? 1 : 2]++;
        });
        assertTrue(kinds[0] > 0 && kinds[1] > 0 && kinds[2] > 0, Arrays.toString(kinds));
    }

    static String hex(ByteView v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            s.append(String.format("%02x", v.u8(i)));
        }
        return s.toString();
    }

    static String hexSpaced(ByteView v) {
        return hex(v).replaceAll("(..)(?!$)", "$1 ");
    }
}
