package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names compressed on encode (RFC 1035 §4.1.4), against BIND 9.18's responses in the DNS capture and on
 * messages made to reach the corners: suffixes, the 0x4000 limit, one message at a time.
 */
class DnsCompressionTest {
    static final MessageLayout DNS = DnsMessage.LAYOUT;

    static byte[] capture(String file) throws IOException {
        return DnsMessageTest.resource("dns/" + file);
    }

    /** BIND's choices are ours: each name as its longest suffix written before, else labels. */
    @Test
    void capturedMessagesEncodeToTheBytesBindWrote() throws IOException {
        for (String file : List.of("response.bin", "mx-response.bin", "any-response.bin", "nxdomain-response.bin",
                "four-response.bin", "srv-response.bin", "query.bin", "any-query.bin", "srv-query.bin")) {
            byte[] captured = capture(file);
            assertArrayEquals(captured, DNS.encode(DNS.decode(ByteView.wrap(captured)).toValues()), file);
            assertArrayEquals(captured, Dns.CODEC.encode(Dns.CODEC.decode(ByteView.wrap(captured))), file);
            assertEquals(captured.length, Dns.CODEC.encodedSize(Dns.CODEC.decode(ByteView.wrap(captured))), file);
            int pointers = assertPointersGoBackBelow0x4000(DNS.decode(ByteView.wrap(captured)), captured);
            assertEquals(file.contains("query"), pointers == 0, file + ": " + pointers + " pointers");
        }
    }

    /**
     * SRV's target is written whole (RFC 2782 forbids compressing it), and later names point into it, as
     * RFC 1035 §4.1.4 allows of any earlier occurrence and as BIND does: {@code bufkit.test} in the
     * authority section points at the target's copy (offset 63), not the question's (23), and the glue
     * {@code mail.bufkit.test} is one pointer to the target (58).
     */
    @Test
    void theSrvTargetIsWrittenWholeAndPointedInto() throws IOException {
        byte[] captured = capture("srv-response.bin");
        byte[] wire = Dns.CODEC.encode(Dns.CODEC.decode(ByteView.wrap(captured)));
        assertArrayEquals(captured, wire);
        Message m = DNS.decode(ByteView.wrap(wire));
        Message srv = m.element("answers", 0);
        assertEquals(33, srv.intValue("rr.type"));
        int target = srv.sub("rdata").start("target");
        assertEquals(58, target);
        assertEquals("046d61696c066275666b6974047465737400", HexFormat.of().formatHex(wire, target, target + 18));
        assertEquals("c03f", HexFormat.of().formatHex(wire, m.element("authority", 0).start("name"),
                m.element("authority", 0).start("name") + 2));
        List<String> glue = new ArrayList<>();
        for (int i = 0; i < m.count("additional"); i++) {
            int at = m.element("additional", i).start("name");
            glue.add(m.element("additional", i).value("name", DnsName.KIND) + " " + HexFormat.of().formatHex(wire,
                    at, at + 2));
        }
        assertTrue(glue.contains("mail.bufkit.test c03a"), glue.toString());
        assertPointersGoBackBelow0x4000(m, wire);
    }

    @Test
    void aNameThatIsASuffixOfAnEarlierNameIsOnePointer() {
        byte[] wire = DNS.encode(message(List.of(question("www.bufkit.test")),
                List.of(record("bufkit.test", 2, Map.of("target", "ns1.bufkit.test")))));
        // question at 12: 03 www 06 bufkit 04 test 00; the owner at 33 is bufkit.test, at offset 16
        assertEquals("c010", HexFormat.of().formatHex(wire, 33, 35));
        // the NS target: its own label, then bufkit.test; rdlength 6
        Message m = DNS.decode(ByteView.wrap(wire));
        assertEquals(6, m.element("answers", 0).intValue("rr.rdlength"));
        assertEquals("036e7331c010", HexFormat.of().formatHex(wire, 45, 51));
        assertEquals(51, wire.length);
        assertEquals("ns1.bufkit.test", m.element("answers", 0).sub("rdata").value("target", DnsName.KIND));
    }

