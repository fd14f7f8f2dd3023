package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Parts resolved once ({@link PartPath}) read what the reads by name read, on every kind of part, on a real
 * DNS response, on real IPv4 frames and on levels with a declared length; and refuse what those refuse,
 * with the same messages.
 */
class PartPathTest {
    static final MessageLayout QUESTION = MessageLayout.builder("question")
            .field("name", DnsWireName.KIND)
            .section("q", PacketLayout.builder("q").u16be("type").u16be("class").build()).build();
    static final MessageLayout ADDRESS = MessageLayout.builder("address").rest("address").build();
    static final MessageLayout NAME = MessageLayout.builder("name").field("target", DnsWireName.KIND).build();
    static final MessageLayout MX = MessageLayout.builder("mx")
            .section("mx", PacketLayout.builder("mx").u16be("preference").build())
            .field("exchange", DnsWireName.KIND).build();
    static final MessageLayout RECORD = MessageLayout.builder("record")
            .field("name", DnsWireName.KIND)
            .section("rr", PacketLayout.builder("rr").u16be("type").u16be("class").i32be("ttl").u16be("rdlength")
                    .build())
            .choice("rdata", "rr.type", Size.of("rr.rdlength"), Map.of(1, ADDRESS, 28, ADDRESS, 2, NAME, 15, MX))
            .build();
    static final MessageLayout DNS = MessageLayout.builder("dns")
            .section("header", PacketLayout.builder("dns-header").u16be("id").u16be("flags").u16be("qd").u16be("an")
                    .u16be("ns").u16be("ar").build())
            .repeat("questions", "header.qd", QUESTION)
            .repeat("answers", "header.an", RECORD)
            .repeat("authority", "header.ns", RECORD)
            .repeat("additional", "header.ar", RECORD)
            .build();

    static final PartPath ANSWERS = DNS.partPath("answers");
    static final PartPath ADDITIONAL = DNS.partPath("additional");
    static final PartPath RECORD_NAME = RECORD.partPath("name");
    static final PartPath RDATA = RECORD.partPath("rdata");
    static final PartPath ADDRESS_BYTES = ADDRESS.partPath("address");
    static final PartPath EXCHANGE = MX.partPath("exchange");
    static final IntPath TYPE = RECORD.intPath("rr.type");

    private static final Set<MessagePart.Kind> REPEATS = EnumSet.of(MessagePart.Kind.COUNTED_REPEAT,
            MessagePart.Kind.REPEAT_UNTIL, MessagePart.Kind.REPEAT_TO_END);
    private static final Set<MessagePart.Kind> LEVELS = EnumSet.of(MessagePart.Kind.WHEN, MessagePart.Kind.SIZED,
            MessagePart.Kind.CHOICE);
    /** Declarations that take no bytes, whose bounds are those of what they cover. */
    private static final Set<MessagePart.Kind> TAKE_NO_BYTES = EnumSet.of(MessagePart.Kind.REMAINING_LENGTH,
            MessagePart.Kind.TOTAL_LENGTH, MessagePart.Kind.CHECKSUM);
        /** A kind no part is declared with. */
    private static final FieldKind<Integer> OTHER = RemainingLength.KIND;

    static Message dnsResponse() throws IOException {
        return DNS.decode(ByteView.wrap(PostgresBodiesTest.resource("dns/four-response.bin")));
    }

