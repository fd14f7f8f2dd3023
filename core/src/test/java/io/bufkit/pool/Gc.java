package io.bufkit.pool;

import io.bufkit.testsupport.Eventually;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Forces garbage collection until a condition holds, with a bounded wait. */
final class Gc {

    private Gc() {
    }

    /** Runs {@code System.gc()} until {@code condition} holds or ten seconds passed; returns whether it holds. */
    static boolean until(BooleanSupplier condition) {
        return Eventually.until(condition, Eventually.TEN_SECONDS, Duration.ofMillis(10), System::gc);
    }

    /** Runs collections until an object dropped now has been collected: at least one full cycle happened. */
    static void fullCycle() {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        if (!until(() -> canary.get() == null)) {
            throw new AssertionError("no garbage collection within ten seconds");
        }
    }
}
