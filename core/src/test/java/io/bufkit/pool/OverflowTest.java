package io.bufkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.testsupport.CapturingLogger;
import io.bufkit.testsupport.Eventually;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OverflowTest {

    private final CapturingLogger log = new CapturingLogger();

    private BufferPool.Builder builder(int capacity) {
        return BufferPool.builder().name("ovf").bufferSize(32).capacity(capacity)
                .leakDetection(LeakDetection.NONE).logger(log);
    }

    private static List<PooledLease> drain(BufferPool pool) {
        List<PooledLease> all = new ArrayList<>();
        while (pool.available() > 0) {
            all.add(pool.acquire());
        }
        return all;
    }

    @Test
    void allocatePolicyHandsOutAnOverflowBufferWhenEmpty() {
        BufferPool pool = builder(2).build();
        List<PooledLease> held = drain(pool);
        try (PooledLease extra = pool.acquire()) {
            assertTrue(extra.isOverflow());
            assertEquals(32, extra.capacity());
            extra.view().putU16be(0, 0xBEEF);
            assertEquals(0xBEEF, extra.view().u16be(0));
        }
        held.forEach(PooledLease::close);
    }

    @Test
    void overflowAllocationLogsAWarning() {
        BufferPool pool = builder(1).build();
        PooledLease held = pool.acquire();
        pool.acquire().close();
        List<CapturingLogger.Entry> warnings = log.at(Level.WARNING);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().contains("pool 'ovf'"), warnings.get(0).message());
        assertTrue(warnings.get(0).message().contains("overflow"), warnings.get(0).message());
        held.close();
    }

    @Test
    void overflowWarningIsRateLimited() {
        BufferPool pool = builder(1).overflowWarningInterval(Duration.ofDays(1)).build();
        PooledLease held = pool.acquire();
        for (int i = 0; i < 10; i++) {
            pool.acquire().close();
        }
        assertEquals(1, log.at(Level.WARNING).size());
        assertEquals(10, pool.stats().overflowAllocated());
        held.close();
    }

    @Test
    void overflowWarningWithZeroIntervalWarnsEveryTime() {
        BufferPool pool = builder(1).overflowWarningInterval(Duration.ZERO).build();
        PooledLease held = pool.acquire();
        for (int i = 0; i < 3; i++) {
            pool.acquire().close();
        }
        assertEquals(3, log.at(Level.WARNING).size());
        held.close();
    }

    @Test
    void releasingAnOverflowBufferDropsIt() {
        BufferPool pool = builder(2).build();
        List<PooledLease> held = drain(pool);
        PooledLease extra = pool.acquire();
        extra.close();
        assertEquals(2, pool.used());
        assertEquals(0, pool.available());
        PoolStats s = pool.stats();
        assertEquals(1, s.overflowAllocated());
        assertEquals(1, s.overflowDropped());
        held.forEach(PooledLease::close);
        assertEquals(0, pool.used());
        assertEquals(2, pool.available());
    }

    @Test
    void overflowBuffersNeverJoinThePool() {
        BufferPool pool = builder(1).build();
        PooledLease held = pool.acquire();
        for (int i = 0; i < 5; i++) {
            pool.acquire().close();
        }
        held.close();
        PooledLease a = pool.acquire();
        PooledLease b = pool.acquire();
        assertFalse(a.isOverflow());
        assertTrue(b.isOverflow());
        assertEquals(1, pool.capacity());
        a.close();
        b.close();
    }

    @Test
    void releasingAnOverflowBufferThroughItsByteBufferDropsIt() {
        BufferPool pool = builder(1).direct(true).build();
        PooledLease held = pool.acquire();
        ByteBuffer extra = pool.acquire().buffer();
        pool.release(extra);
        assertEquals(1, pool.stats().overflowDropped());
        assertEquals(1, pool.used());
        assertThrows(DoubleReleaseException.class, () -> pool.release(extra));
        held.close();
    }

    @Test
    void closingAnOverflowLeaseTwiceThrowsDoubleRelease() {
        BufferPool pool = builder(1).build();
        PooledLease held = pool.acquire();
        PooledLease extra = pool.acquire();
        extra.close();
        assertThrows(DoubleReleaseException.class, extra::close);
        assertEquals(1, pool.stats().overflowDropped());
        held.close();
    }

    @Test
    void failPolicyThrowsPoolExhaustedWhenEmpty() {
        BufferPool pool = builder(2).overflowPolicy(OverflowPolicy.FAIL).build();
        List<PooledLease> held = drain(pool);
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, pool::acquire);
        assertTrue(e.getMessage().contains("2 of 2 buffers"), e.getMessage());
        assertEquals(1, pool.stats().rejections());
        assertEquals(0, pool.stats().overflowAllocated());
        held.forEach(PooledLease::close);
    }

    @Test
    void failPolicyServesAgainAfterARelease() {
        BufferPool pool = builder(1).overflowPolicy(OverflowPolicy.FAIL).build();
        PooledLease held = pool.acquire();
        assertThrows(PoolExhaustedException.class, pool::acquire);
        held.close();
        try (PooledLease again = pool.acquire()) {
            assertFalse(again.isOverflow());
        }
    }

    @Test
    void waitPolicyBlocksUntilABufferIsReleased() throws Exception {
        BufferPool pool = builder(1).overflowPolicy(OverflowPolicy.WAIT).build();
        PooledLease held = pool.acquire();
        CompletableFuture<PooledLease> waiter = CompletableFuture.supplyAsync(pool::acquire);
        assertTrue(Eventually.until(() -> pool.waiting() == 1));
        assertFalse(waiter.isDone());
        held.close();
        try (PooledLease got = waiter.get(10, TimeUnit.SECONDS)) {
            assertFalse(got.isOverflow());
        }
        assertEquals(1, pool.stats().waits());
    }

    @Test
    void waitPolicyGivesUpAfterMaxWait() {
        BufferPool pool = builder(1).overflowPolicy(OverflowPolicy.WAIT).maxWait(Duration.ofMillis(20)).build();
        PooledLease held = pool.acquire();
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, pool::acquire);
        assertTrue(e.getMessage().contains("within PT0.02S"), e.getMessage());
        assertEquals(0, pool.waiting());
        held.close();
        assertEquals(1, pool.available());
    }

    @Test
    void waitPolicyRejectsAtOnceBeyondMaxWaiters() {
        BufferPool pool = builder(1).overflowPolicy(OverflowPolicy.WAIT).maxWaiters(0).build();
        PooledLease held = pool.acquire();
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, pool::acquire);
        assertTrue(e.getMessage().contains("maxWaiters"), e.getMessage());
        held.close();
    }

    @Test
    void waitPolicyInterruptedWaiterThrowsAndKeepsItsInterruptStatus() throws Exception {
        BufferPool pool = builder(1).overflowPolicy(OverflowPolicy.WAIT).build();
        PooledLease held = pool.acquire();
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                pool.acquire().close();
                interruptedAfter.complete(false);
            } catch (PoolExhaustedException e) {
                interruptedAfter.complete(Thread.currentThread().isInterrupted()
                        && e.getCause() instanceof InterruptedException);
            }
        });
        t.start();
        assertTrue(Eventually.until(() -> pool.waiting() == 1));
        t.interrupt();
        assertTrue(interruptedAfter.get(10, TimeUnit.SECONDS));
        t.join();
        held.close();
        assertEquals(1, pool.available());
        assertEquals(0, pool.waiting());
    }
}
