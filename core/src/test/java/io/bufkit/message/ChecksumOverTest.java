package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.testsupport.RegexGroups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Checksums kept apart from the bytes they cover ({@link MessageBuilder#checksumOver}): the CRC-32C of a
 * Kafka record batch (Kafka documentation §5.3.1 "Record Batch": "The CRC covers the data from the
 * attributes to the end of the batch") in the Produce v7 request kafkajs 2.2.4 sent to Kafka 3.7.1 on
 * loopback ({@code captures/kafka/client.bin} at offset 69; see that folder's README), checked against
 * tshark's decoding; and a trailing CRC-32 as PNG's chunks carry it.
 */
class ChecksumOverTest {
    /** Record batch, magic 2: the offsets, then the length of the rest of the batch. */
    static final PacketLayout OFFSETS = PacketLayout.builder("offsets").i64be("baseOffset").i32be("batchLength")
            .build();
    static final PacketLayout BATCH_HEAD = PacketLayout.builder("batch-head").i32be("partitionLeaderEpoch")
            .i8("magic").crc32cbe("crc").build();
    static final PacketLayout ATTRIBUTES = PacketLayout.builder("attributes").i16be("attributes")
            .i32be("lastOffsetDelta").i64be("baseTimestamp").i64be("maxTimestamp").i64be("producerId")
            .i16be("producerEpoch").i32be("baseSequence").i32be("recordCount").build();
    static final MessageLayout BATCH = MessageLayout.builder("record-batch")
            .section("offsets", OFFSETS).remainingLength(Size.of("offsets.batchLength"))
            .section("head", BATCH_HEAD).section("attrs", ATTRIBUTES).rest("records")
            .checksumOver("head.crc", "attrs", "records")
            .build();
    static final MessageLayout PARTITION = MessageLayout.builder("partition").field("index", WireType.I32BE)
            .field("size", WireType.I32BE).sized("records", Size.of("size"), BATCH).build();
    static final MessageLayout TOPIC = MessageLayout.builder("topic").prefixed("name", 2)
            .field("n", WireType.I32BE).repeat("partitions", "n", PARTITION).build();
    /** Produce request v7 (non-flexible), after its size: header v1, then the body. */
    static final MessageLayout PRODUCE = MessageLayout.builder("produce-v7")
            .field("size", WireType.I32BE).remainingLength(Size.of("size"))
            .section("header", PacketLayout.builder("header").i16be("apiKey").i16be("apiVersion")
                    .i32be("correlationId").build())
            .prefixed("clientId", 2).nullablePrefixed("transactionalId", 2)
            .section("produce", PacketLayout.builder("produce").i16be("acks").i32be("timeout").build())
            .field("n", WireType.I32BE).repeat("topics", "n", TOPIC)
            .build();

    static ByteView produce() throws IOException {
        ByteView client = ByteView.wrap(PostgresBodiesTest.resource("kafka/client.bin"));
        return client.slice(69, 69 + 4 + client.i32be(69));
    }

    static String tshark() throws IOException {
        return new String(PostgresBodiesTest.resource("kafka/session.tshark.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void theRecordBatchOfARealProduceRequestIsCheckedAndReadAsTsharkReadsIt() throws IOException {
        String tshark = tshark();
        Message m = PRODUCE.decode(produce());
        assertEquals(0, m.intValue("header.apiKey"));
        assertEquals(7, m.intValue("header.apiVersion"));
        assertEquals("bufkit-capture", m.string("clientId"));
        Message topic = m.element("topics", 0);
        assertEquals("bufkit", topic.string("name"));
        Message batch = topic.element("partitions", 0).sub("records");
        long stored = BATCH_HEAD.checksumField("crc").get(batch.bytes("head"));
        assertEquals(Long.parseLong(RegexGroups.first(tshark, "CRC32: 0x([0-9a-f]+)"), 16), stored);
        assertEquals(Integer.parseInt(RegexGroups.first(tshark, "Message Size: (\\d+)")),
                batch.intValue("offsets.batchLength"));
        assertEquals(Integer.parseInt(RegexGroups.first(tshark, "Magic Byte: (\\d+)")), batch.intValue("head.magic"));
        assertEquals(Integer.parseInt(RegexGroups.first(tshark, "Last Offset Delta: (\\d+)")),
                batch.intValue("attrs.lastOffsetDelta"));
        assertEquals(Integer.parseInt(RegexGroups.first(tshark, "Producer Epoch: (\\d+)")),
                batch.intValue("attrs.producerEpoch"));
        assertEquals(Integer.parseInt(RegexGroups.first(tshark, "\n                    Size: (\\d+)")),
                batch.intValue("attrs.recordCount"));
        // the CRC-32C over the batch from its attributes to its end, computed here with the JDK's own CRC32C
        ByteView b = topic.element("partitions", 0).bytes("records");
        CRC32C crc = new CRC32C();
        crc.update(b.toByteArray(), 21, b.length() - 21);
        assertEquals(crc.getValue(), stored);
        assertTrue(batch.describe().contains("(checksum head.crc over attrs to records): over 93 bytes"),
                batch.describe());
    }

    @Test
    void encodingFillsTheCrcInAndGivesTheCapturedBytes() throws IOException {
        ByteView wire = produce();
        Map<String, Object> values = PRODUCE.decode(wire).toValues();
        assertArrayEquals(wire.toByteArray(), PRODUCE.encode(values));
        Map<String, Object> head = batchValues(values, "head");
        head.put("crc", 0);   // as given; the field is computed
        assertArrayEquals(wire.toByteArray(), PRODUCE.encode(values));
        head.remove("crc");
        assertArrayEquals(wire.toByteArray(), PRODUCE.encode(values));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> batchValues(Map<String, Object> values, String section) {
        Map<String, Object> topic = ((List<Map<String, Object>>) values.get("topics")).get(0);
        Map<String, Object> partition = ((List<Map<String, Object>>) topic.get("partitions")).get(0);
        Map<String, Object> records = (Map<String, Object>) partition.get("records");
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) records.get(section));
        records.put(section, copy);
        return copy;
    }

    @Test
    void aChangedRecordOrCrcIsALayoutExceptionNamingTheCrc() throws IOException {
        byte[] changed = produce().toByteArray();
        int record = changed.length - 3;            // in the last record's header value "t-1"
        changed[record] ^= 1;
        LayoutException e = assertThrows(LayoutException.class, () -> PRODUCE.decode(ByteView.wrap(changed)));
        assertEquals(Optional.of("topics[0].partitions[0].records.head.crc"), e.field());
        // the batch starts at 60 (client.bin offset 129): base offset, batch length, leader epoch, magic, then the CRC
        int crcAt = 60 + 8 + 4 + 4 + 1;
        assertEquals(crcAt, e.offset());
        assertEquals("0x0176c948", e.actual());
        assertTrue(e.getMessage().startsWith("produce-v7: topics[0].partitions[0].records.head.crc at offset "
                + crcAt + ": checksum over the 93 bytes of attrs to records is wrong: expected 0x"), e.getMessage());
        byte[] crc = produce().toByteArray();
        crc[crcAt + 3] ^= 0x40;
        LayoutException stored = assertThrows(LayoutException.class, () -> PRODUCE.decode(ByteView.wrap(crc)));
        assertEquals("0x0176c948", stored.expected());
        assertEquals("0x0176c908", stored.actual());
    }

    /** A PNG chunk (ISO/IEC 15948 §5.3): length, type, data, then a CRC-32 over the type and data. */
    static final MessageLayout CHUNK = MessageLayout.builder("chunk").field("length", WireType.I32BE)
            .section("type", PacketLayout.builder("type").u32be("name").build())
            .bytes("data", Size.of("length"))
            .section("crc", PacketLayout.builder("crc").crc32be("value").build())
            .checksumOver("crc.value", "type", "data")
            .build();

    @Test
    void aTrailingCrcCoversTheBytesBeforeIt() {
        byte[] ihdr = {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0};   // 1×1, 8-bit greyscale
        byte[] wire = CHUNK.encode(Map.of("type", Map.of("name", 0x49484452L), "data", Bytes.of(ihdr)));   // IHDR
        assertEquals(4 + 4 + 13 + 4, wire.length);
        CRC32 crc = new CRC32();
        crc.update(wire, 4, 4 + 13);
        assertEquals(crc.getValue(), ByteView.wrap(wire).u32be(21), "the JDK's CRC-32 over type and data");
        wire[5] ^= 0x20;   // "IhDR"
        LayoutException e = assertThrows(LayoutException.class, () -> CHUNK.decode(ByteView.wrap(wire)));
        assertEquals(Optional.of("crc.value"), e.field());
        assertEquals(21, e.offset());
    }

    @Test
    void theCoverageIsCheckedWhenTheLayoutIsBuilt() {
        PacketLayout crc = PacketLayout.builder("crc").crc32be("value").build();
        assertEquals("x: checksumOver(crc.value, n, n) names no section declared before; path is section.field",
                assertThrows(IllegalArgumentException.class, () -> MessageLayout.builder("x").field("n", WireType.U8)
                        .checksumOver("crc.value", "n", "n")).getMessage());
        MessageBuilder withCrc = MessageLayout.builder("y").field("n", WireType.U8).section("crc", crc)
                .bytes("data", Size.of("n"));
        assertEquals("y: checksumOver(crc.value, data, n): n comes before data", assertThrows(
                IllegalArgumentException.class, () -> withCrc.checksumOver("crc.value", "data", "n")).getMessage());
        assertEquals("y: checksumOver(crc.value, n, data): the covered parts hold section crc", assertThrows(
                IllegalArgumentException.class, () -> withCrc.checksumOver("crc.value", "n", "data")).getMessage());
        assertEquals("y: checksumOver(crc.value, nothing, data): no part nothing", assertThrows(
                IllegalArgumentException.class, () -> withCrc.checksumOver("crc.value", "nothing", "data"))
                .getMessage());
        withCrc.checksumOver("crc.value", "data", "data");
        assertEquals("y: the coverage of crc.value is declared already", assertThrows(IllegalArgumentException.class,
                () -> withCrc.checksumOver("crc.value", "data", "data")).getMessage());
        assertEquals("y: the coverage of crc.value is declared already", assertThrows(IllegalArgumentException.class,
                () -> withCrc.checksumUpToHere("crc.value")).getMessage());
    }
}
