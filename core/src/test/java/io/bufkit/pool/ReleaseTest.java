package io.bufkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReleaseTest {

    private static BufferPool.Builder builder(boolean direct) {
        return BufferPool.builder().name("rel").bufferSize(128).capacity(2).direct(direct)
                .leakDetection(LeakDetection.NONE).trackReleases(false);
    }

    private static BufferPool pool(boolean direct) {
        return builder(direct).build();
    }

    @Test
    void closingALeaseTwiceThrowsDoubleRelease() {
        BufferPool pool = pool(false);
        PooledLease lease = pool.acquire();
        lease.close();
        DoubleReleaseException e = assertThrows(DoubleReleaseException.class, lease::close);
        assertTrue(e.getMessage().contains("released twice"), e.getMessage());
    }

    @Test
    void doubleCloseLeavesThePoolConsistent() {
        BufferPool pool = pool(false);
        PooledLease lease = pool.acquire();
        lease.close();
        assertThrows(DoubleReleaseException.class, lease::close);
        assertEquals(2, pool.available());
        assertEquals(0, pool.used());
        assertEquals(1, pool.stats().released());
        assertEquals(1, pool.stats().doubleReleases());
    }

    @Test
    void releasingABufferTwiceThrowsDoubleRelease() {
        BufferPool pool = pool(true);
        ByteBuffer buffer = pool.acquire().buffer();
        pool.release(buffer);
        assertThrows(DoubleReleaseException.class, () -> pool.release(buffer));
        assertEquals(2, pool.available());
    }

    @Test
    void releasingTheBufferOfAClosedLeaseThrowsDoubleRelease() {
        BufferPool pool = pool(false);
        PooledLease lease = pool.acquire();
        ByteBuffer buffer = lease.buffer();
        lease.close();
        assertThrows(DoubleReleaseException.class, () -> pool.release(buffer));
    }

    @Test
    void closingALeaseWhoseBufferWasReleasedThrowsDoubleRelease() {
        BufferPool pool = pool(true);
        PooledLease lease = pool.acquire();
        pool.release(lease.buffer());
        assertThrows(DoubleReleaseException.class, lease::close);
    }

    @Test
    void releasingTheBufferEndsTheLeaseAndItsViews() {
        BufferPool pool = pool(true);
        PooledLease lease = pool.acquire();
        MutableByteView view = lease.view();
        pool.release(lease.buffer());
        assertFalse(lease.isOpen());
        assertThrows(StaleViewException.class, () -> view.u8(0));
        assertEquals(0, pool.used());
    }

    @Test
    void releasingTheBufferOfADroppedLeaseReturnsIt() {
        BufferPool pool = pool(true);
        ByteBuffer buffer = pool.acquire().buffer();
        Gc.fullCycle();
        pool.release(buffer);
        assertEquals(2, pool.available());
        assertEquals(1, pool.stats().released());
    }

    @Test
    void doubleReleaseCarriesTheFirstReleaseStackWhenTracking() {
        BufferPool pool = builder(false).trackReleases(true).build();
        PooledLease lease = pool.acquire();
        lease.close();
        DoubleReleaseException e = assertThrows(DoubleReleaseException.class, lease::close);
        assertNotNull(e.getCause());
        assertTrue(e.getCause().getMessage().contains("first released here"), e.getCause().getMessage());
        assertTrue(Arrays.stream(e.getCause().getStackTrace())
                .anyMatch(f -> f.getMethodName().equals("doubleReleaseCarriesTheFirstReleaseStackWhenTracking")));
    }

    @Test
    void doubleReleaseThroughTheBufferCarriesTheFirstReleaseStackWhenTracking() {
        BufferPool pool = builder(true).trackReleases(true).build();
        PooledLease lease = pool.acquire();
        ByteBuffer buffer = lease.buffer();
        lease.close();
        DoubleReleaseException e = assertThrows(DoubleReleaseException.class, () -> pool.release(buffer));
        assertNotNull(e.getCause());
    }

    @Test
    void doubleReleaseWithoutTrackingSaysHowToTrack() {
        BufferPool pool = pool(false);
        PooledLease lease = pool.acquire();
        lease.close();
        DoubleReleaseException e = assertThrows(DoubleReleaseException.class, lease::close);
        assertNull(e.getCause());
        assertTrue(e.getMessage().contains("-Dbufkit.trackLeases=true"), e.getMessage());
    }

    @Test
    void staleLeaseHandleDoesNotReleaseTheNewOwnersBuffer() {
        BufferPool pool = builder(false).capacity(1).build();
        PooledLease stale = pool.acquire();
        stale.close();
        try (PooledLease owner = pool.acquire()) {
            owner.view().putU32be(0, 7);
            DoubleReleaseException e = assertThrows(DoubleReleaseException.class, stale::close);
            assertTrue(e.getMessage().contains("current owner keeps the buffer"), e.getMessage());
            assertTrue(owner.isOpen());
            assertEquals(7, owner.view().u32be(0));
            assertEquals(1, pool.used());
            assertEquals(0, pool.available());
        }
        assertEquals(1, pool.available());
    }

    @Test
    void staleBufferDoesNotReleaseTheNewOwnersBuffer() {
        BufferPool pool = builder(true).capacity(1).build();
        PooledLease first = pool.acquire();
        ByteBuffer staleBuffer = first.buffer();
        first.close();
        try (PooledLease owner = pool.acquire()) {
            ByteBuffer ownersBuffer = owner.buffer();
            assertThrows(DoubleReleaseException.class, () -> pool.release(staleBuffer));
            assertTrue(owner.isOpen());
            assertEquals(1, pool.used());
            assertEquals(0, ownersBuffer.position());
        }
    }

    @Test
    void staleHandleAfterSeveralTenanciesIsStillRejected() {
        BufferPool pool = builder(false).capacity(1).build();
        PooledLease stale = pool.acquire();
        stale.close();
        pool.acquire().close();
        pool.acquire().close();
        DoubleReleaseException e = assertThrows(DoubleReleaseException.class, stale::close);
        assertTrue(e.getMessage().contains("leased again"), e.getMessage());
        assertEquals(1, pool.available());
        assertEquals(3, pool.stats().released());
    }

    @Test
    void sameSizeHeapBufferFromElsewhereIsForeign() {
        BufferPool pool = pool(false);
        ForeignBufferException e = assertThrows(ForeignBufferException.class,
                () -> pool.release(ByteBuffer.allocate(128)));
        assertTrue(e.getMessage().contains("buffer size but this pool did not hand it out"), e.getMessage());
    }

    @Test
    void sameSizeDirectBufferFromElsewhereIsForeign() {
        BufferPool pool = pool(true);
        assertThrows(ForeignBufferException.class, () -> pool.release(ByteBuffer.allocateDirect(128)));
    }

    @Test
    void foreignReleaseLeavesThePoolUnchanged() {
        BufferPool pool = pool(false);
        PooledLease held = pool.acquire();
        assertThrows(ForeignBufferException.class, () -> pool.release(ByteBuffer.allocate(128)));
        assertEquals(1, pool.used());
        assertEquals(1, pool.available());
        assertTrue(held.isOpen());
        assertEquals(1, pool.stats().foreignReleases());
        assertEquals(0, pool.stats().released());
        held.close();
    }

    @Test
    void equalContentsDoNotMakeABufferPooled() {
        BufferPool pool = pool(false);
        try (PooledLease lease = pool.acquire()) {
            ByteBuffer lookalike = ByteBuffer.allocate(128);
            assertEquals(lease.buffer(), lookalike);   // ByteBuffer.equals compares contents
            assertThrows(ForeignBufferException.class, () -> pool.release(lookalike));
            assertTrue(lease.isOpen());
        }
    }

    @Test
    void duplicateOfAPooledHeapBufferIsRejected() {
        BufferPool pool = pool(false);
        try (PooledLease lease = pool.acquire()) {
            ForeignBufferException e = assertThrows(ForeignBufferException.class,
                    () -> pool.release(lease.buffer().duplicate()));
            assertTrue(e.getMessage().contains("shares memory with pool 'rel' buffer #0"), e.getMessage());
            assertTrue(lease.isOpen());
        }
    }

    @Test
    void sliceOfAPooledDirectBufferIsRejected() {
        BufferPool pool = pool(true);
        try (PooledLease lease = pool.acquire()) {
            assertThrows(ForeignBufferException.class, () -> pool.release(lease.buffer().slice(0, 64)));
            assertTrue(lease.isOpen());
            assertEquals(1, pool.used());
        }
    }

    @Test
    void bufferOfAnotherPoolIsForeign() {
        BufferPool mine = pool(true);
        BufferPool other = pool(true);
        try (PooledLease lease = other.acquire()) {
            assertThrows(ForeignBufferException.class, () -> mine.release(lease.buffer()));
            assertTrue(lease.isOpen());
        }
    }

    @Test
    void releaseOfNullIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> pool(false).release((ByteBuffer) null));
    }

    @Test
    void releasedBuffersRecordsAreDroppedOnceTheBufferIsCollected() {
        BufferPool pool = pool(true);
        for (int i = 0; i < 100; i++) {
            try (PooledLease lease = pool.acquire()) {
                lease.buffer();
            }
        }
        assertTrue(Gc.until(() -> pool.handoutsTracked() == 0), "records still held: " + pool.handoutsTracked());
    }
}
