package io.bufkit.captures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Integrity of the real protocol bytes under {@code src/test/resources/captures} (see the README of each
 * folder for their provenance): every file is walked with the framing rule of its protocol and must end
 * exactly at the end of its last message, and the number of messages must equal what tshark (or protoc)
 * decoded from the same capture. Decoding the messages themselves is left to the codec tests.
 */
class CaptureFilesTest {

    @Test
    void postgresqlStreamsAreWholeMessagesAsManyAsTsharkDecoded() {
        int session = pgMessages("postgresql/frontend.bin", true, false)
                + pgMessages("postgresql/backend.bin", false, false);
        assertEquals(count("postgresql/session.tshark.txt", "^    Type: .*"), session);
        int ssl = pgMessages("postgresql/sslrequest-frontend.bin", true, false)
                + pgMessages("postgresql/sslrequest-backend.bin", false, true);
        assertEquals(count("postgresql/sslrequest.tshark.txt", "^    Type: .*"), ssl);
    }

    @Test
    void mqttStreamsAreWholePacketsWithOneTwoAndThreeByteRemainingLengths() {
        Set<Integer> varintSizes = new TreeSet<>();
        int packets = 0;
        for (String connection : List.of("sub", "pub0", "pub1", "pub2")) {
            for (String side : List.of("client", "broker")) {
                String name = "mqtt/" + connection + "-" + side + ".bin";
                ByteBuffer b = bytes(name);
                int pos = 0;
                while (pos < b.limit()) {
                    int value = 0;
                    int n = 0;
                    int digit;
                    do {
                        require(name, pos + 1 + n < b.limit() && n < 4, pos);
                        digit = b.get(pos + 1 + n) & 0xFF;
                        value |= (digit & 0x7F) << (7 * n++);
                    } while (digit >= 0x80);
                    varintSizes.add(n);
                    pos += 1 + n + value;
                    packets++;
                }
                assertEquals(b.limit(), pos, name + " ends inside a packet");
            }
        }
        assertEquals(Set.of(1, 2, 3), varintSizes);
        assertEquals(count("mqtt/session.tshark.txt", "^MQ Telemetry Transport Protocol.*"), packets);
    }

    @Test
    void http2StreamsArePrefaceThenWholeFramesAsManyAsTsharkDecoded() {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int frames = 0;
        for (String name : List.of("get-client", "get-server", "post-client", "post-server")) {
            ByteBuffer b = bytes("http2/" + name + ".bin");
            int pos = 0;
            if (name.endsWith("client")) {
                assertArrayEquals(preface, Arrays.copyOf(b.array(), preface.length), name);
                pos = preface.length;
            }
            while (pos < b.limit()) {
                require(name, pos + 9 <= b.limit(), pos);
                pos += 9 + (b.getInt(pos) >>> 8);
                frames++;
            }
            assertEquals(b.limit(), pos, name + " ends inside a frame");
        }
        assertEquals(count("http2/session.tshark.txt", "^\\s+Type: [A-Z_]+ \\(\\d+\\)$"), frames);
    }

    @Test
    void dnsMessagesEndWhereTheirRecordCountsSayAndUseCompression() {
        List<String> udp = List.of("query", "response", "any-query", "any-response", "mx-query", "mx-response",
                "srv-query", "srv-response", "nxdomain-query", "nxdomain-response");
        int pointers = 0;
        for (String name : udp) {
            ByteBuffer b = bytes("dns/" + name + ".bin");
            pointers += dnsPointers(name, b, 0, b.limit());
        }
        assertTrue(pointers > 0, "no compressed name in the responses");
        assertEquals(count("dns/udp.tshark.txt", ".*Transaction ID: .*"), udp.size());
        int tcpMessages = 0;
        for (String name : List.of("tcp-client", "tcp-server", "tcp-any-client", "tcp-any-server")) {
            ByteBuffer b = bytes("dns/" + name + ".bin");
            int pos = 0;
            while (pos < b.limit()) {
                int length = Short.toUnsignedInt(b.getShort(pos));
                require(name, pos + 2 + length <= b.limit(), pos);
                dnsPointers(name, b, pos + 2, pos + 2 + length);
                pos += 2 + length;
                tcpMessages++;
            }
        }
        assertEquals(count("dns/tcp.tshark.txt", ".*Transaction ID: .*"), tcpMessages);
    }

