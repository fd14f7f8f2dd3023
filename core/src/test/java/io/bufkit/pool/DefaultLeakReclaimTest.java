package io.bufkit.pool;

import io.bufkit.testsupport.CapturingLogger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under the default settings, no leaked buffer is lost: every one comes back, counted and reported. */
class DefaultLeakReclaimTest {

    private final CapturingLogger log = new CapturingLogger();

    /** Acquires {@code n} leases and drops them all unreleased; no reference survives this method. */
    private static void leakAll(BufferPool pool, int n) {
        for (int i = 0; i < n; i++) {
            pool.acquire().view().putU8(0, i & 0xFF);
        }
    }

    @Test
    void everyLeakedBufferReturnsToThePoolUnderTheDefaultSettings() {
        BufferPool pool = BufferPool.builder().name("defaults").bufferSize(16).capacity(500).logger(log).build();
        leakAll(pool, 500);
        assertTrue(Gc.until(() -> pool.stats().leaks() == 500), "only " + pool.stats().leaks() + " of 500 leaks found");
        assertEquals(0, pool.used());
        assertEquals(500, pool.available());
        assertEquals(500, log.at(Level.ERROR).stream().filter(e -> e.message().startsWith("LEAK: ")).count());
        assertEquals(0, pool.stats().outstanding());
    }

    @Test
    void aFailingPoolRecoversFromLeaksUnderTheDefaultLeakDetection() throws InterruptedException {
        BufferPool pool = BufferPool.builder().name("failing").bufferSize(16).capacity(64)
                .overflowPolicy(OverflowPolicy.FAIL).logger(log).build();
        leakAll(pool, 64);
        assertTrue(Gc.until(() -> pool.available() == 64), pool.available() + " of 64 buffers came back");
        pool.acquire(Duration.ZERO).close();
        pool.acquire().close();
    }

    @Test
    void everyLeakedBufferIsReportedWithItsAcquisitionSiteUnderParanoid() {
        BufferPool pool = BufferPool.builder().name("paranoid").bufferSize(16).capacity(50)
                .leakDetection(LeakDetection.PARANOID).logger(log).build();
        leakAll(pool, 50);
        assertTrue(Gc.until(() -> pool.stats().leaks() == 50), pool.stats().leaks() + " of 50 leaks found");
        assertTrue(log.at(Level.ERROR).stream().allMatch(e -> e.thrown() != null && java.util.Arrays.stream(
                e.thrown().getStackTrace()).anyMatch(f -> f.getMethodName().equals("leakAll"))));
    }

    @Test
    void liveAndReleasedLeasesAreNeverReclaimedUnderTheDefaultSettings() {
        BufferPool pool = BufferPool.builder().name("defaults").bufferSize(16).capacity(4).logger(log).build();
        PooledLease kept = pool.acquire();
        java.nio.ByteBuffer keptBuffer = pool.acquire().buffer();   // the lease is dropped, its buffer kept
        io.bufkit.ByteView keptView = pool.acquire().view();         // the lease is dropped, a view kept
        for (int i = 0; i < 1000; i++) {
            pool.acquire().close();
        }
        Gc.fullCycle();
        Gc.fullCycle();
        assertEquals(0, pool.stats().leaks());
        assertEquals(3, pool.used());
        assertTrue(keptView.isValid());
        kept.view().putU8(0, 1);
        pool.release(keptBuffer);
        kept.close();
        java.lang.ref.Reference.reachabilityFence(keptView);
        keptView = null;
        assertTrue(Gc.until(() -> pool.stats().leaks() == 1), "the lease held through a view was not reclaimed");
        assertEquals(0, pool.used());
    }

    @Test
    void busyThreadsUnderRepeatedCollectionsNeverSeeALiveLeaseReclaimed() throws Exception {
        BufferPool pool = BufferPool.builder().name("busy").bufferSize(16).capacity(4).logger(log).build();
        long stopAt = System.nanoTime() + 1_500_000_000L;
        java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
        Runnable worker = () -> {
            int i = 0;
            while (System.nanoTime() < stopAt) {
                int value = ++i & 0xFF;
                try (PooledLease lease = pool.acquire()) {
                    lease.view().putU8(0, value);
                    if (i % 64 == 0) {
                        Thread.yield();   // let the collector run while the lease is held
                    }
                    assertEquals(value, lease.view().u8(0), "another tenant wrote into this lease's buffer");
                }
                rounds.incrementAndGet();
            }
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                done.add(threads.submit(worker));
            }
            while (System.nanoTime() < stopAt) {
                System.gc();
                Thread.sleep(5);
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();   // a live lease reclaimed as a leak would make its close() throw here
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(rounds.get() > 1000, rounds + " rounds");
        assertEquals(0, pool.stats().leaks());
        assertEquals(0, pool.stats().doubleReleases());
        assertEquals(0, pool.used());
    }
}
