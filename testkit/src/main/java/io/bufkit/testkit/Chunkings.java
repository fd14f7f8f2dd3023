package io.bufkit.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generators of {@link Chunking}s of a stream of a given length: the ways a network may deliver it.
 *
 * <p>Every generator here shrinks by dropping cut points ({@link Chunking#simpler()}), so a failing chunking
 * is reduced to the few cuts that matter.
 *
 * <pre>{@code
 * Gen<Chunking> g = Chunkings.any(stream.length, headerOffsets);
 * Chunking c = g.generate(new SplittableRandom(seed));
 * }</pre>
 */
public final class Chunkings {

    private Chunkings() {
    }

    /**
     * Random cut points strictly inside the stream: a few or many (edge-biased count), uniformly placed;
     * cut points may repeat, which makes an empty chunk.
     *
     * @param length the stream length, at least 0
     * @return the generator
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Gen<Chunking> randomCuts(int length) {
        checkLength(length);
        if (length < 2) {
            return shrinking(r -> Chunking.whole(length));
        }
        Gen<Integer> counts = Gen.lengths(1, length - 1);
        return shrinking(r -> {
            int[] cuts = new int[counts.generate(r)];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = r.nextInt(1, length);
            }
            Arrays.sort(cuts);
            return Chunking.of(length, cuts);
        });
    }

    /**
     * Exactly one cut point, anywhere in {@code [0, length]} (at the ends it makes an empty chunk).
     *
     * @param length the stream length, at least 0
     * @return the generator
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Gen<Chunking> singleCut(int length) {
        checkLength(length);
        return shrinking(r -> Chunking.of(length, r.nextInt(length + 1)));
    }

    /**
     * Random cut points anywhere in {@code [0, length]} with many repeats, so that empty chunks appear at the
     * start, the end and in between; every chunking has at least one empty chunk.
     *
     * @param length the stream length, at least 0
     * @return the generator
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static Gen<Chunking> withEmptyChunks(int length) {
        checkLength(length);
        Gen<Integer> counts = Gen.lengths(1, Math.max(1, Math.min(length + 1, 64)));
        return shrinking(r -> {
            int distinct = counts.generate(r);
            int[] cuts = new int[distinct * 2];
            for (int i = 0; i < distinct; i++) {
                int c = r.nextInt(4) == 0 ? (r.nextBoolean() ? 0 : length) : r.nextInt(length + 1);
                cuts[2 * i] = c;
                cuts[2 * i + 1] = i == 0 || r.nextBoolean() ? c : r.nextInt(length + 1);
            }
            Arrays.sort(cuts);
            return Chunking.of(length, cuts);
        });
    }

    /**
     * Cuts just before and just after a random selection of the given bytes (all, some, or one of them), so
     * that header fields are split in every way that matters.
     *
     * @param length the stream length, at least 0
     * @param offsets offsets of the bytes to isolate, each in {@code [0, length)}
     * @return the generator; random cuts when {@code offsets} is empty
     * @throws IllegalArgumentException if {@code length} is negative or an offset is out of range
     */
    public static Gen<Chunking> aroundBytes(int length, int... offsets) {
        checkLength(length);
        int[] copy = offsets.clone();
        Chunking.isolating(length, copy);
        if (copy.length == 0) {
            return randomCuts(length);
        }
        return shrinking(r -> {
            int mode = r.nextInt(3);
            if (mode == 0) {
                return Chunking.isolating(length, copy);
            }
            if (mode == 1) {
                int o = copy[r.nextInt(copy.length)];
                return Chunking.of(length, r.nextBoolean() ? o : o + 1);
            }
            return Chunking.isolating(length, Arrays.stream(copy).filter(o -> r.nextBoolean()).toArray());
        });
    }

    /**
     * A mix of all the generators here: random cuts, one cut, empty chunks, one byte at a time, and — when
     * offsets are given — cuts around those bytes.
     *
     * @param length the stream length, at least 0
     * @param headerOffsets offsets of header bytes to cut around, each in {@code [0, length)}; may be empty
     * @return the generator
     * @throws IllegalArgumentException if {@code length} is negative or an offset is out of range
     */
    public static Gen<Chunking> any(int length, int... headerOffsets) {
        Gen<Chunking> random = randomCuts(length);
        Gen<Chunking> single = singleCut(length);
        Gen<Chunking> empties = withEmptyChunks(length);
        Gen<Chunking> around = aroundBytes(length, headerOffsets);
        Chunking bytewise = Chunking.oneByteAtATime(length);
        return new SampledGen<>(r -> {
            int choice = r.nextInt(20);
            if (choice < 8) {
                return random.sample(r);
            }
            if (choice < 11) {
                return single.sample(r);
            }
            if (choice < 14) {
                return empties.sample(r);
            }
            if (choice < 15) {
                return shrinkable(bytewise);
            }
            return around.sample(r);
        });
    }

    /** A generator whose chunkings shrink by dropping cut points. */
    static Gen<Chunking> shrinking(java.util.function.Function<SplittableRandom, Chunking> chunkings) {
        return new SampledGen<>(r -> shrinkable(chunkings.apply(r)));
    }

    /** A chunking whose shrinks drop cut points. */
    static Shrinkable<Chunking> shrinkable(Chunking chunking) {
        return Shrinkable.unfold(chunking, Chunking::simpler);
    }

    private static void checkLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is negative");
        }
    }
}
