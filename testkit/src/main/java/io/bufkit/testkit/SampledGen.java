package io.bufkit.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A generator defined by how it samples a shrinkable; what the {@link Gen} combinators return.
 *
 * @param <T> the generated type
 */
final class SampledGen<T> implements Gen<T> {

    private final Function<SplittableRandom, Shrinkable<T>> sampler;

    SampledGen(Function<SplittableRandom, Shrinkable<T>> sampler) {
        this.sampler = sampler;
    }

    @Override
    public T generate(SplittableRandom random) {
        return sampler.apply(random).value();
    }

    @Override
    public Shrinkable<T> sample(SplittableRandom random) {
        return sampler.apply(random);
    }

    /** Views a shrinkable of a subtype as one of the supertype (shrinkables are read-only). */
    @SuppressWarnings("unchecked")
    static <T> Shrinkable<T> widen(Shrinkable<? extends T> s) {
        return (Shrinkable<T>) s;
    }

    /** The shrink tree of {@code flatMap}: outer shrinks regenerate the inner value from the same seed. */
    static <T, R> Shrinkable<R> bind(Shrinkable<T> outer, Function<? super T, ? extends Gen<R>> f, long innerSeed) {
        Shrinkable<R> inner = f.apply(outer.value()).sample(new SplittableRandom(innerSeed));
        return withMore(inner, () -> outer.shrinks().map(o -> bind(o, f, innerSeed)));
    }

    /** {@code s} whose shrinks are {@code first} followed by its own shrinks. */
    private static <R> Shrinkable<R> withMore(Shrinkable<R> s, java.util.function.Supplier<Stream<Shrinkable<R>>> first) {
        return Shrinkable.of(s.value(), () -> Stream.concat(first.get(), s.shrinks()));
    }

    /** The shrink tree of a list: remove runs of elements (long runs first), then shrink single elements. */
    static <T> Shrinkable<List<T>> list(List<Shrinkable<T>> items, int minSize) {
        List<T> values = new ArrayList<>(items.size());
        for (Shrinkable<T> s : items) {
            values.add(s.value());
        }
        return Shrinkable.of(Collections.unmodifiableList(values), () -> {
            Stream<Shrinkable<List<T>>> removals = Shrinks.removals(items.size(), minSize)
                    .mapToObj(range -> {
                        int from = (int) (range >>> 32);
                        int to = (int) range;
                        List<Shrinkable<T>> fewer = new ArrayList<>(items.size() - (to - from));
                        fewer.addAll(items.subList(0, from));
                        fewer.addAll(items.subList(to, items.size()));
                        return list(List.copyOf(fewer), minSize);
                    });
            Stream<Shrinkable<List<T>>> elementShrinks = IntStream.range(0, items.size()).boxed()
                    .flatMap(i -> items.get(i).shrinks().map(smaller -> {
                        List<Shrinkable<T>> copy = new ArrayList<>(items);
                        copy.set(i, smaller);
                        return list(List.copyOf(copy), minSize);
                    }));
            return Stream.concat(removals, elementShrinks);
        });
    }

    /** Two values shrunk one after the other. */
    record Pair<A, B>(A first, B second) {
    }

    static <A, B> Shrinkable<Pair<A, B>> pair(Shrinkable<A> a, Shrinkable<B> b) {
        return Shrinkable.of(new Pair<>(a.value(), b.value()),
                () -> Stream.concat(a.shrinks().map(sa -> pair(sa, b)), b.shrinks().map(sb -> pair(a, sb))));
    }
}
