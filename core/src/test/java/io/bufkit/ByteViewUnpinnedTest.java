package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link ByteView#pinnedBytes()} shows what a view keeps reachable; {@link ByteView#unpinned()} fixes it. */
class ByteViewUnpinnedTest {

    private static final int FIFTY_MIB = 50 * 1024 * 1024;

    @Test
    void unpinnedOfASixteenByteViewOverAFiftyMiBArrayIsASixteenByteOwnedCopy() {
        byte[] big = new byte[FIFTY_MIB];
        for (int i = 0; i < 16; i++) {
            big[1_000_000 + i] = (byte) (i + 1);
        }
        ByteView view = ByteView.wrap(big, 1_000_000, 16);

        ByteView unpinned = view.unpinned();
        Arrays.fill(big, 1_000_000, 1_000_016, (byte) 0);

        assertEquals(FIFTY_MIB, view.pinnedBytes());
        assertEquals(16, unpinned.pinnedBytes());
        assertEquals(16, unpinned.length());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, unpinned.toByteArray());
        assertTrue(unpinned.lease().isUnbounded());
    }

    @Test
    void unpinnedOfADirectViewIsAHeapCopyOfTheViewsLength() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4096);
        direct.put(100, (byte) 7);
        ByteView view = ByteView.wrap(direct).slice(100, 116);

        ByteView unpinned = view.unpinned();

        assertEquals(4096, view.pinnedBytes());
        assertEquals(16, unpinned.pinnedBytes());
        assertFalse(unpinned.isDirect());
        assertEquals(7, unpinned.u8(0));
    }

    @Test
    void unpinnedOfAViewSpanningItsWholeArrayUnderTheUnboundedLeaseIsTheViewItself() {
        ByteView whole = ByteView.wrap(new byte[16]);

        assertSame(whole, whole.unpinned());
        assertEquals(16, whole.pinnedBytes());
    }

    @Test
    void unpinnedOfALeasedViewSpanningItsWholeArrayIsACopyThatOutlivesTheLease() {
        Lease lease = Lease.open();
        byte[] array = {1, 2, 3};
        ByteView leased = lease.wrap(array);

        ByteView unpinned = leased.unpinned();
        lease.close();
        array[0] = 9;

        assertNotSame(leased, unpinned);
        assertTrue(unpinned.isValid());
        assertEquals(1, unpinned.u8(0));
    }

    @Test
    void unpinnedOfAMutableViewIsAReadOnlyCopyEvenWhenItSpansItsWholeArray() {
        MutableByteView mutable = MutableByteView.allocate(4);

        ByteView unpinned = mutable.unpinned();
        mutable.putU8(0, 1);

        assertFalse(unpinned instanceof MutableByteView);
        assertEquals(0, unpinned.u8(0));
    }

    @Test
    void pinnedBytesOfABufferBackedViewIsTheBufferCapacity() {
        ByteBuffer heap = ByteBuffer.allocate(300).position(10).limit(20);
        ByteBuffer readOnly = ByteBuffer.allocate(200).asReadOnlyBuffer().position(5).limit(6);

        assertEquals(300, ByteView.wrap(heap).pinnedBytes());
        assertEquals(200, ByteView.wrap(readOnly).pinnedBytes());
        assertEquals(10, ByteView.wrap(heap).length());
    }

    @Test
    void pinnedBytesOfASliceIsThatOfItsParent() {
        ByteView parent = ByteView.wrap(new byte[1000]);

        assertEquals(1000, parent.slice(10, 20).slice(1, 2).pinnedBytes());
    }

    @Test
    void unpinnedOfAnEmptySliceIsEmpty() {
        ByteView empty = ByteView.wrap(new byte[100]).slice(50, 50).unpinned();

        assertEquals(0, empty.length());
        assertEquals(0, empty.pinnedBytes());
    }
}