    @Test
    void anEarlierNameThatIsASuffixOfALaterOneIsPointedAtAfterTheNewLabels() {
        byte[] wire = DNS.encode(message(List.of(question("test"), question("bufkit.test"),
                question("www.bufkit.test"), question("www.bufkit.test")), List.of()));
        String hex = HexFormat.of().formatHex(wire, 12, wire.length);
        assertEquals("0474657374" + "00" + "00010001"          // test, at 12
                + "066275666b6974" + "c00c" + "00010001"          // bufkit + pointer to test, bufkit.test at 22
                + "03777777" + "c016" + "00010001"                // www + pointer to bufkit.test
                + "c023" + "00010001", hex);                      // www.bufkit.test, at 35
    }

    /** The README's CNAME answer: 52 bytes, where names written whole would take 78. */
    @Test
    void theReadmesCnameAnswer() {
        byte[] wire = DNS.encode(Map.of("header", Map.of("id", 1, "flags", 0x8400),
                "questions", List.of(Map.of("name", "www.bufkit.test", "q", Map.of("type", 5, "class", 1))),
                "answers", List.of(Map.of("name", "www.bufkit.test", "rr", Map.of("type", 5, "class", 1, "ttl", 3600),
                        "rdata", Map.of("target", "host.bufkit.test"))),
                "authority", List.of(), "additional", List.of()));
        assertEquals(52, wire.length);
        assertEquals(78, 12 + (DnsName.KIND.size("www.bufkit.test") + 4) + DnsName.KIND.size("www.bufkit.test") + 10
                + DnsName.KIND.size("host.bufkit.test"));
        assertEquals("c00c" + "0005" + "0001" + "00000e10" + "0007" + "04686f7374c010",
                HexFormat.of().formatHex(wire, 33, 52));
    }