    static Message everyPart(int type, boolean option) {
        return EveryPartLayouts.ALL.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(
                EveryPartLayouts.values(type, option))));
    }

    @Test
    void aRealDnsResponseReadsThroughPaths() throws IOException {
        Message m = dnsResponse();
        assertEquals(4, ANSWERS.count(m));
        Message first = ANSWERS.element(m, 0);
        assertEquals("four.bufkit.test", RECORD_NAME.value(first, DnsWireName.KIND));
        assertEquals(1, TYPE.get(first));
        assertTrue(RDATA.isPresent(first));
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 42}, ADDRESS_BYTES.bytes(RDATA.sub(first)).toByteArray());
        assertEquals(HexFormat.of().parseHex("20010db8000000000000000000000041").length,
                ADDRESS_BYTES.bytes(RDATA.sub(ANSWERS.element(m, 2))).length());
        Message mx = RDATA.sub(ANSWERS.element(m, 3));
        assertSame(MX, mx.layout());
        assertEquals("mail.bufkit.test", EXCHANGE.value(mx, DnsWireName.KIND));
        assertEquals(10, MX.intPath("mx.preference").get(mx));
        Message opt = ADDITIONAL.element(m, 0);
        assertEquals(".", RECORD_NAME.value(opt, DnsWireName.KIND));
        assertEquals(41, TYPE.get(opt));
        assertFalse(RDATA.isPresent(opt));
        assertEquals(opt.intValue("rr.rdlength"), RDATA.bytes(opt).length());
        assertEquals("rdata of record is absent",
                assertThrows(IllegalStateException.class, () -> RDATA.sub(opt)).getMessage());
        assertEquals(m.end(), RDATA.end(opt));
        assertEquals(m.end() - opt.intValue("rr.rdlength"), RDATA.start(opt));
        assertEquals(5 + 2 + 4 * 3 + 5 + 2 * 3 + 2 + 3, agree(m), "parts checked, sub-levels included");
    }

    @Test
    void theFramesOfARealCaptureReadThroughPathsAsByName() throws IOException {
        Message file = LoopbackPcapTest.PCAP.decode(ByteView.wrap(PostgresBodiesTest.resource("pcap/loopback.pcap")));
        PartPath records = LoopbackPcapTest.PCAP.partPath("records");
        PartPath packet = LoopbackPcapTest.RECORD.partPath("packet");
        PartPath transport = LoopbackPcapTest.FRAME.partPath("transport");
        PartPath payload = LoopbackPcapTest.TCP_SEGMENT.partPath("payload");
        int tcp = 0;
        assertTrue(records.count(file) > 3);
        for (int i = 0; i < records.count(file); i++) {
            Message frame = LoopbackPcapTest.FRAME.decode(packet.bytes(records.element(file, i)));
            Message t = transport.sub(frame);
            assertEquals(frame.layout().parts().size() + t.layout().parts().size(), agree(frame));
            if (t.layout() == LoopbackPcapTest.TCP_SEGMENT) {
                assertEquals(frame.intValue("ip.totalLength") - frame.intValue("ip.ihl") * 4
                        - t.intValue("tcp.dataOffset") * 4, payload.bytes(t).length());
                assertEquals(frame.end(), payload.end(t));
                tcp++;
            }
        }
        assertTrue(tcp > 0, "the capture holds TCP");
        assertEquals(2 + 2 * records.count(file), agree(file));
    }

    @Test
    void everyKindOfPartReadsThroughPathsAsByName() {
        for (int type : new int[] {1, 2, 9}) {
            for (boolean option : new boolean[] {true, false}) {
                int levels = (option ? 1 : 0) + (type != 9 ? 1 : 0);
                assertEquals(11 + 3 * 2 * 2 + levels, agree(everyPart(type, option)), type + " " + option);
            }
        }
        Message m = everyPart(2, true);
        assertEquals("hello", EveryPartLayouts.ALL.partPath("p").string(m));
        assertEquals("zz", EveryPartLayouts.ALL.partPath("z").string(m));
        assertEquals(EveryPartLayouts.ALL.partPath("z").start(m) + 3, EveryPartLayouts.ALL.partPath("z").end(m));
        assertEquals(300, EveryPartLayouts.ALL.partPath("v").value(m, RemainingLength.KIND));
        assertEquals(513, m.sub("opt").intValue("o.x"));
        assertEquals(513, EveryPartLayouts.OPTION.intPath("o.x").get(EveryPartLayouts.ALL.partPath("opt").sub(m)));
        assertEquals("boom", EveryPartLayouts.ENTRY.partPath("value")
                .string(EveryPartLayouts.ALL.partPath("entries").element(m, 0)));
    }

    @Test
    void levelsWithADeclaredLengthReadThroughPathsAsByName() throws IOException {
        for (String file : List.of("pub0-client.bin", "sub-client.bin")) {
            Message m = LevelLengthTest.CONNECT.decode(ByteView.wrap(VarintPartTest.captured(file)));
            assertTrue(agree(m) > LevelLengthTest.CONNECT.parts().size(), file);
            assertEquals(m.end(), LevelLengthTest.CONNECT.partPath("(remaining length)").end(m));
            Message sized = VarintPartTest.CONNECT.decode(ByteView.wrap(VarintPartTest.captured(file)));
            assertTrue(VarintPartTest.CONNECT.partPath("body").isPresent(sized));
            assertTrue(agree(sized) > VarintPartTest.CONNECT.parts().size(), file);
        }
        Message packet = LevelLengthTest.PACKET.decode(ByteView.wrap(new byte[] {1, 0, 5, 'h', 'i'}));
        assertEquals(0, LevelLengthTest.PACKET.partPath("(total length)").start(packet));
        assertEquals(5, LevelLengthTest.PACKET.partPath("(total length)").end(packet));
        assertEquals("hi", LevelLengthTest.PACKET.partPath("body").string(packet));
        assertEquals(3, agree(packet));
    }

    @Test
    void aChecksumsCoverageReadsThroughItsPathAsByName() throws IOException {
        PartPath coverage = ChecksumCoverageTest.IPV4.partPath("(checksum ip.checksum)");
        PartPath options = ChecksumCoverageTest.IPV4.partPath("options");
        for (byte[] packet : ChecksumCoverageTest.packets()) {
            Message m = ChecksumCoverageTest.IPV4.decode(ByteView.wrap(packet));
            assertEquals(0, coverage.start(m));
            assertEquals(options.end(m), coverage.end(m));
            assertEquals(20 + options.bytes(m).length(), coverage.bytes(m).length());
            assertEquals(5, agree(m));
        }
    }

    @Test
    void aPathIsResolvedOnceAndNamesItself() {
        PartPath items = EveryPartLayouts.ALL.partPath("items");
        assertSame(items, EveryPartLayouts.ALL.partPath("items"));
        assertSame(EveryPartLayouts.ALL, items.layout());
        assertEquals("items", items.name());
        assertEquals("all.items", items.toString());
        assertEquals("dns.answers", ANSWERS.toString());
        assertNotEquals(ANSWERS, ADDITIONAL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EveryPartLayouts.ITEM.partPath("typo"));
        assertEquals("item has no part typo; it has [k, s]", e.getMessage());
        assertEquals(e.getMessage(), assertThrows(IllegalArgumentException.class,
                () -> everyPart(1, true).element("items", 0).count("typo")).getMessage());
    }

    @Test
    void aMessageOfAnotherLayoutIsRefusedByEveryRead() throws IOException {
        Message record = ANSWERS.element(dnsResponse(), 0);
        PartPath questions = DNS.partPath("questions");
        String wrong = "dns.questions read from a record message";
        List<Executable> reads = List.of(() -> questions.start(record), () -> questions.end(record),
                () -> questions.bytes(record), () -> questions.string(record),
                () -> questions.value(record, DnsWireName.KIND), () -> questions.count(record),
                () -> questions.element(record, 0), () -> questions.isPresent(record), () -> questions.sub(record));
        for (Executable read : reads) {
            assertEquals(wrong, assertThrows(IllegalArgumentException.class, read).getMessage());
        }
        assertEquals("record.rdata read from a dns message",
                assertThrows(IllegalArgumentException.class, () -> RDATA.sub(dnsResponse())).getMessage());
    }

    @Test
    void aReadOfTheWrongKindOfPartIsRefusedAsByName() {
        Message m = everyPart(9, false);
        PartPath head = EveryPartLayouts.ALL.partPath("head");
        PartPath items = EveryPartLayouts.ALL.partPath("items");
        PartPath v = EveryPartLayouts.ALL.partPath("v");
        assertEquals("head is not a repeat of all",
                sameFailure(IllegalArgumentException.class, () -> m.count("head"), () -> head.count(m)));
        assertEquals("head is not a repeat of all",
                sameFailure(IllegalArgumentException.class, () -> m.element("head", 0), () -> head.element(m, 0)));
        assertEquals("items of all is not a conditional part, sized part or choice",
                sameFailure(IllegalArgumentException.class, () -> m.sub("items"), () -> items.sub(m)));
        assertEquals("head of all is not a conditional part, sized part or choice",
                sameFailure(IllegalArgumentException.class, () -> m.isPresent("head"), () -> head.isPresent(m)));
        assertEquals("v of all is not a dns-name field", sameFailure(IllegalArgumentException.class,
                () -> m.value("v", DnsWireName.KIND), () -> v.value(m, DnsWireName.KIND)));
        assertEquals("items of all is not a mqtt-remaining-length field", sameFailure(IllegalArgumentException.class,
                () -> m.value("items", RemainingLength.KIND), () -> items.value(m, RemainingLength.KIND)));
        assertEquals("opt of all is absent",
                sameFailure(IllegalStateException.class, () -> m.sub("opt"), () -> m.layout().partPath("opt").sub(m)));
        assertFalse(m.layout().partPath("body").isPresent(m));
    }

    @Test
    void anElementOutsideTheRepeatIsRefusedNamingTheRepeatAndItsCount() throws IOException {
        Message m = everyPart(1, true);
        PartPath items = EveryPartLayouts.ALL.partPath("items");
        for (int bad : new int[] {2, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertEquals("items of all has 2 elements, no element " + bad, sameFailure(IndexOutOfBoundsException.class,
                    () -> m.element("items", bad), () -> items.element(m, bad)));
        }
        Message dns = dnsResponse();
        assertEquals("additional of dns has 1 element, no element 1", sameFailure(IndexOutOfBoundsException.class,
                () -> dns.element("additional", 1), () -> ADDITIONAL.element(dns, 1)));
        Message empty = DNS.decode(ByteView.wrap(new byte[12]));
        assertEquals(0, ANSWERS.count(empty));
        assertEquals("answers of dns has 0 elements, no element 0", sameFailure(IndexOutOfBoundsException.class,
                () -> empty.element("answers", 0), () -> ANSWERS.element(empty, 0)));
    }

    /**
     * Checks every read through the path of every part of {@code m}, and of every level below it, against
     * the read by name, and every read a part's kind refuses; returns the number of parts checked.
     */
    static int agree(Message m) {
        MessageLayout layout = m.layout();
        int checked = 0;
        int previousEnd = -1;
        for (MessagePart d : layout.parts()) {
            String name = d.name();
            PartPath p = layout.partPath(name);
            assertSame(p, layout.partPath(name));
            assertEquals(name, p.name());
            assertEquals(m.start(name), p.start(m), name);
            assertEquals(m.end(name), p.end(m), name);
            ByteView byName = m.bytes(name);
            if (byName == null) {   // a nullable part that is NULL
                assertEquals(MessagePart.Kind.NULLABLE_BYTES, d.kind(), name);
                assertNull(p.bytes(m), name);
            } else {
                assertTrue(byName.contentEquals(p.bytes(m)), name);
            }
            if (!TAKE_NO_BYTES.contains(d.kind())) {
                int prefix = d.kind() == MessagePart.Kind.PREFIXED_BYTES || d.kind() == MessagePart.Kind.NULLABLE_BYTES
                        ? d.prefixWidth() : 0;
                int terminator = d.kind() == MessagePart.Kind.NUL_TERMINATED_BYTES ? 1 : 0;
                if (byName != null) {
                    assertEquals(p.end(m) - p.start(m) - terminator, p.bytes(m).length(), name);
                }
                assertTrue(previousEnd < 0 || previousEnd == p.start(m) - prefix, name + " starts where the last part ends");
                previousEnd = p.end(m);
            }
            assertEquals(m.string(name), p.string(m), name);
            if (REPEATS.contains(d.kind())) {
                int n = p.count(m);
                assertEquals(m.count(name), n, name);
                for (int i = 0; i < n; i++) {
                    Message e = p.element(m, i);
                    assertEquals(m.element(name, i), e);
                    assertSame(d.body(), e.layout());
                    checked += agree(e);
                }
                assertEquals(name + " of " + layout.name() + " has " + n + (n == 1 ? " element" : " elements")
                        + ", no element " + n, sameFailure(IndexOutOfBoundsException.class,
                        () -> m.element(name, n), () -> p.element(m, n)));
            } else {
                String notRepeat = name + " is not a repeat of " + layout.name();
                assertEquals(notRepeat, sameFailure(IllegalArgumentException.class, () -> m.count(name),
                        () -> p.count(m)));
                assertEquals(notRepeat, sameFailure(IllegalArgumentException.class, () -> m.element(name, 0),
                        () -> p.element(m, 0)));
            }
            if (LEVELS.contains(d.kind())) {
                boolean present = p.isPresent(m);
                assertEquals(m.isPresent(name), present, name);
                if (present) {
                    Message sub = p.sub(m);
                    assertEquals(m.sub(name), sub);
                    checked += agree(sub);
                } else {
                    assertEquals(name + " of " + layout.name() + " is absent",
                            sameFailure(IllegalStateException.class, () -> m.sub(name), () -> p.sub(m)));
                }
            } else {
                String noLevel = name + " of " + layout.name() + " is not a conditional part, sized part or choice";
                assertEquals(noLevel, sameFailure(IllegalArgumentException.class, () -> m.sub(name), () -> p.sub(m)));
                if (d.kind() == MessagePart.Kind.NULLABLE_BYTES) {
                    assertEquals(byName != null, p.isPresent(m), name);
                    assertEquals(m.isPresent(name), p.isPresent(m), name);
                } else {
                    assertEquals(noLevel, sameFailure(IllegalArgumentException.class, () -> m.isPresent(name),
                            () -> p.isPresent(m)));
                }
            }
            if (d.kind() == MessagePart.Kind.FIELD) {
                assertEquals(m.value(name, d.fieldKind()), p.value(m, d.fieldKind()), name);
            }
            if (d.fieldKind() != OTHER) {
                assertEquals(name + " of " + layout.name() + " is not a mqtt-remaining-length field",
                        sameFailure(IllegalArgumentException.class, () -> m.value(name, OTHER), () -> p.value(m, OTHER)));
            }
            checked++;
        }
        assertEquals(m.end(), previousEnd < 0 ? m.end() : previousEnd, layout.name() + " ends after its last part");
        return checked;
    }

    /** Both reads fail with an exception of type {@code type} and one message, which is returned. */
    static <X extends Throwable> String sameFailure(Class<X> type, Supplier<?> byName, Supplier<?> byPath) {
        String message = assertThrows(type, byName::get).getMessage();
        assertEquals(message, assertThrows(type, byPath::get).getMessage());
        return message;
    }
}
