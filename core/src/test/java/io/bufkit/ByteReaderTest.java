package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link ByteReader} reads sequentially and reports underflow with the position. */
class ByteReaderTest {

    @Test
    void readsTheTlvVectorSequentially() {
        ByteReader r = new ByteReader(Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 08 67 6f 6f 64 62 79 65 21").view());

        assertEquals(1, r.u8());
        assertEquals("hello", r.view(r.u16be()).toString(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(2, r.u8());
        assertEquals(Bytes.utf8("goodbye!"), r.bytes(r.u16be()));
        assertFalse(r.hasRemaining());
        assertEquals(19, r.position());
    }

    @Test
    void everyReadAdvancesByItsWidthAndMatchesTheViewRead() {
        ByteView v = ByteView.wrap(ByteBuffer.allocateDirect(72).putLong(0, 0x0102030405060708L).putLong(8, -2L)
                .putLong(16, 0x1122334455667788L).putLong(24, 0x0A0B0C0D0E0F1011L).putLong(32, 77L).putLong(40, 0x3FF0000000000001L)
                .putLong(48, 0x4000000000000000L).putLong(56, -3L).putLong(64, 0x0000F03F00000000L).clear());
        ByteReader r = new ByteReader(v);

        assertEquals(v.u8(0), r.u8());
        assertEquals(v.i8(1), r.i8());
        assertEquals(v.u16be(2), r.u16be());
        assertEquals(v.u16le(4), r.u16le());
        assertEquals(v.i16be(6), r.i16be());
        assertEquals(v.i16le(8), r.i16le());
        assertEquals(v.u32be(10), r.u32be());
        assertEquals(v.u32le(14), r.u32le());
        assertEquals(v.i32be(18), r.i32be());
        assertEquals(v.i32le(22), r.i32le());
        assertEquals(v.i64be(26), r.i64be());
        assertEquals(v.i64le(34), r.i64le());
        assertEquals(v.f32be(42), r.f32be());
        assertEquals(v.f32le(46), r.f32le());
        assertEquals(v.f64be(50), r.f64be());
        assertEquals(Double.doubleToRawLongBits(v.f64le(58)), Double.doubleToRawLongBits(r.f64le()));
        assertEquals(66, r.position());
        assertEquals(6, r.remaining());
    }

    @Test
    void underflowNamesWhatPositionNeededAndRemainingAndConsumesNothing() {
        ByteReader r = new ByteReader(ByteView.wrap(new byte[5]));
        r.skip(3);

        UnderflowException e = assertThrows(UnderflowException.class, r::u32be);

        assertEquals("cannot read u32be at position 3: needs 4 byte(s) but only 2 remain", e.getMessage());
        assertEquals(3, e.position());
        assertEquals(4, e.needed());
        assertEquals(2, e.remaining());
        assertEquals(3, r.position());
        assertEquals(0, r.u16be());
    }

    @Test
    void aLengthFieldClaimingMoreThanRemainsIsAnUnderflow() {
        ByteReader r = new ByteReader(Bytes.fromHex("01 ff ff 00").view());
        r.u8();

        UnderflowException e = assertThrows(UnderflowException.class, () -> r.view(r.u16be()));

        assertEquals(65535, e.needed());
        assertEquals(1, e.remaining());
    }

    @Test
    void underflowIsAnIndexOutOfBoundsException() {
        ByteReader r = new ByteReader(ByteView.empty());

        assertThrows(IndexOutOfBoundsException.class, r::u8);
    }

    @Test
    void negativeCountsAreRejectedAsProgrammingErrors() {
        ByteReader r = new ByteReader(ByteView.wrap(new byte[4]));

        assertThrows(IllegalArgumentException.class, () -> r.view(-1));
        assertThrows(IllegalArgumentException.class, () -> r.bytes(-1));
        assertThrows(IllegalArgumentException.class, () -> r.skip(Integer.MIN_VALUE));
        assertEquals(0, r.position());
    }

    @Test
    void hugeCountsUnderflowWithoutOverflowing() {
        ByteReader r = new ByteReader(ByteView.wrap(new byte[4]));
        r.skip(2);

        assertThrows(UnderflowException.class, () -> r.skip(Integer.MAX_VALUE));
        assertThrows(UnderflowException.class, () -> r.view(Integer.MAX_VALUE - 1));
        assertEquals(2, r.position());
    }

    @Test
    void viewIsBorrowedAndBytesIsOwned() {
        byte[] memory = {1, 2, 3, 4};
        ByteReader r = new ByteReader(ByteView.wrap(memory));
        ByteView borrowed = r.view(2);
        Bytes owned = r.bytes(2);

        memory[0] = 9;
        memory[2] = 9;

        assertEquals(9, borrowed.u8(0));
        assertEquals(3, owned.u8(0));
    }

    @Test
    void positionMovesTheCursorWithinZeroToLength() {
        ByteReader r = new ByteReader(ByteView.wrap(new byte[] {1, 2, 3}));

        assertEquals(3, r.position(2).u8());
        assertEquals(0, r.position(3).remaining());
        assertThrows(IndexOutOfBoundsException.class, () -> r.position(4));
        assertThrows(IndexOutOfBoundsException.class, () -> r.position(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> r.position(Integer.MIN_VALUE));
        assertEquals(3, r.position());
    }

    @Test
    void viewReturnsTheViewBeingRead() {
        ByteView v = ByteView.wrap(new byte[1]);

        assertSame(v, new ByteReader(v).view());
    }

    @Test
    void readsOfASliceStartAtTheSlice() {
        ByteReader r = new ByteReader(ByteView.wrap(new byte[] {9, 9, 4, 5}).slice(2, 4));

        assertEquals(0x0405, r.u16be());
        assertFalse(r.hasRemaining());
    }

    @Test
    void toStringShowsThePositionAndTheNextBytesWithoutConsumingThem() {
        ByteReader r = new ByteReader(Bytes.fromHex("01 00 05 68 65 6c 6c 6f").view());
        r.skip(3);

        assertEquals("ByteReader[position 3 of 8, next: 68656c6c6f]", r.toString());
        assertEquals(3, r.position());
        r.skip(5);
        assertEquals("ByteReader[position 8 of 8, next: ]", r.toString());
    }

    @Test
    void toStringCutsTheNextBytesAfterSixteen() {
        ByteReader r = new ByteReader(ByteView.wrap(new byte[20]));

        assertEquals("ByteReader[position 0 of 20, next: " + "00".repeat(16) + "…]", r.toString());
    }

    @Test
    void toStringOfAStaleReaderSaysSoInsteadOfThrowing() {
        Lease lease = Lease.open("frame");
        ByteReader r = new ByteReader(lease.wrap(new byte[] {1, 2, 3}));
        r.u8();
        lease.close();

        assertEquals("ByteReader[position 1 of 3, STALE: Lease[frame, closed]]", r.toString());
    }
}