    /** Twenty A records of one name fit a 512-byte UDP response only compressed (RFC 1035 §4.2.1). */
    @Test
    void anRrsetThatFitsUdpOnlyCompressed() {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(record("www.bufkit.test", 1, Map.of("address", Bytes.of((byte) 192, (byte) 0, (byte) 2,
                    (byte) i))));
        }
        byte[] wire = DNS.encode(message(List.of(question("www.bufkit.test")), answers));
        int whole = 12 + DnsName.KIND.size("www.bufkit.test") + 4 + 20 * (DnsName.KIND.size("www.bufkit.test") + 10 + 4);
        assertEquals(653, whole);
        assertEquals(12 + 21 + 20 * (2 + 10 + 4), wire.length);
        assertTrue(wire.length <= 512 && whole > 512);
        assertEquals(20, DNS.decode(ByteView.wrap(wire)).count("answers"));
    }

    /** Equality is exact: a name that differs only in case is not pointed at, so every name reads back as given. */
    @Test
    void namesMatchCaseSensitively() {
        Map<String, Object> values = message(List.of(question("WWW.Bufkit.test"), question("www.bufkit.test")),
                List.of());
        byte[] wire = DNS.encode(values);
        Message m = DNS.decode(ByteView.wrap(wire));
        assertEquals("WWW.Bufkit.test", m.element("questions", 0).value("name", DnsName.KIND));
        assertEquals("www.bufkit.test", m.element("questions", 1).value("name", DnsName.KIND));
        // only "test" is shared: www, bufkit, then a pointer to offset 23
        assertEquals("03777777066275666b6974c017", HexFormat.of().formatHex(wire, 33, 46));
    }

    /**
     * Names written at offset 0x4000 or later are never pointed at (a pointer holds 14 bits); a name there
     * may still point back at an earlier one.
     */
    @Test
    void pointersGoOnlyBackwardsAndBelow0x4000() {
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(record("early.bufkit.test", 99, new byte[0x4000]));  // pushes what follows past 0x4000
        answers.add(record("late.example", 1, Map.of("address", Bytes.fromHex("c0000201"))));
        answers.add(record("late.example", 1, Map.of("address", Bytes.fromHex("c0000202"))));
        answers.add(record("x.early.bufkit.test", 5, Map.of("target", "late.example")));
        byte[] wire = DNS.encode(message(List.of(question("bufkit.test")), answers));
        Message m = DNS.decode(ByteView.wrap(wire));
        int second = m.element("answers", 2).start("name");
        assertTrue(second > 0x4000, "the test needs names past 0x4000");
        assertEquals("046c617465076578616d706c6500", HexFormat.of().formatHex(wire, second, second + 14),
                "late.example again, written whole: its first copy is out of a pointer's reach");
        int x = m.element("answers", 3).start("name");
        assertEquals("0178c01d", HexFormat.of().formatHex(wire, x, x + 4), "x + a pointer to early.bufkit.test");
        assertTrue(assertPointersGoBackBelow0x4000(m, wire) >= 2);
        assertEquals(m.toValues(), DNS.decode(ByteView.wrap(DNS.encode(m.toValues()))).toValues());
    }

    /** Generated messages, whose names often share suffixes: every pointer goes back, below 0x4000. */
    @Test
    void generatedMessagesPointOnlyBackwards() {
        java.util.concurrent.atomic.AtomicInteger compressed = new java.util.concurrent.atomic.AtomicInteger();
        io.bufkit.testkit.Property.forAll(DnsMessagePropertiesTest.DNS.values()).check(values -> {
            byte[] wire = DNS.encode(values);
            if (assertPointersGoBackBelow0x4000(DNS.decode(ByteView.wrap(wire)), wire) > 0) {
                compressed.incrementAndGet();
            }
        });
        assertTrue(compressed.get() > 0, "no generated message had a pointer");
    }

    /** Each encode call starts without names: nothing points into another message. */
    @Test
    void compressionIsPerMessage() {
        Map<String, Object> first = message(List.of(question("www.bufkit.test")), List.of());
        Map<String, Object> second = message(List.of(question("mail.bufkit.test")), List.of());
        byte[] alone = DNS.encode(second);
        DNS.encode(first);
        assertArrayEquals(alone, DNS.encode(second));
        assertEquals("046d61696c06627566" + "6b697404746573740000010001", HexFormat.of().formatHex(alone, 12,
                alone.length));
        assertEquals(alone.length, DNS.encodedSize(second));
        byte[] out = new byte[alone.length + 10];
        assertEquals(alone.length, DNS.encode(second, MutableByteView.wrap(out)));
        assertArrayEquals(alone, java.util.Arrays.copyOf(out, alone.length));
    }

    /** A name written on its own has no message to point into, so it is written whole. */
    @Test
    void aNameOnItsOwnIsWrittenWhole() {
        byte[] out = new byte[20];
        DnsName.KIND.write("www.bufkit.test", MutableByteView.wrap(out), 1);
        assertEquals("0003777777066275666b69740474657374" + "00", HexFormat.of().formatHex(out, 0, 18));
        assertEquals(17, DnsName.KIND.size("www.bufkit.test"));
    }

    @Test
    void recordsOfEveryDeclaredTypeRoundTripThroughTheCodecCompressed() {
        Dns dns = new Dns(new Dns.Header(7, 0x8400),
                List.of(new Dns.Question("www.bufkit.test", new Dns.TypeAndClass(255, 1))),
                List.of(new Dns.Rr("www.bufkit.test", rr(5), new Dns.Name("host.bufkit.test")),
                        new Dns.Rr("host.bufkit.test", rr(1), new Dns.Address(Bytes.fromHex("c0000251"))),
                        new Dns.Rr("bufkit.test", rr(15), new Dns.Mx(10, "mail.bufkit.test")),
                        new Dns.Rr("81.2.0.192.in-addr.arpa", rr(12), new Dns.Name("host.bufkit.test")),
                        new Dns.Rr("bufkit.test", rr(6), new Dns.Soa("ns1.bufkit.test", "hostmaster.bufkit.test",
                                new Dns.SoaTimes(4_294_967_295L, 7200, 900, 1_209_600, 300)))),
                List.of(new Dns.Rr("bufkit.test", rr(2), new Dns.Name("ns1.bufkit.test"))),
                List.of(new Dns.Rr("", new Dns.RrFields(41, 1232, 0), new Dns.Unknown(Bytes.fromHex("")))));
        byte[] wire = Dns.CODEC.encode(dns);
        assertEquals(dns, Dns.CODEC.decode(ByteView.wrap(wire)));
        assertEquals(wire.length, Dns.CODEC.encodedSize(dns));
        Message m = DNS.decode(ByteView.wrap(wire));
        assertPointersGoBackBelow0x4000(m, wire);
        assertEquals(7, m.element("answers", 0).intValue("rr.rdlength"), "CNAME: 04 host + pointer");
        assertEquals(2, m.element("answers", 3).intValue("rr.rdlength"), "PTR: one pointer to host.bufkit.test");
        assertEquals(2 + 7, m.element("answers", 2).intValue("rr.rdlength"), "MX: preference, 04 mail + pointer");
        assertEquals(6 + 13 + 20, m.element("answers", 4).intValue("rr.rdlength"),
                "SOA: 03 ns1 + pointer, 0a hostmaster + pointer, five times");
        assertEquals(2, m.element("authority", 0).intValue("rr.rdlength"), "NS: a pointer into the SOA");
    }

    private static Dns.RrFields rr(int type) {
        return new Dns.RrFields(type, 1, 3600);
    }

    /**
     * Every name of every decoded level: each pointer goes back before the name and below 0x4000.
     *
     * @return the number of names that end with a pointer
     */
    static int assertPointersGoBackBelow0x4000(Message m, byte[] bytes) {
        ByteView wire = ByteView.wrap(bytes);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < m.count("questions"); i++) {
            starts.add(m.element("questions", i).start("name"));
        }
        for (String section : List.of("answers", "authority", "additional")) {
            for (int i = 0; i < m.count(section); i++) {
                Message r = m.element(section, i);
                starts.add(r.start("name"));
                if (r.isPresent("rdata")) {
                    Message rdata = r.sub("rdata");
                    for (String name : List.of("target", "exchange", "mname", "rname")) {   // SRV's target too
                        if (rdata.layout().parts().stream().anyMatch(p -> p.name().equals(name))) {
                            starts.add(rdata.start(name));
                        }
                    }
                }
            }
        }
        int pointers = 0;
        for (int start : starts) {
            int pos = start;
            while (wire.u8(pos) != 0 && (wire.u8(pos) & 0xC0) != 0xC0) {
                pos += 1 + wire.u8(pos);
            }
            if (wire.u8(pos) != 0) {
                int target = wire.u16be(pos) & 0x3FFF;
                assertTrue(target < start && target < 0x4000, "pointer at " + pos + " to " + target);
                pointers++;
            }
        }
        return pointers;
    }

    static Map<String, Object> question(String name) {
        return Map.of("name", name, "q", Map.of("type", 1, "class", 1));
    }

    static Map<String, Object> record(String name, int type, Object rdata) {
        return Map.of("name", name, "rr", Map.of("type", type, "class", 1, "ttl", 60), "rdata", rdata);
    }

    static Map<String, Object> message(List<Map<String, Object>> questions, List<Map<String, Object>> answers) {
        return Map.of("header", Map.of("id", 1, "flags", 0x8400), "questions", questions, "answers", answers,
                "authority", List.of(), "additional", List.of());
    }
}
