package io.bufkit.layout.headers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.IntField;
import io.bufkit.layout.PacketLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The DNS header (RFC 1035 §4.1.1, with AD and CD of RFC 4035 §3.2) and the HTTP/2 frame header
 * (RFC 9113 §4.1), against messages captured on loopback (captures/dns, captures/http2) and tshark's
 * decoding of them.
 */
class DnsHttp2HeaderTest {

    static final PacketLayout DNS = PacketLayout.builder("dns")
            .u16be("id")
            .bit("qr").bits("opcode", 4).bit("aa").bit("tc").bit("rd")
            .bit("ra").bit("z").bit("ad").bit("cd").bits("rcode", 4)
            .u16be("qdcount").u16be("ancount").u16be("nscount").u16be("arcount")
            .prefix()
            .build();

    static final PacketLayout HTTP2_FRAME = PacketLayout.builder("http2Frame")
            .u24be("length").u8("type").u8("flags").bit("reserved").bits("streamId", 31)
            .prefix()
            .build();
    static final IntField LENGTH = HTTP2_FRAME.intField("length");
    static final IntField TYPE = HTTP2_FRAME.intField("type");
    static final IntField FLAGS = HTTP2_FRAME.intField("flags");
    static final IntField STREAM = HTTP2_FRAME.intField("streamId");

    private static int dns(ByteView m, String field) {
        return DNS.intField(field).get(m);
    }

    @Test
    void aQueryMatchesTshark() {
        // udp.tshark.txt: Transaction ID 0x3b69, Flags 0x0020 (standard query, AD set), 1 question, 1 additional
        ByteView q = Captures.resource("dns/query.bin");
        assertEquals(12, DNS.validate(q));
        assertEquals(0x3b69, dns(q, "id"));
        assertEquals(0, dns(q, "qr"));
        assertEquals(0, dns(q, "opcode"));
        assertEquals(0, dns(q, "rd"));
        assertEquals(1, dns(q, "ad"));
        assertEquals(0, dns(q, "cd"));
        assertEquals(1, dns(q, "qdcount"));
        assertEquals(0, dns(q, "ancount"));
        assertEquals(1, dns(q, "arcount"));
    }

    @Test
    void aResponseAndAnNxdomainMatchTshark() {
        // udp.tshark.txt: Flags 0x8400 (response, authoritative, no error), 1 question, 3 answers
        ByteView r = Captures.resource("dns/response.bin");
        assertEquals(0x3b69, dns(r, "id"));
        assertEquals(1, dns(r, "qr"));
        assertEquals(1, dns(r, "aa"));
        assertEquals(0, dns(r, "tc"));
        assertEquals(0, dns(r, "ra"));
        assertEquals(0, dns(r, "rcode"));
        assertEquals(3, dns(r, "ancount"));
        // Flags 0x8403: response, authoritative, RCODE 3 (No such name)
        ByteView nx = Captures.resource("dns/nxdomain-response.bin");
        assertEquals(1, dns(nx, "qr"));
        assertEquals(3, dns(nx, "rcode"));
        assertEquals(0x8403, nx.u16be(2));
    }

    @Test
    void flagsWrittenThroughTheirFieldsMakeTheWireWord() {
        MutableByteView m = MutableByteView.allocate(12);
        DNS.intField("qr").set(m, 1);
        DNS.intField("aa").set(m, 1);
        DNS.intField("rcode").set(m, 3);
        assertEquals(0x8403, m.u16be(2));
        assertThrows(IllegalArgumentException.class, () -> DNS.intField("opcode").set(m, 16));
        String text = DNS.describe(m);
        assertTrue(text.contains("2  84     qr       bits:1  1... .... = 1"), text);
        assertTrue(text.contains("rcode    bits:4  .... 0011 = 3"), text);
    }

    @Test
    void http2FramesOfAClientConnectionMatchTheCapture() {
        // http2/README.md, get-client.bin: preface, SETTINGS (12), 5 PRIORITY (5) on streams 3..11, HEADERS
        // (46, flags 0x25, stream 13), SETTINGS ACK, WINDOW_UPDATE (4, stream 13), GOAWAY (8)
        ByteView stream = Captures.resource("http2/get-client.bin");
        assertEquals("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", stream.slice(0, 24).toString(StandardCharsets.US_ASCII));
        int[][] expected = {{12, 4, 0, 0}, {5, 2, 0, 3}, {5, 2, 0, 5}, {5, 2, 0, 7}, {5, 2, 0, 9}, {5, 2, 0, 11},
            {46, 1, 0x25, 13}, {0, 4, 1, 0}, {4, 8, 0, 13}, {8, 7, 0, 0}};
        ByteView rest = stream.slice(24, stream.length());
        for (int[] frame : expected) {
            int header = HTTP2_FRAME.validate(rest);
            assertEquals(frame[0], LENGTH.get(rest));
            assertEquals(frame[1], TYPE.get(rest));
            assertEquals(frame[2], FLAGS.get(rest));
            assertEquals(frame[3], STREAM.get(rest));
            assertEquals(0, HTTP2_FRAME.intField("reserved").get(rest));
            rest = rest.slice(header + LENGTH.get(rest), rest.length());
        }
        assertEquals(0, rest.length());
    }

    @Test
    void aServerDataFrameOfMoreThan16BitsOfLengthIsRead() {
        // get-server.bin at offset 127: DATA of 16383 bytes on stream 13; at 16519: DATA of 3617, END_STREAM
        ByteView s = Captures.resource("http2/get-server.bin");
        ByteView data = s.slice(127, s.length());
        assertEquals(16383, LENGTH.get(data));
        assertEquals(0, TYPE.get(data));
        assertEquals(13, STREAM.get(data));
        ByteView last = s.slice(16519, s.length());
        assertEquals(3617, LENGTH.get(last));
        assertEquals(1, FLAGS.get(last));
        MutableByteView out = MutableByteView.allocate(9);
        LENGTH.set(out, 1 << 20);
        STREAM.set(out, Integer.MAX_VALUE);
        assertEquals(1 << 20, out.u24be(0));
        assertEquals(0x7FFF_FFFF, out.i32be(5));
        assertThrows(IllegalArgumentException.class, () -> LENGTH.set(out, 1 << 24));
    }
}