    @Test
    void kafkaStreamsAreWholeSizePrefixedMessagesAsManyAsTsharkDecoded() {
        assertEquals(count("kafka/session.tshark.txt", "^Kafka \\(.*"),
                kafkaMessages("client") + kafkaMessages("broker"));
        int java = 0;
        for (String name : List.of("java-client-0", "java-broker-0", "java-client-1", "java-broker-1")) {
            java += kafkaMessages(name);
        }
        assertEquals(count("kafka/java-session.tshark.tsv", "^\\d+\t.*"), java);
    }

    @Test
    void protobufStreamHoldsTheMessagesProtocDecodedWithOneTwoAndThreeByteLengths() {
        ByteBuffer b = bytes("protobuf/delimited.bin");
        Set<Integer> varintSizes = new TreeSet<>();
        int pos = 0;
        int k = 0;
        while (pos < b.limit()) {
            long[] length = varint(b, pos);
            varintSizes.add((int) length[1]);
            int message = pos + (int) length[1];
            require("delimited.bin", message + length[0] <= b.limit(), pos);
            k++;
            String decoded = text(String.format("protobuf/decoded/%02d.txt", k));
            assertEquals(0x08, b.get(message), "message " + k + " starts with field 1, varint");
            assertTrue(decoded.startsWith("id: " + varint(b, message + 1)[0] + "\n"), "message " + k + " id");
            pos = message + (int) length[0];
        }
        assertEquals(b.limit(), pos, "delimited.bin ends inside a message");
        assertEquals(6, k);
        assertEquals(null, CaptureFilesTest.class.getResource("/captures/protobuf/decoded/07.txt"),
                "protoc decoded more messages than the stream holds");
        assertEquals(Set.of(1, 2, 3), varintSizes);
    }

    @Test
    void lineCapturesAreCrlfLinesWithOneReplyPerCommand() {
        List<String> client = crlfLines("lines/smtp-client.bin");
        int commands = 0;
        boolean data = false;
        for (String line : client) {
            if (data) {
                data = !line.equals(".");
            } else {
                commands++;
                data = line.equals("DATA");
            }
        }
        assertEquals(count("lines/smtp.tshark.txt", ".*Command: .*"), commands);
        long replies = crlfLines("lines/smtp-server.bin").stream().filter(l -> l.matches("\\d{3}( .*)?")).count();
        assertEquals(count("lines/smtp.tshark.txt", ".*Response code: .*"), replies);

        List<String> redisReplies = crlfLines("lines/redis-server.bin");
        int answered = 0;
        for (int i = 0; i < redisReplies.size(); i++, answered++) {
            String line = redisReplies.get(i);
            if (line.startsWith("$")) {
                assertEquals(Integer.parseInt(line.substring(1)), redisReplies.get(++i).length(), "bulk length");
            } else {
                assertTrue("+-:".indexOf(line.charAt(0)) >= 0, "RESP reply type of " + line);
            }
        }
        assertEquals(crlfLines("lines/redis-client.bin").size(), answered);
    }

    @Test
    void pcapFilesInBothByteOrdersAndPrecisionsHoldTheSamePacketsTsharkListed() {
        List<String> fields = text("pcap/loopback.fields.tsv").lines().skip(1).toList();
        List<byte[]> reference = null;
        for (String name : List.of("loopback", "loopback-be", "loopback-nsec", "loopback-nsec-be")) {
            ByteBuffer b = bytes("pcap/" + name + ".pcap");
            int magic = b.getInt(0);
            if (magic == 0xD4C3B2A1 || magic == 0x4D3CB2A1) {
                b.order(ByteOrder.LITTLE_ENDIAN);
            }
            boolean nanos = b.getInt(0) == 0xA1B23C4D;
            assertTrue(nanos || b.getInt(0) == 0xA1B2C3D4, name + " magic");
            assertEquals(1, b.getInt(20), name + " link type");
            assertEquals(name.contains("-be"), b.order() == ByteOrder.BIG_ENDIAN, name + " byte order");
            List<byte[]> packets = new ArrayList<>();
            int pos = 24;
            while (pos < b.limit()) {
                require(name, pos + 16 <= b.limit(), pos);
                String[] tshark = fields.get(packets.size()).split("\t");
                long fraction = Integer.toUnsignedLong(b.getInt(pos + 4)) * (nanos ? 1 : 1000);
                assertEquals(tshark[1], Integer.toUnsignedLong(b.getInt(pos)) + "." + String.format("%09d", fraction),
                        name + " packet " + (packets.size() + 1) + " time");
                int captured = b.getInt(pos + 8);
                assertEquals(Integer.parseInt(tshark[2]), captured, name + " captured length");
                assertEquals(Integer.parseInt(tshark[3]), b.getInt(pos + 12), name + " original length");
                packets.add(Arrays.copyOfRange(b.array(), pos + 16, pos + 16 + captured));
                pos += 16 + captured;
            }
            assertEquals(b.limit(), pos, name + " ends inside a record");
            assertEquals(count("pcap/loopback.summary.txt", ".+"), packets.size());
            if (reference == null) {
                reference = packets;
            } else {
                for (int i = 0; i < packets.size(); i++) {
                    assertArrayEquals(reference.get(i), packets.get(i), name + " packet " + (i + 1));
                }
            }
        }
    }

