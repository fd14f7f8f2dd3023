package io.bufkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.testsupport.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WaitingTest {

    private static BufferPool pool(int capacity, int maxWaiters) {
        return BufferPool.builder().name("wait").bufferSize(16).capacity(capacity).maxWaiters(maxWaiters)
                .leakDetection(LeakDetection.NONE).build();
    }

    @Test
    void acquireWithTimeoutReturnsAFreeBufferAtOnce() throws Exception {
        BufferPool pool = pool(1, 4);
        try (PooledLease lease = pool.acquire(Duration.ZERO)) {
            assertFalse(lease.isOverflow());
        }
        assertEquals(0, pool.stats().waits());
    }

    @Test
    void acquireWithTimeoutGetsABufferReleasedByAnotherThread() throws Exception {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        Thread releaser = new Thread(() -> {
            Eventually.until(() -> pool.waiting() == 1);
            held.close();
        });
        releaser.start();
        try (PooledLease lease = pool.acquire(Duration.ofSeconds(10))) {
            assertFalse(lease.isOverflow());
        }
        releaser.join();
        assertEquals(1, pool.stats().waits());
    }

    @Test
    void acquireWithTimeoutTimesOutWithPoolExhausted() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class,
                () -> pool.acquire(Duration.ofMillis(10)));
        assertTrue(e.getMessage().contains("no buffer was released within"), e.getMessage());
        assertEquals(1, pool.stats().rejections());
        held.close();
    }

    @Test
    void timedOutWaiterDoesNotSwallowALaterRelease() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        assertThrows(PoolExhaustedException.class, () -> pool.acquire(Duration.ofMillis(5)));
        assertEquals(0, pool.waiting());
        held.close();
        assertEquals(1, pool.available());
    }

    @Test
    void acquireWithNegativeTimeoutIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> pool(1, 1).acquire(Duration.ofMillis(-1)));
    }

    @Test
    void interruptedWaiterThrowsAndDoesNotSwallowABuffer() throws Exception {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                pool.acquire(Duration.ofSeconds(30)).close();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        waiter.start();
        assertTrue(Eventually.until(() -> pool.waiting() == 1));
        waiter.interrupt();
        waiter.join(10_000);
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        held.close();
        assertEquals(1, pool.available());
        assertEquals(0, pool.waiting());
    }

    @Test
    void acquireWithTimeoutOnAnInterruptedThreadThrowsBeforeWaiting() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> pool.acquire(Duration.ofSeconds(1)));
        assertFalse(Thread.interrupted());
        assertEquals(0, pool.waiting());
        held.close();
    }

    @Test
    void acquireAsyncCompletesAtOnceWhenABufferIsFree() {
        BufferPool pool = pool(1, 4);
        CompletableFuture<PooledLease> f = pool.acquireAsync();
        assertTrue(f.isDone());
        f.join().close();
    }

    @Test
    void acquireAsyncCompletesWhenABufferIsReleased() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> f = pool.acquireAsync();
        assertFalse(f.isDone());
        assertEquals(1, pool.waiting());
        held.close();
        assertTrue(f.isDone());
        f.join().close();
        assertEquals(1, pool.available());
    }

    @Test
    void releaseHandsTheBufferStraightToTheOldestWaiter() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        String slot = held.name();
        CompletableFuture<PooledLease> f = pool.acquireAsync();
        held.close();
        PooledLease next = f.join();
        assertEquals(slot, next.name());
        assertEquals(1, pool.used());
        assertEquals(0, pool.available());
        next.close();
    }

    @Test
    void waitersAreServedFirstInFirstOut() {
        BufferPool pool = pool(2, 8);
        PooledLease a = pool.acquire();
        PooledLease b = pool.acquire();
        List<CompletableFuture<PooledLease>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(pool.acquireAsync());
        }
        a.close();
        assertTrue(waiters.get(0).isDone());
        assertFalse(waiters.get(1).isDone());
        b.close();
        assertTrue(waiters.get(1).isDone());
        assertFalse(waiters.get(2).isDone());
        waiters.get(0).join().close();
        assertTrue(waiters.get(2).isDone());
        assertFalse(waiters.get(3).isDone());
        waiters.get(1).join().close();
        assertTrue(waiters.get(3).isDone());
        waiters.get(2).join().close();
        waiters.get(3).join().close();
        assertEquals(2, pool.available());
        assertEquals(4, pool.stats().waits());
    }

    @Test
    void acquireDoesNotJumpAheadOfWaiters() {
        BufferPool pool = BufferPool.builder().bufferSize(16).capacity(1).overflowPolicy(OverflowPolicy.FAIL)
                .leakDetection(LeakDetection.NONE).build();
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> waiter = pool.acquireAsync();
        held.close();
        assertThrows(PoolExhaustedException.class, pool::acquire);
        waiter.join().close();
    }

    @Test
    void acquireAsyncBeyondMaxWaitersFailsAtOnce() {
        BufferPool pool = pool(1, 2);
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> w1 = pool.acquireAsync();
        CompletableFuture<PooledLease> w2 = pool.acquireAsync();
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, pool::acquireAsync);
        assertTrue(e.getMessage().contains("2 caller(s) already wait"), e.getMessage());
        assertEquals(1, pool.stats().rejections());
        held.close();
        w1.join().close();
        w2.join().close();
    }

    @Test
    void cancelledWaiterNeverReceivesABuffer() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> cancelled = pool.acquireAsync();
        CompletableFuture<PooledLease> next = pool.acquireAsync();
        assertTrue(cancelled.cancel(false));
        held.close();
        assertTrue(cancelled.isCancelled());
        assertTrue(next.isDone());
        next.join().close();
        assertEquals(1, pool.available());
    }

    @Test
    void cancelledLastWaiterLeavesTheBufferInThePool() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> waiter = pool.acquireAsync();
        waiter.cancel(false);
        held.close();
        assertEquals(1, pool.available());
        assertEquals(0, pool.used());
        assertEquals(0, pool.waiting());
        assertEquals(1, pool.stats().acquired());
    }

    @Test
    void waiterThatTimedOutOnItsOwnNeverSwallowsABuffer() {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> waiter = pool.acquireAsync().orTimeout(1, TimeUnit.MILLISECONDS);
        assertTrue(Eventually.until(waiter::isDone));
        held.close();
        assertTrue(waiter.isCompletedExceptionally());
        assertEquals(1, pool.available());
    }

    @Test
    void cancelledWaitersDoNotCountTowardsTheBound() {
        BufferPool pool = pool(1, 1);
        PooledLease held = pool.acquire();
        pool.acquireAsync().cancel(false);
        CompletableFuture<PooledLease> w = pool.acquireAsync();
        assertFalse(w.isDone());
        held.close();
        w.join().close();
    }

    @Test
    void waiterCompletedOnTheReleasingThread() throws Exception {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        pool.acquireAsync().thenAccept(lease -> {
            ranOn.set(Thread.currentThread());
            lease.close();
            done.countDown();
        });
        held.close();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertSame(Thread.currentThread(), ranOn.get());
        assertEquals(1, pool.available());
    }

    @Test
    void blockingWaiterAndAsyncWaiterShareOneQueue() throws Exception {
        BufferPool pool = pool(1, 4);
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> first = pool.acquireAsync();
        CompletableFuture<PooledLease> second = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.acquire(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(Eventually.until(() -> pool.waiting() == 2));
        held.close();
        assertTrue(first.isDone());
        assertThrows(TimeoutException.class, () -> second.get(20, TimeUnit.MILLISECONDS));
        first.join().close();
        second.get(10, TimeUnit.SECONDS).close();
        assertEquals(1, pool.available());
    }
}
