package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.frame.FrameFormat;
import io.bufkit.message.Message;
import io.bufkit.testkit.MessageLayouts;
import io.bufkit.testsupport.RegexGroups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 frames of three real nghttp2 connections (plain GET and POST, and padded) through {@link Http2Frame},
 * against tshark's decoding of the same captures ({@code captures/http2/README.md}).
 */
class Http2FrameTest {
    static final List<String> SESSION = List.of("get-client.bin", "get-server.bin", "post-client.bin",
            "post-server.bin");
    static final List<String> PADDED = List.of("padded-client.bin", "padded-server.bin");

    static byte[] resource(String file) throws IOException {
        return DnsMessageTest.resource("http2/" + file);
    }

    /** The frames of one captured stream after the client's preface, each sliced to where its length ends it. */
    static List<ByteView> frames(String file) throws IOException {
        ByteView stream = ByteView.wrap(resource(file));
        int at = 0;
        if (file.contains("client")) {
            assertEquals(Http2Frame.PREFACE, Bytes.copyOf(stream.slice(0, Http2Frame.PREFACE.length())), file);
            at = Http2Frame.PREFACE.length();
        }
        List<ByteView> out = new ArrayList<>();
        while (at < stream.length()) {
            int end = at + Http2Frame.FRAME.decodePrefix(stream.slice(at, stream.length())).end();
            out.add(stream.slice(at, end));
            at = end;
        }
        return out;
    }

    /** One frame as the parts tshark shows of it, from the frame's decoded message. */
    static String describe(Message m) {
        StringBuilder s = new StringBuilder();
        int type = m.intValue("head.type");
        int flags = m.intValue("head.priority") << 5 | m.intValue("head.padded") << 3
                | m.intValue("head.endHeaders") << 2 | m.intValue("head.endStreamOrAck");
        s.append(String.format("type=%d flags=0x%02x length=%d stream=%d", type, flags, m.intValue("head.length"),
                m.intValue("head.streamId")));
        if (type == 0 || type == 1) {
            boolean padded = m.intValue("head.padded") == 1;
            Message body = m.sub("payload").sub(padded ? "padded" : "plain");
            assertFalse(m.sub("payload").isPresent(padded ? "plain" : "padded"));
            s.append(" pad=").append(padded ? body.intValue("padLength") : 0);
            if (type == 1 && m.intValue("head.priority") == 1) {
                s.append(dependency(body.sub("priority")));
            }
        } else if (type == 2) {
            s.append(dependency(m.sub("payload")));
        } else if (type == 4) {
            Message settings = m.sub("payload");
            for (int i = 0; i < settings.count("settings"); i++) {
                Message setting = settings.element("settings", i);
                // a 32-bit unsigned value is a long, which intValue does not narrow
                s.append(" setting=").append(setting.intValue("id")).append(':')
                        .append(setting.toValues().get("value"));
            }
        } else if (type == 7) {
            s.append(" lastStream=").append(m.intValue("payload.last.lastStreamId"))
                    .append(" error=").append(((Map<?, ?>) m.sub("payload").toValues().get("last")).get("errorCode"));
        } else if (type == 8) {
            s.append(" increment=").append(m.intValue("payload.window.increment"));
        }
        return s.toString();
    }

    static String dependency(Message priority) {
        return " exclusive=" + priority.intValue("dependency.exclusive") + " dependency="
                + priority.intValue("dependency.stream") + " weight=" + priority.intValue("dependency.weight");
    }

