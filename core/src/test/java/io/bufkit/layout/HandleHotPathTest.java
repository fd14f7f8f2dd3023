package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Handle reads go through a shortcut that checks the view's length against the field's end and its
 * lease once, instead of the view's own checks. These tests run the shortcut often enough for the JIT to
 * compile it, on packets at changing positions of heap and direct memory, and check that the compiled
 * reads still read the right bytes and still refuse short and stale views.
 */
class HandleHotPathTest {

    private static final PacketLayout LAYOUT = PacketLayout.builder("hot")
            .u32be("a").i16le("b").u8("c").flags8("d", "x").f32be("e").i64le("f").build();
    private static final LongField A = LAYOUT.longField("a");
    private static final IntField B = LAYOUT.intField("b");
    private static final IntField C = LAYOUT.intField("c");
    private static final FlagsField D = LAYOUT.flagsField("d");
    private static final FloatField E = LAYOUT.floatField("e");
    private static final LongField F = LAYOUT.longField("f");

    /** Enough calls for C2 to compile the reads (its default threshold is 10,000 invocations). */
    private static final int ROUNDS = 40_000;

    /** Fills {@code [at, at + 20)} with a packet derived from {@code seed}. */
    private static void fill(ByteBuffer memory, int at, int seed) {
        memory.putInt(at, seed).putShort(at + 4, Short.reverseBytes((short) (seed * 3)))
                .put(at + 6, (byte) seed).put(at + 7, (byte) (seed >>> 8))
                .putFloat(at + 8, seed * 0.5f).putLong(at + 12, Long.reverseBytes(seed * 1_000_003L));
    }

    private static long readAll(ByteView p) {
        return A.get(p) + B.get(p) + C.get(p) + D.get(p) + Float.floatToRawIntBits(E.get(p)) + F.get(p);
    }

    private static long expected(int seed) {
        return Integer.toUnsignedLong(seed) + (short) (seed * 3) + (seed & 0xFF) + ((seed >>> 8) & 0xFF)
                + Float.floatToRawIntBits(seed * 0.5f) + seed * 1_000_003L;
    }

    private static void readsStayRightWhenCompiled(boolean direct) {
        int size = LAYOUT.size();
        ByteBuffer memory = direct ? ByteBuffer.allocateDirect(size * 8) : ByteBuffer.allocate(size * 8);
        Lease lease = Lease.open("hot");
        for (int round = 0; round < ROUNDS; round++) {
            int at = (round % 7) * size + round % 3;
            fill(memory, at, round);
            ByteView packet = lease.wrap(memory.duplicate().position(at).limit(at + size));
            assertEquals(expected(round), readAll(packet));
            ByteView tooShort = packet.slice(0, size - 1);
            if (round % 1000 == 0) {
                assertThrows(IndexOutOfBoundsException.class, () -> F.get(tooShort));
            }
        }
        ByteView last = lease.wrap(memory.duplicate().position(0).limit(size));
        assertEquals(A.get(last), Integer.toUnsignedLong(memory.getInt(0)));
        lease.close();
        StaleViewException e = assertThrows(StaleViewException.class, () -> readAll(last));
        assertTrue(e.getMessage().contains("lease 'hot'"), e.getMessage());
    }

    @Test
    void compiledReadsOfHeapPacketsReadTheRightBytesAndRefuseStaleViews() {
        readsStayRightWhenCompiled(false);
    }

    @Test
    void compiledReadsOfDirectPacketsReadTheRightBytesAndRefuseStaleViews() {
        readsStayRightWhenCompiled(true);
    }

    @Test
    void aTooShortViewNamesTheFieldsOffsetAndWidth() {
        ByteView packet = ByteView.wrap(new byte[LAYOUT.size() - 1]);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> F.get(packet));
        assertEquals("i64le at offset 12 needs 8 byte(s) but the view length is 19", e.getMessage());
        ByteView shorter = ByteView.wrap(new byte[10]);
        assertEquals("f32be at offset 8 needs 4 byte(s) but the view length is 10",
                assertThrows(IndexOutOfBoundsException.class, () -> E.get(shorter)).getMessage());
        assertEquals("flags8 at offset 7 needs 1 byte(s) but the view length is 7",
                assertThrows(IndexOutOfBoundsException.class, () -> D.get(ByteView.wrap(new byte[7]))).getMessage());
    }
}
