package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.testsupport.RegexGroups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Kafka's flexible versions (KIP-482) through {@link MessageBuilder#nested} and counts through a
 * {@link Size}: compact strings and arrays hold their length or count plus one in an unsigned varint, and
 * every structure ends with tagged fields. Real bytes of Kafka 3.7.1's own Java client and broker on loopback
 * ({@code captures/kafka/README.md}, {@code java-session.tshark.tsv}): the ApiVersions v3 and Metadata v12
 * requests and the broker's ApiVersions v3 response, with its API key ranges and tagged features.
 */
class KafkaFlexibleTest {
    /** Tagged fields: their count, then per field its tag, its size and its data. */
    static final MessageLayout TAGS = MessageLayout.builder("tags").varint("n", 5)
            .repeat("fields", "n", MessageLayout.builder("tagged-field").varint("tag", 5).varint("size", 5)
                    .bytes("data", Size.of("size")).build())
            .build();
    static final PacketLayout HEADER = PacketLayout.builder("request-header").i16be("apiKey").i16be("apiVersion")
            .i32be("correlationId").build();

    /** The size, then request header v2: key, version, correlation id, an INT16 client id, tagged fields. */
    static MessageBuilder request(String name) {
        return MessageLayout.builder(name).field("size", WireType.I32BE).remainingLength(Size.of("size"))
                .section("header", HEADER).nullablePrefixed("clientId", 2).nested("headerTags", TAGS);
    }

    static final MessageLayout API_VERSIONS = request("ApiVersions-v3")
            .compact("clientSoftwareName").compact("clientSoftwareVersion").nested("tags", TAGS)
            .build();
    /** The same, with a compact string as the two parts it is: a varint holding the length + 1, and bytes. */
    static final MessageLayout API_VERSIONS_SPELLED_OUT = request("ApiVersions-v3")
            .varint("nameLength", 5).bytes("clientSoftwareName", Size.of("nameLength").plus(-1))
            .varint("versionLength", 5).bytes("clientSoftwareVersion", Size.of("versionLength").plus(-1))
            .nested("tags", TAGS)
            .build();
    static final MessageLayout TOPIC = MessageLayout.builder("topic")
            .section("id", PacketLayout.builder("id").bytes("topicId", 16).build())
            .nullableCompact("name")
            .nested("tags", TAGS)
            .build();
    static final MessageLayout METADATA = request("Metadata-v12")
            .varint("topicCount", 5).nullableRepeat("topics", Size.of("topicCount").plus(-1), TOPIC)
            .section("flags", PacketLayout.builder("flags").u8("allowAutoTopicCreation")
                    .u8("includeTopicAuthorizedOperations").build())
            .nested("tags", TAGS)
            .build();
    /** InitProducerId v4: a nullable compact transactional id, the timeout, the producer id and epoch. */
    static final MessageLayout INIT_PRODUCER_ID = request("InitProducerId-v4")
            .nullableCompact("transactionalId")
            .section("body", PacketLayout.builder("body").i32be("transactionTimeoutMs").i64be("producerId")
                    .i16be("producerEpoch").build())
            .nested("tags", TAGS)
            .build();
    static final MessageLayout API_KEY = MessageLayout.builder("api-key")
            .section("range", PacketLayout.builder("range").i16be("apiKey").i16be("minVersion").i16be("maxVersion")
                    .build())
            .nested("tags", TAGS)
            .build();
    /** ApiVersions responses keep response header v0: the correlation id alone. */
    static final MessageLayout API_VERSIONS_RESPONSE = MessageLayout.builder("ApiVersions-v3-response")
            .field("size", WireType.I32BE).remainingLength(Size.of("size"))
            .field("correlationId", WireType.I32BE).field("errorCode", WireType.I16BE)
            .varint("keyCount", 5).repeat("apiKeys", Size.of("keyCount").plus(-1), API_KEY)
            .field("throttleTimeMs", WireType.I32BE)
            .nested("tags", TAGS)
            .build();

    static ByteView message(String file, int offset) throws IOException {
        ByteView all = ByteView.wrap(PostgresBodiesTest.resource("kafka/" + file));
        return all.slice(offset, offset + 4 + all.i32be(offset));
    }

