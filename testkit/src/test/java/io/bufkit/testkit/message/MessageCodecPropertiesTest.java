package io.bufkit.testkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.message.MessageCodec;
import io.bufkit.testkit.MessageLayouts;
import io.bufkit.testkit.Property;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Record codecs of real protocols' layouts round-trip against the layouts' own encoding. */
class MessageCodecPropertiesTest {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    // PostgreSQL backend messages: a choice of three bodies, and raw bytes for the other types
    record Head(int type) {
    }

    sealed interface Body permits RowDescription, ErrorResponse, DataRow, Other {
    }

    record Count() {
    }

    record Attrs(int tableOid, int columnIndex, int typeOid, int typeLength, int typeModifier, int format) {
    }

    record Column(Bytes name, Attrs attrs) {
    }

    record RowDescription(Count fields, List<Column> columns) implements Body {
    }

    record Code(int code) {
    }

    record ErrorField(Code field, Bytes value) {
    }

    record ErrorResponse(List<ErrorField> fields) implements Body {
    }

    record Value(Optional<Bytes> value) {
    }

    record DataRow(Count fields, List<Value> values) implements Body {
    }

    record Other(Bytes bytes) implements Body {
    }

    record Backend(Head head, Body body) {
    }

    // MQTT CONNECT: a sized body whose conditional parts are an Optional and nullable records
    record Flags(int level, int username, int password, int willRetain, int willQos, int willFlag,
            int cleanSession, int reserved, int keepAlive) {
    }

    record Will(Bytes topic, Bytes message) {
    }

    record Text(Bytes value) {
    }

    record ConnectBody(Bytes protocol, Flags flags, Bytes clientId, Optional<Will> will, Text username,
            Text password) implements MqttBody {
    }

    record Fixed(int type) {
    }

    record Connect(Fixed fixed, ConnectBody body) {
    }

    // MQTT CONNECT with its parts at the packet's level: the record leaves the remaining length out
    record FlatConnect(Fixed fixed, Bytes protocol, Flags flags, Bytes clientId, Optional<Will> will,
            Text username, Text password) {
    }

    // IPv4 carrying ICMP, TCP or UDP: alternatives named like the layouts (tcp-segment is TcpSegment)
    record Ip(int version, int tos, int totalLength, int id, int fragment, int ttl, int protocol, int checksum, byte[] src,
            byte[] dst) {
    }

    sealed interface Transport permits IcmpMessage, TcpSegment, UdpDatagram {
    }

    record Icmp(int type, int code) {
    }

    record IcmpMessage(Icmp icmp, Bytes body) implements Transport {
    }

    record Tcp(int srcPort, int dstPort, int seq, int ack, int reserved, int flags, int window, int checksum,
            int urgent) {
    }

    record TcpSegment(Tcp tcp, Bytes options, Bytes payload) implements Transport {
    }

    record Udp(int srcPort, int dstPort, int checksum) {
    }

    record UdpDatagram(Udp udp, Bytes payload) implements Transport {
    }

    record Ipv4(Ip ip, byte[] options, Transport transport) {
    }

    @Test
    void postgresBackendMessagesRoundTripThroughRecords() {
        MessageLayouts.of(ProtocolMessages.PG_BACKEND)
                .checkRecordRoundTrip(MessageCodec.of(ProtocolMessages.PG_BACKEND, Backend.class, LOOKUP));
    }

    @Test
    void mqttConnectRoundTripsThroughRecords() {
        MessageLayouts.of(ProtocolMessages.MQTT_CONNECT)
                .checkRecordRoundTrip(MessageCodec.of(ProtocolMessages.MQTT_CONNECT, Connect.class, LOOKUP));
    }

    @Test
    void mqttConnectCountedByItsRemainingLengthRoundTripsThroughRecords() {
        MessageLayouts.of(ProtocolMessages.MQTT_CONNECT_FLAT).maxBytes(100).checkRecordRoundTrip(
                MessageCodec.of(ProtocolMessages.MQTT_CONNECT_FLAT, FlatConnect.class, LOOKUP));
    }

    // any MQTT packet: the PUBLISH body's packet id depends on the enclosing fixed header's QoS
    record MqttFixed(int type, int dup, int qos, int retain) {
    }

    sealed interface MqttBody permits ConnectBody, Publish, OtherPacket {
    }

    record Publish(Bytes topic, Optional<Integer> packetId, Bytes payload) implements MqttBody {
    }

    record OtherPacket(Bytes bytes) implements MqttBody {
    }

    record MqttPacket(MqttFixed fixed, MqttBody body) {
    }

