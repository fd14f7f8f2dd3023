package io.bufkit.examples;

import static io.bufkit.testsupport.RegexGroups.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS query and responses with compressed names, decoded by a message layout and checked against tshark. */
class DnsMessageTest {
    static final MessageLayout DNS = DnsMessage.LAYOUT;

    static Message decode(String file) throws IOException {
        return DNS.decode(ByteView.wrap(resource("dns/" + file)));
    }

    /** Every record of the response in order: "name type value" as tshark shows them. */
    @Test
    void responseRecordsMatchTshark() throws IOException {
        Message m = decode("response.bin");
        String tshark = new String(resource("dns/udp.tshark.txt"), StandardCharsets.UTF_8);
        String response = tshark.substring(tshark.indexOf("Src Port: 53,"));
        response = response.substring(0, response.indexOf("Src Port:", 20) < 0 ? response.length()
                : response.indexOf("Src Port:", 20));
        List<String> names = all(response, "            Name: (\\S+)");
        List<String> types = all(response, "            Type: .*\\((\\d+)\\)");
        List<String> addresses = all(response, " Address: (\\S+)");
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
        String tshark = new String(resource("dns/udp.tshark.txt"), StandardCharsets.UTF_8);
        List<String> exchanges = all(tshark, "Mail Exchange: (\\S+)");
        List<String> preferences = all(tshark, "Preference: (\\d+)");
        List<String> decoded = new ArrayList<>();
        List<String> decodedPreferences = new ArrayList<>();
        for (int i = 0; i < m.count("answers"); i++) {
            Message r = m.element("answers", i);
            if (r.intValue("rr.type") == 15) {
                decoded.add(r.sub("rdata").value("exchange", DnsName.KIND));
                decodedPreferences.add(Integer.toString(r.sub("rdata").intValue("preference")));
            }
        }
        assertTrue(decoded.size() >= 2, decoded.toString());
        assertTrue(exchanges.containsAll(decoded) && preferences.containsAll(decodedPreferences),
                exchanges + " vs " + decoded);
    }

    @Test
    void compressionPointerLoopIsALayoutException() throws IOException {
        byte[] b = resource("dns/response.bin");
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
        byte[] b = resource("dns/response.bin");
        int rr = DNS.decode(ByteView.wrap(b)).element("answers", 1).start("rr");
        b[rr + 8] = (byte) 0xFF;
        LayoutException e = assertThrows(LayoutException.class, () -> DNS.decode(ByteView.wrap(b)));
        assertEquals("answers[1].rdata", e.field().orElseThrow());
        assertEquals(rr + 10, e.offset());
        assertEquals("dns", e.layout());
        ByteView cut = ByteView.wrap(resource("dns/response.bin")).slice(0, 100);
        LayoutException t = assertThrows(LayoutException.class, () -> DNS.decode(cut));
        assertTrue(t.getMessage().contains("needs at least"), t.getMessage());
    }

    @Test
    void describeShowsSectionsRepeatsAndChoices() throws IOException {
        String text = decode("response.bin").describe();
        assertTrue(text.startsWith("dns (219 bytes)\n"), text);
        assertTrue(text.contains("answers (3 × record):"), text);
        assertTrue(text.contains("rdata (rr.type = 5 → name):"), text);
        assertTrue(text.contains("target @"), text);
    }

    static byte[] resource(String name) throws IOException {
        return Files.readAllBytes(Path.of("../core/src/test/resources/captures", name));
    }

    @Test
    void readmeShowsTheLayoutAndItsDescribeOutputVerbatim() throws IOException {
        String example = Files.readString(Path.of("src/main/java/io/bufkit/examples/DnsMessage.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String code = example.substring(example.indexOf("    static final PacketLayout HEADER"), example.lastIndexOf("}"));
        assertTrue(readme.contains("```java\n" + code + "```"), "README.md must show DnsMessage.java's layout verbatim");
        String described = decode("query.bin").describe();
        assertTrue(readme.contains("```\n" + described + "```"), "README.md must show describe() as it is:\n" + described);
    }
}
