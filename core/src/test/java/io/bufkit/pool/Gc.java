package io.bufkit.pool;

import java.lang.ref.WeakReference;
import java.util.function.BooleanSupplier;

/** Forces garbage collection until a condition holds, with a bounded wait. */
final class Gc {

    private Gc() {
    }

    /** Runs {@code System.gc()} until {@code condition} holds or ten seconds passed; returns whether it holds. */
    static boolean until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Runs collections until an object dropped now has been collected: at least one full cycle happened. */
    static void fullCycle() {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        if (!until(() -> canary.get() == null)) {
            throw new AssertionError("no garbage collection within ten seconds");
        }
    }
}
