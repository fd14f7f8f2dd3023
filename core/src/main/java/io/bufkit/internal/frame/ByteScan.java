package io.bufkit.internal.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds a byte in an array eight bytes at a time (SWAR: a zero-byte test on the XOR with the byte repeated). */
final class ByteScan {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private ByteScan() {
    }

    /**
     * The first index of {@code target} in {@code a[from, to)}, or -1.
     *
     * @param a the array
     * @param from the first index searched
     * @param to the end of the search
     * @param target the byte
     * @return the index, or -1
     */
    static int indexOf(byte[] a, int from, int to, byte target) {
        long pattern = ONES * (target & 0xFF);
        int i = from;
        for (; i <= to - 8; i += 8) {
            long x = (long) LONG_LE.get(a, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
