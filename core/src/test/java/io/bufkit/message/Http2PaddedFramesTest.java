package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.testsupport.RegexGroups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 DATA and HEADERS frames with padding (RFC 9113 §6.1, §6.2): the frame header's PADDED flag puts a
 * Pad Length byte first and that many bytes of padding last, after data that runs up to them, and its PRIORITY
 * flag puts a stream dependency and weight before a header block. Declared with conditions on the enclosing
 * frame's flags and a rest that leaves room for padding sized by a field before it; real bytes of nghttp2
 * 1.52.0 with {@code --padding} on loopback ({@code captures/http2/README.md}, "Padded frames"), checked
 * against tshark.
 */
class Http2PaddedFramesTest {
    /** RFC 9113 §4.1: length, type, flags (PRIORITY 0x20, PADDED 0x08, END_HEADERS 0x04, END_STREAM 0x01). */
    static final PacketLayout HEAD = PacketLayout.builder("frame-head").u24be("length").u8("type")
            .bits("unused", 2).bit("priority").bit("unused2").bit("padded").bit("endHeaders").bit("unused3")
            .bit("endStream").bit("reserved").bits("streamId", 31).build();
    static final MessageLayout PADDED_DATA = MessageLayout.builder("padded-data").field("padLength", WireType.U8)
            .rest("data").bytes("padding", Size.of("padLength")).build();
    static final MessageLayout PLAIN_DATA = MessageLayout.builder("plain-data").rest("data").build();
    static final MessageLayout DATA = MessageLayout.builder("DATA")
            .when("padded", "../head.padded", p -> p != 0, PADDED_DATA)
            .when("plain", "../head.padded", p -> p == 0, PLAIN_DATA)
            .build();
    static final MessageLayout PRIORITY = MessageLayout.builder("priority")
            .section("dependency", PacketLayout.builder("dependency").bit("exclusive").bits("stream", 31)
                    .u8("weight").build())
            .build();
    static final MessageLayout PADDED_HEADERS = MessageLayout.builder("padded-headers")
            .field("padLength", WireType.U8)
            .when("priority", "../../head.priority", p -> p != 0, PRIORITY)
            .rest("fragment").bytes("padding", Size.of("padLength")).build();
    static final MessageLayout PLAIN_HEADERS = MessageLayout.builder("plain-headers")
            .when("priority", "../../head.priority", p -> p != 0, PRIORITY)
            .rest("fragment").build();
    static final MessageLayout HEADERS = MessageLayout.builder("HEADERS")
            .when("padded", "../head.padded", p -> p != 0, PADDED_HEADERS)
            .when("plain", "../head.padded", p -> p == 0, PLAIN_HEADERS)
            .build();
    /** A frame: its header, then its payload by type within its length; other types as bytes. */
    static final MessageLayout FRAME = MessageLayout.builder("h2-frame").section("head", HEAD)
            .choice("payload", "head.type", Size.of("head.length"), Map.of(0, DATA, 1, HEADERS)).build();

    static List<ByteView> frames(String file, int preface) throws IOException {
        return MessageStreams.split(FRAME, ByteView.wrap(PostgresBodiesTest.resource("http2/" + file)), preface);
    }

    @Test
    void paddedFramesReadAsTsharkReadsThem() throws IOException {
        String tshark = new String(PostgresBodiesTest.resource("http2/padded.tshark.txt"), StandardCharsets.UTF_8);
        List<Integer> padLengths = new ArrayList<>();
        List<String> fragments = new ArrayList<>();
        String body = null;
        int frames = 0;
        for (ByteView f : concat(frames("padded-client.bin", 24), frames("padded-server.bin", 0))) {
            frames++;
            Message m = FRAME.decode(f);
            assertArrayEquals(f.toByteArray(), FRAME.encode(m.toValues()), "re-encodes to its own bytes");
            int type = m.intValue("head.type");
            if (type != 0 && type != 1) {
                continue;
            }
            assertEquals(1, m.intValue("head.padded"), "nghttp2 padded every DATA and HEADERS frame");
            Message padded = m.sub("payload").sub("padded");
            assertFalse(m.sub("payload").isPresent("plain"));
            padLengths.add(padded.intValue("padLength"));
            ByteView padding = padded.bytes("padding");
            assertEquals(padded.intValue("padLength"), padding.length());
            for (int i = 0; i < padding.length(); i++) {
                assertEquals(0, padding.u8(i), "padding is zero bytes");
            }
            if (type == 0) {
                body = padded.string("data");
            } else {
                fragments.add(hex(padded.bytes("fragment")));
                if (m.intValue("head.priority") == 1) {
                    // tshark's HEADERS frame with PRIORITY (the PRIORITY frames before it have their own)
                    String headers = tshark.substring(tshark.indexOf("Flags: 0x2d"));
                    assertEquals(Integer.parseInt(RegexGroups.first(headers, "Stream Dependency: (\\d+)")),
                            m.intValue("payload.padded.priority.dependency.stream"));
                    assertEquals(Integer.parseInt(RegexGroups.first(headers, "\n\\s+Weight: (\\d+)")),
                            m.intValue("payload.padded.priority.dependency.weight"));
                }
            }
        }
        assertEquals(13, frames);
        assertEquals(RegexGroups.all(tshark, "\\[Pad Length: (\\d+)\\]").stream().map(Integer::valueOf).toList(),
                padLengths);
        // tshark shows a header block of more than 36 bytes cut there, with an ellipsis
        List<String> shown = RegexGroups.all(tshark, "Header Block Fragment: ([0-9a-f]+)");
        assertEquals(shown.size(), fragments.size());
        for (int i = 0; i < shown.size(); i++) {
            assertTrue(fragments.get(i).startsWith(shown.get(i))
                    && (shown.get(i).length() == fragments.get(i).length() || shown.get(i).length() == 72),
                    shown.get(i) + " is not " + fragments.get(i));
        }
        assertEquals("hello, padded bufkit\n", body);
    }

    @Test
    void paddingLongerThanThePayloadIsALayoutExceptionNamingTheData() throws IOException {
        ByteView data = frames("padded-server.bin", 0).get(3);
        byte[] bad = data.toByteArray();
        assertEquals(15, bad[9]);
        bad[9] = 40;   // 40 bytes of padding in a 37-byte payload
        LayoutException e = assertThrows(LayoutException.class, () -> FRAME.decode(ByteView.wrap(bad)));
        assertEquals(Optional.of("payload.padded.data"), e.field());
        assertEquals(10, e.offset());
        assertTrue(e.getMessage().endsWith("the 40 bytes of the parts after it do not fit: 36 remain"),
                e.getMessage());
    }

    @Test
    void encodingDerivesThePadLengthFromThePadding() {
        byte[] wire = FRAME.encode(Map.of(
                "head", Map.of("type", 0, "unused", 0, "priority", 0, "unused2", 0, "padded", 1, "endHeaders", 0,
                        "unused3", 0, "endStream", 1, "reserved", 0, "streamId", 1),
                "payload", Map.of("padded", Map.of("data", "hi", "padding", new byte[3]))));
        assertEquals("000006" + "00" + "09" + "00000001" + "03" + "6869" + "000000", hex(ByteView.wrap(wire)));
    }

    static List<ByteView> concat(List<ByteView> a, List<ByteView> b) {
        List<ByteView> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String hex(ByteView v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            s.append(String.format("%02x", v.u8(i)));
        }
        return s.toString();
    }
}
