package io.bufkit.examples;

import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageBuilder;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.Size;

/**
 * Kafka requests and responses declared as message layouts, after "A Guide To The Kafka Protocol"
 * (kafka.apache.org/protocol): every message is an {@code INT32} size followed by that many bytes, then a
 * header and the API's body. Flexible versions (KIP-482) hold strings and arrays as compact ones (an
 * unsigned varint holding the length or count plus one, 0 for NULL) and end every structure with tagged
 * fields ({@link #TAGS}); older versions hold {@code INT16}-prefixed strings and {@code INT32} counts.
 * Produce's record batch follows the Kafka documentation's "Record Batch" section (magic 2), its CRC-32C
 * checked when decoding and filled in when encoding.
 *
 * <p>Encoding computes every size, length and count, so values and records may leave them out.
 */
public final class KafkaMessage {
    private KafkaMessage() {
    }

    /**
     * Tagged fields (KIP-482, protocol guide "Tagged Fields"): their count in an unsigned varint, then per
     * field its tag, its size and its data; ends every structure of a flexible version.
     */
    public static final MessageLayout TAGS = MessageLayout.builder("tags").varint("n", 5)
            .repeat("fields", "n", MessageLayout.builder("tagged-field").varint("tag", 5).varint("size", 5)
                    .bytes("data", Size.of("size")).build())
            .build();

    /** The key, version, correlation id and nullable {@code INT16}-prefixed client id of request headers v1 and v2. */
    private static MessageBuilder header(String name) {
        return MessageLayout.builder(name).field("apiKey", WireType.I16BE).field("apiVersion", WireType.I16BE)
                .field("correlationId", WireType.I32BE).nullablePrefixed("clientId", 2);
    }

    /**
     * Request header v1 (protocol guide "Headers"): {@code INT16 api_key, INT16 api_version, INT32
     * correlation_id, NULLABLE_STRING client_id}; the header of non-flexible requests.
     */
    public static final MessageLayout REQUEST_HEADER_V1 = header("request-header-v1").build();

    /**
     * Request header v2 (protocol guide "Headers", KIP-482): request header v1, then tagged fields; the header
     * of flexible requests. Its client id stays an {@code INT16}-prefixed string.
     */
    public static final MessageLayout REQUEST_HEADER_V2 = header("request-header-v2").nested("tags", TAGS).build();

    /** The size, then {@code header}: the start of every request. */
    private static MessageBuilder request(String name, MessageLayout header) {
        return MessageLayout.builder(name).field("size", WireType.I32BE).remainingLength(Size.of("size"))
                .nested("header", header);
    }

    /**
     * ApiVersions request v3 (key 18): request header v2, then the client software's name and version as
     * compact strings, then tagged fields.
     */
    public static final MessageLayout API_VERSIONS_REQUEST = request("ApiVersions-v3", REQUEST_HEADER_V2)
            .compact("clientSoftwareName").compact("clientSoftwareVersion").nested("tags", TAGS)
            .build();

    static final MessageLayout METADATA_TOPIC = MessageLayout.builder("topic")
            .section("id", PacketLayout.builder("topic-id").bytes("topicId", 16).build())
            .nullableCompact("name")
            .nested("tags", TAGS)
            .build();

    /**
     * Metadata request v12 (key 3): request header v2, then the topics as a nullable compact array (NULL asks
     * for every topic), each a 16-byte topic id, a nullable compact name and tagged fields; then whether to
     * create topics and whether to include authorized operations, and tagged fields.
     */
    public static final MessageLayout METADATA_REQUEST = request("Metadata-v12", REQUEST_HEADER_V2)
            .varint("topicCount", 5).nullableRepeat("topics", Size.of("topicCount").plus(-1), METADATA_TOPIC)
            .section("flags", PacketLayout.builder("metadata-flags").u8("allowAutoTopicCreation")
                    .u8("includeTopicAuthorizedOperations").build())
            .nested("tags", TAGS)
            .build();

