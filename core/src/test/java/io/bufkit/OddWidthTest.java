package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OddWidthTest {

    private static final byte[] BYTES = {(byte) 0x81, 0x02, 0x03, 0x04, 0x05, 0x06, (byte) 0xF7, 0x08};

    @Test
    void twentyFourBitReadsInBothOrdersAndSignednesses() {
        ByteView v = ByteView.wrap(BYTES);
        assertEquals(0x810203, v.u24be(0));
        assertEquals(0x030281, v.u24le(0));
        assertEquals(0x810203 - (1 << 24), v.i24be(0));
        assertEquals(0x030281, v.i24le(0));
        assertEquals(0x06F708, v.u24be(5));
        assertEquals(0x08F706, v.u24le(5));
        assertEquals(0x08F706, v.i24le(5));
    }

    @Test
    void fortyFortyEightAndFiftySixBitReadsMatchTheBytes() {
        ByteView v = ByteView.wrap(BYTES);
        assertEquals(0x8102030405L, v.u40be(0));
        assertEquals(0x0504030281L, v.u40le(0));
        assertEquals(0x8102030405L - (1L << 40), v.i40be(0));
        assertEquals(0x810203040506L, v.u48be(0));
        assertEquals(0x060504030281L, v.u48le(0));
        assertEquals(0x810203040506L - (1L << 48), v.i48be(0));
        assertEquals(0x810203040506F7L, v.u56be(0));
        assertEquals(0xF7060504030281L, v.u56le(0));
        assertEquals(0xF7060504030281L - (1L << 56), v.i56le(0));
        assertEquals(0x02030405_06F708L, v.i56be(1));
    }

    @Test
    void directBuffersReadTheSameValues() {
        ByteBuffer direct = ByteBuffer.allocateDirect(BYTES.length).put(BYTES).flip();
        ByteView d = ByteView.wrap(direct);
        ByteView h = ByteView.wrap(BYTES);
        assertEquals(h.u24le(1), d.u24le(1));
        assertEquals(h.i48be(2), d.i48be(2));
        assertEquals(h.u56le(1), d.u56le(1));
    }

    @Test
    void writesRoundTripAtTheEdgesOfEveryRange() {
        MutableByteView m = MutableByteView.allocate(8);
        for (int v : new int[] {0, 1, 0x7F_FFFF, 0x80_0000, 0xFF_FFFF}) {
            assertEquals(v, m.putU24be(1, v).u24be(1));
            assertEquals(v, m.putU24le(1, v).u24le(1));
        }
        for (int v : new int[] {-(1 << 23), -1, 0, (1 << 23) - 1}) {
            assertEquals(v, m.putI24be(0, v).i24be(0));
            assertEquals(v, m.putI24le(0, v).i24le(0));
        }
        for (long v : new long[] {0, 1, (1L << 40) - 1}) {
            assertEquals(v, m.putU40be(3, v).u40be(3));
            assertEquals(v, m.putU40le(3, v).u40le(3));
        }
        for (long v : new long[] {-(1L << 47), -1, (1L << 47) - 1}) {
            assertEquals(v, m.putI48be(2, v).i48be(2));
            assertEquals(v, m.putI48le(2, v).i48le(2));
        }
        for (long v : new long[] {-(1L << 55), -1, 0, (1L << 55) - 1}) {
            assertEquals(v, m.putI56be(1, v).i56be(1));
            assertEquals(v, m.putI56le(1, v).i56le(1));
        }
        assertEquals((1L << 56) - 1, m.putU56le(0, (1L << 56) - 1).u56le(0));
    }

    @Test
    void writesPutTheBytesInTheNamedOrder() {
        MutableByteView m = MutableByteView.allocate(3);
        m.putU24be(0, 0x010203);
        assertArrayEquals(new byte[] {1, 2, 3}, m.toByteArray());
        m.putU24le(0, 0x010203);
        assertArrayEquals(new byte[] {3, 2, 1}, m.toByteArray());
    }

    @Test
    void valuesOutsideTheRangeAreRejectedAndNothingIsWritten() {
        MutableByteView m = MutableByteView.allocate(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.putU24be(0, 1 << 24));
        assertTrue(e.getMessage().contains("putU24be") && e.getMessage().contains("16777216")
                && e.getMessage().contains("0 to 16777215"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.putU24le(0, -1));
        assertThrows(IllegalArgumentException.class, () -> m.putI24be(0, 1 << 23));
        assertThrows(IllegalArgumentException.class, () -> m.putU40be(0, 1L << 40));
        assertThrows(IllegalArgumentException.class, () -> m.putI56le(0, 1L << 55));
        assertThrows(IllegalArgumentException.class, () -> m.putU48le(0, -1));
        assertArrayEquals(new byte[8], m.toByteArray());
    }

    @Test
    void readsPastTheEndNameTheTypeOffsetAndWidth() {
        ByteView v = ByteView.wrap(BYTES);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> v.u24be(6));
        assertTrue(e.getMessage().contains("u24be at offset 6 needs 3 byte(s)"), e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> v.i56le(2));
        assertTrue(e.getMessage().contains("i56le at offset 2 needs 7 byte(s)"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> v.u48be(-1));
    }

    @Test
    void staleViewsRefuseOddWidthReads() {
        Lease lease = Lease.open();
        MutableByteView m = lease.wrapMutable(new byte[8]);
        lease.close();
        assertThrows(StaleViewException.class, () -> m.u24be(0));
        assertThrows(StaleViewException.class, () -> m.putU40le(0, 1));
    }

    @Test
    void theReaderReadsOddWidthsInSequence() {
        ByteReader r = new ByteReader(ByteView.wrap(BYTES));
        assertEquals(0x810203, r.u24be());
        assertEquals(0x08F7060504L, r.u40le());
        assertEquals(5 + 3, r.position());
        UnderflowException e = assertThrows(UnderflowException.class, r::u24le);
        assertEquals(8, e.position());
        assertEquals(3, e.needed());
    }
}
