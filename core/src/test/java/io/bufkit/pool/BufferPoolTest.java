package io.bufkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    private static BufferPool pool(int capacity, boolean direct) {
        return BufferPool.builder().name("test").bufferSize(64).capacity(capacity).direct(direct)
                .leakDetection(LeakDetection.NONE).build();
    }

    @Test
    void newPoolHasEveryBufferAvailable() {
        BufferPool pool = pool(4, false);
        assertEquals(4, pool.capacity());
        assertEquals(4, pool.available());
        assertEquals(0, pool.used());
        assertEquals(64, pool.bufferSize());
    }

    @Test
    void acquireCountsBuffersAsUsedUntilReleased() {
        BufferPool pool = pool(4, false);
        List<PooledLease> leases = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            leases.add(pool.acquire());
            assertEquals(i, pool.used());
            assertEquals(4 - i, pool.available());
        }
        leases.forEach(PooledLease::close);
        assertEquals(0, pool.used());
        assertEquals(4, pool.available());
    }

    @Test
    void leaseViewSpansTheWholeBuffer() {
        try (PooledLease lease = pool(1, false).acquire()) {
            assertEquals(64, lease.view().length());
            assertEquals(64, lease.capacity());
            assertFalse(lease.isOverflow());
        }
    }

    @Test
    void leaseBufferIsPositionedAtZeroWithFullLimit() {
        try (PooledLease lease = pool(1, true).acquire()) {
            ByteBuffer b = lease.buffer();
            assertEquals(0, b.position());
            assertEquals(64, b.limit());
            assertEquals(64, b.capacity());
        }
    }

    @Test
    void directPoolHandsOutDirectMemory() {
        BufferPool pool = pool(1, true);
        try (PooledLease lease = pool.acquire()) {
            assertTrue(pool.isDirect());
            assertTrue(lease.buffer().isDirect());
            assertTrue(lease.view().isDirect());
        }
    }

    @Test
    void heapPoolHandsOutHeapMemory() {
        try (PooledLease lease = pool(1, false).acquire()) {
            assertFalse(lease.buffer().isDirect());
            assertFalse(lease.view().isDirect());
        }
    }

    @Test
    void viewAndBufferShareMemoryOnHeap() {
        try (PooledLease lease = pool(1, false).acquire()) {
            lease.view().putU32be(8, 0xCAFEBABEL);
            assertEquals(0xCAFEBABE, lease.buffer().getInt(8));
        }
    }

    @Test
    void viewAndBufferShareMemoryDirect() {
        try (PooledLease lease = pool(1, true).acquire()) {
            lease.buffer().putLong(16, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, lease.view().i64be(16));
        }
    }

    @Test
    void viewIsCreatedOnceAndReused() {
        try (PooledLease lease = pool(1, false).acquire()) {
            assertSame(lease.view(), lease.view());
        }
    }

    @Test
    void bufferIsCreatedOnceAndReused() {
        try (PooledLease lease = pool(1, true).acquire()) {
            assertSame(lease.buffer(), lease.buffer());
        }
    }

    @Test
    void everyAcquisitionGetsANewLeaseObject() {
        BufferPool pool = pool(1, false);
        PooledLease first = pool.acquire();
        first.close();
        PooledLease second = pool.acquire();
        assertNotSame(first, second);
        second.close();
    }

    @Test
    void everyAcquisitionGetsANewBufferObject() {
        BufferPool pool = pool(1, true);
        PooledLease first = pool.acquire();
        ByteBuffer b1 = first.buffer();
        first.close();
        try (PooledLease second = pool.acquire()) {
            assertNotSame(b1, second.buffer());
        }
    }

    @Test
    void leaseIsOpenUntilClosed() {
        PooledLease lease = pool(1, false).acquire();
        assertTrue(lease.isOpen());
        lease.close();
        assertFalse(lease.isOpen());
    }

    @Test
    void viewOfReleasedLeaseThrowsStaleViewException() {
        PooledLease lease = pool(1, false).acquire();
        MutableByteView view = lease.view();
        lease.close();
        assertThrows(StaleViewException.class, () -> view.u8(0));
        assertThrows(StaleViewException.class, () -> view.putU8(0, 1));
    }

    @Test
    void staleMessageNamesThePoolLeaseQuotedOnce() {
        PooledLease lease = pool(1, false).acquire();
        MutableByteView view = lease.view();
        lease.close();
        String message = assertThrows(StaleViewException.class, () -> view.u8(0)).getMessage();
        assertTrue(message.startsWith("u8 on a view of lease pool 'test' buffer #0 after the lease"), message);
    }

    @Test
    void sliceOfReleasedLeaseViewThrowsStaleViewException() {
        PooledLease lease = pool(1, true).acquire();
        ByteView slice = lease.view().slice(4, 12);
        lease.close();
        assertFalse(slice.isValid());
        assertThrows(StaleViewException.class, () -> slice.u32be(0));
    }

    @Test
    void staleViewThrowsInsteadOfReadingTheNextTenantsData() {
        BufferPool pool = pool(1, false);
        PooledLease first = pool.acquire();
        MutableByteView old = first.view();
        old.putU32be(0, 1111);
        first.close();
        try (PooledLease second = pool.acquire()) {
            second.view().putU32be(0, 2222);
            StaleViewException e = assertThrows(StaleViewException.class, () -> old.u32be(0));
            assertTrue(e.getMessage().contains("pool 'test' buffer #0"), e.getMessage());
            assertEquals(2222, second.view().u32be(0));
        }
    }

    @Test
    void viewAfterReleaseThrowsIllegalState() {
        PooledLease lease = pool(1, false).acquire();
        lease.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, lease::view);
        assertTrue(e.getMessage().contains("after it was released"), e.getMessage());
    }

    @Test
    void bufferAfterReleaseThrowsIllegalState() {
        PooledLease lease = pool(1, false).acquire();
        lease.close();
        assertThrows(IllegalStateException.class, lease::buffer);
    }

    @Test
    void endViewsMakesOldViewsStaleAndKeepsTheBuffer() {
        BufferPool pool = pool(1, false);
        try (PooledLease lease = pool.acquire()) {
            MutableByteView before = lease.view();
            lease.endViews();
            assertThrows(StaleViewException.class, () -> before.u8(0));
            assertTrue(lease.view().isValid());
            assertEquals(1, pool.used());
        }
    }

    @Test
    void releasedBufferIsReusedFirst() {
        BufferPool pool = pool(3, false);
        PooledLease a = pool.acquire();
        String name = a.name();
        a.close();
        try (PooledLease b = pool.acquire()) {
            assertEquals(name, b.name());
        }
    }

    @Test
    void leaseKnowsItsPool() {
        BufferPool pool = pool(1, false);
        try (PooledLease lease = pool.acquire()) {
            assertSame(pool, lease.pool());
        }
    }

    @Test
    void statsCountAcquisitionsReleasesAndPeak() {
        BufferPool pool = pool(4, false);
        PooledLease a = pool.acquire();
        PooledLease b = pool.acquire();
        PooledLease c = pool.acquire();
        a.close();
        b.close();
        c.close();
        pool.acquire().close();
        PoolStats s = pool.stats();
        assertEquals(4, s.acquired());
        assertEquals(4, s.released());
        assertEquals(3, s.peakUsed());
        assertEquals(0, s.outstanding());
        assertEquals(0, s.used());
        assertEquals(4, s.capacity());
    }

    @Test
    void builderRequiresBufferSizeAndCapacity() {
        assertThrows(IllegalStateException.class, () -> BufferPool.builder().capacity(1).build());
        assertThrows(IllegalStateException.class, () -> BufferPool.builder().bufferSize(1).build());
    }

    @Test
    void builderRejectsOutOfRangeSettings() {
        BufferPool.Builder b = BufferPool.builder();
        assertThrows(IllegalArgumentException.class, () -> b.bufferSize(0));
        assertThrows(IllegalArgumentException.class, () -> b.capacity(0));
        assertThrows(IllegalArgumentException.class, () -> b.capacity(65_536));
        assertThrows(IllegalArgumentException.class, () -> b.maxWaiters(-1));
        assertThrows(IllegalArgumentException.class, () -> b.leakSampleInterval(0));
        assertThrows(IllegalArgumentException.class, () -> b.maxWait(java.time.Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> b.overflowWarningInterval(java.time.Duration.ofSeconds(-1)));
    }

    @Test
    void largestCapacityIsAccepted() {
        BufferPool pool = BufferPool.builder().bufferSize(1).capacity(65_535).leakDetection(LeakDetection.NONE).build();
        List<PooledLease> all = new ArrayList<>();
        for (int i = 0; i < 65_535; i++) {
            all.add(pool.acquire());
        }
        assertEquals(0, pool.available());
        assertEquals(65_535, pool.stats().peakUsed());
        all.forEach(PooledLease::close);
        assertEquals(65_535, pool.available());
    }

    @Test
    void toStringNamesThePool() {
        BufferPool pool = pool(2, true);
        assertTrue(pool.toString().contains("test"), pool.toString());
        try (PooledLease lease = pool.acquire()) {
            assertTrue(lease.toString().contains("leased"), lease.toString());
        }
    }
}
