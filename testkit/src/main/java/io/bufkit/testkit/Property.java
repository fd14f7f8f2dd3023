package io.bufkit.testkit;

import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.opentest4j.TestAbortedException;

/**
 * A property over generated values: a check that must hold for every value of a generator.
 *
 * <pre>{@code
 * @Test
 * void sensorRecordsSurviveEncodeAndDecode() {
 *     Property.forAll(sensorReadings).check(reading -> {
 *         MutableByteView buf = MutableByteView.allocate(codec.size());
 *         codec.encode(reading, buf);
 *         assertEquals(reading, codec.decode(buf));
 *     });
 * }
 * }</pre>
 *
 * <p>{@link #check(ThrowingConsumer)} runs the check on {@code tries} values. When the check throws, the
 * failing value is shrunk — the runner repeatedly moves to a simpler value that still fails — and a
 * {@link PropertyFailure} reports the seed, the try and the shrunk value, with what the check threw as cause.
 *
 * <p>A check may discard a value with a JUnit assumption ({@code Assumptions.assumeTrue(...)}): a discarded
 * value counts as a try but neither passes nor fails, and shrinking never moves to a discarded value. A run
 * in which every value is discarded fails, because it checked nothing.
 *
 * <p>Tries come from {@link #tries(int)}, else the system property {@code bufkit.tries}, else 200. The seed
 * comes from {@link #seed(long)}, else the system property {@code bufkit.seed} (empty means unset), else a
 * fresh random seed. The same seed and tries generate the same values, so the seed printed by a failure
 * replays it: {@code mvn -B verify -Dbufkit.seed=<seed>}. Run many more tries with
 * {@code mvn -B verify -Dbufkit.tries=100000}. Properties are immutable: each setting returns a new one.
 *
 * @param <T> the type of the generated values
 */
public final class Property<T> {

    /** Shrink candidates checked at most, unless changed with {@link #maxShrinkAttempts(int)}. */
    public static final int DEFAULT_MAX_SHRINK_ATTEMPTS = 10_000;

    private final Gen<T> gen;
    private final int tries;
    private final Long seed;
    private final int maxShrinkAttempts;

    private Property(Gen<T> gen, int tries, Long seed, int maxShrinkAttempts) {
        this.gen = gen;
        this.tries = tries;
        this.seed = seed;
        this.maxShrinkAttempts = maxShrinkAttempts;
    }

    /**
     * A property over the values of {@code gen}.
     *
     * @param gen the generator of values to check
     * @param <T> the value type
     * @return the property, with default settings
     */
    public static <T> Property<T> forAll(Gen<T> gen) {
        return new Property<>(Objects.requireNonNull(gen, "gen"), 0, null, DEFAULT_MAX_SHRINK_ATTEMPTS);
    }

    /**
     * Sets the number of values to check, overriding {@code bufkit.tries}.
     *
     * @param tries at least 1
     * @return a property with that setting
     * @throws IllegalArgumentException if {@code tries} is less than 1
     */
    public Property<T> tries(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries " + tries + " must be at least 1");
        }
        return new Property<>(gen, tries, seed, maxShrinkAttempts);
    }

    /**
     * Fixes the seed, overriding {@code bufkit.seed}.
     *
     * @param seed the seed
     * @return a property with that setting
     */
    public Property<T> seed(long seed) {
        return new Property<>(gen, tries, seed, maxShrinkAttempts);
    }

    /**
     * Sets how many shrink candidates to check at most before reporting.
     *
     * @param maxShrinkAttempts at least 0 (0 reports the first failing value as found)
     * @return a property with that setting
     * @throws IllegalArgumentException if {@code maxShrinkAttempts} is negative
     */
    public Property<T> maxShrinkAttempts(int maxShrinkAttempts) {
        if (maxShrinkAttempts < 0) {
            throw new IllegalArgumentException("maxShrinkAttempts " + maxShrinkAttempts + " is negative");
        }
        return new Property<>(gen, tries, seed, maxShrinkAttempts);
    }

    /**
     * Checks the property: runs {@code check} on every generated value and fails on the first value for which
     * it throws, after shrinking it.
     *
     * @param check the check; it fails by throwing (an assertion error or any exception), and discards a value
     *     by failing a JUnit assumption
     * @throws PropertyFailure if a value fails the check, or if every value was discarded; the message names
     *     seed, try and shrunk value
     */
    public void check(ThrowingConsumer<? super T> check) {
        Objects.requireNonNull(check, "check");
        long runSeed = Settings.seed(seed);
        int runTries = Settings.tries(tries);
        SplittableRandom root = new SplittableRandom(runSeed);
        int discarded = 0;
        for (int t = 1; t <= runTries; t++) {
            Shrinkable<T> sample = gen.sample(root.split());
            Throwable failure = run(check, sample.value());
            if (failure instanceof TestAbortedException) {
                discarded++;
            } else if (failure != null) {
                Shrinker.Result<T, Throwable> shrunk = Shrinker.shrink(sample, failure, v -> failureOf(check, v),
                        maxShrinkAttempts);
                throw failure(runSeed, t, runTries, sample.value(), shrunk);
            }
        }
        if (discarded == runTries) {
            throw new PropertyFailure("every one of the " + runTries + " generated values was discarded by an "
                    + "assumption, so nothing was checked; generate values that meet the assumption"
                    + "\n  seed:     " + runSeed + "  (replay: -Dbufkit.seed=" + runSeed + ")",
                    runSeed, runTries, 0, "", null);
        }
    }

    /** What {@code check} threw for {@code value}, or {@code null}. */
    private static <T> Throwable run(ThrowingConsumer<? super T> check, T value) {
        try {
            check.accept(value);
            return null;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) {
            return e;
        }
    }

    /** What {@code check} threw for {@code value}, or {@code null} if it passed or discarded the value. */
    private static <T> Throwable failureOf(ThrowingConsumer<? super T> check, T value) {
        Throwable t = run(check, value);
        return t instanceof TestAbortedException ? null : t;
    }

    private static <T> PropertyFailure failure(long seed, int tryNumber, int tries, T original,
            Shrinker.Result<T, Throwable> shrunk) {
        String counterexample = Text.describe(shrunk.value().value());
        String message = "property failed for " + counterexample
                + "\n  seed:     " + seed + "  (replay: -Dbufkit.seed=" + seed + ")"
                + "\n  try:      " + tryNumber + " of " + tries
                + "\n  shrunk:   " + Text.count(shrunk.steps(), "step") + ", "
                + Text.count(shrunk.attempts(), "candidate") + " checked"
                + (shrunk.steps() > 0 ? "\n  original: " + Text.describe(original) : "")
                + "\n  failure:  " + shrunk.failure();
        return new PropertyFailure(message, seed, tryNumber, shrunk.steps(), counterexample, shrunk.failure());
    }
}
