package io.bufkit.testkit;

import io.bufkit.ByteView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * One way a stream of {@code length} bytes arrives in chunks: the cut points between chunks.
 *
 * <p>Cut points are non-decreasing and lie in {@code [0, length]}. {@code k} cut points make {@code k + 1}
 * chunks; a repeated cut point, a cut at 0 and a cut at {@code length} each make an empty chunk, as a
 * network read of zero bytes would. No cut points means the whole stream in one chunk. Chunkings are
 * immutable values with {@code equals}.
 *
 * <pre>{@code
 * Chunking c = Chunking.of(8, 2, 5);            // [0,2) [2,5) [5,8)
 * List<byte[]> chunks = c.split(stream);        // three owned arrays
 * }</pre>
 */
public final class Chunking {

    /** The longest input for which {@link #all(int)} enumerates every chunking. */
    public static final int MAX_ENUMERABLE_LENGTH = 24;

    private final int length;
    private final int[] cuts;

    private Chunking(int length, int[] cuts) {
        this.length = length;
        this.cuts = cuts;
    }

    /**
     * A chunking of {@code length} bytes at the given cut points.
     *
     * @param length the stream length, at least 0
     * @param cuts the cut points, non-decreasing, each in {@code [0, length]}
     * @return the chunking
     * @throws IllegalArgumentException if {@code length} is negative or a cut point is out of range or order
     */
    public static Chunking of(int length, int... cuts) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is negative");
        }
        int previous = 0;
        for (int i = 0; i < cuts.length; i++) {
            if (cuts[i] < previous || cuts[i] > length) {
                throw new IllegalArgumentException("cut point " + cuts[i] + " at index " + i + " is out of order or "
                        + "outside [0, " + length + "]: " + Arrays.toString(cuts));
            }
            previous = cuts[i];
        }
        return new Chunking(length, cuts.clone());
    }

    /**
     * The whole stream in one chunk.
     *
     * @param length the stream length, at least 0
     * @return the chunking with no cut points
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Chunking whole(int length) {
        return of(length);
    }

    /**
     * One byte per chunk (an empty stream is one empty chunk).
     *
     * @param length the stream length, at least 0
     * @return the chunking with a cut between every two bytes
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Chunking oneByteAtATime(int length) {
        return of(length, IntStream.range(1, Math.max(1, length)).toArray());
    }

    /**
     * One byte per chunk with an empty chunk before, between and after all bytes: cut points
     * {@code 0, 0, 1, 1, …, length, length}.
     *
     * @param length the stream length, at least 0
     * @return the chunking
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Chunking emptyChunksEverywhere(int length) {
        return of(length, IntStream.rangeClosed(0, Math.max(0, length)).flatMap(i -> IntStream.of(i, i)).toArray());
    }

    /**
     * A cut just before and just after each of the given bytes, so that each of them arrives in a chunk of
     * its own (e.g. the header bytes of every frame).
     *
     * @param length the stream length, at least 0
     * @param offsets byte offsets in {@code [0, length)}, in any order; duplicates are ignored
     * @return the chunking
     * @throws IllegalArgumentException if {@code length} is negative or an offset is out of range
     */
    public static Chunking isolating(int length, int... offsets) {
        for (int o : offsets) {
            if (o < 0 || o >= length) {
                throw new IllegalArgumentException("byte offset " + o + " is outside [0, " + length + ")");
            }
        }
        return of(length, IntStream.of(offsets).flatMap(o -> IntStream.of(o, o + 1))
                .filter(c -> c > 0 && c < length).distinct().sorted().toArray());
    }

    /**
     * Every chunking of {@code length} bytes into non-empty chunks: all {@code 2^(length-1)} of them
     * ({@code 1} for {@code length} 0 or 1), starting with the whole stream and ending with one byte at a time.
     *
     * @param length the stream length, in {@code [0, MAX_ENUMERABLE_LENGTH]}
     * @return the chunkings, lazily
     * @throws IllegalArgumentException if {@code length} is out of range
     */
    public static Stream<Chunking> all(int length) {
        if (length < 0 || length > MAX_ENUMERABLE_LENGTH) {
            throw new IllegalArgumentException("cannot enumerate all chunkings of " + length + " bytes; the limit is "
                    + MAX_ENUMERABLE_LENGTH);
        }
        if (length <= 1) {
            return Stream.of(whole(length));
        }
        return LongStream.range(0, 1L << (length - 1)).mapToObj(mask -> {
            int[] cuts = new int[Long.bitCount(mask)];
            int k = 0;
            for (int i = 0; i < length - 1; i++) {
                if ((mask & (1L << i)) != 0) {
                    cuts[k++] = i + 1;
                }
            }
            return new Chunking(length, cuts);
        });
    }

    /**
     * Every chunking with exactly one cut point: {@code length + 1} of them, the first and last of which have an
     * empty chunk at the start and at the end.
     *
     * @param length the stream length, at least 0
     * @return the chunkings, cut at 0, 1, …, {@code length}
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Stream<Chunking> everySingleCut(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is negative");
        }
        return IntStream.rangeClosed(0, length).mapToObj(c -> new Chunking(length, new int[] {c}));
    }

    /**
     * The stream length this chunking splits.
     *
     * @return the length in bytes
     */
    public int length() {
        return length;
    }

    /**
     * The cut points.
     *
     * @return a new array of the cut points, non-decreasing
     */
    public int[] cuts() {
        return cuts.clone();
    }

    /**
     * The number of chunks, empty ones included.
     *
     * @return the number of cut points plus one
     */
    public int chunkCount() {
        return cuts.length + 1;
    }

    /**
     * Where chunk {@code i} starts.
     *
     * @param i the chunk index, in {@code [0, chunkCount())}
     * @return the offset of its first byte in the stream
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int chunkStart(int i) {
        checkChunkIndex(i);
        return i == 0 ? 0 : cuts[i - 1];
    }

    /**
     * Where chunk {@code i} ends.
     *
     * @param i the chunk index, in {@code [0, chunkCount())}
     * @return the offset just past its last byte in the stream
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int chunkEnd(int i) {
        checkChunkIndex(i);
        return i == cuts.length ? length : cuts[i];
    }

    private void checkChunkIndex(int i) {
        if (i < 0 || i > cuts.length) {
            throw new IndexOutOfBoundsException("chunk index " + i + " is outside [0, " + chunkCount() + ")");
        }
    }

    /**
     * Splits {@code data} into chunks.
     *
     * @param data the stream, exactly {@link #length()} bytes (read, not kept)
     * @return the chunks, each a new <em>owned</em> array
     * @throws IllegalArgumentException if {@code data} has the wrong length
     */
    public List<byte[]> split(byte[] data) {
        checkLength(data.length);
        List<byte[]> chunks = new ArrayList<>(chunkCount());
        for (int i = 0; i < chunkCount(); i++) {
            chunks.add(Arrays.copyOfRange(data, chunkStart(i), chunkEnd(i)));
        }
        return Collections.unmodifiableList(chunks);
    }

    /**
     * Splits {@code data} into slices of it.
     *
     * @param data the stream, exactly {@link #length()} bytes
     * @return the chunks, each a <em>borrowed</em> slice of {@code data} under its lease
     * @throws IllegalArgumentException if {@code data} has the wrong length
     * @throws io.bufkit.StaleViewException if {@code data}'s lease ended
     */
    public List<ByteView> slices(ByteView data) {
        checkLength(data.length());
        List<ByteView> chunks = new ArrayList<>(chunkCount());
        for (int i = 0; i < chunkCount(); i++) {
            chunks.add(data.slice(chunkStart(i), chunkEnd(i)));
        }
        return Collections.unmodifiableList(chunks);
    }

    /**
     * Splits {@code data} into read-only buffers over it.
     *
     * @param data the stream, exactly {@link #length()} bytes (kept: the buffers share it)
     * @return the chunks, each a <em>borrowed</em> read-only buffer over part of {@code data}, positioned at
     *     the chunk's first byte and limited at its end
     * @throws IllegalArgumentException if {@code data} has the wrong length
     */
    public List<ByteBuffer> buffers(byte[] data) {
        checkLength(data.length);
        List<ByteBuffer> chunks = new ArrayList<>(chunkCount());
        for (int i = 0; i < chunkCount(); i++) {
            chunks.add(ByteBuffer.wrap(data, chunkStart(i), chunkEnd(i) - chunkStart(i)).slice().asReadOnlyBuffer());
        }
        return Collections.unmodifiableList(chunks);
    }

    private void checkLength(int actual) {
        if (actual != length) {
            throw new IllegalArgumentException("this chunking splits " + Text.count(length, "byte") + ", not " + actual);
        }
    }

    /**
     * This chunking's cut points applied to a stream of another length: cut points past the end move to the end.
     *
     * @param newLength the other length, at least 0
     * @return the adapted chunking
     * @throws IllegalArgumentException if {@code newLength} is negative
     */
    public Chunking clampedTo(int newLength) {
        return of(newLength, IntStream.of(cuts).map(c -> Math.min(c, newLength)).toArray());
    }

    /**
     * Simpler chunkings of the same stream, simplest first: all cut points dropped, then runs of cut points
     * dropped (halves, quarters, …, single cut points). Dropping a cut point merges two neighbouring chunks.
     *
     * @return the simpler chunkings, each with fewer cut points
     */
    public Stream<Chunking> simpler() {
        return Shrinks.removals(cuts.length, 0).mapToObj(range -> {
            int from = (int) (range >>> 32);
            int to = (int) range;
            int[] fewer = new int[cuts.length - (to - from)];
            System.arraycopy(cuts, 0, fewer, 0, from);
            System.arraycopy(cuts, to, fewer, from, cuts.length - to);
            return new Chunking(length, fewer);
        });
    }

    /**
     * Shows {@code data} split by this chunking, each chunk in brackets: {@code [01 00] [05 68 65]}.
     *
     * @param data the stream, exactly {@link #length()} bytes
     * @param maxBytesPerChunk how many bytes of each chunk to show before cutting it short
     * @return the description
     * @throws IllegalArgumentException if {@code data} has the wrong length
     */
    public String describe(byte[] data, int maxBytesPerChunk) {
        checkLength(data.length);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chunkCount(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append('[').append(Text.hex(data, chunkStart(i), chunkEnd(i), maxBytesPerChunk)).append(']');
        }
        return sb.toString();
    }

    /**
     * Compares length and cut points.
     *
     * @param o the other object
     * @return whether {@code o} is a chunking of the same length at the same cut points
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Chunking && ((Chunking) o).length == length && Arrays.equals(((Chunking) o).cuts, cuts);
    }

    /**
     * A hash of length and cut points.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(cuts);
    }

    /**
     * Length, chunk count and cut points, e.g. {@code Chunking[8 bytes, 3 chunks, cuts 2 5]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Chunking[").append(Text.count(length, "byte")).append(", ")
                .append(Text.count(chunkCount(), "chunk"));
        if (cuts.length > 0) {
            sb.append(", cuts");
            for (int i = 0; i < Math.min(cuts.length, 64); i++) {
                sb.append(' ').append(cuts[i]);
            }
            if (cuts.length > 64) {
                sb.append(" …");
            }
        }
        return sb.append(']').toString();
    }
}
