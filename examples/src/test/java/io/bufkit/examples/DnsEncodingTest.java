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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DNS messages encoded from their values: names compressed, counts and rdlengths computed. */
class DnsEncodingTest {
    static final MessageLayout DNS = DnsMessage.LAYOUT;

    @Test
    void queryEncodesToTheCapturedBytes() throws IOException {
        byte[] query = DnsMessageTest.resource("dns/query.bin");
        Map<String, Object> values = DNS.decode(ByteView.wrap(query)).toValues();
        assertArrayEquals(query, DNS.encode(values));
    }

    @Test
    void aResponseFromValuesComputesCountsAndRdlengths() {
        Map<String, Object> question = Map.of("name", "bufkit.test", "q", Map.of("type", 1, "class", 1));
        Map<String, Object> answer = Map.of("name", "bufkit.test",
                "rr", Map.of("type", 1, "class", 1, "ttl", 300),
                "rdata", Map.of("address", Bytes.of((byte) 192, (byte) 0, (byte) 2, (byte) 1)));
        Map<String, Object> mx = Map.of("name", "bufkit.test",
                "rr", Map.of("type", 15, "class", 1, "ttl", 60),
                "rdata", Map.of("preference", 10, "exchange", "mail.bufkit.test"));
        byte[] wire = DNS.encode(Map.of("header", Map.of("id", 0x1234, "flags", 0x8180),
                "questions", List.of(question), "answers", List.of(answer, mx),
                "authority", List.of(), "additional", List.of()));
        Message m = DNS.decode(ByteView.wrap(wire));
        assertEquals(1, m.intValue("header.qd"));
        assertEquals(2, m.intValue("header.an"));
        assertEquals(4, m.element("answers", 0).intValue("rr.rdlength"));
        // preference, then mail.bufkit.test as "mail" and a pointer to bufkit.test in the question
        assertEquals(2 + 1 + 4 + 2, m.element("answers", 1).intValue("rr.rdlength"));
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
