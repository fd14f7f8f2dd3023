package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The values decoded from real captures encode back to exactly the captured bytes: none of these formats
 * compresses, so lengths, counts and terminators recomputed from the contents are the ones on the wire.
 */
class CaptureRoundTripTest {

    /** Decodes, encodes the values, checks the bytes are the captured ones and returns how many bytes were read. */
    static int exact(MessageLayout layout, ByteView captured) {
        Message m = layout.decodePrefix(captured);
        ByteView original = captured.slice(0, m.end());
        Map<String, Object> values = m.toValues();
        byte[] wire = layout.encode(values);
        assertArrayEquals(original.toByteArray(), wire, layout.name() + " at " + captured);
        assertEquals(values, layout.decode(ByteView.wrap(wire)).toValues());
        return m.end();
    }

    static int everyMessage(MessageLayout layout, byte[] stream) {
        ByteView all = ByteView.wrap(stream);
        int count = 0;
        for (int at = 0; at < all.length(); count++) {
            at += exact(layout, all.slice(at, all.length()));
        }
        return count;
    }

    @Test
    void postgresBackendMessagesRowDescriptionAndErrorResponse() throws IOException {
        int n = everyMessage(PostgresBodiesTest.BACKEND, PostgresBodiesTest.resource("postgresql/backend.bin"));
        assertTrue(n > 10, n + " messages");
    }

    @Test
    void postgresDataRows() throws IOException {
        byte[] stream = PostgresBodiesTest.resource("postgresql/backend.bin");
        everyMessage(DataRowAndPublishTest.BACKEND, stream);
        ByteView row = ByteView.wrap(stream).slice(DataRowAndPublishTest.findDataRow(ByteView.wrap(stream)), stream.length);
        Map<String, Object> values = DataRowAndPublishTest.BACKEND.decodePrefix(row).toValues();
        assertTrue(values.toString().contains("value=null"), "a NULL column round-trips as null: " + values);
    }

    @Test
    void mqttConnectPackets() throws IOException {
        for (String file : new String[] {"pub0-client.bin", "sub-client.bin"}) {
            ByteView stream = ByteView.wrap(PostgresBodiesTest.resource("mqtt/" + file));
            exact(MqttConnectTest.CONNECT, stream.slice(0, 2 + stream.u8(1)));
        }
    }

    @Test
    void mqttConnectWithASizedBodyNeedsNoRemainingLength() throws IOException {
        for (String file : new String[] {"pub0-client.bin", "sub-client.bin"}) {
            ByteView stream = ByteView.wrap(PostgresBodiesTest.resource("mqtt/" + file));
            ByteView packet = stream.slice(0, 2 + stream.u8(1));
            exact(MqttConnectTest.SIZED_CONNECT, packet);
            Map<String, Object> values = MqttConnectTest.SIZED_CONNECT.decode(packet).toValues();
            values.put("fixed", Map.of("type", 0x10));
            assertArrayEquals(packet.toByteArray(), MqttConnectTest.SIZED_CONNECT.encode(values), file);
            assertEquals(MqttConnectTest.CONNECT.decode(packet).toValues().get("clientId"),
                    MqttConnectTest.SIZED_CONNECT.decode(packet).sub("body").toValues().get("clientId"));
        }
        Map<String, Object> longer = new java.util.HashMap<>(MqttConnectTest.SIZED_CONNECT.decode(
                ByteView.wrap(PostgresBodiesTest.resource("mqtt/sub-client.bin")).slice(0, 2 + PostgresBodiesTest
                        .resource("mqtt/sub-client.bin")[1])).toValues());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new java.util.HashMap<>((Map<String, Object>) longer.get("body"));
        body.put("clientId", new byte[300]);
        longer.put("body", body);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MqttConnectTest.SIZED_CONNECT.encode(longer));
        assertTrue(e.getMessage().startsWith("CONNECT: fixed.remaining: cannot hold "), e.getMessage());
    }

    @Test
    void mqttPublishPacketsWithTheirVarintRemainingLength() throws IOException {
        int published = 0;
        for (String file : new String[] {"pub0-client.bin", "pub1-client.bin", "pub2-client.bin"}) {
            ByteView stream = ByteView.wrap(PostgresBodiesTest.resource("mqtt/" + file));
            for (int at = 0; at < stream.length();) {
                Message head = DataRowAndPublishTest.HEAD_ONLY.decodePrefix(stream.slice(at, stream.length()));
                int length = head.end() + head.value("remaining", RemainingLength.KIND);
                if (head.intValue("fixed.type") == 3) {
                    exact(DataRowAndPublishTest.PUBLISH, stream.slice(at, at + length));
                    published++;
                }
                at += length;
            }
        }
        assertEquals(3, published);
    }

    @Test
    void pcapFileAndEveryIpv4PacketWithOptions() throws IOException {
        byte[] file = PostgresBodiesTest.resource("pcap/loopback.pcap");
        exact(LoopbackPcapTest.PCAP, ByteView.wrap(file));
        Message pcap = LoopbackPcapTest.PCAP.decode(ByteView.wrap(file));
        int withOptions = 0;
        for (int r = 0; r < pcap.count("records"); r++) {
            ByteView packet = pcap.element("records", r).bytes("packet");
            exact(LoopbackPcapTest.FRAME, packet);
            withOptions += LoopbackPcapTest.FRAME.decode(packet).bytes("options").length() > 0 ? 1 : 0;
        }
        assertTrue(withOptions > 0, "the capture has IPv4 options");
    }

    @Test
    void ipv4OptionsThatAreNotWholeWordsAreRejectedNotRounded() throws IOException {
        Message pcap = LoopbackPcapTest.PCAP.decode(ByteView.wrap(PostgresBodiesTest.resource("pcap/loopback.pcap")));
        Map<String, Object> packet = LoopbackPcapTest.FRAME.decode(pcap.element("records", 0).bytes("packet")).toValues();
        packet.put("options", new byte[6]);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LoopbackPcapTest.FRAME.encode(packet));
        assertEquals("ethernet-ipv4: ip.ihl: no value describes the 6 bytes of options: ip.ihl×4−20 gives only "
                + "lengths 4×k−20", e.getMessage());
        packet.put("options", new byte[8]);
        assertEquals(7, LoopbackPcapTest.FRAME.decode(ByteView.wrap(LoopbackPcapTest.FRAME.encode(packet)))
                .intValue("ip.ihl"));
    }
}
