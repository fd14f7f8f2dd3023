package io.bufkit.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The callers waiting for a pooled buffer of one pool, oldest first, at most {@code maxWaiters} of them.
 *
 * <p>No wake-up is lost: a caller that finds no free buffer queues itself — publishing
 * {@link #waiting()} {@code > 0} — and then calls {@link #serve()}; a releaser pushes its buffer onto the
 * free list and then, if {@link #waiting()} {@code > 0}, calls {@link #serve()}. {@code serve} takes a
 * buffer under the lock, so whichever of the two comes last hands the buffer over. A waiter's future is
 * completed outside the lock, because completing it runs the waiter's own code; if the waiter gave up
 * first (it was cancelled, completed by its caller or timed out), the buffer goes back and the next waiter
 * is tried, so none is ever swallowed.
 *
 * <p>No waiter waits without bound: a blocking caller waits with a timeout, and an asynchronous waiter's
 * future is failed by a timer when its timeout passes. A waiter that finishes in any way leaves the queue
 * at once.
 */
final class WaitQueue {

    /** Fails asynchronous waiters whose time is up; one daemon thread for every pool. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bufkit-pool-wait-timer");
            t.setDaemon(true);
            return t;
        });

        static {
            TIMER.setRemoveOnCancelPolicy(true);
        }
    }

    private final FreeBuffers pool;
    private final int maxWaiters;
    private final ReentrantLock lock = new ReentrantLock();
    /** Waiting acquisitions, oldest first; guarded by {@link #lock}. */
    private final ArrayDeque<CompletableFuture<PooledLease>> waiters = new ArrayDeque<>();
    /** The size of {@link #waiters}, readable without the lock; written under it. */
    private volatile int waiting;
    private final AtomicLong waits = new AtomicLong();

    WaitQueue(FreeBuffers pool, int maxWaiters) {
        this.pool = pool;
        this.maxWaiters = maxWaiters;
    }

    /** The number of callers waiting now. */
    int waiting() {
        return waiting;
    }

    /** The number of acquisitions that had to queue so far. */
    long waits() {
        return waits.get();
    }

    /** A free buffer unless older waiters are queued for one; {@code null} when there is none for this caller. */
    PooledLease tryTake() {
        lock.lock();
        try {
            dropFinishedLocked();
            return waiters.isEmpty() ? pool.leaseForWaiter() : null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A free buffer now (a completed future) unless older waiters are queued, else a place at the end of
     * the queue, to be awaited with {@link #await}.
     *
     * @throws PoolExhaustedException if {@code maxWaiters} callers already wait
     */
    CompletableFuture<PooledLease> takeOrEnqueue() {
        CompletableFuture<PooledLease> waiter;
        lock.lock();
        try {
            dropFinishedLocked();
            if (waiters.isEmpty()) {
                PooledLease lease = pool.leaseForWaiter();
                if (lease != null) {
                    return CompletableFuture.completedFuture(lease);
                }
            }
            waiter = enqueueLocked();
        } finally {
            lock.unlock();
        }
        serve();
        return waiter;
    }

    /**
     * {@link #takeOrEnqueue()} for a caller that does not block: a queued future is failed with
     * {@link PoolExhaustedException} once {@code timeout} has passed without a buffer.
     */
    CompletableFuture<PooledLease> takeOrEnqueue(Duration timeout) {
        CompletableFuture<PooledLease> waiter = takeOrEnqueue();
        if (!waiter.isDone()) {
            ScheduledFuture<?> expiry = Timer.TIMER.schedule(
                    () -> ForkJoinPool.commonPool().execute(() -> expire(waiter, timeout)),
                    saturatedNanos(timeout), TimeUnit.NANOSECONDS);
            waiter.whenComplete((lease, failure) -> expiry.cancel(false));
        }
        return waiter;
    }

    private void expire(CompletableFuture<PooledLease> waiter, Duration timeout) {
        if (!waiter.isDone()) {
            waiter.completeExceptionally(pool.reject("no buffer was released within " + timeout));
        }
    }

    private CompletableFuture<PooledLease> enqueueLocked() {
        if (waiters.size() >= maxWaiters) {
            waiters.removeIf(CompletableFuture::isDone);
            waiting = waiters.size();
            if (waiters.size() >= maxWaiters) {
                throw pool.reject(maxWaiters + " caller(s) already wait, the most allowed (maxWaiters)");
            }
        }
        CompletableFuture<PooledLease> waiter = new CompletableFuture<>();
        waiter.whenComplete((lease, failure) -> {
            if (failure != null) {
                forget(waiter);   // cancelled, failed by its caller or timed out: stop counting it as waiting
            }
        });
        waiters.addLast(waiter);
        waiting = waiters.size();
        waits.incrementAndGet();
        return waiter;
    }

    private void dropFinishedLocked() {
        CompletableFuture<PooledLease> head;
        while ((head = waiters.peekFirst()) != null && head.isDone()) {
            waiters.pollFirst();
        }
        waiting = waiters.size();
    }

    /** Hands free buffers to waiters, oldest first, until either runs out. */
    void serve() {
        for (;;) {
            CompletableFuture<PooledLease> waiter;
            PooledLease lease;
            lock.lock();
            try {
                dropFinishedLocked();
                waiter = waiters.peekFirst();
                if (waiter == null) {
                    return;
                }
                lease = pool.leaseForWaiter();
                if (lease == null) {
                    return;
                }
                waiters.pollFirst();
                waiting = waiters.size();
            } finally {
                lock.unlock();
            }
            if (!waiter.complete(lease)) {
                pool.takeBack(lease);   // the waiter gave up before the buffer reached it
            }
        }
    }

    /**
     * Waits for {@code waiter} up to {@code timeout}.
     *
     * @throws PoolExhaustedException if it timed out; the waiter is then withdrawn
     * @throws InterruptedException if the thread was interrupted; a buffer that arrived meanwhile is released
     */
    PooledLease await(CompletableFuture<PooledLease> waiter, Duration timeout) throws InterruptedException {
        try {
            return waiter.get(saturatedNanos(timeout), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (waiter.cancel(false)) {
                throw pool.reject("no buffer was released within " + timeout);
            }
            return waiter.join();   // a buffer arrived as the wait timed out
        } catch (InterruptedException e) {
            if (!waiter.cancel(false)) {
                waiter.join().close();  // a buffer arrived as the thread was interrupted: pass it on
            }
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a waiter of " + pool + " was completed exceptionally", e.getCause());
        }
    }

    private void forget(CompletableFuture<PooledLease> waiter) {
        lock.lock();
        try {
            waiters.remove(waiter);
            waiting = waiters.size();
        } finally {
            lock.unlock();
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
