package io.bufkit.pool;

import java.util.function.BooleanSupplier;

/** Polls a condition that another thread will make true, with a bounded wait. */
final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} until it holds or ten seconds passed; returns whether it holds. */
    static boolean until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
