package io.bufkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.testsupport.CapturingLogger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LeakDetectionTest {

    private final CapturingLogger log = new CapturingLogger();

    private BufferPool pool(LeakDetection level) {
        return BufferPool.builder().name("leaky").bufferSize(64).capacity(2).leakDetection(level)
                .leakSampleInterval(1).logger(log).build();
    }

    /** Acquires and drops a lease without releasing it; no reference survives this method. */
    private static void leak(BufferPool pool) {
        pool.acquire().view().putU8(0, 1);
    }

    private static ByteBuffer leakKeepingTheBuffer(BufferPool pool) {
        return pool.acquire().buffer();
    }

    private static ByteView leakKeepingAView(BufferPool pool) {
        return pool.acquire().view().slice(0, 8);
    }

    @Test
    void paranoidReportsADroppedLeaseWithItsAcquisitionStack() {
        BufferPool pool = pool(LeakDetection.PARANOID);
        leak(pool);
        assertTrue(Gc.until(() -> pool.stats().leaks() == 1), "leak not detected");
        List<CapturingLogger.Entry> errors = log.at(Level.ERROR);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("LEAK: pool 'leaky' buffer #0"), errors.get(0).message());
        Throwable site = errors.get(0).thrown();
        assertNotNull(site);
        assertTrue(Arrays.stream(site.getStackTrace()).anyMatch(f -> f.getMethodName().equals("leak")));
    }

    @Test
    void leakedBufferReturnsToThePool() {
        BufferPool pool = pool(LeakDetection.PARANOID);
        leak(pool);
        assertTrue(Gc.until(() -> pool.available() == 2), "buffer did not come back");
        assertEquals(0, pool.used());
        PoolStats s = pool.stats();
        assertEquals(1, s.acquired());
        assertEquals(0, s.released());
        assertEquals(1, s.leaks());
        assertEquals(0, s.outstanding());
    }

    @Test
    void sampledReportsAnUnsampledLeakWithoutAStackAndSaysHowToGetOne() {
        BufferPool pool = BufferPool.builder().name("leaky").bufferSize(64).capacity(2)
                .leakDetection(LeakDetection.SAMPLED).leakSampleInterval(1 << 24).logger(log).build();
        leak(pool);
        assertTrue(Gc.until(() -> pool.stats().leaks() == 1), "leak not detected");
        CapturingLogger.Entry report = log.at(Level.ERROR).get(0);
        assertNull(report.thrown());
        assertTrue(report.message().contains("LeakDetection.PARANOID"), report.message());
    }

    @Test
    void sampledRecordsTheSiteOfASampledLeak() {
        BufferPool pool = pool(LeakDetection.SAMPLED);
        leak(pool);
        assertTrue(Gc.until(() -> pool.stats().leaks() == 1), "leak not detected");
        Throwable site = log.at(Level.ERROR).get(0).thrown();
        assertNotNull(site);
        assertTrue(Arrays.stream(site.getStackTrace()).anyMatch(f -> f.getMethodName().equals("leak")));
    }

    @Test
    void aLeaseHeldThroughItsBufferIsNotALeakUntilTheBufferIsDropped() {
        BufferPool pool = pool(LeakDetection.PARANOID);
        ByteBuffer kept = leakKeepingTheBuffer(pool);
        Gc.fullCycle();
        Gc.fullCycle();
        assertEquals(0, pool.stats().leaks());
        assertEquals(1, pool.used());
        java.lang.ref.Reference.reachabilityFence(kept);
        kept = null;
        assertTrue(Gc.until(() -> pool.stats().leaks() == 1), "leak not detected after the buffer was dropped");
        assertEquals(0, pool.used());
    }

    @Test
    void aLeaseHeldThroughABufferCanStillBeReleasedWithIt() {
        BufferPool pool = pool(LeakDetection.PARANOID);
        ByteBuffer kept = leakKeepingTheBuffer(pool);
        Gc.fullCycle();
        pool.release(kept);
        assertEquals(0, pool.used());
        assertEquals(1, pool.stats().released());
        assertEquals(0, pool.stats().leaks());
    }

    @Test
    void aLeaseHeldThroughAViewIsNotALeak() {
        BufferPool pool = pool(LeakDetection.PARANOID);
        ByteView kept = leakKeepingAView(pool);
        Gc.fullCycle();
        Gc.fullCycle();
        assertEquals(0, pool.stats().leaks());
        assertTrue(kept.isValid());
    }

    @Test
    void releasedLeasesAreNotReportedAsLeaks() {
        BufferPool pool = pool(LeakDetection.PARANOID);
        for (int i = 0; i < 10; i++) {
            pool.acquire().close();
        }
        leak(pool);
        assertTrue(Gc.until(() -> pool.stats().leaks() == 1), "leak not detected");
        Gc.fullCycle();
        assertEquals(1, pool.stats().leaks());
        assertEquals(1, log.at(Level.ERROR).size());
    }

    @Test
    void noneDoesNotTrackAndALeakedBufferStaysLost() {
        BufferPool pool = pool(LeakDetection.NONE);
        leak(pool);
        Gc.fullCycle();
        Gc.fullCycle();
        assertEquals(1, pool.used());
        assertEquals(0, pool.stats().leaks());
    }

    @Test
    void leakedOverflowLeaseIsCountedAndDropped() {
        BufferPool pool = BufferPool.builder().name("leaky").bufferSize(64).capacity(1)
                .leakDetection(LeakDetection.PARANOID).logger(log).build();
        PooledLease held = pool.acquire();
        leak(pool);
        assertTrue(Gc.until(() -> pool.stats().leaks() == 1), "leak not detected");
        assertTrue(log.at(Level.ERROR).get(0).message().contains("overflow buffer was dropped"));
        assertEquals(1, pool.used());
        held.close();
        assertEquals(1, pool.available());
    }

    @Test
    void clearOnReleaseZeroesReleasedHeapMemory() {
        BufferPool pool = BufferPool.builder().bufferSize(64).capacity(1).clearOnRelease(true).build();
        try (PooledLease lease = pool.acquire()) {
            lease.view().fill((byte) 0x5A);
        }
        try (PooledLease lease = pool.acquire()) {
            assertTrue(Arrays.equals(new byte[64], lease.view().toByteArray()));
        }
    }

    @Test
    void clearOnReleaseZeroesReleasedDirectMemory() {
        BufferPool pool = BufferPool.builder().bufferSize(10_000).capacity(1).direct(true).clearOnRelease(true).build();
        try (PooledLease lease = pool.acquire()) {
            lease.view().fill((byte) 0x5A);
        }
        try (PooledLease lease = pool.acquire()) {
            assertTrue(Arrays.equals(new byte[10_000], lease.view().toByteArray()));
        }
    }

    @Test
    void withoutClearOnReleaseTheNextTenantSeesOldBytes() {
        BufferPool pool = BufferPool.builder().bufferSize(64).capacity(1).build();
        try (PooledLease lease = pool.acquire()) {
            lease.view().fill((byte) 0x5A);
        }
        try (PooledLease lease = pool.acquire()) {
            assertEquals(0x5A, lease.view().u8(63));
        }
    }

    @Test
    void clearOnReleaseZeroesLeakedMemoryBeforeReuse() {
        BufferPool pool = BufferPool.builder().bufferSize(64).capacity(1).clearOnRelease(true)
                .leakDetection(LeakDetection.PARANOID).logger(log).build();
        leak(pool);
        assertTrue(Gc.until(() -> pool.available() == 1), "leak not detected");
        try (PooledLease lease = pool.acquire()) {
            assertEquals(0, lease.view().u8(0));
        }
    }

    @Test
    void sampledRecordsTheSiteOfAboutOneAcquisitionPerInterval() {
        BufferPool pool = BufferPool.builder().bufferSize(8).capacity(8).leakDetection(LeakDetection.SAMPLED)
                .leakSampleInterval(8).build();
        int tracked = 0;
        for (int i = 0; i < 8000; i++) {
            PooledLease lease = pool.acquire();
            if (lease.watch != null && lease.watch.acquiredAt != null) {
                tracked++;
            }
            lease.close();
        }
        assertTrue(tracked > 800 && tracked < 1200, tracked + " of 8000 tracked");
    }

    @Test
    void sampledSpreadsRecordedSitesOverEveryBuffer() {
        BufferPool pool = BufferPool.builder().bufferSize(8).capacity(4).leakDetection(LeakDetection.SAMPLED)
                .leakSampleInterval(16).build();
        Set<String> trackedBuffers = new HashSet<>();
        List<PooledLease> all = new ArrayList<>();
        for (int round = 0; round < 400; round++) {
            for (int i = 0; i < 4; i++) {
                all.add(pool.acquire());
            }
            for (PooledLease lease : all) {
                if (lease.watch != null && lease.watch.acquiredAt != null) {
                    trackedBuffers.add(lease.name());
                }
                lease.close();
            }
            all.clear();
        }
        assertEquals(4, trackedBuffers.size(), trackedBuffers.toString());
    }

    @Test
    void aLeakedBufferGoesToTheOldestWaiter() {
        BufferPool pool = BufferPool.builder().name("leaky").bufferSize(64).capacity(1)
                .leakDetection(LeakDetection.PARANOID).logger(log).build();
        leak(pool);
        CompletableFuture<PooledLease> waiter = pool.acquireAsync();
        assertTrue(Gc.until(waiter::isDone), "the waiter never got the leaked buffer");
        waiter.join().close();
        assertEquals(1, pool.available());
        assertEquals(1, pool.stats().leaks());
    }
}
