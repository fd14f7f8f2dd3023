package io.bufkit.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting for a condition that another thread, or the garbage collector, will make true. */
public final class Eventually {

    /** How long {@link #until(BooleanSupplier)} waits. */
    public static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private Eventually() {
    }

    /**
     * Polls {@code condition} every millisecond until it holds or ten seconds passed.
     *
     * @param condition what to wait for
     * @return whether it holds; {@code false} also when the thread was interrupted (its flag is set again)
     */
    public static boolean until(BooleanSupplier condition) {
        return until(condition, TEN_SECONDS, Duration.ofMillis(1), () -> { });
    }

    /**
     * Polls {@code condition} until it holds or {@code limit} passed, running {@code beforeEachPause} and
     * then sleeping {@code pause} between two polls.
     *
     * @param condition what to wait for
     * @param limit how long to wait at most
     * @param pause how long to sleep between two polls
     * @param beforeEachPause what to do before each pause, for example {@code System::gc}
     * @return whether it holds; {@code false} also when the thread was interrupted (its flag is set again)
     */
    public static boolean until(BooleanSupplier condition, Duration limit, Duration pause, Runnable beforeEachPause) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            beforeEachPause.run();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until {@code condition} holds, polling every two milliseconds.
     *
     * @param condition what to wait for
     * @param limit how long to wait at most
     * @param what describes what is awaited and the state it is in, for the failure message
     * @throws AssertionError with {@code what} if it does not hold within {@code limit} or the thread is
     *     interrupted
     */
    public static void assertWithin(BooleanSupplier condition, Duration limit, Supplier<String> what) {
        if (!until(condition, limit, Duration.ofMillis(2), () -> { })) {
            throw new AssertionError(Thread.currentThread().isInterrupted() ? "interrupted while waiting for: " + what.get()
                    : "not within " + limit.toMillis() + " ms: " + what.get());
        }
    }
}
