package io.bufkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.MutableByteView;
import io.bufkit.testsupport.CapturingLogger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The shared-state scenario: several threads acquire, write their id over the whole buffer, verify it and
 * release, many times, with exact invariants at the end.
 */
class ConcurrencyStressTest {

    private static final int THREADS = 4;
    private static final int CYCLES = 20_000;

    /** One worker's acquire / write own id / verify / release cycles; returns its count of overflow leases. */
    private interface Acquirer {
        PooledLease acquire(BufferPool pool) throws Exception;
    }

    private static long runWorkers(BufferPool pool, Acquirer acquirer, boolean releaseThroughBuffer) throws Exception {
        ConcurrentHashMap<String, Integer> holders = new ConcurrentHashMap<>();
        ExecutorService exec = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                byte id = (byte) (t + 1);
                results.add(exec.submit(() -> {
                    start.await();
                    long overflow = 0;
                    for (int i = 0; i < CYCLES; i++) {
                        PooledLease lease = acquirer.acquire(pool);
                        if (lease.isOverflow()) {
                            overflow++;
                        } else {
                            Integer other = holders.putIfAbsent(lease.name(), (int) id);
                            if (other != null) {
                                throw new AssertionError(lease.name() + " held by threads " + other + " and " + id);
                            }
                        }
                        MutableByteView v = lease.view();
                        v.fill(id);
                        for (int at = 0; at < v.length(); at += 8) {
                            long expected = 0x0101010101010101L * id;
                            if (v.i64be(at) != expected) {
                                throw new AssertionError("thread " + id + " found foreign bytes at " + at
                                        + " of " + lease.name());
                            }
                        }
                        if (!lease.isOverflow()) {
                            holders.remove(lease.name(), (int) id);
                        }
                        if (releaseThroughBuffer && (i & 1) == 0) {
                            pool.release(lease.buffer());
                        } else {
                            lease.close();
                        }
                    }
                    return overflow;
                }));
            }
            long overflow = 0;
            for (Future<Long> f : results) {
                overflow += f.get(60, TimeUnit.SECONDS);
            }
            return overflow;
        } finally {
            exec.shutdownNow();
            assertTrue(exec.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static BufferPool.Builder builder(int capacity) {
        return BufferPool.builder().name("stress").bufferSize(256).capacity(capacity);
    }

    private static void assertQuiet(BufferPool pool, long overflow) {
        PoolStats s = pool.stats();
        long total = (long) THREADS * CYCLES;
        assertEquals(0, pool.used());
        assertEquals(pool.capacity(), pool.available());
        assertEquals(total, s.acquired());
        assertEquals(total, s.released());
        assertEquals(0, s.outstanding());
        assertEquals(overflow, s.overflowAllocated());
        assertEquals(overflow, s.overflowDropped());
        assertEquals(0, s.doubleReleases());
        assertEquals(0, s.foreignReleases());
        assertEquals(0, s.leaks());
        assertTrue(s.peakUsed() >= 1 && s.peakUsed() <= pool.capacity(), "peak " + s.peakUsed());
        assertEquals(0, pool.waiting());
    }

    @Test
    void threadsNeverShareABufferAndEveryLeaseComesBack() throws Exception {
        BufferPool pool = builder(8).build();
        long overflow = runWorkers(pool, BufferPool::acquire, false);
        assertQuiet(pool, overflow);
        assertEquals(0, overflow);
    }

    @Test
    void overflowUnderContentionIsCountedExactly() throws Exception {
        BufferPool pool = builder(2).overflowWarningInterval(Duration.ofDays(1)).logger(new CapturingLogger()).build();
        long overflow = runWorkers(pool, BufferPool::acquire, true);
        assertQuiet(pool, overflow);
        assertEquals(2, pool.stats().peakUsed());
    }

    @Test
    void waitingThreadsShareFewBuffersWithoutLosingAny() throws Exception {
        BufferPool pool = builder(2).clearOnRelease(true).build();
        long overflow = runWorkers(pool, p -> p.acquire(Duration.ofSeconds(30)), true);
        assertQuiet(pool, overflow);
        assertEquals(0, overflow);
    }

    @Test
    void asyncWaitersShareFewBuffersWithoutLosingAny() throws Exception {
        BufferPool pool = builder(2).maxWaiters(THREADS).build();
        long overflow = runWorkers(pool, p -> p.acquireAsync().get(30, TimeUnit.SECONDS), false);
        assertQuiet(pool, overflow);
        assertEquals(0, pool.stats().rejections());
    }

    @Test
    void racingReleasesOfOneLeaseHaveExactlyOneWinner() throws Exception {
        BufferPool pool = builder(1).leakDetection(LeakDetection.NONE).build();
        int rounds = 2_000;
        AtomicLong wins = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        PooledLease[] current = new PooledLease[1];
        ByteBuffer[] currentBuffer = new ByteBuffer[1];
        CyclicBarrier go = new CyclicBarrier(2, () -> {
            current[0] = pool.acquire();
            currentBuffer[0] = current[0].buffer();
        });
        CyclicBarrier done = new CyclicBarrier(2);
        Runnable closer = racer(go, done, rounds, wins, rejected, () -> current[0].close());
        Runnable bufferReleaser = racer(go, done, rounds, wins, rejected, () -> pool.release(currentBuffer[0]));
        Thread a = new Thread(closer);
        Thread b = new Thread(bufferReleaser);
        a.start();
        b.start();
        a.join(60_000);
        b.join(60_000);
        assertEquals(rounds, wins.get());
        assertEquals(rounds, rejected.get());
        PoolStats s = pool.stats();
        assertEquals(rounds, s.acquired());
        assertEquals(rounds, s.released());
        assertEquals(rounds, s.doubleReleases());
        assertEquals(1, pool.available());
    }

    private static Runnable racer(CyclicBarrier go, CyclicBarrier done, int rounds, AtomicLong wins,
            AtomicLong rejected, Runnable release) {
        return () -> {
            try {
                for (int r = 0; r < rounds; r++) {
                    go.await();
                    try {
                        release.run();
                        wins.incrementAndGet();
                    } catch (DoubleReleaseException e) {
                        rejected.incrementAndGet();
                    }
                    done.await();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void racingCloseOfTheSameLeaseHasExactlyOneWinner() throws Exception {
        BufferPool pool = builder(1).leakDetection(LeakDetection.NONE).build();
        int rounds = 2_000;
        AtomicLong wins = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        PooledLease[] current = new PooledLease[1];
        CyclicBarrier go = new CyclicBarrier(2, () -> current[0] = pool.acquire());
        CyclicBarrier done = new CyclicBarrier(2);
        Thread a = new Thread(racer(go, done, rounds, wins, rejected, () -> current[0].close()));
        Thread b = new Thread(racer(go, done, rounds, wins, rejected, () -> current[0].close()));
        a.start();
        b.start();
        a.join(60_000);
        b.join(60_000);
        assertEquals(rounds, wins.get());
        assertEquals(rounds, rejected.get());
        assertEquals(rounds, pool.stats().doubleReleases());
        assertEquals(rounds, pool.stats().released());
        assertEquals(1, pool.available());
    }

    @Test
    void cancelledAndTimedOutWaitersNeverSwallowABufferUnderContention() throws Exception {
        BufferPool pool = builder(2).maxWaiters(THREADS).build();
        AtomicLong served = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        ExecutorService exec = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                results.add(exec.submit(() -> {
                    Random rnd = new Random(seed);
                    for (int i = 0; i < CYCLES / 4; i++) {
                        PooledLease lease;
                        if (rnd.nextBoolean()) {
                            CompletableFuture<PooledLease> f = pool.acquireAsync();
                            if (rnd.nextInt(3) == 0 && f.cancel(false)) {
                                continue;
                            }
                            lease = f.get(30, TimeUnit.SECONDS);
                        } else {
                            try {
                                lease = pool.acquire(Duration.ofNanos(rnd.nextInt(20_000)));
                            } catch (PoolExhaustedException e) {
                                timedOut.incrementAndGet();
                                continue;
                            }
                        }
                        lease.view().putU8(0, 1);
                        lease.close();
                        served.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            exec.shutdownNow();
            assertTrue(exec.awaitTermination(10, TimeUnit.SECONDS));
        }
        PoolStats s = pool.stats();
        assertEquals(0, pool.used());
        assertEquals(2, pool.available());
        assertEquals(0, pool.waiting());
        assertEquals(served.get(), s.acquired());
        assertEquals(served.get(), s.released());
        assertEquals(timedOut.get(), s.rejections());
        assertEquals(0, s.overflowAllocated());
    }
}
