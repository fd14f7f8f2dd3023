package io.bufkit.examples;

import static io.bufkit.testsupport.RegexGroups.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import io.bufkit.testkit.MessageLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Kafka requests and responses of real sessions with a Kafka 3.7.1 broker ({@code captures/kafka/README.md}):
 * the Java client's flexible requests and the broker's ApiVersions responses, with their headers checked
 * against {@code java-session.tshark.tsv}, and kafkajs's Produce v7 request with its record batch, checked
 * against tshark's full decoding in {@code session.tshark.txt}.
 */
class KafkaMessageTest {
    /** The request layouts by API key and version. */
    static final Map<Integer, MessageLayout> REQUESTS = Map.of(18 << 16 | 3, KafkaMessage.API_VERSIONS_REQUEST,
            3 << 16 | 12, KafkaMessage.METADATA_REQUEST, 22 << 16 | 4, KafkaMessage.INIT_PRODUCER_ID_REQUEST,
            0 << 16 | 7, KafkaMessage.PRODUCE_REQUEST_V7);

    static ByteView file(String name) throws IOException {
        return ByteView.wrap(DnsMessageTest.resource("kafka/" + name));
    }

    /** The size-prefixed messages of a captured stream. */
    static List<ByteView> messages(String name) throws IOException {
        ByteView stream = file(name);
        List<ByteView> out = new ArrayList<>();
        for (int at = 0; at < stream.length(); at += 4 + stream.i32be(at)) {
            out.add(stream.slice(at, at + 4 + stream.i32be(at)));
        }
        return out;
    }

    /** Frame {@code frame}'s tab-separated fields in {@code java-session.tshark.tsv}, after the frame number. */
    static List<String> tshark(int frame) throws IOException {
        String tsv = new String(DnsMessageTest.resource("kafka/java-session.tshark.tsv"), StandardCharsets.UTF_8);
        return List.of(first(tsv, "\n" + frame + "\t([^\n]*)").split("\t", -1));
    }

    static String tsharkProduce() throws IOException {
        String all = new String(DnsMessageTest.resource("kafka/session.tshark.txt"), StandardCharsets.UTF_8);
        int at = all.indexOf("Kafka (Produce v7 Request)");
        return all.substring(at, all.indexOf("\nFrame ", at));
    }

    static ByteView produce() throws IOException {
        return messages("client.bin").get(2);
    }

    @Test
    void theJavaClientsRequestsDecodeAsTsharkReadsTheirHeadersAndEncodeBack() throws IOException {
        // the requests of both connections in wire order, with tshark's frame numbers; Produce v10 is not declared
        List<ByteView> requests = new ArrayList<>(messages("java-client-0.bin"));
        requests.addAll(messages("java-client-1.bin"));
        int[] frames = {4, 8, 9, 19, 23, 27};
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ByteView wire = requests.get(i);
            List<String> t = tshark(frames[i]);   // stream, ports, size, api key, version, correlation id, client id
            MessageLayout layout = REQUESTS.get(wire.i16be(4) << 16 | wire.i16be(6));
            if (layout == null) {
                assertEquals(List.of("0", "10"), t.subList(4, 6));
                continue;
            }
            Message m = layout.decode(wire);
            assertEquals(Integer.parseInt(t.get(3)), m.intValue("size"));
            assertEquals(Integer.parseInt(t.get(4)), m.sub("header").intValue("apiKey"));
            assertEquals(Integer.parseInt(t.get(5)), m.sub("header").intValue("apiVersion"));
            assertEquals(Integer.parseInt(t.get(6)), m.sub("header").intValue("correlationId"));
            assertEquals(t.get(7), m.sub("header").string("clientId"));
            assertEquals(0, m.sub("header").sub("tags").count("fields"));
            assertArrayEquals(wire.toByteArray(), layout.encode(m.toValues()), layout.name());
            decoded.add(layout.name());
        }
        assertEquals(List.of("ApiVersions-v3", "Metadata-v12", "InitProducerId-v4", "ApiVersions-v3",
                "InitProducerId-v4"), decoded);

