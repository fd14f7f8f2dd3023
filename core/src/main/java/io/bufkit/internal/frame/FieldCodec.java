package io.bufkit.internal.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads and writes the unsigned integer fields of frame headers: widths 1, 2, 3, 4 and 8 bytes, either
 * byte order. An eight-byte field is read as a signed {@code long}, as Netty reads it.
 */
public final class FieldCodec {

    private static final VarHandle A16B = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle A16L = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle A32B = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle A32L = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle A64B = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle A64L = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private FieldCodec() {
    }

    /**
     * Reads a field at index {@code at} of the array {@code a}, or else of the buffer {@code b}.
     *
     * @param a the array, or null
     * @param b the buffer, or null (read with absolute gets; its own byte order is ignored)
     * @param at the field's first byte
     * @param width 1, 2, 3, 4 or 8
     * @param big whether the field is big-endian
     * @return the field: unsigned for widths up to 4, signed for 8
     */
    public static long read(byte[] a, ByteBuffer b, int at, int width, boolean big) {
        if (a != null) {
            switch (width) {
                case 1:
                    return a[at] & 0xFF;
                case 2:
                    return (big ? (short) A16B.get(a, at) : (short) A16L.get(a, at)) & 0xFFFF;
                case 4:
                    return (big ? (int) A32B.get(a, at) : (int) A32L.get(a, at)) & 0xFFFF_FFFFL;
                case 8:
                    return big ? (long) A64B.get(a, at) : (long) A64L.get(a, at);
                default:
                    break;
            }
        } else if (width == 2 || width == 4) {
            boolean swap = big != (b.order() == ByteOrder.BIG_ENDIAN);
            if (width == 2) {
                short s = b.getShort(at);
                return (swap ? Short.reverseBytes(s) : s) & 0xFFFF;
            }
            int i = b.getInt(at);
            return (swap ? Integer.reverseBytes(i) : i) & 0xFFFF_FFFFL;
        }
        long v = 0;
        for (int i = 0; i < width; i++) {
            long octet = Framing.at(a, b, at + (big ? i : width - 1 - i)) & 0xFF;
            v = (v << 8) | octet;
        }
        return v;
    }

    /**
     * Reads a big-endian unsigned 16-bit field at {@code a[at]}.
     *
     * @param a the array
     * @param at the field's first byte
     * @return the field, 0 to 65535
     */
    public static int u16be(byte[] a, int at) {
        return (short) A16B.get(a, at) & 0xFFFF;
    }

    /**
     * Writes the low {@code width} bytes of {@code value} at {@code a[at]}.
     *
     * @param a the array
     * @param at the field's first byte
     * @param width 1 to 8
     * @param big whether the field is big-endian
     * @param value the value
     */
    public static void write(byte[] a, int at, int width, boolean big, long value) {
        for (int i = 0; i < width; i++) {
            a[at + (big ? width - 1 - i : i)] = (byte) (value >>> (8 * i));
        }
    }
}