    @Test
    void mqttPacketsOfAnyTypeRoundTripThroughRecords() {
        MessageLayouts.of(ProtocolMessages.MQTT_PACKET).maxBytes(100)
                .checkRecordRoundTrip(MessageCodec.of(ProtocolMessages.MQTT_PACKET, MqttPacket.class, LOOKUP));
    }

    // Kafka Metadata v12: nested tagged fields, a compact array counted as n - 1, compact strings
    record TaggedField(int tag, Bytes data) {
    }

    record Tags(List<TaggedField> fields) {
    }

    record TopicId(byte[] topicId) {
    }

    record Topic(TopicId id, Optional<Bytes> name, Tags tags) {
    }

    record MetadataFlags(int allowAutoTopicCreation, int includeTopicAuthorizedOperations) {
    }

    record Metadata(List<Topic> topics, MetadataFlags flags, Tags tags) {
    }

    @Test
    void kafkaMetadataRoundTripsThroughNestedRecords() {
        MessageLayouts.of(ProtocolMessages.KAFKA_METADATA)
                .checkRecordRoundTrip(MessageCodec.of(ProtocolMessages.KAFKA_METADATA, Metadata.class, LOOKUP));
    }

    @Test
    void ipv4PacketsRoundTripThroughRecords() {
        MessageLayouts.of(ProtocolMessages.IPV4)
                .checkRecordRoundTrip(MessageCodec.of(ProtocolMessages.IPV4, Ipv4.class, LOOKUP));
    }

    sealed interface SingleBody permits TextBody, NumberBody, RawBody {
    }

    record TextBody(Bytes text) implements SingleBody {
    }

    record NumberBody(long value) implements SingleBody {
    }

    record RawBody(Bytes bytes) implements SingleBody {
    }

    // a conditional body of one part, held as that part's value
    record Item(int kind, Optional<Bytes> value) {
    }

    // the length and the count are derived, and left out
    record SingleFields(int type, SingleBody body, List<Item> items, double ratio) {
    }

    @Test
    void singleFieldsRoundTripThroughPlainComponents() {
        MessageLayouts.of(ProtocolMessages.SINGLE_FIELDS).maxElements(4).checkRecordRoundTrip(
                MessageCodec.of(ProtocolMessages.SINGLE_FIELDS, SingleFields.class, LOOKUP));
    }

    /** A record that cannot hold what the message says is caught: any bytes are not always UTF-8 text. */
    record LossyBody(String protocol, Flags flags, Bytes clientId, Optional<Will> will, Text username,
            Text password) {
    }

    record Lossy(Fixed fixed, LossyBody body) {
    }

    @Test
    void aCodecOfAnotherLayoutIsRefusedAndALossyRecordIsCaught() {
        MessageCodec<Connect> connect = MessageCodec.of(ProtocolMessages.MQTT_CONNECT, Connect.class, LOOKUP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageLayouts.of(ProtocolMessages.IPV4).checkRecordRoundTrip(connect));
        assertTrue(e.getMessage().contains("CONNECT"), e.getMessage());
        MessageCodec<Lossy> lossy = MessageCodec.of(ProtocolMessages.MQTT_CONNECT, Lossy.class, LOOKUP);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> MessageLayouts.of(ProtocolMessages.MQTT_CONNECT).checkRecordRoundTrip(lossy));
        assertTrue(failure.getMessage().contains("gives other bytes"), failure.getMessage());
    }

    @Test
    void aStringComponentRoundTripsWhenItsPartIsDrawnAsText() {
        MessageCodec<Lossy> text = MessageCodec.of(ProtocolMessages.MQTT_CONNECT, Lossy.class, LOOKUP);
        MessageLayouts.of(ProtocolMessages.MQTT_CONNECT).withText("protocol").checkRecordRoundTrip(text);
        AtomicInteger wide = new AtomicInteger();
        Property.forAll(MessageLayouts.of(ProtocolMessages.MQTT_CONNECT).withText("protocol").values()).check(v -> {
            @SuppressWarnings("unchecked")
            Bytes protocol = (Bytes) ((Map<String, Object>) v.get("body")).get("protocol");
            String decoded = new String(protocol.toByteArray(), StandardCharsets.UTF_8);
            assertArrayEquals(protocol.toByteArray(), decoded.getBytes(StandardCharsets.UTF_8), "valid UTF-8");
            wide.addAndGet(decoded.length() < protocol.length() ? 1 : 0);
        });
        assertTrue(wide.get() > 0, "some text holds characters of more than one byte");
    }
}