    /** tshark's decoding of each frame of a capture, described as {@link #describe} describes a decoded one. */
    static List<String> tsharkFrames(String capture) throws IOException {
        String text = new String(resource(capture), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String block : text.split("HyperText Transfer Protocol 2\n")) {
            if (!block.startsWith("    Stream: ") || block.startsWith("    Stream: Magic")) {
                continue;
            }
            int type = Integer.parseInt(RegexGroups.first(block, "\n        Type: \\S+ \\((\\d+)\\)"));
            StringBuilder s = new StringBuilder(String.format("type=%d flags=%s length=%s stream=%s", type,
                    RegexGroups.first(block, "\n        Flags: (0x[0-9a-f]{2})"),
                    RegexGroups.first(block, "\n        Length: (\\d+)"),
                    RegexGroups.first(block, "= Stream Identifier: (\\d+)")));
            if (type == 0 || type == 1) {
                s.append(" pad=").append(RegexGroups.first(block, "\\[Pad Length: (\\d+)\\]"));
            }
            if (block.contains("Stream Dependency: ")) {
                s.append(" exclusive=").append(RegexGroups.first(block, "= Exclusive: (\\w+)").equals("True") ? 1 : 0)
                        .append(" dependency=").append(RegexGroups.first(block, "= Stream Dependency: (\\d+)"))
                        .append(" weight=").append(RegexGroups.first(block, "\n        Weight: (\\d+)"));
            }
            Matcher setting = Pattern.compile("Settings Identifier: [^\\n]*\\((\\d+)\\)\\n\\s+[^\\n]*: (\\d+)")
                    .matcher(block);
            while (setting.find()) {
                s.append(" setting=").append(setting.group(1)).append(':').append(setting.group(2));
            }
            if (type == 7) {
                s.append(" lastStream=").append(RegexGroups.first(block, "= Last-Stream-ID: (\\d+)"))
                        .append(" error=").append(RegexGroups.first(block, "\n        Error: \\S+ \\((\\d+)\\)"));
            }
            if (type == 8) {
                s.append(" increment=").append(RegexGroups.first(block, "= Window Size Increment: (\\d+)"));
            }
            out.add(s.toString());
        }
        return out;
    }

    /** Every frame of the given files, decoded, checked to re-encode to its own bytes and described. */
    static List<String> decodeAll(List<String> files) throws IOException {
        List<String> seen = new ArrayList<>();
        for (String file : files) {
            for (ByteView frame : frames(file)) {
                Message m = Http2Frame.FRAME.decode(frame);
                assertArrayEquals(frame.toByteArray(), Http2Frame.FRAME.encode(m.toValues()), file);
                assertEquals(frame.length(), 9 + m.intValue("head.length"), file);
                seen.add(describe(m));
            }
        }
        return seen;
    }

    /**
     * Decodes every frame of the files of one capture and checks them against tshark's decoding of it, which
     * lists the frames in the order they crossed the wire, both directions of every connection mixed.
     */
    static List<String> decodeAsTshark(List<String> files, String tsharkFile, int frames) throws IOException {
        List<String> ours = decodeAll(files);
        List<String> tshark = tsharkFrames(tsharkFile);
        assertEquals(frames, tshark.size());
        assertEquals(tshark.stream().sorted().toList(), ours.stream().sorted().toList());
        return ours;
    }

    @Test
    void everyFrameOfThePlainConnectionsReadsAsTsharkReadsIt() throws IOException {
        List<String> ours = decodeAsTshark(SESSION, "session.tshark.txt", 29);
        List<Integer> counts = new ArrayList<>();   // the frames of each file, as the captures' README counts them
        for (String file : SESSION) {
            counts.add(frames(file).size());
        }
        assertEquals(List.of(10, 5, 10, 4), counts);
        // the GET's frames the README lists: SETTINGS, a PRIORITY, HEADERS with PRIORITY, WINDOW_UPDATE, GOAWAY
        assertTrue(ours.containsAll(List.of("type=4 flags=0x00 length=12 stream=0 setting=3:100 setting=4:16383",
                "type=2 flags=0x00 length=5 stream=3 exclusive=0 dependency=0 weight=200",
                "type=1 flags=0x25 length=46 stream=13 pad=0 exclusive=0 dependency=11 weight=15",
                "type=8 flags=0x00 length=4 stream=13 increment=16248",
                "type=7 flags=0x00 length=8 stream=0 lastStream=0 error=0")), ours.toString());
    }

