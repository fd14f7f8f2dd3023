package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming lifetime bug the chunk property must catch: a decoder that keeps {@code chunk.slice(...)} of a
 * partial frame from one chunk and reads it after the next chunk arrived. With a reused read buffer it reads
 * the next read's bytes; the property must fail it, for the list-of-chunks and the per-chunk form alike.
 */
class ChunkRetentionTest {

    /** Frames of a one-byte length and that many bytes: 3 frames, 11 bytes. */
    private static final byte[] STREAM = {2, 'h', 'i', 0, 5, 'w', 'o', 'r', 'l', 'd', 0};

    /**
     * A length-prefixed frame decoder; {@code copyPartial} decides whether the partial frame at the end of a
     * chunk is copied (correct) or kept as a slice of the chunk (the bug).
     */
    private static final class Frames implements ChunkFeed<List<Bytes>> {
        private final boolean copyPartial;
        private final List<Bytes> frames = new ArrayList<>();
        private ByteView pending = ByteView.empty();

        Frames(boolean copyPartial) {
            this.copyPartial = copyPartial;
        }

        @Override
        public void feed(ByteView chunk) {
            ByteView data = chunk;
            if (pending.length() > 0) {
                byte[] joined = new byte[pending.length() + chunk.length()];
                pending.copyTo(joined, 0);
                chunk.copyTo(joined, pending.length());
                data = ByteView.wrap(joined);
            }
            int at = 0;
            while (at < data.length() && at + 1 + data.u8(at) <= data.length()) {
                frames.add(data.slice(at + 1, at + 1 + data.u8(at)).copy());
                at += 1 + data.u8(at);
            }
            ByteView rest = data.slice(at, data.length());
            pending = copyPartial ? rest.copy().view() : rest;
        }

        @Override
        public List<Bytes> finish() {
            if (pending.length() > 0) {
                throw new IllegalStateException("truncated frame");
            }
            return frames;
        }
    }

    private static List<Bytes> decodeList(List<ByteView> chunks, boolean copyPartial) {
        Frames f = new Frames(copyPartial);
        for (ByteView chunk : chunks) {
            f.feed(chunk);
        }
        return f.finish();
    }

    private static void assertNamesTheRetention(ChunkingFailure failure) {
        String report = failure.getMessage();
        assertTrue(report.contains("kept a borrowed view of one chunk and read it after the next chunk was handed over"),
                report);
        assertTrue(report.contains("StaleViewException"), report);
        assertTrue(report.matches("(?s).*chunk \\d+ of \\d+, ended when chunk \\d+ was handed over.*"), report);
    }

    @Test
    void listFormFailsADecoderThatKeepsASliceOfAChunkPastTheNextChunk() {
        ChunkingFailure failure = assertThrows(ChunkingFailure.class, () ->
                ChunkProperty.<List<Bytes>>ofViews(chunks -> decodeList(chunks, false)).seed(1).check(STREAM));
        assertNamesTheRetention(failure);
    }

    @Test
    void feedFormFailsADecoderThatKeepsASliceOfAChunkPastTheNextChunk() {
        ChunkingFailure failure = assertThrows(ChunkingFailure.class, () ->
                ChunkProperty.<List<Bytes>>ofFeeds(() -> new Frames(false)).seed(1).check(STREAM));
        assertNamesTheRetention(failure);
    }

    @Test
    void bothFormsPassTheDecoderThatCopiesThePartialFrame() {
        ChunkProperty.<List<Bytes>>ofViews(chunks -> decodeList(chunks, true)).seed(1).check(STREAM);
        ChunkProperty.<List<Bytes>>ofFeeds(() -> new Frames(true)).seed(1).check(STREAM);
    }

    /** Input bytes that no overwriting pattern of the first 200 decodings equals. */
    @Test
    void anArrayChunkIsOverwrittenWhenTheNextChunkIsFetched() {
        List<byte[]> seen = new ArrayList<>();
        List<byte[]> atFetch = new ArrayList<>();
        ChunkProperty.<Integer>ofArrays(chunks -> {
            for (byte[] chunk : chunks) {
                if (!seen.isEmpty()) {
                    atFetch.add(seen.get(seen.size() - 1).clone());
                }
                seen.add(chunk);
            }
            return 0;
        }).tries(1).exhaustiveUpTo(0).seed(1).check(new byte[] {10, 11, 18});
        assertTrue(atFetch.size() > 0);
        for (byte[] earlier : atFetch) {
            for (byte b : earlier) {
                assertTrue(b != 10 && b != 11 && b != 18, "an earlier chunk still held input bytes: "
                        + java.util.Arrays.toString(earlier));
            }
        }
    }

    @Test
    void aBufferChunkIsOverwrittenWhenTheNextChunkIsFetched() {
        List<byte[]> stale = new ArrayList<>();
        ChunkProperty.<Integer>ofBuffers(chunks -> {
            ByteBuffer previous = null;
            for (ByteBuffer chunk : chunks) {
                if (previous != null && previous.hasRemaining()) {
                    byte[] b = new byte[previous.remaining()];
                    previous.duplicate().get(b);
                    stale.add(b);
                }
                previous = chunk;
            }
            return 0;
        }).tries(1).exhaustiveUpTo(0).seed(1).check(new byte[] {10, 11, 18});
        assertTrue(stale.size() > 0);
        for (byte[] b : stale) {
            for (byte x : b) {
                assertTrue(x != 10 && x != 11 && x != 18, java.util.Arrays.toString(b));
            }
        }
    }
}
