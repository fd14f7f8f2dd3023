package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DNS query and responses with compressed names, decoded by a message layout and checked against tshark. */
class DnsMessageTest {
    static final PacketLayout HEADER = PacketLayout.builder("dns-header")
            .u16be("id").u16be("flags").u16be("qd").u16be("an").u16be("ns").u16be("ar").build();
    static final PacketLayout QUESTION_TAIL = PacketLayout.builder("question-tail").u16be("type").u16be("class").build();
    static final PacketLayout RR = PacketLayout.builder("rr")
            .u16be("type").u16be("class").i32be("ttl").u16be("rdlength").build();
    static final MessageLayout QUESTION = MessageLayout.builder("question")
            .field("name", DnsName.KIND).section("q", QUESTION_TAIL).build();
    static final MessageLayout A = MessageLayout.builder("A").rest("address").build();
    static final MessageLayout NAME = MessageLayout.builder("name-rdata").field("target", DnsName.KIND).build();
    static final MessageLayout MX = MessageLayout.builder("MX")
            .section("mx", PacketLayout.builder("mx").u16be("preference").build()).field("exchange", DnsName.KIND)
            .build();
    static final MessageLayout RECORD = MessageLayout.builder("record")
            .field("name", DnsName.KIND).section("rr", RR)
            .choice("rdata", "rr.type", Size.of("rr.rdlength"),
                    Map.of(1, A, 28, A, 5, NAME, 2, NAME, 15, MX))
            .build();
    static final MessageLayout DNS = MessageLayout.builder("dns")
            .section("header", HEADER)
            .repeat("questions", "header.qd", QUESTION)
            .repeat("answers", "header.an", RECORD)
            .repeat("authority", "header.ns", RECORD)
            .repeat("additional", "header.ar", RECORD)
            .build();

    static Message decode(String file) throws IOException {
        return DNS.decode(ByteView.wrap(PostgresBodiesTest.resource("dns/" + file)));
    }

    /** Every record of the response in order: "name type value" as tshark shows them. */
    @Test
    void responseRecordsMatchTshark() throws IOException {
        Message m = decode("response.bin");
        String tshark = new String(PostgresBodiesTest.resource("dns/udp.tshark.txt"), StandardCharsets.UTF_8);
        String response = tshark.substring(tshark.indexOf("Src Port: 53,"));
        response = response.substring(0, response.indexOf("Src Port:", 20) < 0 ? response.length()
                : response.indexOf("Src Port:", 20));
        List<String> names = PostgresBodiesTest.all(response, "            Name: (\\S+)");
        List<String> types = PostgresBodiesTest.all(response, "            Type: .*\\((\\d+)\\)");
        List<String> addresses = PostgresBodiesTest.all(response, " Address: (\\S+)");
        List<String> decodedNames = new ArrayList<>();
        List<String> decodedTypes = new ArrayList<>();
        List<String> decodedAddresses = new ArrayList<>();
        for (int i = 0; i < m.count("questions"); i++) {
            decodedNames.add(m.element("questions", i).value("name", DnsName.KIND));
            decodedTypes.add(Integer.toString(m.element("questions", i).intValue("q.type")));
        }
        for (String section : List.of("answers", "authority", "additional")) {
            for (int i = 0; i < m.count(section); i++) {
                Message r = m.element(section, i);
                String name = r.value("name", DnsName.KIND);
                decodedNames.add(name.isEmpty() ? "<Root>" : name);
                decodedTypes.add(Integer.toString(r.intValue("rr.type")));
                if (r.intValue("rr.type") == 1 || r.intValue("rr.type") == 28) {
                    byte[] raw = r.sub("rdata").bytes("address").copy().toByteArray();
                    decodedAddresses.add(InetAddress.getByAddress(raw).getHostAddress()
                            .replace("2001:db8:0:0:0:0:0:53", "2001:db8::53"));
                }
            }
        }
        assertEquals(names, decodedNames);
        assertEquals(types, decodedTypes);
        assertEquals(addresses, decodedAddresses);
        assertEquals("host.bufkit.test", m.element("answers", 0).sub("rdata").value("target", DnsName.KIND));
        assertEquals(219, m.end());
    }

    @Test
    void mxResponseChoosesMxRdata() throws IOException {
        Message m = decode("mx-response.bin");
        String tshark = new String(PostgresBodiesTest.resource("dns/udp.tshark.txt"), StandardCharsets.UTF_8);
        List<String> exchanges = PostgresBodiesTest.all(tshark, "Mail Exchange: (\\S+)");
        List<String> preferences = PostgresBodiesTest.all(tshark, "Preference: (\\d+)");
        List<String> decoded = new ArrayList<>();
        List<String> decodedPreferences = new ArrayList<>();
        for (int i = 0; i < m.count("answers"); i++) {
            Message r = m.element("answers", i);
            if (r.intValue("rr.type") == 15) {
                decoded.add(r.sub("rdata").value("exchange", DnsName.KIND));
                decodedPreferences.add(Integer.toString(r.sub("rdata").intValue("mx.preference")));
            }
        }
        assertTrue(decoded.size() >= 2, decoded.toString());
        assertTrue(exchanges.containsAll(decoded) && preferences.containsAll(decodedPreferences),
                exchanges + " vs " + decoded);
    }

    @Test
    void compressionPointerLoopIsALayoutException() throws IOException {
        byte[] b = PostgresBodiesTest.resource("dns/response.bin");
        Message m = DNS.decode(ByteView.wrap(b));
        int at = m.element("answers", 2).start("name");
        b[at] = (byte) (0xC0 | (at >> 8));
        b[at + 1] = (byte) at;
        Message looped = DNS.decode(ByteView.wrap(b));
        LayoutException e = assertThrows(LayoutException.class,
                () -> looped.element("answers", 2).value("name", DnsName.KIND));
        assertTrue(e.getMessage().contains("compression pointer loop"), e.getMessage());
        assertEquals(at, e.offset());
    }

    @Test
    void badRdlengthAndTruncationNameThePath() throws IOException {
        byte[] b = PostgresBodiesTest.resource("dns/response.bin");
        int rr = DNS.decode(ByteView.wrap(b)).element("answers", 1).start("rr");
        b[rr + 8] = (byte) 0xFF;
        LayoutException e = assertThrows(LayoutException.class, () -> DNS.decode(ByteView.wrap(b)));
        assertEquals("answers[1].rdata", e.field().orElseThrow());
        assertEquals(rr + 10, e.offset());
        assertEquals("dns", e.layout());
        ByteView cut = ByteView.wrap(PostgresBodiesTest.resource("dns/response.bin")).slice(0, 100);
        LayoutException t = assertThrows(LayoutException.class, () -> DNS.decode(cut));
        assertTrue(t.getMessage().contains("needs at least"), t.getMessage());
    }

    @Test
    void describeShowsSectionsRepeatsAndChoices() throws IOException {
        String text = decode("response.bin").describe();
        assertTrue(text.startsWith("dns (219 bytes)\n"), text);
        assertTrue(text.contains("answers (3 × record):"), text);
        assertTrue(text.contains("rdata (rr.type = 5 → name-rdata):"), text);
        assertTrue(text.contains("target @"), text);
    }
}
