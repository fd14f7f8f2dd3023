package io.bufkit.testkit;

import java.util.Objects;

/**
 * What a decoding produced: a value, or an exception it threw.
 */
final class Outcome {

    private final Object value;
    private final Throwable thrown;

    private Outcome(Object value, Throwable thrown) {
        this.value = value;
        this.thrown = thrown;
    }

    static Outcome returned(Object value) {
        return new Outcome(value, null);
    }

    static Outcome threw(Throwable thrown) {
        if (thrown instanceof OutOfMemoryError) {
            throw (OutOfMemoryError) thrown;
        }
        return new Outcome(null, thrown);
    }

    boolean returnedNormally() {
        return thrown == null;
    }

    Throwable thrown() {
        return thrown;
    }

    /**
     * Whether two outcomes agree: equal values (arrays compared deeply), or exceptions of the same class.
     *
     * @throws RuntimeException whatever a value's {@code equals} throws
     */
    boolean sameAs(Outcome other) {
        if (thrown != null || other.thrown != null) {
            return thrown != null && other.thrown != null && thrown.getClass() == other.thrown.getClass();
        }
        return Objects.deepEquals(value, other.value);
    }

    String describe() {
        return thrown != null ? "threw " + thrown : Text.describe(value);
    }
}
