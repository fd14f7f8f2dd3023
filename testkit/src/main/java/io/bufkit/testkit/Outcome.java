package io.bufkit.testkit;

import java.util.Iterator;
import java.util.List;
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
     * Whether two outcomes agree: equal values (see {@link #valuesEqual}), or exceptions of the same class —
     * and with the same message when {@code compareMessages}.
     *
     * @throws RuntimeException whatever a value's {@code equals} throws
     */
    boolean sameAs(Outcome other, boolean compareMessages) {
        if (thrown != null || other.thrown != null) {
            return thrown != null && other.thrown != null && thrown.getClass() == other.thrown.getClass()
                    && (!compareMessages || Objects.equals(thrown.getMessage(), other.thrown.getMessage()));
        }
        return valuesEqual(value, other.value);
    }

    /**
     * {@link Objects#deepEquals(Object, Object)} that also looks inside lists, so that a {@code List<byte[]>}
     * compares by content.
     */
    static boolean valuesEqual(Object a, Object b) {
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!valuesEqual(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Object[] && b instanceof Object[]) {
            Object[] x = (Object[]) a;
            Object[] y = (Object[]) b;
            if (x.length != y.length) {
                return false;
            }
            for (int k = 0; k < x.length; k++) {
                if (!valuesEqual(x[k], y[k])) {
                    return false;
                }
            }
            return true;
        }
        return Objects.deepEquals(a, b);
    }

    String describe() {
        return thrown != null ? "threw " + thrown : Text.describe(value);
    }
}
