package io.bufkit.pool;

import io.bufkit.testsupport.CapturingLogger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Asynchronous waiters that are abandoned, time out or are completed by their caller cannot wedge the pool. */
class AbandonedWaiterTest {

    private static BufferPool pool(int maxWaiters, Duration maxWait) {
        return BufferPool.builder().name("async").bufferSize(16).capacity(1).maxWaiters(maxWaiters)
                .maxWait(maxWait).logger(CapturingLogger.discarding()).build();
    }

    /** Starts waiting and forgets the future, as a caller that stops waiting without cancelling does. */
    private static void abandon(BufferPool pool) {
        pool.acquireAsync();
    }

    /** A new waiter gets the buffer {@code held} goes back with, and the pool ends empty. */
    private static void assertANewWaiterIsServed(BufferPool pool, PooledLease held) {
        CompletableFuture<PooledLease> next = pool.acquireAsync();
        held.close();
        next.join().close();
        assertEquals(0, pool.used());
    }

    @Test
    void abandonedWaitersGiveTheirPlacesBackWithinMaxWait() throws InterruptedException {
        BufferPool pool = pool(8, Duration.ofMillis(200));
        PooledLease held = pool.acquire();
        for (int i = 0; i < 8; i++) {
            abandon(pool);
        }
        assertEquals(8, pool.waiting());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.waiting() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, pool.waiting(), "abandoned waiters still hold their places");
        assertANewWaiterIsServed(pool, held);
    }

    @Test
    void acquireAsyncWithATimeoutFailsWithPoolExhaustedAndFreesItsPlace() {
        BufferPool pool = pool(1, Duration.ofSeconds(30));
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> waiter = pool.acquireAsync(Duration.ofMillis(50));
        CompletionException e = assertThrows(CompletionException.class, waiter::join);
        assertInstanceOf(PoolExhaustedException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("within PT0.05S"), e.getCause().getMessage());
        assertEquals(0, pool.waiting());
        held.close();
        assertEquals(0, pool.used());
    }

    @Test
    void aBufferHandedToAnAbandonedFutureReturnsToThePool() {
        BufferPool pool = pool(1, Duration.ofSeconds(30));
        PooledLease held = pool.acquire();
        abandon(pool);
        held.close();   // hands the buffer to the abandoned future
        assertTrue(Gc.until(() -> pool.used() == 0), "the buffer handed to an abandoned future never came back");
        assertEquals(1, pool.stats().leaks());
    }

    @Test
    void aWaiterCompletedExceptionallyByItsCallerGivesItsPlaceBackAtOnce() {
        BufferPool pool = pool(1, Duration.ofSeconds(30));
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> waiter = pool.acquireAsync();
        waiter.completeExceptionally(new IllegalStateException("caller gave up"));
        assertEquals(0, pool.waiting());
        assertANewWaiterIsServed(pool, held);
    }

    @Test
    void aWaiterCancelledByItsCallerGivesItsPlaceBackAtOnce() {
        BufferPool pool = pool(1, Duration.ofSeconds(30));
        PooledLease held = pool.acquire();
        pool.acquireAsync().cancel(false);
        assertEquals(0, pool.waiting());
        held.close();
        assertEquals(0, pool.used());
    }
}
