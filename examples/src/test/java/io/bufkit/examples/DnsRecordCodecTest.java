package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.message.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DNS record codec on real responses from the DNS capture (see its README for provenance). */
class DnsRecordCodecTest {

    static byte[] resource(String name) throws IOException {
        return Files.readAllBytes(Path.of("../core/src/test/resources/captures/dns", name));
    }

    @Test
    void decodesTheRealResponseAsTheLayoutReadsIt() throws IOException {
        for (String file : List.of("response.bin", "mx-response.bin", "any-response.bin", "srv-response.bin",
                "nxdomain-response.bin")) {
            byte[] wire = resource(file);
            Message m = DnsMessage.LAYOUT.decode(ByteView.wrap(wire));
            Dns dns = Dns.CODEC.decode(ByteView.wrap(wire));
            assertEquals(m.intValue("header.id"), dns.header().id(), file);
            assertEquals(m.count("answers"), dns.answers().size(), file);
            assertEquals(m.count("additional"), dns.additional().size(), file);
            for (int i = 0; i < dns.answers().size(); i++) {
                Message r = m.element("answers", i);
                Dns.Rr rr = dns.answers().get(i);
                assertEquals(r.value("name", DnsName.KIND), rr.name(), file);
                assertEquals(r.intValue("rr.type"), rr.rr().type(), file);
                assertEquals(r.intValue("rr.ttl"), rr.rr().ttl(), file);
                if (rr.rdata() instanceof Dns.Address a) {
                    assertEquals(Bytes.copyOf(r.sub("rdata").bytes("address")), a.address());
                } else if (rr.rdata() instanceof Dns.Mx mx) {
                    assertEquals(r.sub("rdata").value("exchange", DnsName.KIND), mx.exchange());
                }
            }
            // encode then decode gives the same records (DnsCompressionTest compares the bytes)
            Dns again = Dns.CODEC.decode(ByteView.wrap(Dns.CODEC.encode(dns)));
            assertEquals(dns, again, file);
            assertEquals(DnsMessage.LAYOUT.decode(ByteView.wrap(Dns.CODEC.encode(dns))).toValues(),
                    DnsMessage.LAYOUT.decode(ByteView.wrap(Dns.CODEC.encode(again))).toValues(), file);
        }
    }

    @Test
    void theResponseReadsAsItsRecords() throws IOException {
        Dns dns = Dns.CODEC.decode(ByteView.wrap(resource("response.bin")));
        assertEquals(new Dns.Name("host.bufkit.test"), dns.answers().get(0).rdata());
        assertInstanceOf(Dns.Unknown.class, dns.additional().get(dns.additional().size() - 1).rdata(),
                "the OPT pseudo-record (type 41) has no alternative and stays raw");
        assertTrue(dns.answers().stream().anyMatch(r -> r.rdata() instanceof Dns.Address));
    }

    @Test
    void encodingComputesCountsAndLengths() {
        Dns query = new Dns(new Dns.Header(0x3b69, 0x0100),
                List.of(new Dns.Question("www.bufkit.test", new Dns.TypeAndClass(1, 1))),
                List.of(new Dns.Rr("www.bufkit.test", new Dns.RrFields(1, 1, 300),
                        new Dns.Address(Bytes.fromHex("c0000201")))),
                List.of(), List.of());
        Message m = DnsMessage.LAYOUT.decode(ByteView.wrap(Dns.CODEC.encode(query)));
        assertEquals(1, m.intValue("header.qd"));
        assertEquals(1, m.intValue("header.an"));
        assertEquals(4, m.element("answers", 0).intValue("rr.rdlength"));
        assertEquals(query, Dns.CODEC.decode(m));
    }
}
