package io.bufkit.message;

import io.bufkit.testsupport.RegexGroups;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL DataRow (NULL columns included) and MQTT PUBLISH (a user-defined remaining length) of real sessions, checked against tshark. */
class DataRowAndPublishTest {
    static final MessageLayout VALUE = MessageLayout.builder("value").nullablePrefixed("value", 4).build();
    static final MessageLayout DATA_ROW = MessageLayout.builder("DataRow")
            .section("fields", PostgresBodiesTest.COUNT).repeat("values", "fields.n", VALUE).build();
    static final MessageLayout BACKEND = MessageLayout.builder("pg-backend")
            .section("head", PostgresBodiesTest.HEAD)
            .choice("body", "head.type", Size.of("head.length").plus(-4), Map.of((int) 'D', DATA_ROW))
            .build();

    static final PacketLayout FIXED = PacketLayout.builder("mqtt-fixed")
            .bits("type", 4).bit("dup").bits("qos", 2).bit("retain").build();
    static final MessageLayout PACKET_ID = MessageLayout.builder("packet-id")
            .section("id", PacketLayout.builder("id").u16be("value").build()).build();
    static final MessageLayout PUBLISH = MessageLayout.builder("PUBLISH")
            .section("fixed", FIXED).field("remaining", RemainingLength.KIND).prefixed("topic", 2)
            .when("packetId", "fixed.qos", qos -> qos > 0, PACKET_ID).rest("payload").build();
    static final MessageLayout HEAD_ONLY = MessageLayout.builder("mqtt-head")
            .section("fixed", FIXED).field("remaining", RemainingLength.KIND).build();

    @Test
    void dataRowsMatchTshark() throws IOException {
        String tshark = new String(PostgresBodiesTest.resource("postgresql/session.tshark.txt"), StandardCharsets.UTF_8);
        List<String> lengths = RegexGroups.all(tshark, "\n        Column length: (-?\\d+)");
        List<String> data = RegexGroups.all(tshark, "        Data: ([0-9a-f]+)");
        List<String> decodedLengths = new ArrayList<>();
        List<String> decodedData = new ArrayList<>();
        ByteView all = ByteView.wrap(PostgresBodiesTest.resource("postgresql/backend.bin"));
        for (int at = 0; at < all.length();) {
            Message m = BACKEND.decodePrefix(all.slice(at, all.length()));
            at += m.end();
            if (!m.isPresent("body")) {
                continue;
            }
            Message row = m.sub("body");
            for (int i = 0; i < row.count("values"); i++) {
                String v = row.element("values", i).string("value");
                decodedLengths.add(v == null ? "-1" : Integer.toString(v.length()));
                if (v != null) {
                    decodedData.add(MqttConnectTest.hex(ByteView.wrap(v.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        assertEquals(15, decodedLengths.size());
        assertEquals(lengths, decodedLengths);
        assertEquals(data, decodedData);
        assertNull(BACKEND.decodePrefix(all.slice(findDataRow(all), all.length())).sub("body")
                .element("values", 4).string("value"));
    }

    static int findDataRow(ByteView all) {
        for (int at = 0;;) {
            Message m = BACKEND.decodePrefix(all.slice(at, all.length()));
            if (m.isPresent("body")) {
                return at;
            }
            at += m.end();
        }
    }

    @Test
    void publishWithQos0AndQos1MatchesTshark() throws IOException {
        String tshark = new String(PostgresBodiesTest.resource("mqtt/session.tshark.txt"), StandardCharsets.UTF_8);
        List<String> topics = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        List<Integer> qos = new ArrayList<>();
        for (String file : List.of("pub0-client.bin", "pub1-client.bin", "pub2-client.bin")) {
            ByteView stream = ByteView.wrap(PostgresBodiesTest.resource("mqtt/" + file));
            for (int at = 0; at < stream.length();) {
                Message head = HEAD_ONLY.decodePrefix(stream.slice(at, stream.length()));
                int length = head.end() + head.value("remaining", RemainingLength.KIND);
                if (head.intValue("fixed.type") == 3) {
                    Message p = PUBLISH.decode(stream.slice(at, at + length));
                    topics.add(p.string("topic"));
                    payloads.add(MqttConnectTest.hex(p.bytes("payload")));
                    qos.add(p.intValue("fixed.qos"));
                    assertEquals(p.intValue("fixed.qos") > 0, p.isPresent("packetId"));
                }
                at += length;
            }
        }
        assertEquals(List.of(0, 1, 1), qos);
        List<String> tsharkTopics = new ArrayList<>(new java.util.LinkedHashSet<>(
                RegexGroups.all(tshark, "\n    Topic: (\\S+)")));
        tsharkTopics.remove("bufkit/#");
        assertEquals(tsharkTopics, topics);
        List<String> tsharkPayloads = RegexGroups.all(tshark, "\n    Message: ([0-9a-f]+)");
        for (String payload : payloads) {
            // tshark shows the first 35 bytes of long payloads
            assertTrue(tsharkPayloads.stream().anyMatch(t -> payload.startsWith(t) && t.length() >= Math.min(70, payload.length())),
                    "payload not shown by tshark: " + payload.substring(0, Math.min(80, payload.length())));
        }
        assertEquals(16500, payloads.get(2).length() / 2);
        assertFalse(topics.isEmpty());
    }
}
