package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DNS messages encoded from their values: names written uncompressed, counts and rdlengths computed. */
class DnsEncodingTest {
    static final MessageLayout DNS = DnsMessage.LAYOUT;

    @Test
    void queryWithoutCompressionEncodesToTheCapturedBytes() throws IOException {
        byte[] query = DnsMessageTest.resource("dns/query.bin");
        Map<String, Object> values = DNS.decode(ByteView.wrap(query)).toValues();
        assertArrayEquals(query, DNS.encode(values));
    }

    /**
     * The responses use compression pointers, which encoding does not write, so the bytes differ (shorter
     * on the wire, longer here) but the decoded values are the same, rdlengths included where no name is
     * in the rdata.
     */
    @Test
    void responsesWithCompressionDecodeToTheSameValues() throws IOException {
        for (String file : List.of("response.bin", "mx-response.bin")) {
            byte[] captured = DnsMessageTest.resource("dns/" + file);
            Message original = DNS.decode(ByteView.wrap(captured));
            byte[] wire = DNS.encode(original.toValues());
            assertTrue(wire.length > captured.length, file + ": uncompressed names take more bytes");
            Message again = DNS.decode(ByteView.wrap(wire));
            assertEquals(withoutRdlength(original.toValues()), withoutRdlength(again.toValues()), file);
            assertArrayEquals(wire, DNS.encode(again.toValues()), "encoding is deterministic");
            assertEquals(original.describe().lines().filter(l -> l.contains("target") || l.contains("exchange"))
                    .map(l -> l.substring(l.indexOf(':'))).toList(),
                    again.describe().lines().filter(l -> l.contains("target") || l.contains("exchange"))
                    .map(l -> l.substring(l.indexOf(':'))).toList());
        }
    }

    /** The values with every rdlength removed: a compressed name in the rdata makes it shorter on the wire. */
    @SuppressWarnings("unchecked")
    static Object withoutRdlength(Object values) {
        if (values instanceof Map<?, ?> m) {
            Map<String, Object> out = new HashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!e.getKey().equals("rdlength")) {
                    out.put((String) e.getKey(), withoutRdlength(e.getValue()));
                }
            }
            return out;
        } else if (values instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(withoutRdlength(o));
            }
            return out;
        }
        return values;
    }

    @Test
    void aResponseFromValuesComputesCountsAndRdlengths() {
        Map<String, Object> question = Map.of("name", "bufkit.test", "q", Map.of("type", 1, "class", 1));
        Map<String, Object> answer = Map.of("name", "bufkit.test",
                "rr", Map.of("type", 1, "class", 1, "ttl", 300),
                "rdata", Map.of("address", Bytes.of((byte) 192, (byte) 0, (byte) 2, (byte) 1)));
        Map<String, Object> mx = Map.of("name", "bufkit.test",
                "rr", Map.of("type", 15, "class", 1, "ttl", 60),
                "rdata", Map.of("mx", Map.of("preference", 10), "exchange", "mail.bufkit.test"));
        byte[] wire = DNS.encode(Map.of("header", Map.of("id", 0x1234, "flags", 0x8180),
                "questions", List.of(question), "answers", List.of(answer, mx),
                "authority", List.of(), "additional", List.of()));
        Message m = DNS.decode(ByteView.wrap(wire));
        assertEquals(1, m.intValue("header.qd"));
        assertEquals(2, m.intValue("header.an"));
        assertEquals(4, m.element("answers", 0).intValue("rr.rdlength"));
        assertEquals(2 + 18, m.element("answers", 1).intValue("rr.rdlength"));
        assertEquals("mail.bufkit.test", m.element("answers", 1).sub("rdata").value("exchange", DnsName.KIND));
    }

    @Test
    void badNamesAndRdataNameTheirPath() {
        Map<String, Object> bad = Map.of("name", "bad..name", "q", Map.of("type", 1, "class", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DNS.encode(Map.of(
                "header", Map.of("id", 1, "flags", 0), "questions", List.of(Map.of("name", "ok", "q",
                        Map.of("type", 1, "class", 1)), bad), "answers", List.of(), "authority", List.of(),
                "additional", List.of())));
        assertTrue(e.getMessage().startsWith("dns: questions[1].name: label empty at index 4"), e.getMessage());
        Map<String, Object> huge = Map.of("name", "", "rr", Map.of("type", 99, "class", 1, "ttl", 1),
                "rdata", new byte[70_000]);
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> DNS.encode(Map.of(
                "header", Map.of("id", 1, "flags", 0), "questions", List.of(), "answers", List.of(huge, huge, huge),
                "authority", List.of(), "additional", List.of())));
        assertTrue(r.getMessage().startsWith("dns: answers[0].rr.rdlength: cannot hold 70000 (70000 bytes of "
                + "answers[0].rdata)"), r.getMessage());
    }
}
