package io.bufkit.ffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ArenaLeaseTest {

    @Test
    void viewsReadAndWriteTheSegment() {
        try (ArenaLease lease = ArenaLease.confined("test")) {
            MemorySegment memory = lease.arena().allocate(64);
            MutableByteView view = lease.mutableView(memory);
            assertEquals(64, view.length());
            assertTrue(view.isDirect());
            view.putI32le(4, 0x01020304).putI64be(8, -2L);
            assertEquals(0x01020304, memory.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 4));
            memory.set(ValueLayout.JAVA_BYTE, 63, (byte) 0x7f);
            ByteView readOnly = lease.view(memory);
            assertEquals(0x7f, readOnly.u8(63));
            assertEquals(-2L, readOnly.i64be(8));
            assertSame(lease, readOnly.lease());
        }
    }

    @Test
    void closingTheLeaseEndsItsViewsAndFreesItsMemory() {
        ArenaLease lease = ArenaLease.confined("frame");
        MemorySegment memory = lease.arena().allocate(16);
        MutableByteView view = lease.mutableView(memory);
        ByteView window = lease.view(memory, 8, 4);
        view.putI32be(8, 7);
        lease.close();

        assertFalse(lease.isOpen());
        assertFalse(memory.scope().isAlive(), "the arena's memory is freed when the lease closes");
        StaleViewException e = assertThrows(StaleViewException.class, () -> view.i32be(8));
        assertTrue(e.getMessage().contains("'frame'"), e.getMessage());
        assertThrows(StaleViewException.class, () -> window.i32be(0));
        assertThrows(StaleViewException.class, () -> view.putU8(0, 1));
        assertThrows(StaleViewException.class, view::toByteArray);
        assertFalse(view.isValid());
        lease.close();   // closing again does nothing
    }

    @Test
    void closingTheArenaClosesTheLease() {
        ArenaLease lease = ArenaLease.shared("via arena");
        Arena arena = lease.arena();
        MemorySegment memory = arena.allocate(8);
        ByteView view = lease.view(memory);
        arena.close();
        assertFalse(lease.isOpen());
        assertFalse(memory.scope().isAlive());
        assertThrows(StaleViewException.class, () -> view.u8(0));
    }

    @Test
    void endViewsEndsTheViewsButKeepsTheMemory() {
        try (ArenaLease lease = ArenaLease.confined("views ended")) {
            MemorySegment memory = lease.arena().allocate(8);
            MutableByteView before = lease.mutableView(memory);
            before.putI32le(0, 99);
            lease.endViews();
            assertThrows(StaleViewException.class, () -> before.i32le(0));
            assertTrue(memory.scope().isAlive());
            assertEquals(99, lease.view(memory).i32le(0));
        }
    }

    @Test
    void aClosedLeaseLendsNothing() {
        ArenaLease lease = ArenaLease.confined("closed");
        MemorySegment memory = lease.arena().allocate(8);
        lease.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lease.view(memory));
        assertTrue(e.getMessage().contains("'closed' is closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> lease.arena().allocate(8));
    }

    @Test
    @SuppressWarnings("restricted")   // reinterpret
    void onlySegmentsOfTheLeasesArenaAreLent() {
        try (ArenaLease lease = ArenaLease.confined("mine"); Arena other = Arena.ofConfined()) {
            MemorySegment foreign = other.allocate(8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lease.view(foreign));
            assertTrue(e.getMessage().contains("does not belong to the arena of lease 'mine'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> lease.mutableView(MemorySegment.ofArray(new byte[8])));
            // foreign memory given the lease's lifetime is lent
            MemorySegment adopted = foreign.reinterpret(8, lease.arena(), null);
            assertEquals(8, lease.view(adopted).length());
        }
    }

    @Test
    void readOnlySegmentsGetReadOnlyViewsOnly() {
        try (ArenaLease lease = ArenaLease.confined("ro")) {
            MemorySegment readOnly = lease.arena().allocate(8).asReadOnly();
            assertEquals(8, lease.view(readOnly).length());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lease.mutableView(readOnly));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
    }

    @Test
    @SuppressWarnings("restricted")   // reinterpret
    void segmentsBeyondAViewAreLentInWindows() {
        try (ArenaLease lease = ArenaLease.confined("big")) {
            // a reinterpreted segment is enough to check sizes: nothing beyond its first bytes is touched
            MemorySegment small = lease.arena().allocate(16);
            MemorySegment huge = small.reinterpret(3L << 30);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lease.view(huge));
            assertTrue(e.getMessage().contains("3221225472 bytes") && e.getMessage().contains("view(segment, offset, length)"),
                    e.getMessage());
            assertEquals(16, lease.mutableView(huge, 0, 16).length());

            IndexOutOfBoundsException out = assertThrows(IndexOutOfBoundsException.class,
                    () -> lease.view(huge, (3L << 30) - 4, 8));
            assertTrue(out.getMessage().contains("window of 8 bytes at offset 3221225468"), out.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> lease.view(small, -1, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> lease.view(small, 0, -1));
        }
    }

    @Test
    void windowsShowTheSegmentsBytes() {
        try (ArenaLease lease = ArenaLease.confined("windows")) {
            MemorySegment memory = lease.arena().allocate(256);
            for (int i = 0; i < 256; i++) {
                memory.set(ValueLayout.JAVA_BYTE, i, (byte) i);
            }
            Gen<long[]> windows = Gen.zip(Gen.ints(0, 256), Gen.ints(0, 256),
                    (a, b) -> new long[] {Math.min(a, b), Math.abs(a - b)});
            Property.forAll(windows).check(w -> {
                ByteView window = lease.view(memory, w[0], (int) w[1]);
                byte[] expected = memory.asSlice(w[0], w[1]).toArray(ValueLayout.JAVA_BYTE);
                assertArrayEquals(expected, window.toByteArray());
            });
        }
    }

    @Test
    void aConfinedLeasesViewsFailOnOtherThreads() throws Exception {
        try (ArenaLease lease = ArenaLease.confined("confined")) {
            assertTrue(lease.isConfined());
            MemorySegment memory = lease.arena().allocate(8);
            MutableByteView view = lease.mutableView(memory);
            view.putI32le(0, 1);

            Throwable read = onAnotherThread(() -> view.i32le(0));
            assertEquals(WrongThreadException.class, read.getClass());
            assertEquals("Attempted access outside owning thread", read.getMessage());
            assertEquals(WrongThreadException.class, onAnotherThread(() -> view.putI32le(0, 2)).getClass());
            assertEquals(WrongThreadException.class, onAnotherThread(view::toByteArray).getClass());
            assertEquals(WrongThreadException.class, onAnotherThread(() -> view.getAndAddI32le(0, 1)).getClass());

            Throwable lend = onAnotherThread(() -> lease.view(memory));
            assertEquals(WrongThreadException.class, lend.getClass());
            assertTrue(lend.getMessage().contains("confined lease 'confined'"), lend.getMessage());

            Throwable close = onAnotherThread(lease::close);
            assertEquals(WrongThreadException.class, close.getClass());
            assertTrue(close.getMessage().contains("only its owner thread"), close.getMessage());
            assertTrue(lease.isOpen(), "a refused close leaves the lease open");
            assertEquals(1, view.i32le(0), "the owner still reads, and nothing was written from elsewhere");
        }
    }

    @Test
    void aSharedLeasesViewsWorkOnEveryThreadUntilItCloses() throws Exception {
        ArenaLease lease = ArenaLease.shared("shared");
        assertFalse(lease.isConfined());
        MutableByteView view = lease.mutableView(lease.arena().allocate(8));
        assertEquals(null, onAnotherThread(() -> view.putI32le(0, 5)));
        assertEquals(5, view.i32le(0));
        assertEquals(null, onAnotherThread(lease::close));
        // the thread's end is a happens-before edge: the view sees that the lease ended
        assertEquals(StaleViewException.class, onAnotherThread(() -> view.i32le(0)).getClass());
        assertThrows(StaleViewException.class, () -> view.i32le(0));
    }

    @Test
    void threadsClosingASharedLeaseAtOnceCloseItOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            ArenaLease lease = ArenaLease.shared("raced");
            MemorySegment memory = lease.arena().allocate(8);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            Runnable close = () -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                lease.close();
            };
            AtomicReference<Throwable> theirs = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    close.run();
                } catch (Throwable e) {
                    theirs.set(e);
                }
            });
            Throwable mine = null;
            try {
                close.run();
            } catch (Throwable e) {
                mine = e;
            }
            other.join();
            assertEquals(null, mine);
            assertEquals(null, theirs.get());
            assertFalse(lease.isOpen());
            assertFalse(memory.scope().isAlive());
        }
    }

    /** Runs {@code action} on a new thread; returns what it threw, or {@code null}. */
    static Throwable onAnotherThread(Runnable action) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "other");
        t.start();
        t.join();
        return thrown.get();
    }
}
