package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;

/**
 * A program run in a fresh JVM by {@link HandleHotPathTest}, with {@code -Xbatch -XX:+PrintCompilation}, so
 * that the test can see which of its methods the JIT had compiled when each check ran: it reads packets at
 * changing positions of heap or direct memory ({@code args[0]}) through layout handles often enough for C2
 * to compile the reads, printing a line after every 10,000 checked rounds; then, each after a marker line,
 * it reads a too-short view and a stale view. It exits with status 1 at the first wrong result.
 */
final class HandleHotPathProbe {

    static final PacketLayout LAYOUT = PacketLayout.builder("hot")
            .u32be("a").i16le("b").u8("c").flags8("d", "x").f32be("e").i64le("f").build();
    private static final LongField A = LAYOUT.longField("a");
    private static final IntField B = LAYOUT.intField("b");
    private static final IntField C = LAYOUT.intField("c");
    private static final FlagsField D = LAYOUT.flagsField("d");
    private static final FloatField E = LAYOUT.floatField("e");
    private static final LongField F = LAYOUT.longField("f");

    /** Enough calls for C2 to compile the reads (its default threshold is 10,000 invocations). */
    static final int ROUNDS = 40_000;

    private HandleHotPathProbe() {
    }

    /** Fills {@code [at, at + 20)} with a packet derived from {@code seed}. */
    private static void fill(ByteBuffer memory, int at, int seed) {
        memory.putInt(at, seed).putShort(at + 4, Short.reverseBytes((short) (seed * 3)))
                .put(at + 6, (byte) seed).put(at + 7, (byte) (seed >>> 8))
                .putFloat(at + 8, seed * 0.5f).putLong(at + 12, Long.reverseBytes(seed * 1_000_003L));
    }

    /** Every field through its handle; the method the stale view is read with. */
    static long readAll(ByteView p) {
        return A.get(p) + B.get(p) + C.get(p) + D.get(p) + Float.floatToRawIntBits(E.get(p)) + F.get(p);
    }

    /** The field that ends last; the method the too-short view is read with. */
    static long readLast(ByteView p) {
        return F.get(p);
    }

    private static long expected(int seed) {
        return Integer.toUnsignedLong(seed) + (short) (seed * 3) + (seed & 0xFF) + ((seed >>> 8) & 0xFF)
                + Float.floatToRawIntBits(seed * 0.5f) + seed * 1_000_003L;
    }

    private static void fail(String what) {
        System.out.println("FAILED: " + what);
        System.exit(1);
    }

    public static void main(String[] args) {
        boolean direct = args[0].equals("direct");
        int size = LAYOUT.size();
        ByteBuffer memory = direct ? ByteBuffer.allocateDirect(size * 8) : ByteBuffer.allocate(size * 8);
        Lease lease = Lease.open("hot");
        ByteView packet = null;
        for (int round = 0; round < ROUNDS; round++) {
            int at = (round % 7) * size + round % 3;
            fill(memory, at, round);
            packet = lease.wrap(memory.duplicate().position(at).limit(at + size));
            if (readAll(packet) != expected(round)) {
                fail("round " + round + " read " + readAll(packet) + ", expected " + expected(round));
            }
            if (readLast(packet) != round * 1_000_003L) {
                fail("round " + round + " read f=" + readLast(packet));
            }
            if ((round + 1) % 10_000 == 0) {
                System.out.println("checked " + (round + 1) + " rounds");
            }
        }
        System.out.println("short check");
        try {
            fail("a too-short view read f=" + readLast(packet.slice(0, size - 1)));
        } catch (IndexOutOfBoundsException e) {
            System.out.println("short refused: " + e.getMessage());
        }
        ByteView stale = packet;
        lease.close();
        System.out.println("stale check");
        try {
            fail("a stale view read " + readAll(stale));
        } catch (StaleViewException e) {
            System.out.println("stale refused: " + e.getMessage());
        }
    }
}