    /**
     * InitProducerId request v4 (key 22): request header v2, then a nullable compact transactional id, the
     * transaction timeout, the producer id and epoch (-1 for a new producer), and tagged fields.
     */
    public static final MessageLayout INIT_PRODUCER_ID_REQUEST = request("InitProducerId-v4", REQUEST_HEADER_V2)
            .nullableCompact("transactionalId")
            .section("body", PacketLayout.builder("init-producer-id").i32be("transactionTimeoutMs")
                    .i64be("producerId").i16be("producerEpoch").build())
            .nested("tags", TAGS)
            .build();

    static final MessageLayout API_KEY = MessageLayout.builder("api-key")
            .section("range", PacketLayout.builder("api-key-range").i16be("apiKey").i16be("minVersion")
                    .i16be("maxVersion").build())
            .nested("tags", TAGS)
            .build();

    /**
     * ApiVersions response v3 (key 18): the size and response header v0 (the correlation id alone, which
     * ApiVersions responses keep), then the error code, the broker's API key ranges as a compact array, the
     * throttle time, and tagged fields (the supported and finalized features).
     */
    public static final MessageLayout API_VERSIONS_RESPONSE = MessageLayout.builder("ApiVersions-v3-response")
            .field("size", WireType.I32BE).remainingLength(Size.of("size"))
            .field("correlationId", WireType.I32BE).field("errorCode", WireType.I16BE)
            .varint("keyCount", 5).repeat("apiKeys", Size.of("keyCount").plus(-1), API_KEY)
            .field("throttleTimeMs", WireType.I32BE)
            .nested("tags", TAGS)
            .build();

    /**
     * A record batch, magic 2 (Kafka documentation "Record Batch"): the base offset and the length of the rest
     * of the batch; the partition leader epoch, the magic byte and the CRC-32C; the attributes, last offset
     * delta, first and max timestamps, producer id and epoch, base sequence and record count; then the
     * records, kept as bytes. The CRC-32C covers the batch from the attributes to its end.
     */
    public static final MessageLayout RECORD_BATCH = MessageLayout.builder("record-batch")
            .section("offsets", PacketLayout.builder("batch-offsets").i64be("baseOffset").i32be("batchLength")
                    .build())
            .remainingLength(Size.of("offsets.batchLength"))
            .section("head", PacketLayout.builder("batch-head").i32be("partitionLeaderEpoch").i8("magic")
                    .crc32cbe("crc").build())
            .section("attrs", PacketLayout.builder("batch-attributes").i16be("attributes").i32be("lastOffsetDelta")
                    .i64be("baseTimestamp").i64be("maxTimestamp").i64be("producerId").i16be("producerEpoch")
                    .i32be("baseSequence").i32be("recordCount").build())
            .rest("records")
            .checksumOver("head.crc", "attrs", "records")
            .build();

    static final MessageLayout PRODUCE_PARTITION = MessageLayout.builder("partition").field("index", WireType.I32BE)
            .field("size", WireType.I32BE).sized("records", Size.of("size"), RECORD_BATCH).build();
    static final MessageLayout PRODUCE_TOPIC = MessageLayout.builder("topic").prefixed("name", 2)
            .field("n", WireType.I32BE).repeat("partitions", "n", PRODUCE_PARTITION).build();

    /**
     * Produce request v7 (key 0, not flexible): request header v1, then a nullable {@code INT16}-prefixed
     * transactional id, the acks and timeout, and the topics ({@code INT32} count), each a name and its
     * partitions, each an index and a {@code INT32}-sized {@link #RECORD_BATCH}.
     */
    public static final MessageLayout PRODUCE_REQUEST_V7 = request("Produce-v7", REQUEST_HEADER_V1)
            .nullablePrefixed("transactionalId", 2)
            .section("produce", PacketLayout.builder("produce").i16be("acks").i32be("timeoutMs").build())
            .field("n", WireType.I32BE).repeat("topics", "n", PRODUCE_TOPIC)
            .build();
}
