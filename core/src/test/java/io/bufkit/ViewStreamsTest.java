package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link ViewInputStream} and {@link ViewOutputStream}: streams that borrow views and check their leases. */
class ViewStreamsTest {

    private static final byte[] BYTES = {9, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xFF};

    @Test
    void readsTheViewsBytesOneByOneThenEnd() {
        ViewInputStream in = new ViewInputStream(ByteView.wrap(BYTES).slice(1, 4));
        assertEquals(1, in.read());
        assertEquals(2, in.read());
        assertEquals(3, in.read());
        assertEquals(-1, in.read());
        assertEquals(3, in.position());
    }

    @Test
    void readsBulkFromHeapAndDirectViews() {
        ByteBuffer direct = ByteBuffer.allocateDirect(BYTES.length).put(BYTES).flip();
        for (ByteView view : new ByteView[] {ByteView.wrap(BYTES), ByteView.wrap(direct)}) {
            ViewInputStream in = new ViewInputStream(view.slice(2, 10));
            byte[] dst = new byte[12];
            assertEquals(5, in.read(dst, 1, 5));
            assertArrayEquals(Arrays.copyOfRange(BYTES, 2, 7), Arrays.copyOfRange(dst, 1, 6));
            assertEquals(3, in.available());
            assertArrayEquals(Arrays.copyOfRange(BYTES, 7, 10), in.readAllBytes());
            assertEquals(-1, in.read(dst, 0, 4));
            assertEquals(0, in.read(dst, 0, 0));
        }
    }

    @Test
    void unsignedBytesReadAsZeroTo255() {
        ViewInputStream in = new ViewInputStream(ByteView.wrap(BYTES).slice(9, 10));
        assertEquals(255, in.read());
    }

    @Test
    void skipMarkAndResetMoveThePosition() {
        ViewInputStream in = new ViewInputStream(ByteView.wrap(BYTES));
        assertEquals(3, in.skip(3));
        in.mark(0);
        assertEquals(3, in.read());
        in.reset();
        assertEquals(3, in.read());
        assertEquals(0, in.skip(-5));
        assertEquals(6, in.skip(100));
        assertEquals(-1, in.read());
    }

    @Test
    void transferToWritesTheRestOnce() throws IOException {
        ByteBuffer direct = ByteBuffer.allocateDirect(BYTES.length).put(BYTES).flip();
        for (ByteView view : new ByteView[] {ByteView.wrap(BYTES), ByteView.wrap(direct)}) {
            ViewInputStream in = new ViewInputStream(view);
            in.skip(4);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(6, in.transferTo(out));
            assertArrayEquals(Arrays.copyOfRange(BYTES, 4, 10), out.toByteArray());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void readingAfterTheLeaseEndedThrowsStaleViewException() {
        Lease lease = Lease.open("frame");
        ViewInputStream in = new ViewInputStream(lease.wrap(BYTES));
        assertEquals(9, in.read());
        lease.close();
        assertThrows(StaleViewException.class, in::read);
        assertThrows(StaleViewException.class, () -> in.read(new byte[4], 0, 4));
        assertThrows(StaleViewException.class, in::available);
        assertThrows(StaleViewException.class, in::readAllBytes);
    }

    @Test
    void worksUnderDataInputStream() throws IOException {
        MutableByteView buffer = MutableByteView.allocate(14);
        ViewOutputStream out = new ViewOutputStream(buffer);
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeInt(420);
            data.writeLong(1672531200000L);
            data.writeShort(7);
        }
        assertEquals(14, out.position());
        assertEquals(420, buffer.i32be(0));
        DataInputStream in = new DataInputStream(new ViewInputStream(out.written()));
        assertEquals(420, in.readInt());
        assertEquals(1672531200000L, in.readLong());
        assertEquals(7, in.readShort());
    }

    @Test
    void writesIntoDirectViewsAndReportsWhatWasWritten() throws IOException {
        MutableByteView buffer = MutableByteView.wrap(ByteBuffer.allocateDirect(8));
        ViewOutputStream out = new ViewOutputStream(buffer);
        out.write(7);
        out.write(BYTES, 1, 3);
        out.write(ByteView.wrap(BYTES).slice(8, 10));
        assertArrayEquals(new byte[] {7, 1, 2, 3, 8, (byte) 0xFF}, out.written().toByteArray());
    }

    @Test
    void aWriteThatDoesNotFitWritesNothingAndSaysWhy() throws IOException {
        MutableByteView buffer = MutableByteView.allocate(4);
        ViewOutputStream out = new ViewOutputStream(buffer);
        out.write(BYTES, 0, 3);
        IOException e = assertThrows(IOException.class, () -> out.write(BYTES, 0, 2));
        assertTrue(e.getMessage().contains("2 byte(s) at position 3"), e.getMessage());
        assertTrue(e.getMessage().contains("length 4"), e.getMessage());
        assertEquals(3, out.position());
        assertEquals(0, buffer.u8(3));
        out.write(1);
        assertThrows(IOException.class, () -> out.write(1));
    }

    @Test
    void writingAfterTheLeaseEndedThrowsStaleViewException() {
        Lease lease = Lease.open("pooled");
        ViewOutputStream out = new ViewOutputStream(lease.wrapMutable(new byte[8]));
        lease.close();
        assertThrows(StaleViewException.class, () -> out.write(1));
        assertThrows(StaleViewException.class, () -> out.write(BYTES, 0, 1));
    }
}