    /** Frame {@code frame}'s tab-separated fields in {@code java-session.tshark.tsv}. */
    static List<String> tshark(int frame) throws IOException {
        String tsv = new String(PostgresBodiesTest.resource("kafka/java-session.tshark.tsv"), StandardCharsets.UTF_8);
        return List.of(RegexGroups.first(tsv, "\n" + frame + "\t([^\n]*)").split("\t", -1));
    }

    /** The size and request header of {@code m} are those tshark gives for frame {@code frame}. */
    static void assertHeaderAsTshark(int frame, Message m) throws IOException {
        // stream, ports, size, api key, version, correlation id, client id
        List<String> fields = tshark(frame);
        assertEquals(Integer.parseInt(fields.get(3)), m.intValue("size"));
        assertEquals(Integer.parseInt(fields.get(4)), m.intValue("header.apiKey"));
        assertEquals(Integer.parseInt(fields.get(5)), m.intValue("header.apiVersion"));
        assertEquals(Integer.parseInt(fields.get(6)), m.intValue("header.correlationId"));
        assertEquals(fields.get(7), m.string("clientId"));
    }

    @Test
    void theJavaClientsFlexibleRequestsDecodeAsTsharkReadsTheirHeaders() throws IOException {
        ByteView apiVersions = message("java-client-0.bin", 0);
        Message m = API_VERSIONS.decode(apiVersions);
        assertHeaderAsTshark(4, m);
        assertEquals("apache-kafka-java", m.string("clientSoftwareName"));
        assertEquals("3.7.1", m.string("clientSoftwareVersion"));
        assertEquals(0, m.sub("tags").count("fields"));
        assertArrayEquals(apiVersions.toByteArray(), API_VERSIONS.encode(m.toValues()));
        Message spelledOut = API_VERSIONS_SPELLED_OUT.decode(apiVersions);
        assertEquals(18, spelledOut.intValue("nameLength"), "17 bytes, written as 17 + 1");
        assertEquals(m.string("clientSoftwareName"), spelledOut.string("clientSoftwareName"));
        assertArrayEquals(apiVersions.toByteArray(), API_VERSIONS_SPELLED_OUT.encode(spelledOut.toValues()));

        ByteView metadata = message("java-client-0.bin", 51);
        Message md = METADATA.decode(metadata);
        assertHeaderAsTshark(8, md);
        assertEquals(1, md.count("topics"));
        assertEquals("bufkit", md.element("topics", 0).string("name"));
        assertEquals(2, md.intValue("topicCount"), "one topic, written as 1 + 1");
        assertArrayEquals(metadata.toByteArray(), METADATA.encode(md.toValues()));
        assertTrue(md.describe().contains("topics (1 × topic):"), md.describe());
        assertTrue(md.describe().contains("headerTags (1 bytes):"), md.describe());
    }

