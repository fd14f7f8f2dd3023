package io.bufkit.examples;

import static io.bufkit.testsupport.RegexGroups.all;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.ByteView;
import io.bufkit.message.Message;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 4-answer response the benchmarks decode (A, A, AAAA, MX with compressed names), against tshark. */
class FourAnswerDnsTest {
    @Test
    void answersMatchTshark() throws IOException {
        ByteView wire = ByteView.wrap(DnsMessageTest.resource("dns/four-response.bin"));
        Message m = DnsMessage.LAYOUT.decode(wire);
        String tshark = new String(DnsMessageTest.resource("dns/four.tshark.txt"), StandardCharsets.UTF_8);
        String answers = tshark.substring(tshark.indexOf("    Answers"), tshark.indexOf("    Authoritative nameservers"));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < m.count("answers"); i++) {
            Message r = m.element("answers", i);
            Message rdata = r.sub("rdata");
            String value = switch (r.intValue("rr.type")) {
                case 15 -> "preference " + rdata.intValue("preference") + ", mx " + rdata.value("exchange", DnsName.KIND);
                case 28 -> "addr " + InetAddress.getByAddress(rdata.bytes("address").toByteArray()).getHostAddress()
                        .replace("2001:db8:0:0:0:0:0:41", "2001:db8::41");
                default -> "addr " + InetAddress.getByAddress(rdata.bytes("address").toByteArray()).getHostAddress();
            };
            seen.add(r.value("name", DnsName.KIND) + ": type " + (r.intValue("rr.type") == 15 ? "MX"
                    : r.intValue("rr.type") == 28 ? "AAAA" : "A") + ", class IN, " + value);
        }
        assertEquals(4, seen.size());
        assertEquals(all(answers, "\n        (four\\.bufkit\\.test: type .*)"), seen);
        assertEquals(2, m.count("authority"));
        assertEquals("ns2.bufkit.test", m.element("authority", 1).sub("rdata").value("target", DnsName.KIND));
    }
}
