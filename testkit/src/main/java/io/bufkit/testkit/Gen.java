package io.bufkit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A generator of test values from a seeded {@link SplittableRandom}, with shrinking.
 *
 * <p>The simplest generator is a lambda: {@code Gen<Integer> dice = r -> r.nextInt(1, 7);}. Such a
 * generator does not shrink; give it a shrinker with {@link #withShrinker(Function)}, or build it from the
 * factories and combinators here, which shrink on their own and keep shrinking through
 * {@link #map(Function)}, {@link #flatMap(Function)}, {@link #filter(Predicate)}, {@link #zip(Gen, Gen, BiFunction)}
 * and {@link #listOf(Gen, int, int)}:
 *
 * <pre>{@code
 * record Frame(int type, byte[] value) {}
 * Gen<Frame> frames = Gen.zip(Gen.ints(1, 255), Gen.bytes(0, 300), Frame::new);
 * Gen<List<Frame>> streams = Gen.listOf(frames, 0, 8);   // shrinks by dropping and simplifying frames
 * }</pre>
 *
 * <p>A generator must draw all its randomness from the random it is given, so that a seed reproduces its
 * values exactly. Factories bias towards edge cases: lengths 0, 1 and powers of two with their neighbours;
 * integers at the ends of their range, 0 and ±1; special floating-point values.
 *
 * <p>To add generators for a new domain, write static factories returning {@code Gen<T>} that compose the
 * ones here; implement {@link #sample(SplittableRandom)} directly only for custom shrink trees.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {

    /**
     * Generates one value.
     *
     * @param random the source of all randomness
     * @return the value
     */
    T generate(SplittableRandom random);

    /**
     * Generates one value with its shrink tree. The default has no shrinks; generators made by the
     * factories and combinators of this interface override it.
     *
     * @param random the source of all randomness
     * @return the value and its shrinks
     */
    default Shrinkable<T> sample(SplittableRandom random) {
        return Shrinkable.of(generate(random));
    }

    /**
     * Maps generated values; shrinking maps the shrinks of this generator.
     *
     * @param f the mapping (a pure function)
     * @param <R> the mapped type
     * @return the mapped generator
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return new SampledGen<>(r -> sample(r).map(f));
    }

    /**
     * Generates a value, then a second value from a generator chosen by the first. Shrinking shrinks the first
     * value (regenerating the second from the same random draws) and then the second.
     *
     * @param f chooses the second generator from the first value
     * @param <R> the result type
     * @return the dependent generator
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
        Objects.requireNonNull(f, "f");
        return new SampledGen<>(r -> {
            Shrinkable<T> outer = sample(r);
            long innerSeed = r.nextLong();
            return SampledGen.bind(outer, f, innerSeed);
        });
    }

    /**
     * Keeps only values satisfying {@code keep}; shrinks are filtered too.
     *
     * @param keep the predicate; it should hold for a good share of values
     * @return the filtered generator
     * @throws IllegalStateException (from the generator) if 1000 values in a row are rejected
     */
    default Gen<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        return new SampledGen<>(r -> {
            for (int i = 0; i < 1000; i++) {
                Shrinkable<T> s = sample(r);
                if (keep.test(s.value())) {
                    return s.filter(keep);
                }
            }
            throw new IllegalStateException("filter rejected 1000 generated values in a row; generate valid "
                    + "values directly instead of filtering");
        });
    }

    /**
     * Replaces this generator's shrinking with {@code shrinker}.
     *
     * @param shrinker gives the direct simplifications of a value, simplest first; each must be strictly
     *     simpler than its argument
     * @return a generator of the same values that shrinks with {@code shrinker}
     */
    default Gen<T> withShrinker(Function<? super T, ? extends Stream<? extends T>> shrinker) {
        Objects.requireNonNull(shrinker, "shrinker");
        return new SampledGen<>(r -> Shrinkable.unfold(generate(r), shrinker));
    }

    /**
     * The same values without shrinking.
     *
     * @return a generator that does not shrink
     */
    default Gen<T> noShrink() {
        return new SampledGen<>(r -> Shrinkable.of(generate(r)));
    }

    /**
     * Always the same value.
     *
     * @param value the value
     * @param <T> the value type
     * @return the constant generator
     */
    static <T> Gen<T> constant(T value) {
        return new SampledGen<>(r -> Shrinkable.of(value));
    }

    /**
     * Integers in {@code [min, max]}, biased towards the ends of the range, 0 and ±1; shrinks towards the
     * value in range closest to 0.
     *
     * @param min the smallest value
     * @param max the largest value
     * @return the generator
     * @throws IllegalArgumentException if {@code min > max}
     */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /**
     * Longs in {@code [min, max]}, biased towards the ends of the range, 0 and ±1; shrinks towards the
     * value in range closest to 0.
     *
     * @param min the smallest value
     * @param max the largest value
     * @return the generator
     * @throws IllegalArgumentException if {@code min > max}
     */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        long target = Shrinks.target(min, max);
        long[] edges = Shrinks.inRange(min, max, min, max, 0, 1, -1, min + 1, max - 1);
        return new SampledGen<>(r -> {
            long v = r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)] : Shrinks.uniform(r, min, max);
            return Shrinkable.unfold(v, x -> Shrinks.towards(x, target));
        });
    }

    /**
     * Lengths (sizes, counts) in {@code [min, max]}, biased towards {@code min}, {@code max}, 0, 1, powers
     * of two and their neighbours, and towards small values; shrinks towards {@code min}.
     *
     * @param min the smallest length, at least 0
     * @param max the largest length
     * @return the generator
     * @throws IllegalArgumentException if {@code min < 0} or {@code min > max}
     */
    static Gen<Integer> lengths(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("length range [" + min + ", " + max + "] is empty or negative");
        }
        int[] edges = Shrinks.lengthEdges(min, max);
        return new SampledGen<>(r -> {
            int v = Shrinks.length(r, min, max, edges);
            return Shrinkable.unfold((long) v, x -> Shrinks.towards(x, min)).map(Long::intValue);
        });
    }

    /**
     * {@code true} or {@code false}; shrinks to {@code false}.
     *
     * @return the generator
     */
    static Gen<Boolean> booleans() {
        return new SampledGen<>(r -> {
            boolean v = r.nextBoolean();
            return v ? Shrinkable.of(true, () -> Stream.of(Shrinkable.of(false))) : Shrinkable.of(false);
        });
    }

    /**
     * Any double, including NaN, ±infinity, ±0.0, subnormals, the extremes and arbitrary bit patterns;
     * shrinks towards 0.0 and whole numbers.
     *
     * @return the generator
     */
    static Gen<Double> doubles() {
        return new SampledGen<>(r -> Shrinkable.unfold(Shrinks.anyDouble(r), Shrinks::simplerDoubles));
    }

    /**
     * Any float, including NaN, ±infinity, ±0.0, subnormals, the extremes and arbitrary bit patterns;
     * shrinks towards 0.0f and whole numbers.
     *
     * @return the generator
     */
    static Gen<Float> floats() {
        return new SampledGen<>(r -> Shrinkable.unfold(Shrinks.anyFloat(r), Shrinks::simplerFloats));
    }

    /**
     * Byte arrays with a length in {@code [minLength, maxLength]} chosen like {@link #lengths(int, int)}
     * (edge-biased: 0, 1, powers of two and their neighbours) and contents that are random, constant or
     * drawn from edge bytes ({@code 00 01 7f 80 ff}). Shrinks by removing ranges of bytes, then by making single
     * bytes smaller (0 first). Each generated array is a new, <em>owned</em> array.
     *
     * @param minLength the shortest length, at least 0
     * @param maxLength the longest length
     * @return the generator
     * @throws IllegalArgumentException if the range is empty or negative
     */
    static Gen<byte[]> bytes(int minLength, int maxLength) {
        if (minLength < 0 || minLength > maxLength) {
            throw new IllegalArgumentException("length range [" + minLength + ", " + maxLength + "] is empty or negative");
        }
        int[] edges = Shrinks.lengthEdges(minLength, maxLength);
        return new SampledGen<>(r -> {
            byte[] a = Shrinks.byteContents(r, Shrinks.length(r, minLength, maxLength, edges));
            return Shrinkable.unfold(a, x -> Shrinks.simplerByteArrays(x, minLength));
        });
    }

    /**
     * One of the given values, uniformly; shrinks towards the first.
     *
     * @param values the values to choose from
     * @param <T> the value type
     * @return the generator
     * @throws IllegalArgumentException if {@code values} is empty
     */
    static <T> Gen<T> elements(List<? extends T> values) {
        List<T> copy = new ArrayList<>(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        return new SampledGen<>(r -> Shrinkable.unfold((long) r.nextInt(copy.size()), i -> Shrinks.towards(i, 0))
                .map(i -> copy.get(i.intValue())));
    }

    /**
     * One of the given values, uniformly; shrinks towards the first.
     *
     * @param values the values to choose from
     * @param <T> the value type
     * @return the generator
     * @throws IllegalArgumentException if {@code values} is empty
     */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T v : values) {
            list.add(v);
        }
        return elements(list);
    }

    /**
     * A value from one of the given generators, chosen uniformly; shrinks within the chosen generator.
     *
     * @param gens the generators
     * @param <T> the value type
     * @return the generator
     * @throws IllegalArgumentException if {@code gens} is empty
     */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = new ArrayList<>(gens.length);
        for (Gen<? extends T> g : gens) {
            copy.add(Objects.requireNonNull(g, "generator"));
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no generators to choose from");
        }
        return new SampledGen<>(r -> SampledGen.widen(copy.get(r.nextInt(copy.size())).sample(r)));
    }

    /**
     * A value from one of two generators, chosen with the given weights; shrinks within the chosen one.
     *
     * @param weightA the weight of {@code a}, at least 0
     * @param a the first generator
     * @param weightB the weight of {@code b}, at least 0
     * @param b the second generator
     * @param <T> the value type
     * @return the generator
     * @throws IllegalArgumentException if a weight is negative or both are 0
     */
    static <T> Gen<T> frequency(int weightA, Gen<? extends T> a, int weightB, Gen<? extends T> b) {
        if (weightA < 0 || weightB < 0 || weightA + weightB <= 0) {
            throw new IllegalArgumentException("weights " + weightA + " and " + weightB + " must be >= 0 and not both 0");
        }
        return new SampledGen<>(r -> SampledGen.widen(r.nextInt(weightA + weightB) < weightA ? a.sample(r) : b.sample(r)));
    }

    /**
     * Lists of values from {@code element}, with a size chosen like {@link #lengths(int, int)}. Shrinks by
     * removing elements, then by shrinking single elements. Each list is a new unmodifiable list.
     *
     * @param element the element generator
     * @param minSize the smallest size, at least 0
     * @param maxSize the largest size
     * @param <T> the element type
     * @return the generator
     * @throws IllegalArgumentException if the size range is empty or negative
     */
    static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element");
        if (minSize < 0 || minSize > maxSize) {
            throw new IllegalArgumentException("size range [" + minSize + ", " + maxSize + "] is empty or negative");
        }
        int[] edges = Shrinks.lengthEdges(minSize, maxSize);
        return new SampledGen<>(r -> {
            int n = Shrinks.length(r, minSize, maxSize, edges);
            List<Shrinkable<T>> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(element.sample(r));
            }
            return SampledGen.list(List.copyOf(items), minSize);
        });
    }

    /**
     * Combines values of two generators; shrinks the first, then the second.
     *
     * @param a the first generator
     * @param b the second generator
     * @param combine makes the result from both values (a pure function)
     * @param <A> the first type
     * @param <B> the second type
     * @param <R> the result type
     * @return the generator
     */
    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> combine) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(combine, "combine");
        return new SampledGen<>(r -> {
            Shrinkable<A> sa = a.sample(r);
            Shrinkable<B> sb = b.sample(r);
            return SampledGen.pair(sa, sb).map(p -> combine.apply(p.first(), p.second()));
        });
    }
}
