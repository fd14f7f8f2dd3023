package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Frames both directions of a recorded PostgreSQL session (v3 protocol) from arbitrary chunks, as a server
 * or a proxy receives them: the untyped SSLRequest and StartupMessage, the one-byte answer to the
 * SSLRequest, then typed messages — one {@link FrameDecoder} per direction, switching format between
 * frames. Prints one line per message: direction, stream offset, type and length.
 *
 * <p>Message formats (PostgreSQL 15 documentation, §55.7): StartupMessage and SSLRequest are {@code Int32
 * length (counting itself), Int32 code, ...}; every later frontend and backend message is {@code Byte1 type,
 * Int32 length (counting itself), body}; the server answers an SSLRequest with the single byte {@code S} or
 * {@code N} (§55.2.10).
 */
public final class PostgresSessionFraming {

    /** StartupMessage, SSLRequest, CancelRequest: no type byte, a length that counts itself. */
    static final FrameFormat UNTYPED = FrameFormat.lengthField().lengthWidth(4).lengthAdjustment(-4).build();
    /** Every other message: a type byte, then a length that counts itself but not the type. */
    static final FrameFormat TYPED = FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build();
    /** The server's answer to an SSLRequest: one byte. */
    static final FrameFormat SSL_ANSWER = FrameFormat.fixedLength(1);
    /** The SSLRequest code (§55.7). */
    static final int SSL_REQUEST_CODE = 80877103;

    private PostgresSessionFraming() {
    }

    /** One direction of the connection: its decoder and the rule for the format of the next frame. */
    private static final class Direction {
        final String name;
        final FrameDecoder decoder;
        final List<String> messages = new ArrayList<>();

        Direction(String name, FrameFormat first) {
            this.name = name;
            this.decoder = new FrameDecoder(first);
        }

        /** Handles one frame (borrowed) and picks the next frame's format. */
        void onFrame(ByteView frame, PrintStream out) {
            long offset = decoder.streamOffset() - frame.length();
            String what;
            if (decoder.format().equals(UNTYPED)) {
                boolean ssl = frame.length() == 8 && frame.i32be(4) == SSL_REQUEST_CODE;
                what = ssl ? "SSLRequest" : "StartupMessage v" + (frame.i32be(4) >>> 16) + "." + (frame.i32be(4) & 0xFFFF);
                // after an SSLRequest comes the real StartupMessage, untyped too
                decoder.switchFormat(ssl ? UNTYPED : TYPED);
            } else if (decoder.format().equals(SSL_ANSWER)) {
                what = "SSL answer '" + (char) frame.u8(0) + "'";
                decoder.switchFormat(TYPED);
            } else {
                what = "'" + (char) frame.u8(0) + "'";
            }
            String line = String.format("%-8s @%4d  %-22s %4d bytes", name, offset, what, frame.length());
            messages.add(line);
            out.println(line);
        }

        /** Feeds the stream in random chunks of 1 to {@code maxChunk} bytes. */
        void feed(byte[] stream, Random random, int maxChunk, PrintStream out) {
            for (int at = 0; at < stream.length; ) {
                int n = Math.min(1 + random.nextInt(maxChunk), stream.length - at);
                decoder.feed(stream, at, n, frame -> onFrame(frame, out));
                at += n;
            }
            decoder.finish();
        }
    }

    /**
     * Frames both directions, each cut into random chunks.
     *
     * @param seed the seed of the chunking
     * @param maxChunk the largest chunk
     * @param out where to print
     * @return one line per message, frontend first
     */
    public static List<String> run(long seed, int maxChunk, PrintStream out) {
        Random random = new Random(seed);
        out.println("== PostgreSQL session, both directions, chunks of 1 to " + maxChunk + " bytes (seed " + seed + ") ==");
        Direction frontend = new Direction("frontend", UNTYPED);
        frontend.feed(resource("sslrequest-frontend.bin"), random, maxChunk, out);
        // the frontend sent an SSLRequest first, so the backend's first frame is its one-byte answer
        Direction backend = new Direction("backend", SSL_ANSWER);
        backend.feed(resource("sslrequest-backend.bin"), random, maxChunk, out);
        out.println(frontend.messages.size() + " frontend and " + backend.messages.size() + " backend messages");
        out.println();
        List<String> all = new ArrayList<>(frontend.messages);
        all.addAll(backend.messages);
        return all;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PostgresSessionFraming.class.getResourceAsStream("postgresql/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the example.
     *
     * @param args optional: the chunking's seed (default 1) and the largest chunk (default 16)
     */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int maxChunk = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        run(seed, maxChunk, System.out);
    }
}
