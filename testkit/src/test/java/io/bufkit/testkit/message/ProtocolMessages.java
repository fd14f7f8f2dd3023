package io.bufkit.testkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.TextPadding;
import io.bufkit.layout.WireType;
import io.bufkit.message.FieldFault;
import io.bufkit.message.FieldKind;
import io.bufkit.message.MessageBuilder;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.PseudoHeader;
import io.bufkit.message.Size;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Message layouts of real protocols (PostgreSQL backend messages, MQTT CONNECT and PUBLISH, IPv4 with
 * options in a pcap file), a list of self-counting items, and one with a part of every kind, for the
 * message generators' properties.
 */
final class ProtocolMessages {
    private ProtocolMessages() {
    }

    /** MQTT's variable-length integer (§1.5.5): 1 to 4 bytes of 7 bits, least significant group first. */
    static final FieldKind<Integer> VARINT = new FieldKind<>() {
        @Override
        public String name() {
            return "mqtt-varint";
        }

        @Override
        public int end(ByteView message, int at, int limit) {
            for (int i = at; i < Math.min(limit, at + 4); i++) {
                if ((message.u8(i) & 0x80) == 0) {
                    return i + 1;
                }
            }
            throw new FieldFault(at, limit - at < 4 ? "varint runs past the end" : "varint longer than 4 bytes");
        }

        @Override
        public Integer read(ByteView message, int at) {
            int value = 0;
            for (int i = 0;; i++) {
                int b = message.u8(at + i);
                value |= (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        @Override
        public Class<Integer> valueType() {
            return Integer.class;
        }

        @Override
        public int size(Integer value) {
            if (value < 0 || value >= 1 << 28) {
                throw new IllegalArgumentException(value + " is not 0 to 2^28-1");
            }
            return value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : 4;
        }

        @Override
        public void write(Integer value, MutableByteView out, int at) {
            int n = size(value);
            for (int i = 0; i < n; i++) {
                out.putU8(at + i, (value >>> (7 * i)) & 0x7F | (i < n - 1 ? 0x80 : 0));
            }
        }
    };

    static final PacketLayout PG_HEAD = PacketLayout.builder("pg-head").u8("type").i32be("length").build();
    static final PacketLayout PG_COUNT = PacketLayout.builder("pg-count").u16be("n").build();
    static final MessageLayout ROW_DESCRIPTION = MessageLayout.builder("RowDescription")
            .section("fields", PG_COUNT)
            .repeat("columns", "fields.n", MessageLayout.builder("column").nulTerminated("name")
                    .section("attrs", PacketLayout.builder("attrs").i32be("tableOid").i16be("columnIndex")
                            .i32be("typeOid").i16be("typeLength").i32be("typeModifier").i16be("format").build())
                    .build())
            .build();
    static final MessageLayout ERROR_RESPONSE = MessageLayout.builder("ErrorResponse")
            .repeatUntil("fields", 0, MessageLayout.builder("error-field")
                    .section("field", PacketLayout.builder("code").u8("code").build()).nulTerminated("value").build())
            .build();
    static final MessageLayout DATA_ROW = MessageLayout.builder("DataRow")
            .section("fields", PG_COUNT)
            .repeat("values", "fields.n", MessageLayout.builder("value").nullablePrefixed("value", 4).build())
            .build();
    /** A backend message: type byte, self-counting length, and the body chosen by type (others kept raw). */
    static final MessageLayout PG_BACKEND = MessageLayout.builder("pg-backend")
            .section("head", PG_HEAD)
            .choice("body", "head.type", Size.of("head.length").plus(-4),
                    Map.of((int) 'T', ROW_DESCRIPTION, (int) 'E', ERROR_RESPONSE, (int) 'D', DATA_ROW))
            .build();

    static final MessageLayout MQTT_TEXT = MessageLayout.builder("text").prefixed("value", 2).build();

    /** Appends CONNECT's parts after the fixed header: will, user name and password by flag bits. */
    static MessageBuilder mqttConnectParts(MessageBuilder packet) {
        return packet.prefixed("protocol", 2)
                .section("flags", PacketLayout.builder("connect-flags").u8("level").bit("username").bit("password")
                        .bit("willRetain").bits("willQos", 2).bit("willFlag").bit("cleanSession").bit("reserved")
                        .u16be("keepAlive").build())
                .prefixed("clientId", 2)
                .when("will", "flags.willFlag", v -> v != 0,
                        MessageLayout.builder("will").prefixed("topic", 2).prefixed("message", 2).build())
                .when("username", "flags.username", v -> v != 0, MQTT_TEXT)
                .when("password", "flags.password", v -> v != 0, MQTT_TEXT);
    }

    /** An MQTT 3.1.1 CONNECT body (after the fixed header). */
    static final MessageLayout MQTT_CONNECT_BODY = mqttConnectParts(MessageLayout.builder("CONNECT-body")).build();
    /** An MQTT CONNECT packet: the fixed header's varint remaining length sizes the body, and encoding derives it. */
    static final MessageLayout MQTT_CONNECT = MessageLayout.builder("CONNECT")
            .section("fixed", PacketLayout.builder("fixed").u8("type").build())
            .varint("remaining", 4)
            .sized("body", Size.of("remaining"), MQTT_CONNECT_BODY)
            .build();
    /** The same CONNECT with its parts at the packet's level, counted by the remaining length they derive. */
    static final MessageLayout MQTT_CONNECT_FLAT = mqttConnectParts(MessageLayout.builder("CONNECT")
            .section("fixed", PacketLayout.builder("fixed").u8("type").build())
            .varint("remaining", 4).remainingLength(Size.of("remaining")))
            .build();
    /** PUBLISH whose payload runs to the end the remaining length declares. */
    static final MessageLayout MQTT_PUBLISH_FLAT = MessageLayout.builder("PUBLISH")
            .section("fixed", PacketLayout.builder("fixed").bits("type", 4).bit("dup").bits("qos", 2).bit("retain")
                    .build())
            .varint("remaining", 4).remainingLength(Size.of("remaining")).prefixed("topic", 2)
            .when("packetId", "fixed.qos", qos -> qos > 0, MessageLayout.builder("packet-id")
                    .section("id", PacketLayout.builder("id").u16be("value").build()).build())
            .rest("payload")
            .build();
    /** Type-length-value items to the end, each length counting its own item, in a varint-counted list. */
    static final MessageLayout TLV_LIST = MessageLayout.builder("tlv-list")
            .varint("size", 2).totalLength(Size.of("size"))
            .repeatToEnd("items", MessageLayout.builder("item")
                    .section("t", PacketLayout.builder("t").u8("type").u8("len").build())
                    .totalLength(Size.of("t.len")).rest("value").build())
            .build();
    /** An MQTT PUBLISH packet: fixed header, varint remaining length, topic, packet id when QoS > 0, payload. */
    static final MessageLayout MQTT_PUBLISH = MessageLayout.builder("PUBLISH")
            .section("fixed", PacketLayout.builder("fixed").bits("type", 4).bit("dup").bits("qos", 2).bit("retain")
                    .build())
            .field("remaining", VARINT).prefixed("topic", 2)
            .when("packetId", "fixed.qos", qos -> qos > 0, MessageLayout.builder("packet-id")
                    .section("id", PacketLayout.builder("id").u16be("value").build()).build())
            .rest("payload")
            .build();

    /**
     * A Kafka record batch (magic 2): its CRC-32C, declared before them, covers the batch from the attributes
     * to the end, whose length the batch length counts.
     */
    static final MessageLayout KAFKA_BATCH = MessageLayout.builder("record-batch")
            .section("offsets", PacketLayout.builder("offsets").i64be("baseOffset").i32be("batchLength").build())
            .remainingLength(Size.of("offsets.batchLength"))
            .section("head", PacketLayout.builder("head").i32be("partitionLeaderEpoch").i8("magic").crc32cbe("crc")
                    .build())
            .section("attrs", PacketLayout.builder("attrs").i16be("attributes").i32be("lastOffsetDelta")
                    .i32be("recordCount").build())
            .rest("records")
            .checksumOver("head.crc", "attrs", "records")
            .build();
    /** PNG chunks (ISO/IEC 15948 §5.3) to the end, each with a CRC-32 after its type and data, over them. */
    static final MessageLayout PNG_CHUNKS = MessageLayout.builder("png-chunks")
            .repeatToEnd("chunks", MessageLayout.builder("chunk").field("length", io.bufkit.layout.WireType.I32BE)
                    .section("type", PacketLayout.builder("type").u32be("name").build())
                    .bytes("data", Size.of("length"))
                    .section("crc", PacketLayout.builder("crc").crc32be("value").build())
                    .checksumOver("crc.value", "type", "data")
                    .build())
            .build();

    /** Kafka's tagged fields (KIP-482): a count, then per field its tag, size and data. */
    static final MessageLayout KAFKA_TAGS = MessageLayout.builder("tags").varint("n", 5)
            .repeat("fields", "n", MessageLayout.builder("tagged-field").varint("tag", 5).varint("size", 5)
                    .bytes("data", Size.of("size")).build())
            .build();
    /**
     * A Kafka Metadata v12 request body: a nullable compact array (count + 1, 0 for NULL) of topics, each a
     * UUID, a nullable compact string (length + 1, 0 for NULL) and tagged fields; two flags; tagged fields.
     */
    static final MessageLayout KAFKA_METADATA = MessageLayout.builder("metadata-v12")
            .varint("topicCount", 5)
            .nullableRepeat("topics", Size.of("topicCount").plus(-1), MessageLayout.builder("topic")
                    .section("id", PacketLayout.builder("id").bytes("topicId", 16).build())
                    .nullableCompact("name")
                    .nested("tags", KAFKA_TAGS)
                    .build())
            .section("flags", PacketLayout.builder("flags").u8("allowAutoTopicCreation")
                    .u8("includeTopicAuthorizedOperations").build())
            .nested("tags", KAFKA_TAGS)
            .build();

    /**
     * An HTTP/2 frame (RFC 9113 §4.1) whose DATA payload (§6.1) has a Pad Length first and that much padding
     * after the data when the frame header's PADDED flag is set; other types as bytes.
     */
    static final MessageLayout H2_FRAME = MessageLayout.builder("h2-frame")
            .section("head", PacketLayout.builder("head").u24be("length").u8("type").bits("unused", 4)
                    .bit("padded").bits("unused2", 2).bit("endStream").bit("reserved").bits("streamId", 31).build())
            .choice("payload", "head.type", Size.of("head.length"), Map.of(0, MessageLayout.builder("DATA")
                    .when("padded", "../head.padded", p -> p != 0, MessageLayout.builder("padded-data")
                            .field("padLength", io.bufkit.layout.WireType.U8).rest("data")
                            .bytes("padding", Size.of("padLength")).build())
                    .when("plain", "../head.padded", p -> p == 0, MessageLayout.builder("plain-data").rest("data")
                            .build())
                    .build()))
            .build();

    /** A frame's type and payload to its end, then a CRC-32 over them, which the payload leaves room for. */
    static final MessageLayout CRC_TRAILED = MessageLayout.builder("crc-trailed")
            .field("type", io.bufkit.layout.WireType.U8).rest("payload")
            .section("crc", PacketLayout.builder("crc").crc32be("value").build())
            .checksumOver("crc.value", "type", "payload")
            .build();

    /** A PUBLISH body: its packet id is present when the QoS of the enclosing packet's fixed header is above 0. */
    static final MessageLayout MQTT_PUBLISH_BODY = MessageLayout.builder("PUBLISH")
            .prefixed("topic", 2)
            .when("packetId", "../fixed.qos", qos -> qos > 0, MessageLayout.builder("packet-id")
                    .field("id", io.bufkit.layout.WireType.U16BE).build())
            .rest("payload")
            .build();
    /**
     * Any MQTT packet: the fixed header, the remaining length, and a body chosen by type within it (CONNECT,
     * PUBLISH, any other type as bytes), the PUBLISH body reading the header's QoS.
     */
    static final MessageLayout MQTT_PACKET = MessageLayout.builder("mqtt")
            .section("fixed", PacketLayout.builder("fixed").bits("type", 4).bit("dup").bits("qos", 2).bit("retain")
                    .build())
            .varint("remaining", 4)
            .choice("body", "fixed.type", Size.of("remaining"), Map.of(1, MQTT_CONNECT_BODY, 3, MQTT_PUBLISH_BODY))
            .build();

    /**
     * A TCP segment (RFC 9293 §3.1) whose options fill the bytes the data offset gives: kinds 0 and 1 alone,
     * every other kind with a length that counts the kind and length bytes too.
     */
    static final MessageLayout TCP_OPTIONS = MessageLayout.builder("tcp-options")
            .section("tcp", PacketLayout.builder("tcp").u16be("srcPort").u16be("dstPort").bits("dataOffset", 4)
                    .bits("reserved", 4).u8("flags").build())
            .repeatSized("options", Size.of("tcp.dataOffset").times(4).plus(-6), MessageLayout.builder("option")
                    .section("o", PacketLayout.builder("o").u8("kind").build())
                    .when("value", "o.kind", kind -> kind > 1,
                            MessageLayout.builder("value").prefixed("data", 1, 2).build())
                    .build())
            .rest("payload")
            .build();
    /**
     * Single fields everywhere: a type choosing the body, a little-endian length sizing it, a count of TCP
     * option-like items whose kind is a single field, and a float.
     */
    static final MessageLayout SINGLE_FIELDS = MessageLayout.builder("single-fields")
            .field("type", WireType.U8).field("length", WireType.U16LE)
            .choice("body", "type", Size.of("length"), Map.of(1, MessageLayout.builder("text-body").rest("text").build(),
                    2, MessageLayout.builder("number-body").field("value", WireType.U32BE).build()))
            .field("n", WireType.U8)
            .repeat("items", "n", MessageLayout.builder("item").field("kind", WireType.U8)
                    .when("value", "kind", kind -> kind > 1,
                            MessageLayout.builder("value").prefixed("data", 1, 2).build())
                    .build())
            .field("ratio", WireType.F64LE)
            .build();
    static final MessageLayout TCP = MessageLayout.builder("tcp-segment")
            .section("tcp", PacketLayout.builder("tcp").u16be("srcPort").u16be("dstPort").i32be("seq").i32be("ack")
                    .bits("dataOffset", 4).bits("reserved", 4).u8("flags").u16be("window").u16be("checksum")
                    .u16be("urgent").build())
            .bytes("options", Size.of("tcp.dataOffset").times(4).plus(-20)).rest("payload").build();
    static final MessageLayout UDP = MessageLayout.builder("udp-datagram")
            .section("udp", PacketLayout.builder("udp").u16be("srcPort").u16be("dstPort").u16be("length")
                    .u16be("checksum").build())
            .bytes("payload", Size.of("udp.length").plus(-8)).build();
    static final MessageLayout ICMP = MessageLayout.builder("icmp-message")
            .section("icmp", PacketLayout.builder("icmp").u8("type").u8("code").internetChecksum("checksum").build())
            .rest("body").build();
    /**
     * An IPv4 packet whose total length bounds it, whose options are sized by the header length, carrying
     * ICMP, TCP or UDP.
     */
    static final MessageLayout IPV4 = ipv4Header(MessageLayout.builder("ipv4-packet"))
            .choice("transport", "ip.protocol", Map.of(1, ICMP, 6, TCP, 17, UDP))
            .build();
    /**
     * IPv4 carrying TCP or UDP whose checksums cover the IPv4 pseudo-header, filled in when encoding and
     * checked when decoding (RFC 9293 §3.1, RFC 768).
     */
    static final MessageLayout IPV4_CHECKED = ipv4Header(MessageLayout.builder("ipv4-checked"))
            .choice("transport", "ip.protocol", Map.of(
                    6, MessageLayout.builder("tcp-segment")
                            .section("tcp", PacketLayout.builder("tcp").u16be("srcPort").u16be("dstPort")
                                    .bits("dataOffset", 4).bits("reserved", 4).u8("flags")
                                    .internetChecksumWithPseudoHeader("checksum").build())
                            .bytes("options", Size.of("tcp.dataOffset").times(4).plus(-8)).rest("payload").build(),
                    17, MessageLayout.builder("udp-datagram")
                            .section("udp", PacketLayout.builder("udp").u16be("srcPort").u16be("dstPort")
                                    .u16be("length").internetChecksumWithPseudoHeader("checksum").build())
                            .bytes("payload", Size.of("udp.length").plus(-8)).build()))
            .pseudoHeaderChecksum("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")
                    .checkedWhenDecoding())
            .build();
    /** The IPv4 header, bounded by its total length, and its options sized by the header length. */
    private static MessageBuilder ipv4Header(MessageBuilder packet) {
        return packet
            .section("ip", PacketLayout.builder("ipv4").bits("version", 4).bits("ihl", 4).u8("tos")
                    .u16be("totalLength").u16be("id").u16be("fragment").u8("ttl").u8("protocol").u16be("checksum")
                    .bytes("src", 4).bytes("dst", 4).build())
            .totalLength(Size.of("ip.totalLength"))
            .bytes("options", Size.of("ip.ihl").times(4).plus(-20));
    }

    /** A pcap file: its header, then records up to the end, each sized by its captured length. */
    static final MessageLayout PCAP = MessageLayout.builder("pcap")
            .section("file", PacketLayout.builder("pcap-header").u32le("magic").expect(0xA1B2C3D4L).u16le("major")
                    .u16le("minor").i32le("thiszone").i32le("sigfigs").i32le("snaplen").i32le("linktype").build())
            .repeatToEnd("records", MessageLayout.builder("record")
                    .section("header", PacketLayout.builder("pcap-record").i32le("seconds").i32le("fraction")
                            .i32le("capturedLength").i32le("originalLength").build())
                    .bytes("packet", Size.of("header.capturedLength")).build())
            .build();

    /** A part of every kind, with a constant, a checksum, a float, a text field and a user-defined field. */
    static final MessageLayout EVERY_PART = MessageLayout.builder("every-part")
            .section("head", PacketLayout.builder("head").u8("magic").expect(0x42).u8("type").u8("flag").u8("n")
                    .u8("len").u8("blen").u32be("big").f32be("ratio")
                    .text("tag", 4, StandardCharsets.US_ASCII, TextPadding.NUL).crc32be("crc").build())
            .bytes("data", Size.of("head.len").times(2).plus(1))
            .prefixed("prefixed", 2)
            .nullablePrefixed("nullable", 2)
            .nulTerminated("text")
            .field("varint", VARINT)
            .repeat("items", "head.n", MQTT_TEXT)
            .repeatUntil("entries", 0, MessageLayout.builder("entry")
                    .section("e", PacketLayout.builder("e").u8("code").build()).nulTerminated("value").build())
            .when("option", "head.flag", f -> (f & 1) != 0, MessageLayout.builder("option")
                    .section("o", PacketLayout.builder("o").f64le("x").build()).build())
            .choice("body", "head.type", Size.of("head.blen"), Map.of(1, MQTT_TEXT, 2, UDP))
            .repeatToEnd("tail", MessageLayout.builder("tail")
                    .section("t", PacketLayout.builder("t").u8("len").build()).bytes("b", Size.of("t.len")).build())
            .build();
}
