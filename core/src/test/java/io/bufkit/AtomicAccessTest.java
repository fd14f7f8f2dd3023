package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AtomicAccessTest {

    /** A direct view of 32 bytes whose byte 0 is at an address that is a multiple of 8. */
    private static MutableByteView direct() {
        ByteBuffer b = ByteBuffer.allocateDirect(40);
        int skip = b.alignmentOffset(0, 8) == 0 ? 0 : 8 - b.alignmentOffset(0, 8);
        return MutableByteView.wrap(b.position(skip).limit(skip + 32));
    }

    @Test
    void thirtyTwoBitOperationsReadAndWriteInTheNamedByteOrder() {
        MutableByteView v = direct();
        assertSame(v, v.setVolatileI32be(0, 0x01020304));
        assertEquals("01020304", v.slice(0, 4).copy().toHex());
        assertEquals(0x01020304, v.getVolatileI32be(0));
        assertEquals(0x01020304, v.getAcquireI32be(0));
        v.setReleaseI32le(4, 0x01020304);
        assertEquals("04030201", v.slice(4, 8).copy().toHex());
        assertEquals(0x01020304, v.getVolatileI32le(4));
        assertEquals(0x01020304, v.getAcquireI32le(4));
        v.setVolatileI32le(8, 7);
        v.setReleaseI32be(12, 7);
        assertEquals(7, v.i32le(8));
        assertEquals(7, v.i32be(12));

        assertEquals(0x01020304, v.getAndAddI32be(0, 1));
        assertEquals(0x01020305, v.i32be(0));
        assertEquals(0x01020304, v.getAndAddI32le(4, -4));
        assertEquals(0x01020300, v.i32le(4));
        assertEquals(0x01020305, v.getAndSetI32be(0, -1));
        assertEquals(-1, v.i32be(0));
        assertEquals(0x01020300, v.getAndSetI32le(4, 9));
        assertEquals(9, v.i32le(4));
        assertTrue(v.compareAndSetI32be(0, -1, 5));
        assertFalse(v.compareAndSetI32be(0, -1, 6));
        assertEquals(5, v.i32be(0));
        assertTrue(v.compareAndSetI32le(4, 9, 10));
        assertFalse(v.compareAndSetI32le(4, 9, 11));
        assertEquals(10, v.i32le(4));
    }

    @Test
    void sixtyFourBitOperationsReadAndWriteInTheNamedByteOrder() {
        MutableByteView v = direct();
        v.setVolatileI64be(0, 0x0102030405060708L);
        assertEquals("0102030405060708", v.slice(0, 8).copy().toHex());
        assertEquals(0x0102030405060708L, v.getVolatileI64be(0));
        assertEquals(0x0102030405060708L, v.getAcquireI64be(0));
        v.setReleaseI64le(8, 0x0102030405060708L);
        assertEquals("0807060504030201", v.slice(8, 16).copy().toHex());
        assertEquals(0x0102030405060708L, v.getVolatileI64le(8));
        assertEquals(0x0102030405060708L, v.getAcquireI64le(8));
        v.setVolatileI64le(16, 3);
        v.setReleaseI64be(24, 3);
        assertEquals(3, v.i64le(16));
        assertEquals(3, v.i64be(24));

        assertEquals(0x0102030405060708L, v.getAndAddI64be(0, 0x100000000L));
        assertEquals(0x0102030505060708L, v.i64be(0));
        assertEquals(0x0102030405060708L, v.getAndAddI64le(8, 1));
        assertEquals(0x0102030405060709L, v.i64le(8));
        assertEquals(0x0102030505060708L, v.getAndSetI64be(0, Long.MIN_VALUE));
        assertEquals(0x0102030405060709L, v.getAndSetI64le(8, Long.MAX_VALUE));
        assertTrue(v.compareAndSetI64be(0, Long.MIN_VALUE, 1));
        assertFalse(v.compareAndSetI64be(0, Long.MIN_VALUE, 2));
        assertEquals(1, v.i64be(0));
        assertTrue(v.compareAndSetI64le(8, Long.MAX_VALUE, 2));
        assertFalse(v.compareAndSetI64le(8, Long.MAX_VALUE, 3));
        assertEquals(2, v.i64le(8));
    }

    @Test
    void addsWrapAroundOnOverflow() {
        MutableByteView v = direct();
        v.putI32le(0, Integer.MAX_VALUE);
        v.getAndAddI32le(0, 1);
        assertEquals(Integer.MIN_VALUE, v.i32le(0));
        v.putI64be(8, Long.MAX_VALUE);
        v.getAndAddI64be(8, 1);
        assertEquals(Long.MIN_VALUE, v.i64be(8));
    }

    @Test
    void aMisalignedDirectAddressIsRefusedNamingTheOffsetAndTheAlignment() {
        MutableByteView v = direct();
        MisalignedAccessException e = assertThrows(MisalignedAccessException.class, () -> v.getAndAddI32le(6, 1));
        assertEquals(6, e.offset());
        assertEquals(4, e.alignment());
        assertTrue(e.getMessage().startsWith("getAndAddI32le at offset 6: an atomic 4-byte access needs an address"
                + " that is a multiple of 4, but offset 6"), e.getMessage());
        assertTrue(e.getMessage().contains("is 2 byte(s) past a multiple of 4"), e.getMessage());
        MisalignedAccessException e64 = assertThrows(MisalignedAccessException.class, () -> v.compareAndSetI64be(4, 0, 1));
        assertEquals(4, e64.offset());
        assertEquals(8, e64.alignment());
        assertTrue(e64.getMessage().contains("multiple of 8"), e64.getMessage());
        assertEquals(0, v.i64be(0), "nothing was written");
    }

    @Test
    void alignmentIsThatOfTheAbsoluteAddressNotOfTheViewOffset() {
        MutableByteView v = direct().slice(1, 25);
        MisalignedAccessException e = assertThrows(MisalignedAccessException.class, () -> v.getVolatileI32be(0));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("byte 1 of its direct buffer"), e.getMessage());
        assertEquals(0, v.getAndAddI32be(3, 1), "offset 3 of a view starting at byte 1 is aligned");
        assertEquals(1, v.i32be(3));
    }

    @Test
    void everyOperationChecksTheAlignment() {
        MutableByteView v = direct();
        for (Runnable op : new Runnable[] {
            () -> v.getVolatileI32le(1), () -> v.getAcquireI32be(2), () -> v.setVolatileI32be(3, 1),
            () -> v.setReleaseI32le(5, 1), () -> v.getAndSetI32le(1, 1), () -> v.compareAndSetI32le(2, 0, 1),
            () -> v.getVolatileI64le(4), () -> v.getAcquireI64be(1), () -> v.setVolatileI64le(2, 1),
            () -> v.setReleaseI64be(3, 1), () -> v.getAndAddI64le(12, 1), () -> v.getAndSetI64be(4, 1),
        }) {
            assertThrows(MisalignedAccessException.class, op::run);
        }
        assertEquals(0, v.copy().toHex().replace("0", "").length(), "nothing was written");
    }

    @Test
    void boundsAreCheckedBeforeAlignment() {
        MutableByteView v = direct().slice(0, 8);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> v.getAndAddI32le(6, 1));
        assertEquals("getAndAddI32le at offset 6 needs 4 byte(s) but the view length is 8", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> v.compareAndSetI64be(8, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> v.getVolatileI32be(-4));
    }

    @Test
    void aStaleViewThrowsInsteadOfWriting() {
        ByteBuffer memory = ByteBuffer.allocateDirect(16);
        Lease lease = Lease.open("counter");
        MutableByteView v = lease.wrapMutable(memory);
        v.getAndAddI32le(0, 1);
        lease.close();
        StaleViewException e = assertThrows(StaleViewException.class, () -> v.getAndAddI32le(0, 1));
        assertTrue(e.getMessage().startsWith("getAndAddI32le on a view of lease 'counter'"), e.getMessage());
        assertThrows(StaleViewException.class, () -> v.setReleaseI64be(8, 1));
        assertEquals(1, memory.order(ByteOrder.LITTLE_ENDIAN).getInt(0), "only the add before the close");
    }

    @Test
    void heapArraysAreAtomicWhereTheJdkAllowsItAndRefusedClearlyElsewhere() {
        MutableByteView v = MutableByteView.allocate(16);
        if (AtomicAccess.HEAP) {
            assertEquals(0, v.getAndAddI32le(4, 3));
            assertEquals(3, v.i32le(4));
            assertTrue(v.compareAndSetI64be(8, 0, 9));
            assertEquals(9, v.i64be(8));
            MisalignedAccessException e = assertThrows(MisalignedAccessException.class, () -> v.getAndAddI32le(2, 1));
            assertTrue(e.getMessage().contains("index 2 of its heap array"), e.getMessage());
        } else {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> v.getAndAddI32le(4, 3));
            assertTrue(e.getMessage().contains("does not allow atomic access to heap memory"), e.getMessage());
            assertTrue(e.getMessage().contains("direct or mapped memory"), e.getMessage());
            assertEquals(0, v.i32le(4));
        }
    }

    @Test
    void heapAtomicsAreAllowedOnJava17() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() == 17, "runs on Java 17");
        assertTrue(AtomicAccess.HEAP);
    }

    @Test
    void twoThreadsAddingToOneCounterLoseNoIncrement() throws InterruptedException {
        MutableByteView shared = direct().slice(0, 4);
        int perThread = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            MutableByteView mine = shared.slice(0, 4);   // each thread its own view of the same memory
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                for (int i = 0; i < perThread; i++) {
                    mine.getAndAddI32le(0, 1);
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(2 * perThread, shared.getVolatileI32le(0));
    }
}