    private static int pgMessages(String name, boolean frontend, boolean sslAnswer) {
        ByteBuffer b = bytes(name);
        int pos = 0;
        if (sslAnswer) {
            assertEquals('N', b.get(0), name + " starts with the answer to SSLRequest");
            pos = 1;
        }
        int count = 0;
        while (pos < b.limit()) {
            require(name, pos + 5 <= b.limit(), pos);
            if (frontend && b.get(pos) == 0) {
                int code = b.getInt(pos + 4);
                assertTrue(code == 196608 || code == 80877103, name + ": untyped message code " + code);
                pos += b.getInt(pos);
            } else {
                int length = b.getInt(pos + 1);
                require(name, length >= 4, pos);
                pos += 1 + length;
            }
            count++;
        }
        assertEquals(b.limit(), pos, name + " ends inside a message");
        return count;
    }

    /** Walks one DNS message in {@code [start, end)}; returns the number of compression pointers seen. */
    private static int dnsPointers(String name, ByteBuffer b, int start, int end) {
        require(name, start + 12 <= end, start);
        int records = 0;
        for (int i = 0; i < 4; i++) {
            records += Short.toUnsignedInt(b.getShort(start + 4 + 2 * i));
        }
        int questions = Short.toUnsignedInt(b.getShort(start + 4));
        int pos = start + 12;
        int pointers = 0;
        for (int r = 0; r < records; r++) {
            while (true) {
                require(name, pos < end, pos);
                int label = b.get(pos) & 0xFF;
                if (label >= 0xC0) {
                    int target = ((label & 0x3F) << 8 | (b.get(pos + 1) & 0xFF)) + start;
                    require(name, target < pos, pos);
                    pointers++;
                    pos += 2;
                    break;
                }
                pos += 1 + label;
                if (label == 0) {
                    break;
                }
            }
            if (r < questions) {
                pos += 4;
            } else {
                require(name, pos + 10 <= end, pos);
                pos += 10 + Short.toUnsignedInt(b.getShort(pos + 8));
            }
        }
        assertEquals(end, pos, name + ": records end elsewhere than the message");
        return pointers;
    }

    private static int kafkaMessages(String name) {
        ByteBuffer b = bytes("kafka/" + name + ".bin");
        int pos = 0;
        int count = 0;
        while (pos < b.limit()) {
            require(name, pos + 4 <= b.limit() && b.getInt(pos) >= 0, pos);
            pos += 4 + b.getInt(pos);
            count++;
        }
        assertEquals(b.limit(), pos, name + " ends inside a message");
        return count;
    }

    /** Returns {value, size in bytes} of the unsigned varint at {@code pos}. */
    private static long[] varint(ByteBuffer b, int pos) {
        long value = 0;
        int n = 0;
        int digit;
        do {
            require("varint", pos + n < b.limit() && n < 10, pos);
            digit = b.get(pos + n) & 0xFF;
            value |= (long) (digit & 0x7F) << (7 * n++);
        } while (digit >= 0x80);
        return new long[] {value, n};
    }

    private static List<String> crlfLines(String name) {
        String all = new String(bytes(name).array(), StandardCharsets.UTF_8);
        assertTrue(all.endsWith("\r\n"), name + " ends with CRLF");
        List<String> lines = List.of(all.substring(0, all.length() - 2).split("\r\n", -1));
        for (String line : lines) {
            assertTrue(line.indexOf('\r') < 0 && line.indexOf('\n') < 0, name + ": bare CR or LF in " + line);
        }
        return lines;
    }

    private static void require(String name, boolean condition, int offset) {
        if (!condition) {
            fail(name + ": malformed framing at offset " + offset);
        }
    }

    private static long count(String name, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return text(name).lines().filter(l -> pattern.matcher(l).matches()).count();
    }

    private static String text(String name) {
        return new String(bytes(name).array(), StandardCharsets.UTF_8);
    }

    private static ByteBuffer bytes(String name) {
        try (InputStream in = resource(name)) {
            assertNotNull(in, name + " is missing");
            return ByteBuffer.wrap(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return CaptureFilesTest.class.getResourceAsStream("/captures/" + name);
    }
}