    @Test
    void theBrokersApiVersionsResponseHoldsItsKeyRangesAndTaggedFeatures() throws IOException {
        ByteView response = message("java-broker-0.bin", 0);
        Message m = API_VERSIONS_RESPONSE.decode(response);
        assertEquals(Integer.parseInt(tshark(6).get(3)), m.intValue("size"));
        assertEquals(Integer.parseInt(tshark(6).get(6)), m.intValue("correlationId"));
        assertEquals(0, m.intValue("errorCode"));
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < m.count("apiKeys"); i++) {
            Message k = m.element("apiKeys", i);
            keys.add(k.intValue("range.apiKey"));
            assertTrue(k.intValue("range.minVersion") <= k.intValue("range.maxVersion"), k.describe());
            if (k.intValue("range.apiKey") == 18) {
                assertTrue(k.intValue("range.maxVersion") >= 3, "the client spoke ApiVersions v3 to this broker");
            }
        }
        assertEquals(m.intValue("keyCount") - 1, keys.size());
        assertEquals(keys.stream().sorted().toList(), keys, "the broker lists its keys in order");
        assertTrue(keys.containsAll(List.of(0, 1, 3, 18, 22)), "Produce, Fetch, Metadata, ApiVersions, "
                + "InitProducerId, which the client used: " + keys);
        // SupportedFeatures (tag 0), FinalizedFeaturesEpoch (1), FinalizedFeatures (2) of ApiVersionsResponse v3
        Message tags = m.sub("tags");
        List<Integer> tagNumbers = new ArrayList<>();
        for (int i = 0; i < tags.count("fields"); i++) {
            tagNumbers.add(tags.element("fields", i).intValue("tag"));
        }
        assertEquals(List.of(0, 1, 2), tagNumbers);
        assertArrayEquals(response.toByteArray(), API_VERSIONS_RESPONSE.encode(m.toValues()));
    }

    @Test
    void aNullTransactionalIdIsNullAndReencodesAsZero() throws IOException {
        ByteView first = message("java-client-0.bin", 105);
        for (ByteView wire : List.of(first, message("java-client-1.bin", 51))) {
            Message m = INIT_PRODUCER_ID.decode(wire);
            assertHeaderAsTshark(wire == first ? 9 : 23, m);
            assertEquals(null, m.bytes("transactionalId"));
            assertEquals(false, m.isPresent("transactionalId"));
            assertTrue(m.describe().contains("transactionalId @27: NULL (compact length 0)"), m.describe());
            assertEquals(null, m.toValues().get("transactionalId"));
            assertArrayEquals(wire.toByteArray(), INIT_PRODUCER_ID.encode(m.toValues()));
        }
        Map<String, Object> values = new java.util.HashMap<>(INIT_PRODUCER_ID.decode(message("java-client-0.bin",
                105)).toValues());
        values.put("transactionalId", "tx-1");
        Message given = INIT_PRODUCER_ID.decode(ByteView.wrap(INIT_PRODUCER_ID.encode(values)));
        assertEquals("tx-1", given.string("transactionalId"));
        assertEquals(5, given.bytes("transactionalId").length() + 1, "4 bytes: the varint holds 5");
    }

    @Test
    void aNullWhereNoneIsAllowedAndALengthPastTheEndAreLayoutExceptions() throws IOException {
        byte[] apiVersions = message("java-client-0.bin", 0).toByteArray();
        int name = 4 + 8 + 2 + "bufkit-java".length() + 1;
        assertEquals(18, apiVersions[name]);
        apiVersions[name] = 0;
        LayoutException nul = assertThrows(LayoutException.class,
                () -> API_VERSIONS.decode(ByteView.wrap(apiVersions)));
        assertEquals("ApiVersions-v3: clientSoftwareName at offset " + name + ": compact length 0 is NULL, which this "
                + "part does not allow", nul.getMessage());
        apiVersions[name] = 60;
        LayoutException past = assertThrows(LayoutException.class,
                () -> API_VERSIONS.decode(ByteView.wrap(apiVersions)));
        assertEquals(Optional.of("clientSoftwareName"), past.field());
        assertTrue(past.getMessage().contains("length 59 (prefix 60 - 1) points past the end"), past.getMessage());
        MessageLayout one = MessageLayout.builder("one").compact("s").build();
        LayoutException cut = assertThrows(LayoutException.class,
                () -> one.decode(ByteView.wrap(new byte[] {(byte) 0x85})));
        assertEquals("one: s at offset 0: varint runs past the end", cut.getMessage());
        LayoutException wide = assertThrows(LayoutException.class, () -> one.decode(ByteView.wrap(
                new byte[] {(byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0})));
        assertEquals("one: s at offset 0: varint longer than 5 bytes", wide.getMessage());
        LayoutException big = assertThrows(LayoutException.class, () -> one.decode(ByteView.wrap(
                new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f})));
        assertEquals("one: s at offset 0: varint does not fit an int", big.getMessage());
    }

    @Test
    void aNullArrayIsNullAndReadsApartFromAnEmptyOne() throws IOException {
        byte[] metadata = message("java-client-0.bin", 51).toByteArray();
        int count = 4 + 8 + 2 + "bufkit-java".length() + 1;   // size, header, client id, header tags
        assertEquals(2, metadata[count]);
        // NULL topics (all topics): the count's varint 0 and none of the topic's 24 bytes (id, name, tags)
        byte[] none = new byte[metadata.length - 24];
        System.arraycopy(metadata, 0, none, 0, count);
        System.arraycopy(metadata, count + 25, none, count + 1, metadata.length - count - 25);
        none[count] = 0;
        none[3] -= 24;
        Message m = METADATA.decode(ByteView.wrap(none));
        assertEquals(false, m.isPresent("topics"));
        assertEquals(0, m.count("topics"));
        assertTrue(m.toValues().containsKey("topics") && m.toValues().get("topics") == null);
        assertTrue(m.describe().contains("topics: NULL (count -1)"), m.describe());
        assertArrayEquals(none, METADATA.encode(m.toValues()));
        // an empty array (no topics): the varint 1
        none[count] = 1;
        Message empty = METADATA.decode(ByteView.wrap(none));
        assertEquals(true, empty.isPresent("topics"));
        assertEquals(List.of(), empty.toValues().get("topics"));
        assertArrayEquals(none, METADATA.encode(empty.toValues()));
        assertEquals(true, METADATA.decode(ByteView.wrap(metadata)).isPresent("topics"));
    }

    /** A Metadata body as records: NULL topics are an empty Optional, no topics an empty list. */
    record TopicRecord(TopicId id, Optional<String> name, Tags tags) {
    }

    record TopicId(byte[] topicId) {
    }

    record Tags(List<TaggedField> fields) {
    }

    record TaggedField(int tag, byte[] data) {
    }

    record Header(int apiKey, int apiVersion, int correlationId) {
    }

    record Flags(int allowAutoTopicCreation, int includeTopicAuthorizedOperations) {
    }

    record MetadataRequest(Header header, String clientId, Tags headerTags, Optional<List<TopicRecord>> topics,
            Flags flags, Tags tags) {
    }

    record NullableListRequest(Header header, String clientId, Tags headerTags, List<TopicRecord> topics, Flags flags,
            Tags tags) {
    }

    @Test
    void aNullArrayIsAnEmptyOptionalOrANullListInARecord() throws IOException {
        MessageCodec<MetadataRequest> codec = MessageCodec.of(METADATA, MetadataRequest.class,
                java.lang.invoke.MethodHandles.lookup());
        ByteView wire = message("java-client-0.bin", 51);
        MetadataRequest r = codec.decode(wire);
        assertEquals("bufkit", r.topics().orElseThrow().get(0).name().orElseThrow());
        assertArrayEquals(wire.toByteArray(), codec.encode(r));
        MetadataRequest all = new MetadataRequest(r.header(), r.clientId(), r.headerTags(), Optional.empty(),
                r.flags(), r.tags());
        MetadataRequest back = codec.decode(ByteView.wrap(codec.encode(all)));
        assertEquals(Optional.empty(), back.topics());
        MessageCodec<NullableListRequest> nullable = MessageCodec.of(METADATA, NullableListRequest.class,
                java.lang.invoke.MethodHandles.lookup());
        NullableListRequest n = nullable.decode(ByteView.wrap(codec.encode(all)));
        assertEquals(null, n.topics());
        assertArrayEquals(codec.encode(all), nullable.encode(n));
    }

    record WildcardRequest(Header header, String clientId, Tags headerTags, Optional<?> topics, Flags flags,
            Tags tags) {
    }

    record NotAList(Header header, String clientId, Tags headerTags, Optional<String> topics, Flags flags,
            Tags tags) {
    }

    @Test
    void aNullableRepeatMapsOnlyToAListOrAnOptionalList() {
        for (Class<? extends Record> type : List.of(WildcardRequest.class, NotAList.class)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MessageCodec.of(METADATA, type, java.lang.invoke.MethodHandles.lookup()));
            assertTrue(e.getMessage().endsWith("a nullable repeat also to an Optional of such a List"),
                    e.getMessage());
        }
    }

    @Test
    void aCountBelowMinusOneIsALayoutExceptionNamingTheCount() {
        MessageLayout items = MessageLayout.builder("items").field("n", WireType.I32BE)
                .nullableRepeat("items", Size.of("n"), MessageLayout.builder("item").field("v", WireType.U8).build())
                .build();
        assertEquals(0, items.decode(ByteView.wrap(new byte[] {-1, -1, -1, -1})).count("items"));
        LayoutException e = assertThrows(LayoutException.class,
                () -> items.decode(ByteView.wrap(new byte[] {-1, -1, -1, -2})));
        assertEquals("items: items at offset 4: count -2 (n with n = -2) is negative", e.getMessage());
        IllegalArgumentException repeat = assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("x").field("n", WireType.U8).repeat("items", Size.of("n"),
                        MessageLayout.builder("item").field("v", WireType.U8).build()).build()
                        .encode(java.util.Collections.singletonMap("items", null)));
        assertEquals("x: items: no value given", repeat.getMessage());
    }
}