    @Test
    void everyFrameOfThePaddedConnectionReadsAsTsharkReadsIt() throws IOException {
        List<String> ours = decodeAsTshark(PADDED, "padded.tshark.txt", 13);
        assertTrue(ours.contains("type=1 flags=0x2d length=54 stream=13 pad=15 exclusive=0 dependency=11 weight=15"),
                ours.toString());
    }

    /** The DATA payloads of one stream, concatenated without their padding. */
    static String body(String file) throws IOException {
        StringBuilder s = new StringBuilder();
        for (ByteView frame : frames(file)) {
            Message m = Http2Frame.FRAME.decode(frame);
            if (m.intValue("head.type") == 0) {
                Message data = m.sub("payload").sub(m.intValue("head.padded") == 1 ? "padded" : "plain");
                s.append(data.string("data"));
            }
        }
        return s.toString();
    }

    @Test
    void theDataFramesCarryTheServedAndUploadedFiles() throws IOException {
        String data = body("get-server.bin");
        assertEquals(20000, data.length());   // www/data.txt: 20000 random characters from [a-z0-9]
        assertTrue(data.matches("[a-z0-9]+"));
        String tshark = new String(resource("session.tshark.txt"), StandardCharsets.UTF_8);
        assertEquals(RegexGroups.first(tshark, "Reassembled body length: (\\d+)"), String.valueOf(data.length()));
        assertTrue(data.startsWith(hexText(RegexGroups.first(tshark, "Length 16383[^\\n]*\\n(?:.*\\n)*?\\s+Data: "
                + "([0-9a-f]+)"))));
        assertEquals("name=bufkit&note=uploaded+over+h2c\n", body("post-client.bin"));
        String index = body("post-server.bin");
        assertEquals(54, index.length());
        // tshark shows the first 36 bytes of a longer payload, with an ellipsis
        assertEquals(RegexGroups.first(tshark, "Length 54\\n(?:.*\\n)*?\\s+Data: ([0-9a-f]+)…"),
                hex(index.getBytes(StandardCharsets.UTF_8)).substring(0, 72));
        assertEquals("hello, padded bufkit\n", body("padded-server.bin"));
        assertEquals("", body("get-client.bin"));
    }

    @Test
    void paddingIsZeroBytesOfThePadLength() throws IOException {
        int padded = 0;
        for (String file : PADDED) {
            for (ByteView frame : frames(file)) {
                Message m = Http2Frame.FRAME.decode(frame);
                if (m.intValue("head.padded") == 1) {
                    Message p = m.sub("payload").sub("padded");
                    ByteView padding = p.bytes("padding");
                    assertEquals(p.intValue("padLength"), padding.length());
                    assertArrayEquals(new byte[padding.length()], padding.toByteArray());
                    padded++;
                }
            }
        }
        assertEquals(3, padded);   // the client's HEADERS, the server's HEADERS and DATA
    }

    static final MessageLayouts FRAMES = MessageLayouts.of(Http2Frame.FRAME).maxBytes(200);

    @Test
    void generatedFramesOfEveryTypeRoundTripAndHostileOnesAreRejectedWithAPath() {
        FRAMES.checkRoundTrip();
        FRAMES.checkArbitraryMessages();
    }

    @Test
    void aStreamOfGeneratedFramesSurvivesAnyChunkingOfItsOwnFraming() {
        // the 24-bit length counts the payload after the 6 further header bytes: type, flags, stream id
        FRAMES.checkSelfFramedChunks(FrameFormat.lengthField().lengthWidth(3).lengthAdjustment(6).build());
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b & 0xFF));
        }
        return s.toString();
    }

    static String hexText(String hex) {
        return Bytes.fromHex(hex).toUtf8();
    }
}
