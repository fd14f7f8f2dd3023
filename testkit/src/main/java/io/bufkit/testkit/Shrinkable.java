package io.bufkit.testkit;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A generated value together with the simpler values it may shrink to, computed lazily.
 *
 * <p>A shrinkable is a tree: its {@linkplain #shrinks() shrinks} are shrinkables too, ordered from the most
 * aggressive simplification (tried first) to the least. When a property fails, the runner walks the tree
 * greedily: it takes the first shrink that still fails and continues from there, until no shrink fails.
 * Generators built with the {@link Gen} combinators ({@link Gen#map(Function)}, {@link Gen#flatMap(Function)},
 * {@link Gen#listOf(Gen, int, int)}, …) compose their shrinkables, so shrinking keeps working through them.
 *
 * @param <T> the value type
 */
public final class Shrinkable<T> {

    private final T value;
    private final Supplier<? extends Stream<Shrinkable<T>>> shrinks;

    private Shrinkable(T value, Supplier<? extends Stream<Shrinkable<T>>> shrinks) {
        this.value = value;
        this.shrinks = shrinks;
    }

    /**
     * A value that does not shrink.
     *
     * @param value the value
     * @param <T> the value type
     * @return a shrinkable with no shrinks
     */
    public static <T> Shrinkable<T> of(T value) {
        return new Shrinkable<>(value, Stream::empty);
    }

    /**
     * A value with the given shrinks.
     *
     * @param value the value
     * @param shrinks called each time the shrinks are needed; returns them simplest first
     * @param <T> the value type
     * @return the shrinkable
     */
    public static <T> Shrinkable<T> of(T value, Supplier<? extends Stream<Shrinkable<T>>> shrinks) {
        return new Shrinkable<>(value, Objects.requireNonNull(shrinks, "shrinks"));
    }

    /**
     * A value whose shrink tree is unfolded from a function giving the direct simplifications of a value.
     *
     * @param value the value
     * @param shrinker gives the direct simplifications of a value, simplest first; each must be strictly
     *     simpler than its argument so that shrinking ends
     * @param <T> the value type
     * @return the shrinkable
     */
    public static <T> Shrinkable<T> unfold(T value, Function<? super T, ? extends Stream<? extends T>> shrinker) {
        Objects.requireNonNull(shrinker, "shrinker");
        return new Shrinkable<>(value, () -> shrinker.apply(value).map(v -> unfold(v, shrinker)));
    }

    /**
     * The value.
     *
     * @return the value
     */
    public T value() {
        return value;
    }

    /**
     * The direct shrinks of this value, simplest first. Computed lazily, anew on each call.
     *
     * @return the shrinks
     */
    public Stream<Shrinkable<T>> shrinks() {
        return shrinks.get();
    }

    /**
     * Maps the value and every shrink with {@code f}.
     *
     * @param f the mapping, called lazily for shrinks
     * @param <R> the mapped type
     * @return the mapped shrinkable
     */
    public <R> Shrinkable<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return new Shrinkable<R>(f.apply(value), () -> shrinks().map(s -> s.map(f)));
    }

    /**
     * Keeps only the shrinks (at every depth) whose value satisfies {@code keep}; this value itself is kept.
     *
     * @param keep the predicate a shrink must satisfy
     * @return the filtered shrinkable
     */
    public Shrinkable<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        return new Shrinkable<>(value, () -> shrinks().filter(s -> keep.test(s.value)).map(s -> s.filter(keep)));
    }

    /**
     * Describes the value.
     *
     * @return the value's description
     */
    @Override
    public String toString() {
        return "Shrinkable[" + Text.describe(value) + "]";
    }
}
