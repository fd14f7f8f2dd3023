package io.bufkit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Real protocols framed from real bytes: the loopback captures in {@code src/test/resources/captures} (each
 * README there names the tools, versions and tshark's decoding). Every stream is framed whole, one byte at
 * a time, cut at every single position, and in random chunks, with the same frames each time.
 */
class ReferenceProtocolsTest {

    /** PostgreSQL 15 docs §55.7: StartupMessage and SSLRequest are {@code Int32 length (counting itself), body}. */
    static final FrameFormat PG_UNTYPED = FrameFormat.lengthField().lengthWidth(4).lengthAdjustment(-4).build();
    /** PostgreSQL 15 docs §55.7: every other message is {@code Byte1 type, Int32 length (counting itself), body}. */
    static final FrameFormat PG_TYPED = FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build();
    /** PostgreSQL 15 docs §55.2.10: the server answers an SSLRequest with one byte, 'S' or 'N'. */
    static final FrameFormat PG_SSL_ANSWER = FrameFormat.fixedLength(1);
    /** SSLRequest code, PostgreSQL docs §55.7. */
    static final int SSL_REQUEST = 80877103;

    static byte[] capture(String path) {
        try (InputStream in = ReferenceProtocolsTest.class.getResourceAsStream("/captures/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A frame and the stream offset where it ends. */
    record Seen(Bytes frame, long end) {
    }

    /**
     * Frames {@code stream} in chunks ending at {@code cuts}; {@code next} picks the format of the frame after
     * each frame (null keeps the format).
     */
    static List<Seen> frame(byte[] stream, int[] cuts, FrameFormat first, Function<ByteView, FrameFormat> next) {
        FrameDecoder d = new FrameDecoder(first);
        List<Seen> seen = new ArrayList<>();
        FrameHandler h = f -> {
            seen.add(new Seen(f.copy(), d.streamOffset()));
            FrameFormat after = next.apply(f);
            if (after != null) {
                d.switchFormat(after);
            }
        };
        int at = 0;
        for (int cut : cuts) {
            d.feed(stream, at, cut - at, h);
            at = cut;
        }
        d.feed(stream, at, stream.length - at, h);
        d.finish();
        return seen;
    }

    /** Frames the stream whole, then checks every other chunking gives the same frames; returns them. */
    static List<Seen> frameEveryWay(String path, FrameFormat first, Function<ByteView, FrameFormat> next) {
        byte[] stream = capture(path);
        List<Seen> whole = frame(stream, new int[0], first, next);
        int[] oneByte = new int[stream.length];
        for (int i = 0; i < stream.length; i++) {
            oneByte[i] = i;
        }
        assertEquals(whole, frame(stream, oneByte, first, next), path + " one byte at a time");
        int step = Math.max(1, stream.length / 2000);
        for (int cut = 0; cut <= stream.length; cut += step) {
            assertEquals(whole, frame(stream, new int[] {cut}, first, next), path + " cut at " + cut);
        }
        Random random = new Random(stream.length);
        for (int round = 0; round < 50; round++) {
            List<Integer> cuts = new ArrayList<>();
            for (int at = random.nextInt(1500); at < stream.length; at += 1 + random.nextInt(1500)) {
                cuts.add(at);
            }
            assertEquals(whole, frame(stream, cuts.stream().mapToInt(Integer::intValue).toArray(), first, next),
                    path + " random chunks " + cuts);
        }
        long total = whole.isEmpty() ? 0 : whole.get(whole.size() - 1).end();
        assertEquals(stream.length, total, path + " ends at a frame boundary");
        return whole;
    }

    static List<Long> ends(List<Seen> seen) {
        List<Long> out = new ArrayList<>();
        for (Seen s : seen) {
            out.add(s.end());
        }
        return out;
    }

    static String types(List<Seen> seen) {
        StringBuilder out = new StringBuilder();
        for (Seen s : seen) {
            out.append((char) s.frame().view().u8(0));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ PostgreSQL

    @Test
    void postgresqlFrontendStartsUntypedThenTyped() {
        List<Seen> frames = frameEveryWay("postgresql/frontend.bin", PG_UNTYPED, f -> PG_TYPED);
        assertEquals(List.of(59L, 114L, 223L, 357L, 390L, 395L), ends(frames));
        assertEquals(196608, frames.get(0).frame().view().i32be(4), "protocol 3.0");
        assertEquals("ppQQX", types(frames).substring(1));
    }

    @Test
    void postgresqlBackendIsTypedThroughout() {
        List<Seen> frames = frameEveryWay("postgresql/backend.bin", PG_TYPED, f -> null);
        assertEquals(27, frames.size());
        assertEquals("RRRRSSSSSSSSSSSSSKZTDDDCZEZ", types(frames));
        assertEquals(List.of(24L, 117L, 172L, 181L), ends(frames).subList(0, 4));
    }

    @Test
    void postgresqlSslRequestIsAnsweredWithOneByteThenTheSessionGoesOn() {
        // frontend: SSLRequest, then StartupMessage (both untyped), then typed messages
        List<Seen> front = frameEveryWay("postgresql/sslrequest-frontend.bin", PG_UNTYPED,
                f -> f.length() == 8 && f.i32be(4) == SSL_REQUEST ? PG_UNTYPED : PG_TYPED);
        assertEquals(List.of(8L, 67L, 122L, 231L, 252L, 257L), ends(front));
        // backend: the single byte 'N', then typed messages
        List<Seen> back = frameEveryWay("postgresql/sslrequest-backend.bin", PG_SSL_ANSWER, f -> PG_TYPED);
        assertEquals(1 + 23, back.size());
        assertEquals('N', back.get(0).frame().view().u8(0));
        assertEquals("NRRRRSSSSSSSSSSSSSKZTDCZ", types(back));
    }

    // ------------------------------------------------------------------ size prefixes

    @Test
    void kafkaMessagesAreFourByteSizePrefixed() {
        // Kafka protocol guide, "Common Request and Response Structure": RequestOrResponse => Size (INT32) Message
        FrameFormat kafka = FrameFormat.lengthField().lengthWidth(4).stripBytes(4).build();
        for (String file : List.of("client.bin", "broker.bin", "java-client-0.bin", "java-broker-0.bin",
                "java-client-1.bin", "java-broker-1.bin")) {
            List<Seen> frames = frameEveryWay("kafka/" + file, kafka, f -> null);
            assertEquals(3, frames.size(), file);
        }
    }

    @Test
    void dnsOverTcpMessagesAreTwoByteLengthPrefixed() {
        // RFC 1035 §4.2.2: "the message is prefixed with a two byte length field"
        FrameFormat dns = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
        // the same queries as the UDP captures: same length, flags and section counts (RFC 1035 §4.1.1);
        // message ids and EDNS cookies differ
        assertSameButId(capture("dns/query.bin"), frameEveryWay("dns/tcp-client.bin", dns, f -> null));
        assertSameButId(capture("dns/response.bin"), frameEveryWay("dns/tcp-server.bin", dns, f -> null));
        assertSameButId(capture("dns/any-query.bin"), frameEveryWay("dns/tcp-any-client.bin", dns, f -> null));
        assertSameButId(capture("dns/any-response.bin"), frameEveryWay("dns/tcp-any-server.bin", dns, f -> null));
    }

    static void assertSameButId(byte[] udp, List<Seen> tcp) {
        assertEquals(1, tcp.size());
        ByteView frame = tcp.get(0).frame().view();
        assertEquals(udp.length, frame.length());
        assertEquals(Bytes.of(udp, 2, 10), frame.slice(2, 12).copy());
    }

    // ------------------------------------------------------------------ varints

    @Test
    void mqttRemainingLengthIsAVarintAfterTheFirstByte() {
        // MQTT 3.1.1 §2.2: fixed header = byte 1 (type, flags), remaining length (1 to 4 bytes, §2.2.3)
        FrameFormat mqtt = FrameFormat.varintLength().lengthOffset(1).maxLengthBytes(4).stripHeader(false).build();
        assertEquals(List.of(65L, 94L, 96L), ends(frameEveryWay("mqtt/pub0-client.bin", mqtt, f -> null)));
        assertEquals(List.of(65L, 283L, 285L), ends(frameEveryWay("mqtt/pub1-client.bin", mqtt, f -> null)));
        assertEquals(List.of(65L, 16585L, 16587L), ends(frameEveryWay("mqtt/pub2-client.bin", mqtt, f -> null)));
        List<Seen> sub = frameEveryWay("mqtt/sub-broker.bin", mqtt, f -> null);
        assertEquals(List.of(4L, 9L, 38L, 256L, 16776L), ends(sub));
        assertEquals(List.of(0x20, 0x90, 0x30, 0x32, 0x32), firstBytes(sub));
        assertEquals(5, frameEveryWay("mqtt/sub-client.bin", mqtt, f -> null).size());
    }

    static List<Integer> firstBytes(List<Seen> seen) {
        List<Integer> out = new ArrayList<>();
        for (Seen s : seen) {
            out.add(s.frame().view().u8(0));
        }
        return out;
    }

    @Test
    void protobufMessagesAreVarintDelimited() {
        // protobuf.dev "Encoding": length-delimited records; sizes 59, 127, 128, 300, 16383, 16384
        List<Seen> frames = frameEveryWay("protobuf/delimited.bin", FrameFormat.varintLength().build(), f -> null);
        List<Integer> sizes = new ArrayList<>();
        for (Seen s : frames) {
            sizes.add(s.frame().length());
        }
        assertEquals(List.of(59, 127, 128, 300, 16383, 16384), sizes);
    }

    // ------------------------------------------------------------------ HTTP/2

    /** RFC 9113 §3.4: the client connection preface is 24 bytes, then frames. */
    static final Bytes PREFACE = Bytes.utf8("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    /** RFC 9113 §4.1: Length (24), Type (8), Flags (8), Reserved (1), Stream Identifier (31), payload. */
    static final FrameFormat HTTP2 = FrameFormat.lengthField().lengthWidth(3).lengthAdjustment(6).build();

    @Test
    void http2FramesFollowThePreface() {
        List<Seen> client = frameEveryWay("http2/get-client.bin", FrameFormat.fixedLength(24), f -> HTTP2);
        assertEquals(PREFACE, client.get(0).frame());
        assertEquals(1 + 10, client.size());
        ByteView settings = client.get(1).frame().view();
        assertEquals(4, settings.u8(3), "the first frame is SETTINGS");
        assertEquals(0, settings.i32be(5) & 0x7fff_ffff, "on stream 0");
        assertEquals(5, frameEveryWay("http2/get-server.bin", HTTP2, f -> null).size());
        assertEquals(1 + 10, frameEveryWay("http2/post-client.bin", FrameFormat.fixedLength(24), f -> HTTP2).size());
        assertEquals(4, frameEveryWay("http2/post-server.bin", HTTP2, f -> null).size());
    }

    // ------------------------------------------------------------------ lines

    @Test
    void smtpAndRedisInlineCommandsAreCrlfLines() {
        // RFC 5321 §2.3.8: lines end with CRLF
        FrameFormat lines = FrameFormat.lines().build();
        List<Seen> smtp = frameEveryWay("lines/smtp-client.bin", lines, f -> null);
        assertEquals(19, smtp.size());
        assertEquals("QUIT", smtp.get(smtp.size() - 1).frame().view().toString(StandardCharsets.US_ASCII));
        assertEquals(15, frameEveryWay("lines/smtp-server.bin", lines, f -> null).size());
        assertEquals(6, frameEveryWay("lines/redis-client.bin", lines, f -> null).size());
        assertEquals(7, frameEveryWay("lines/redis-server.bin", lines, f -> null).size());
    }
}
