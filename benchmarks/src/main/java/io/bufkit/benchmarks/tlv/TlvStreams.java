package io.bufkit.benchmarks.tlv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded TLV streams in the reference format (type u8, length u16 big-endian, value), pre-split into the
 * chunks a network would deliver.
 */
public final class TlvStreams {

    private TlvStreams() {
    }

    /**
     * A stream of frames with random types 1–255 and random values.
     *
     * @param seed the random seed
     * @param frames how many frames
     * @param minValue the smallest value length
     * @param maxValue the largest value length, at most 65535
     * @return the stream's bytes
     */
    public static byte[] frames(long seed, int frames, int minValue, int maxValue) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] lengths = new int[frames];
        long total = 0;
        for (int i = 0; i < frames; i++) {
            lengths[i] = minValue + random.nextInt(maxValue - minValue + 1);
            total += 3 + lengths[i];
        }
        byte[] stream = new byte[Math.toIntExact(total)];
        int p = 0;
        for (int length : lengths) {
            stream[p] = (byte) (1 + random.nextInt(255));
            stream[p + 1] = (byte) (length >>> 8);
            stream[p + 2] = (byte) length;
            for (int i = 0; i < length; i++) {
                stream[p + 3 + i] = (byte) random.nextInt(256);
            }
            p += 3 + length;
        }
        return stream;
    }

    /**
     * Splits a stream into chunks of random sizes.
     *
     * @param stream the stream
     * @param seed the random seed
     * @param min the smallest chunk, 1 or more
     * @param max the largest chunk
     * @return the chunks, whose concatenation is the stream
     */
    public static byte[][] randomChunks(byte[] stream, long seed, int min, int max) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> chunks = new ArrayList<>();
        for (int p = 0; p < stream.length; ) {
            int n = Math.min(min + random.nextInt(max - min + 1), stream.length - p);
            chunks.add(Arrays.copyOfRange(stream, p, p + n));
            p += n;
        }
        return chunks.toArray(new byte[0][]);
    }

    /**
     * Splits a stream into chunks of one size (the last may be shorter).
     *
     * @param stream the stream
     * @param size the chunk size, 1 or more
     * @return the chunks, whose concatenation is the stream
     */
    public static byte[][] fixedChunks(byte[] stream, int size) {
        return randomChunks(stream, 0, size, size);
    }
}