        Message apiVersions = KafkaMessage.API_VERSIONS_REQUEST.decode(requests.get(0));
        assertEquals("apache-kafka-java", apiVersions.string("clientSoftwareName"));
        assertEquals("3.7.1", apiVersions.string("clientSoftwareVersion"));
        Message init = KafkaMessage.INIT_PRODUCER_ID_REQUEST.decode(requests.get(2));
        assertEquals(false, init.isPresent("transactionalId"));
        assertEquals(-1, longValue(init, "body", "producerId"));
        assertEquals(-1, init.intValue("body.producerEpoch"));
    }

    @Test
    void theMetadataRequestThroughItsRecord() throws IOException {
        ByteView wire = messages("java-client-0.bin").get(1);
        Kafka.MetadataRequest r = Kafka.METADATA.decode(wire);
        List<String> t = tshark(8);
        assertEquals(new Kafka.HeaderV2(Integer.parseInt(t.get(4)), Integer.parseInt(t.get(5)),
                Integer.parseInt(t.get(6)), Optional.of(t.get(7)), new Kafka.Tags(List.of())), r.header());
        Kafka.Topic topic = r.topics().orElseThrow().get(0);
        assertEquals(1, r.topics().orElseThrow().size());
        assertEquals(Optional.of("bufkit"), topic.name());
        assertEquals(Bytes.of(new byte[16]), topic.id().topicId(), "a topic named, not given by its id");
        assertArrayEquals(wire.toByteArray(), Kafka.METADATA.encode(r));
        // NULL topics (every topic) and no topics are two different requests
        Kafka.MetadataRequest every = new Kafka.MetadataRequest(r.header(), Optional.empty(), r.flags(), r.tags());
        Kafka.MetadataRequest none = new Kafka.MetadataRequest(r.header(), Optional.of(List.of()), r.flags(), r.tags());
        byte[] everyWire = Kafka.METADATA.encode(every);
        byte[] noneWire = Kafka.METADATA.encode(none);
        int count = 4 + 8 + 2 + "bufkit-java".length() + 1;   // size, header fields, client id, header tags
        assertEquals(0, everyWire[count]);
        assertEquals(1, noneWire[count]);
        assertEquals(every, Kafka.METADATA.decode(ByteView.wrap(everyWire)));
        assertEquals(none, Kafka.METADATA.decode(ByteView.wrap(noneWire)));
        assertEquals(wire.length() - 24, everyWire.length, "no topic id, name or tags");
    }

    @Test
    void theBrokersApiVersionsResponsesDecodeAsTsharkReadsThemAndEncodeBack() throws IOException {
        for (String name : List.of("java-broker-0.bin", "java-broker-1.bin")) {
            ByteView wire = messages(name).get(0);
            List<String> t = tshark(name.endsWith("0.bin") ? 6 : 21);
            Message m = KafkaMessage.API_VERSIONS_RESPONSE.decode(wire);
            assertEquals(Integer.parseInt(t.get(3)), m.intValue("size"));
            assertEquals(Integer.parseInt(t.get(6)), m.intValue("correlationId"));
            assertEquals(0, m.intValue("errorCode"));
            assertEquals(m.intValue("keyCount") - 1, m.count("apiKeys"));
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < m.count("apiKeys"); i++) {
                keys.add(m.element("apiKeys", i).intValue("range.apiKey"));
            }
            assertTrue(keys.containsAll(List.of(0, 3, 18, 22)), keys::toString);
            assertEquals(3, m.sub("tags").count("fields"), "the supported and finalized features");
            assertArrayEquals(wire.toByteArray(), KafkaMessage.API_VERSIONS_RESPONSE.encode(m.toValues()), name);
        }
    }

    @Test
    void theProduceRequestAndItsRecordBatchDecodeAsTsharkReadsThem() throws IOException {
        String tshark = tsharkProduce();
        ByteView wire = produce();
        Message m = KafkaMessage.PRODUCE_REQUEST_V7.decode(wire);
        assertEquals(Integer.parseInt(first(tshark, "Length: (\\d+)")), m.intValue("size"));
        assertEquals(0, m.sub("header").intValue("apiKey"));
        assertEquals(Integer.parseInt(first(tshark, "API Version: (\\d+)")), m.sub("header").intValue("apiVersion"));
        assertEquals(Integer.parseInt(first(tshark, "Correlation ID: (\\d+)")),
                m.sub("header").intValue("correlationId"));
        assertEquals(first(tshark, "Client ID: (\\S+)"), m.sub("header").string("clientId"));
        assertTrue(tshark.contains("Transactional ID: [ Null ]"));
        assertEquals(false, m.isPresent("transactionalId"));
        assertEquals(Integer.parseInt(first(tshark, "Required Acks: .*\\((-?\\d+)\\)")), m.intValue("produce.acks"));
        assertEquals(Integer.parseInt(first(tshark, "Timeout: (\\d+)")), m.intValue("produce.timeoutMs"));
        Message topic = m.element("topics", 0);
        assertEquals(first(tshark, "Topic Name: (\\S+)"), topic.string("name"));
        Message partition = topic.element("partitions", 0);
        assertEquals(Integer.parseInt(first(tshark, "Partition ID: (\\d+)")), partition.intValue("index"));
        Message batch = partition.sub("records");
        assertEquals(Long.parseLong(first(tshark, "Offset: (\\d+)")), longValue(batch, "offsets", "baseOffset"));
        assertEquals(Integer.parseInt(first(tshark, "Message Size: (\\d+)")), batch.intValue("offsets.batchLength"));
        assertEquals(Integer.parseInt(first(tshark, "Leader Epoch: (\\d+)")),
                batch.intValue("head.partitionLeaderEpoch"));
        assertEquals(Integer.parseInt(first(tshark, "Magic Byte: (\\d+)")), batch.intValue("head.magic"));
        assertEquals(Integer.parseInt(first(tshark, "Last Offset Delta: (\\d+)")),
                batch.intValue("attrs.lastOffsetDelta"));
        assertEquals(Long.parseLong(first(tshark, "Producer ID: (-?\\d+)")), longValue(batch, "attrs", "producerId"));
        assertEquals(Integer.parseInt(first(tshark, "Producer Epoch: (\\d+)")), batch.intValue("attrs.producerEpoch"));
        assertEquals(Integer.parseInt(first(tshark, "Base Sequence: (\\d+)")), batch.intValue("attrs.baseSequence"));
        assertEquals(Integer.parseInt(first(tshark, "\n {20}Size: (\\d+)")), batch.intValue("attrs.recordCount"));
        // the stored CRC-32C is tshark's, and the JDK's CRC32C over the attributes to the end of the batch
        ByteView b = partition.bytes("records");
        int attrs = 8 + 4 + 4 + 1 + 4;   // base offset, batch length, leader epoch, magic, CRC
        long stored = b.u32be(attrs - 4);
        assertEquals(Long.parseLong(first(tshark, "CRC32: 0x([0-9a-f]+)"), 16), stored);
        assertEquals(jdkCrc32c(b.toByteArray(), attrs), stored);
        String records = new String(batch.bytes("records").toByteArray(), StandardCharsets.ISO_8859_1);
        for (String text : List.of("k1", "hello, kafka", "k2", "second record", "trace", "t-1")) {
            assertTrue(records.contains(text), text);
        }
        assertArrayEquals(wire.toByteArray(), KafkaMessage.PRODUCE_REQUEST_V7.encode(m.toValues()));
    }

    /** A 64-bit field of a section, which {@code intValue} does not read. */
    static long longValue(Message m, String section, String field) {
        return ((Number) ((Map<?, ?>) m.toValues().get(section)).get(field)).longValue();
    }

    static long jdkCrc32c(byte[] batch, int from) {
        CRC32C crc = new CRC32C();
        crc.update(batch, from, batch.length - from);
        return crc.getValue();
    }

    @Test
    void theProduceRequestThroughItsRecordAndAChangedRecordGetsANewCrc() throws IOException {
        ByteView wire = produce();
        Kafka.ProduceRequest r = Kafka.PRODUCE.decode(wire);
        assertEquals(new Kafka.HeaderV1(0, 7, 2, Optional.of("bufkit-capture")), r.header());
        assertEquals(Optional.empty(), r.transactionalId());
        assertEquals(new Kafka.Produce(-1, 30000), r.produce());
        Kafka.Partition p = r.topics().get(0).partitions().get(0);
        assertEquals("bufkit", r.topics().get(0).name());
        assertEquals(new Kafka.Head(0, 2), p.records().head());
        assertEquals(2, p.records().attrs().recordCount());
        assertArrayEquals(wire.toByteArray(), Kafka.PRODUCE.encode(r));

        // "hello, kafka" → "hello, Kafka": encoding writes the CRC-32C of the new bytes
        byte[] records = p.records().records().toByteArray();
        int h = new String(records, StandardCharsets.ISO_8859_1).indexOf("hello, kafka");
        records[h + 7] = 'K';
        Kafka.RecordBatch changed = new Kafka.RecordBatch(p.records().offsets(), p.records().head(),
                p.records().attrs(), Bytes.of(records));
        Kafka.ProduceRequest other = new Kafka.ProduceRequest(r.header(), r.transactionalId(), r.produce(),
                List.of(new Kafka.ProduceTopic("bufkit", List.of(new Kafka.Partition(0, changed)))));
        byte[] otherWire = Kafka.PRODUCE.encode(other);
        assertEquals(wire.length(), otherWire.length);
        int batchAt = wire.length() - p.records().records().length() - 61;   // the batch's 61 bytes before its records
        int crcAt = batchAt + 17;
        byte[] otherBatch = ByteView.wrap(otherWire).slice(batchAt, otherWire.length).toByteArray();
        assertEquals(jdkCrc32c(otherBatch, 21), ByteView.wrap(otherWire).u32be(crcAt));
        assertNotEquals(wire.u32be(crcAt), ByteView.wrap(otherWire).u32be(crcAt));
        assertEquals(other, Kafka.PRODUCE.decode(ByteView.wrap(otherWire)));
    }

    @Test
    void aFlippedRecordByteIsALayoutExceptionNamingTheBatchCrc() throws IOException {
        byte[] changed = produce().toByteArray();
        changed[changed.length - 3] ^= 1;   // in the last record's header value "t-1"
        for (Runnable decode : List.<Runnable>of(() -> KafkaMessage.PRODUCE_REQUEST_V7.decode(ByteView.wrap(changed)),
                () -> Kafka.PRODUCE.decode(ByteView.wrap(changed)))) {
            LayoutException e = assertThrows(LayoutException.class, decode::run);
            assertEquals(Optional.of("topics[0].partitions[0].records.head.crc"), e.field());
            assertEquals(60 + 17, e.offset());   // the batch starts after the request's 60 bytes
            assertEquals(String.format("0x%08x", produce().u32be(60 + 17)), e.actual());
            assertTrue(e.getMessage().contains("checksum over the 93 bytes of attrs to records is wrong"),
                    e.getMessage());
        }
    }

    @Test
    void generatedMessagesOfEveryLayoutRoundTripAndHostileOnesAreRejectedWithAPath() {
        for (MessageLayout layout : List.of(KafkaMessage.TAGS, KafkaMessage.API_VERSIONS_REQUEST,
                KafkaMessage.METADATA_REQUEST, KafkaMessage.INIT_PRODUCER_ID_REQUEST,
                KafkaMessage.API_VERSIONS_RESPONSE, KafkaMessage.RECORD_BATCH, KafkaMessage.PRODUCE_REQUEST_V7)) {
            MessageLayouts generated = MessageLayouts.of(layout).maxBytes(300);
            generated.checkRoundTrip();
            generated.checkArbitraryMessages();
        }
    }

    @Test
    void generatedMessagesRoundTripThroughTheRecords() {
        // the records hold the client id, transactional id and topic names as String
        MessageLayouts.of(KafkaMessage.METADATA_REQUEST).maxBytes(300).withText("clientId", "name")
                .checkRecordRoundTrip(Kafka.METADATA);
        MessageLayouts.of(KafkaMessage.PRODUCE_REQUEST_V7).maxBytes(300).withText("clientId", "transactionalId", "name")
                .checkRecordRoundTrip(Kafka.PRODUCE);
    }
}
