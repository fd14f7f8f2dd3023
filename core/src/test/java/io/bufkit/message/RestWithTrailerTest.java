package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * A message's rest followed by fixed parts it leaves room for: gzip members (RFC 1952 §2.3) written by GNU
 * gzip 1.12 ({@code vectors/gzip/README.md}), whose DEFLATE data runs up to an 8-byte trailer.
 */
class RestWithTrailerTest {
    static final PacketLayout HEADER = PacketLayout.builder("gzip-header").u8("id1").expect(0x1f).u8("id2")
            .expect(0x8b).u8("cm").u8("flg").u32le("mtime").u8("xfl").u8("os").build();
    static final MessageLayout TEXT = MessageLayout.builder("text").nulTerminated("value").build();
    static final MessageLayout MEMBER = MessageLayout.builder("gzip-member")
            .section("header", HEADER)
            .when("name", "header.flg", flg -> (flg & 0x08) != 0, TEXT)          // FNAME
            .when("comment", "header.flg", flg -> (flg & 0x10) != 0, TEXT)       // FCOMMENT
            .rest("deflate")
            .section("trailer", PacketLayout.builder("gzip-trailer").u32le("crc32").u32le("isize").build())
            .build();

    static byte[] vector(String name) throws IOException {
        try (InputStream in = RestWithTrailerTest.class.getResourceAsStream("/vectors/gzip/" + name)) {
            return in.readAllBytes();
        }
    }

    static final byte[] TEXT_GZIPPED = "hello, bufkit\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void gzipsDataRunsUpToItsTrailer() throws IOException, DataFormatException {
        for (String file : new String[] {"hello-n.gz", "greeting.gz"}) {
            byte[] wire = vector(file);
            Message m = MEMBER.decode(ByteView.wrap(wire));
            ByteView trailer = m.bytes("trailer");
            ByteView deflate = m.bytes("deflate");
            assertEquals(wire.length - 8, m.start("trailer"), file);
            assertEquals(m.start("trailer"), m.end("deflate"), file);
            // independently of the layout: the JDK inflates the data and checks it against the trailer
            Inflater inflater = new Inflater(true);
            inflater.setInput(deflate.toByteArray());
            byte[] out = new byte[64];
            int n = inflater.inflate(out);
            assertTrue(inflater.finished(), file + ": the DEFLATE data ends where the trailer starts");
            assertArrayEquals(TEXT_GZIPPED, java.util.Arrays.copyOf(out, n), file);
            CRC32 crc = new CRC32();
            crc.update(TEXT_GZIPPED);
            assertEquals(crc.getValue(), trailer.u32le(0), file);
            assertEquals(TEXT_GZIPPED.length, trailer.u32le(4), file);
            assertArrayEquals(wire, MEMBER.encode(m.toValues()), file + " re-encodes to its own bytes");
        }
        Message named = MEMBER.decode(ByteView.wrap(vector("greeting.gz")));
        assertEquals("greeting.txt", named.sub("name").string("value"));
        assertFalse(MEMBER.decode(ByteView.wrap(vector("hello-n.gz"))).isPresent("name"));
    }

    @Test
    void aMemberTooShortForItsTrailerIsALayoutException() throws IOException {
        byte[] wire = vector("hello-n.gz");
        LayoutException e = assertThrows(LayoutException.class,
                () -> MEMBER.decode(ByteView.wrap(java.util.Arrays.copyOf(wire, 17))));
        assertEquals(Optional.of("deflate"), e.field());
        assertEquals(10, e.offset());
        assertEquals("gzip-member: deflate at offset 10: the 8 bytes of the parts after it do not fit: 7 remain",
                e.getMessage());
        // exactly the trailer: no DEFLATE data
        Message empty = MEMBER.decode(ByteView.wrap(java.util.Arrays.copyOf(wire, 18)));
        assertEquals(0, empty.bytes("deflate").length());
    }

    @Test
    void onlyFixedPartsMayFollowTheRest() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MessageLayout.builder("m")
                .rest("data").prefixed("tail", 1).build());
        assertEquals("m: part data runs to the end, so only fixed sections and fields, and bytes sized by fields "
                + "before it, which it leaves room for, may follow it, not part tail", e.getMessage());
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> MessageLayout.builder("m")
                .rest("data").field("n", WireType.U8).bytes("tail", Size.of("n")).build());
        assertTrue(after.getMessage().endsWith("not part tail"), after.getMessage());
        MessageLayout framed = MessageLayout.builder("framed").field("type", WireType.U8).rest("payload")
                .field("crc", WireType.U16BE).section("end", PacketLayout.builder("end").u8("flag").build()).build();
        byte[] wire = framed.encode(Map.of("type", 1, "payload", Bytes.of(new byte[] {9, 8, 7}), "crc", 0xBEEF,
                "end", Map.of("flag", 0x7E)));
        assertArrayEquals(new byte[] {1, 9, 8, 7, (byte) 0xBE, (byte) 0xEF, 0x7E}, wire);
        Message m = framed.decode(ByteView.wrap(wire));
        assertEquals(3, m.bytes("payload").length());
        assertEquals(0xBEEF, m.intValue("crc"));
    }
}
