package io.bufkit.testkit;

import java.util.Iterator;
import java.util.function.Function;

/**
 * Greedy shrinking: from a failing value, repeatedly move to the first shrink that still fails.
 */
final class Shrinker {

    private Shrinker() {
    }

    /**
     * The result of shrinking.
     *
     * @param value the smallest failing value found
     * @param failure what the check reported for it
     * @param steps how many times a smaller failing value was found
     * @param attempts how many candidates were checked
     * @param <T> the value type
     * @param <F> the failure type
     */
    record Result<T, F>(Shrinkable<T> value, F failure, int steps, int attempts) {
    }

    /**
     * Shrinks {@code failing}.
     *
     * @param failing a failing value
     * @param failure what the check reported for it
     * @param check returns the failure of a candidate, or {@code null} when the candidate passes
     * @param maxAttempts the most candidates to check
     */
    static <T, F> Result<T, F> shrink(Shrinkable<T> failing, F failure, Function<? super T, ? extends F> check,
            int maxAttempts) {
        Shrinkable<T> current = failing;
        F currentFailure = failure;
        int steps = 0;
        int attempts = 0;
        boolean improved = true;
        while (improved && attempts < maxAttempts) {
            improved = false;
            Iterator<Shrinkable<T>> candidates = current.shrinks().iterator();
            while (candidates.hasNext() && attempts < maxAttempts) {
                Shrinkable<T> candidate = candidates.next();
                attempts++;
                F f = check.apply(candidate.value());
                if (f != null) {
                    current = candidate;
                    currentFailure = f;
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        return new Result<>(current, currentFailure, steps, attempts);
    }
}
