package io.bufkit;

import io.bufkit.internal.ViewAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A read-only window {@code [0, length())} over someone else's memory — a {@code byte[]} or a
 * {@link ByteBuffer}, heap or direct. Creating a view never copies.
 *
 * <p><b>A view borrows.</b> It stays valid only while its {@link Lease} is open; every access checks the
 * lease and throws {@link StaleViewException} once it ended, instead of reading memory that belongs to
 * someone else now. Views created by {@link #wrap(byte[])} and {@link #wrap(ByteBuffer)} live under the
 * {@link Lease#unbounded() unbounded} lease: they never go stale and show whatever the memory holds — the
 * caller owns that memory's lifetime. To keep bytes beyond a lease, copy them: {@link #copy()},
 * {@link #toByteArray()}, {@link #copyTo(byte[], int)}, {@link #copyTo(ByteBuffer)},
 * {@link #toString(Charset)} or {@link #compact()}.
 *
 * <p>Reads are absolute and name their width, signedness and byte order: {@code u16be} reads an unsigned
 * 16-bit big-endian value. Unsigned 32-bit reads return a {@code long}. Every read is bounds-checked and
 * an out-of-range read throws {@link IndexOutOfBoundsException} naming the offset, the width and the
 * view's length.
 *
 * <p>Views use identity {@link #equals(Object)}: a borrowed view must never become a map key by accident.
 * Compare contents with {@link #contentEquals(ByteView)}, or key maps by {@link Bytes}.
 *
 * <p>Views are not thread-safe for writes (see {@link MutableByteView}); concurrent reads are safe.
 */
public sealed class ByteView permits MutableByteView {

    static final boolean CHECK_LEASES = !"false".equalsIgnoreCase(System.getProperty("bufkit.checkLeases"));

    static final VarHandle A16B = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle A16L = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle A32B = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle A32L = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle A64B = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle A64L = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final byte[] NO_BYTES = new byte[0];

    static {
        ViewAccess.install(new Access());
    }

    /** The implementation of {@link ViewAccess} for bufkit's own packages. */
    private static final class Access extends ViewAccess {

        @Override
        public ByteView relend(ByteView source, int from, int length, Lease lease) {
            Objects.checkFromIndexSize(from, length, source.length);
            return new ByteView(source.array, source.buffer, source.base + from, length, lease, lease.liveGeneration());
        }

        /** Whether a field ending at {@code end} may be read without the view's own checks. */
        private static boolean fast(ByteView v, int end) {
            return v.length >= end && (!CHECK_LEASES || v.lease.generation == v.generation);
        }

        @Override
        public byte readI8(ByteView v, int end, String op) {
            return v.rawI8(fast(v, end) ? v.base + end - 1 : v.index(end - 1, 1, op));
        }

        @Override
        public short readI16be(ByteView v, int end, String op) {
            return v.rawI16be(fast(v, end) ? v.base + end - 2 : v.index(end - 2, 2, op));
        }

        @Override
        public short readI16le(ByteView v, int end, String op) {
            return v.rawI16le(fast(v, end) ? v.base + end - 2 : v.index(end - 2, 2, op));
        }

        @Override
        public int readI32be(ByteView v, int end, String op) {
            return v.rawI32be(fast(v, end) ? v.base + end - 4 : v.index(end - 4, 4, op));
        }

        @Override
        public int readI32le(ByteView v, int end, String op) {
            return v.rawI32le(fast(v, end) ? v.base + end - 4 : v.index(end - 4, 4, op));
        }

        @Override
        public long readI64be(ByteView v, int end, String op) {
            return v.rawI64be(fast(v, end) ? v.base + end - 8 : v.index(end - 8, 8, op));
        }

        @Override
        public long readI64le(ByteView v, int end, String op) {
            return v.rawI64le(fast(v, end) ? v.base + end - 8 : v.index(end - 8, 8, op));
        }
    }

    /** The backing array, or {@code null} when the view is over {@link #buffer}. */
    final byte[] array;
    /**
     * The backing buffer (position 0, limit = capacity, big-endian; only absolute accesses, so it is never
     * modified), or {@code null} when over {@link #array}.
     */
    final ByteBuffer buffer;
    /** Index of the view's byte 0 in the array or buffer. */
    final int base;
    final int length;
    final Lease lease;
    final long generation;

    ByteView(byte[] array, ByteBuffer buffer, int base, int length, Lease lease, long generation) {
        this.array = array;
        this.buffer = buffer;
        this.base = base;
        this.length = length;
        this.lease = lease;
        this.generation = generation;
    }

    /** Creates a view over a buffer's remaining bytes; heap buffers with an accessible array use it. */
    static ByteView over(ByteBuffer buffer, Lease lease, long generation, boolean mutable) {
        int position = buffer.position();
        int length = buffer.remaining();
        if (mutable && buffer.isReadOnly()) {
            throw new IllegalArgumentException("cannot create a writable view over a read-only buffer");
        }
        if (buffer.hasArray()) {
            byte[] a = buffer.array();
            int at = buffer.arrayOffset() + position;
            return mutable ? new MutableByteView(a, null, at, length, lease, generation)
                    : new ByteView(a, null, at, length, lease, generation);
        }
        ByteBuffer whole = buffer.duplicate().clear().order(ByteOrder.BIG_ENDIAN);
        return mutable ? new MutableByteView(null, whole, position, length, lease, generation)
                : new ByteView(null, whole, position, length, lease, generation);
    }

    /**
     * Wraps a whole array without copying, under the {@link Lease#unbounded() unbounded} lease.
     *
     * @param array the memory to view; the caller owns its lifetime
     * @return a view borrowing {@code array}
     */
    public static ByteView wrap(byte[] array) {
        return wrap(array, 0, array.length);
    }

    /**
     * Wraps {@code array[offset, offset + length)} without copying, under the unbounded lease.
     *
     * @param array the memory to view; the caller owns its lifetime
     * @param offset the first byte of the view
     * @param length the view's length
     * @return a view borrowing the range
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public static ByteView wrap(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return new ByteView(array, null, offset, length, Lease.unbounded(), 0);
    }

    /**
     * Wraps a buffer's remaining bytes (heap or direct) without copying, under the unbounded lease. The
     * buffer's position and limit are not touched, and later changes to them do not move the view.
     *
     * @param buffer the memory to view; the caller owns its lifetime
     * @return a view borrowing the buffer's remaining bytes
     */
    public static ByteView wrap(ByteBuffer buffer) {
        return over(buffer, Lease.unbounded(), 0, false);
    }

    /**
     * An empty view.
     *
     * @return a view of length 0 (it borrows nothing)
     */
    public static ByteView empty() {
        return new ByteView(NO_BYTES, null, 0, 0, Lease.unbounded(), 0);
    }

    /**
     * The number of bytes in the view.
     *
     * @return the length; readable offsets are {@code [0, length())}
     */
    public final int length() {
        return length;
    }

    /**
     * Whether the view's lease is still in force, so that reads succeed.
     *
     * @return {@code false} once the lease ended or renewed
     */
    public final boolean isValid() {
        return lease.generation == generation;
    }

    /**
     * The lease this view borrows under.
     *
     * @return the lease; {@link Lease#unbounded()} for views the caller owns the lifetime of
     */
    public final Lease lease() {
        return lease;
    }

    /**
     * Whether the view is over direct (off-heap) memory.
     *
     * @return {@code true} for a view over a direct buffer; {@code false} for a view over a heap array or
     *         a heap buffer (read-only or not)
     */
    public final boolean isDirect() {
        return array == null && buffer.isDirect();
    }

    // ------------------------------------------------------------------ checks

    /**
     * Checks the lease and the range {@code [offset, offset + width)} of a read or write of a fixed width
     * of at least 1 byte; returns the backing index.
     *
     * <p>The range is checked as two {@link Objects#checkIndex(int, int)} calls (first and last byte)
     * rather than one comparison: the JIT treats those as range checks and merges the checks of several
     * reads at constant offsets of one view into one, which a plain comparison does not get. A last
     * byte index that overflows is negative and fails the check.
     *
     * <p>This method, {@link #checkLease} and {@link #checkedOffset} are each at most 35 bytes of bytecode,
     * so that the JIT inlines them wherever a read is inlined, profiled or not; and none of them hands the
     * view itself to a call that might not be inlined, failure paths included. A view that is read and
     * dropped, such as a value a decoder lends to a handler, then never escapes, and the JIT removes it.
     * (When this method was larger, it was not inlined into code compiled before its callers had been
     * profiled, and such views were allocated.)
     */
    final int index(int offset, int width, String op) {
        checkLease(op);
        return base + checkedOffset(offset, width, length, op);
    }

    /** Checks {@code [offset, offset + width)} against {@code length}; returns {@code offset}. */
    private static int checkedOffset(int offset, int width, int length, String op) {
        try {
            Objects.checkIndex(offset, length);
            Objects.checkIndex(offset + (width - 1), length);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(op, offset, width, length);
        }
        return offset;
    }

    /**
     * Checks the lease and the range {@code [offset, offset + count)} for a bulk access, where {@code count}
     * may be 0 (an empty range at {@code offset == length()} is allowed); returns the backing index.
     */
    final int indexOfRange(int offset, int count, String op) {
        checkLease(op);
        if (offset < 0 || count < 0 || offset > length - count) {
            throw outOfBounds(op, offset, count, length);
        }
        return base + offset;
    }

    /** Checks the lease and the range {@code [from, to)}. */
    final void checkRange(int from, int to, String op) {
        checkLease(op);
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException(op + " [" + from + ", " + to + ") is out of bounds for view length " + length);
        }
    }

    /** Checks the lease only. */
    final void checkLease(String op) {
        if (CHECK_LEASES && lease.generation != generation) {
            throw lease.stale(generation, op);
        }
    }

    /** The exception for {@code [offset, offset + width)} outside a view of {@code length} bytes. */
    static IndexOutOfBoundsException outOfBounds(String op, int offset, int width, int length) {
        return new IndexOutOfBoundsException(op + " at offset " + offset + " needs " + width
                + " byte(s) but the view length is " + length);
    }

    // ------------------------------------------------------------------ raw reads

    // Reads at a backing index whose range the caller checked against the view; the array or buffer still
    // checks its own bounds, so a wrong index can read a wrong byte of the backing memory but never
    // outside it.

    final byte rawI8(int i) {
        return array != null ? array[i] : buffer.get(i);
    }

    final short rawI16be(int i) {
        return array != null ? (short) A16B.get(array, i) : buffer.getShort(i);
    }

    final short rawI16le(int i) {
        return array != null ? (short) A16L.get(array, i) : Short.reverseBytes(buffer.getShort(i));
    }

    final int rawI32be(int i) {
        return array != null ? (int) A32B.get(array, i) : buffer.getInt(i);
    }

    final int rawI32le(int i) {
        return array != null ? (int) A32L.get(array, i) : Integer.reverseBytes(buffer.getInt(i));
    }

    final long rawI64be(int i) {
        return array != null ? (long) A64B.get(array, i) : buffer.getLong(i);
    }

    final long rawI64le(int i) {
        return array != null ? (long) A64L.get(array, i) : Long.reverseBytes(buffer.getLong(i));
    }

    // ------------------------------------------------------------------ reads

    /**
     * Reads an unsigned byte.
     *
     * @param offset the byte's offset in the view
     * @return the value, 0 to 255
     * @throws IndexOutOfBoundsException if the byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int u8(int offset) {
        int i = index(offset, 1, "u8");
        return rawI8(i) & 0xFF;
    }

    /**
     * Reads a signed byte.
     *
     * @param offset the byte's offset in the view
     * @return the value, -128 to 127
     * @throws IndexOutOfBoundsException if the byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final byte i8(int offset) {
        int i = index(offset, 1, "i8");
        return rawI8(i);
    }

    /**
     * Reads an unsigned big-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 65535
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int u16be(int offset) {
        int i = index(offset, 2, "u16be");
        return rawI16be(i) & 0xFFFF;
    }

    /**
     * Reads an unsigned little-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 65535
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int u16le(int offset) {
        int i = index(offset, 2, "u16le");
        return rawI16le(i) & 0xFFFF;
    }

    /**
     * Reads a signed big-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final short i16be(int offset) {
        int i = index(offset, 2, "i16be");
        return rawI16be(i);
    }

    /**
     * Reads a signed little-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final short i16le(int offset) {
        int i = index(offset, 2, "i16le");
        return rawI16le(i);
    }

    /**
     * Reads an unsigned big-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>32</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u32be(int offset) {
        int i = index(offset, 4, "u32be");
        return Integer.toUnsignedLong(rawI32be(i));
    }

    /**
     * Reads an unsigned little-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>32</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u32le(int offset) {
        int i = index(offset, 4, "u32le");
        return Integer.toUnsignedLong(rawI32le(i));
    }

    /**
     * Reads a signed big-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int i32be(int offset) {
        int i = index(offset, 4, "i32be");
        return rawI32be(i);
    }

    /**
     * Reads a signed little-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int i32le(int offset) {
        int i = index(offset, 4, "i32le");
        return rawI32le(i);
    }

    /**
     * Reads a signed big-endian 64-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i64be(int offset) {
        int i = index(offset, 8, "i64be");
        return rawI64be(i);
    }

    /**
     * Reads a signed little-endian 64-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i64le(int offset) {
        int i = index(offset, 8, "i64le");
        return rawI64le(i);
    }

    // ------------------------------------------------------------------ odd widths: 24, 40, 48, 56 bits

    /** Reads {@code n} bytes at a checked backing index as an unsigned number, in either byte order. */
    final long rawUnsigned(int i, int n, boolean bigEndian) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            v = (v << 8) | (rawI8(bigEndian ? i + k : i + n - 1 - k) & 0xFF);
        }
        return v;
    }

    /** Sign-extends the low {@code bits} bits of {@code v}. */
    static long signExtend(long v, int bits) {
        return (v << (64 - bits)) >> (64 - bits);
    }

    /**
     * Reads an unsigned big-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>24</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int u24be(int offset) {
        return (int) rawUnsigned(index(offset, 3, "u24be"), 3, true);
    }

    /**
     * Reads an unsigned little-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>24</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int u24le(int offset) {
        return (int) rawUnsigned(index(offset, 3, "u24le"), 3, false);
    }

    /**
     * Reads a signed big-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>23</sup> to 2<sup>23</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int i24be(int offset) {
        return (int) signExtend(rawUnsigned(index(offset, 3, "i24be"), 3, true), 24);
    }

    /**
     * Reads a signed little-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>23</sup> to 2<sup>23</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final int i24le(int offset) {
        return (int) signExtend(rawUnsigned(index(offset, 3, "i24le"), 3, false), 24);
    }

    /**
     * Reads an unsigned big-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>40</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u40be(int offset) {
        return rawUnsigned(index(offset, 5, "u40be"), 5, true);
    }

    /**
     * Reads an unsigned little-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>40</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u40le(int offset) {
        return rawUnsigned(index(offset, 5, "u40le"), 5, false);
    }

    /**
     * Reads a signed big-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>39</sup> to 2<sup>39</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i40be(int offset) {
        return signExtend(rawUnsigned(index(offset, 5, "i40be"), 5, true), 40);
    }

    /**
     * Reads a signed little-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>39</sup> to 2<sup>39</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i40le(int offset) {
        return signExtend(rawUnsigned(index(offset, 5, "i40le"), 5, false), 40);
    }

    /**
     * Reads an unsigned big-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>48</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u48be(int offset) {
        return rawUnsigned(index(offset, 6, "u48be"), 6, true);
    }

    /**
     * Reads an unsigned little-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>48</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u48le(int offset) {
        return rawUnsigned(index(offset, 6, "u48le"), 6, false);
    }

    /**
     * Reads a signed big-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>47</sup> to 2<sup>47</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i48be(int offset) {
        return signExtend(rawUnsigned(index(offset, 6, "i48be"), 6, true), 48);
    }

    /**
     * Reads a signed little-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>47</sup> to 2<sup>47</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i48le(int offset) {
        return signExtend(rawUnsigned(index(offset, 6, "i48le"), 6, false), 48);
    }

    /**
     * Reads an unsigned big-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>56</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u56be(int offset) {
        return rawUnsigned(index(offset, 7, "u56be"), 7, true);
    }

    /**
     * Reads an unsigned little-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, 0 to 2<sup>56</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long u56le(int offset) {
        return rawUnsigned(index(offset, 7, "u56le"), 7, false);
    }

    /**
     * Reads a signed big-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>55</sup> to 2<sup>55</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i56be(int offset) {
        return signExtend(rawUnsigned(index(offset, 7, "i56be"), 7, true), 56);
    }

    /**
     * Reads a signed little-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @return the value, -2<sup>55</sup> to 2<sup>55</sup>-1
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final long i56le(int offset) {
        return signExtend(rawUnsigned(index(offset, 7, "i56le"), 7, false), 56);
    }

    /**
     * Reads a big-endian IEEE 754 single-precision value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final float f32be(int offset) {
        int i = index(offset, 4, "f32be");
        return Float.intBitsToFloat(rawI32be(i));
    }

    /**
     * Reads a little-endian IEEE 754 single-precision value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final float f32le(int offset) {
        int i = index(offset, 4, "f32le");
        return Float.intBitsToFloat(rawI32le(i));
    }

    /**
     * Reads a big-endian IEEE 754 double-precision value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final double f64be(int offset) {
        int i = index(offset, 8, "f64be");
        return Double.longBitsToDouble(rawI64be(i));
    }

    /**
     * Reads a little-endian IEEE 754 double-precision value.
     *
     * @param offset the first byte's offset in the view
     * @return the value
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public final double f64le(int offset) {
        int i = index(offset, 8, "f64le");
        return Double.longBitsToDouble(rawI64le(i));
    }

    // ------------------------------------------------------------------ slicing

    /**
     * A view of {@code [from, to)} of this view, in O(1) and without copying; it <em>borrows</em> the
     * same memory under the same lease and goes stale with this view.
     *
     * @param from the first byte, inclusive
     * @param to the end, exclusive
     * @return a borrowed view of the range
     * @throws IndexOutOfBoundsException if the range is not inside this view
     * @throws StaleViewException if the view's lease ended
     */
    public ByteView slice(int from, int to) {
        checkRange(from, to, "slice");
        return new ByteView(array, buffer, base + from, to - from, lease, generation);
    }

    /**
     * A read-only view of the same bytes under the same lease; for a read-only view, the view itself.
     *
     * @return a borrowed read-only view
     */
    public ByteView asReadOnly() {
        return this;
    }

    // ------------------------------------------------------------------ copies out

    /**
     * Copies the bytes into a new owned, immutable {@link Bytes}; the copy outlives the lease.
     *
     * @return an owned copy
     * @throws StaleViewException if the view's lease ended
     */
    public final Bytes copy() {
        return Bytes.own(toByteArray());
    }

    /**
     * Copies the bytes into a new array the caller owns.
     *
     * @return an owned copy of length {@link #length()}
     * @throws StaleViewException if the view's lease ended
     */
    public final byte[] toByteArray() {
        checkLease("toByteArray");
        if (array != null) {
            // allocation and copy in one step: the JIT does not zero an array it fills right away
            return java.util.Arrays.copyOfRange(array, base, base + length);
        }
        byte[] out = new byte[length];
        copyTo(out, 0);
        return out;
    }

    /**
     * Copies the bytes into {@code dst[at, at + length())}.
     *
     * @param dst the destination, owned by the caller
     * @param at the first index written
     * @throws IndexOutOfBoundsException if the destination range is not inside {@code dst}
     * @throws StaleViewException if the view's lease ended
     */
    public final void copyTo(byte[] dst, int at) {
        checkLease("copyTo");
        Objects.checkFromIndexSize(at, length, dst.length);
        if (array != null) {
            System.arraycopy(array, base, dst, at, length);
        } else {
            buffer.get(base, dst, at, length);
        }
    }

    /**
     * Copies the bytes into {@code dst} at its position and advances the position by {@link #length()},
     * like {@link ByteBuffer#put(ByteBuffer)}.
     *
     * @param dst the destination buffer
     * @throws java.nio.BufferOverflowException if fewer than {@link #length()} bytes remain in {@code dst}
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     * @throws StaleViewException if the view's lease ended
     */
    public final void copyTo(ByteBuffer dst) {
        checkLease("copyTo");
        if (dst.remaining() < length) {
            throw new java.nio.BufferOverflowException();
        }
        int p = dst.position();
        if (array != null) {
            dst.put(p, array, base, length);
        } else {
            dst.put(p, buffer, base, length);
        }
        dst.position(p + length);
    }

    /**
     * Decodes the bytes as text into a new owned {@code String}.
     *
     * @param charset the encoding
     * @return the decoded text (malformed input is replaced, as by {@link String#String(byte[], Charset)})
     * @throws StaleViewException if the view's lease ended
     */
    public final String toString(Charset charset) {
        checkLease("toString");
        if (array != null) {
            return new String(array, base, length, charset);
        }
        return new String(toByteArray(), charset);
    }

    /**
     * A view that keeps no more memory reachable than it shows: this view itself when it already spans
     * all of its backing memory under the unbounded lease, otherwise a right-sized <em>owned</em> copy
     * under the unbounded lease. This is the fix for a small view pinning a large buffer, and the way to
     * keep a borrowed view beyond its lease.
     *
     * @return an owned view with {@link #pinnedBytes()} equal to {@link #length()}
     * @throws StaleViewException if the view's lease ended
     */
    public final ByteView compact() {
        checkLease("compact");
        if (lease.isUnbounded() && pinnedBytes() == length && !(this instanceof MutableByteView)) {
            return this;
        }
        byte[] copy = toByteArray();
        return new ByteView(copy, null, 0, copy.length, Lease.unbounded(), 0);
    }

    /**
     * How much backing memory this view keeps reachable: the length of its array or the capacity of its
     * buffer. A 16-byte view of a 50 MiB array pins 50 MiB; see {@link #compact()}.
     *
     * <p>For a view over a {@link ByteBuffer} that is itself a slice or duplicate of a larger buffer
     * without an accessible array (a direct or read-only buffer), the JDK keeps the larger buffer
     * reachable too, and this method can only report the capacity of the buffer it was given: a lower
     * bound.
     *
     * @return the backing memory's size in bytes
     */
    public final long pinnedBytes() {
        return array != null ? array.length : buffer.capacity();
    }

    /**
     * An <em>unchecked</em> read-only {@link ByteBuffer} over the same memory, positioned at the view's
     * first byte with the view's length remaining, for NIO calls such as
     * {@link java.nio.channels.WritableByteChannel#write(ByteBuffer)}. It <em>borrows</em> like the
     * view but is not checked against the lease: do not keep it beyond the lease.
     *
     * @return a new read-only buffer over the view's bytes, big-endian
     * @throws StaleViewException if the view's lease ended already
     */
    public final ByteBuffer asReadOnlyByteBuffer() {
        checkLease("asReadOnlyByteBuffer");
        ByteBuffer b = array != null ? ByteBuffer.wrap(array, base, length) : buffer.duplicate().position(base).limit(base + length);
        return b.slice().asReadOnlyBuffer();
    }

    /**
     * Compares the bytes of two views.
     *
     * @param other the view to compare with
     * @return {@code true} if both have the same length and the same bytes
     * @throws StaleViewException if either view's lease ended
     */
    public final boolean contentEquals(ByteView other) {
        checkLease("contentEquals");
        other.checkLease("contentEquals");
        if (other.length != length) {
            return false;
        }
        if (array != null && other.array != null) {
            return java.util.Arrays.equals(array, base, base + length, other.array, other.base, other.base + length);
        }
        return asUnchecked().equals(other.asUnchecked());
    }

    /**
     * Finds the first occurrence of a byte.
     *
     * @param value the byte to find
     * @param from the offset to start at
     * @return the offset of the byte, or -1 if it does not occur in {@code [from, length())}
     * @throws StaleViewException if the view's lease ended
     */
    public final int indexOf(byte value, int from) {
        checkLease("indexOf");
        for (int i = Math.max(from, 0); i < length; i++) {
            if ((array != null ? array[base + i] : buffer.get(base + i)) == value) {
                return i;
            }
        }
        return -1;
    }

    /** A read-only buffer over the view's bytes, without the lease check. */
    private ByteBuffer asUnchecked() {
        return array != null ? ByteBuffer.wrap(array, base, length)
                : buffer.duplicate().position(base).limit(base + length);
    }

    /**
     * A classic hex dump for people: 16 bytes a line, with offsets and printable ASCII.
     *
     * @return the dump; empty for an empty view
     * @throws StaleViewException if the view's lease ended
     */
    public final String hexDump() {
        checkLease("hexDump");
        StringBuilder sb = new StringBuilder((int) Math.min((long) length / 16 * 78 + 80, 1 << 16));
        for (int line = 0; line < length; line += 16) {
            sb.append(String.format("%08x  ", line));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                if (line + i < length) {
                    int b = u8(line + i);
                    sb.append(HEX[b >>> 4]).append(HEX[b & 15]).append(' ');
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    sb.append("   ");
                }
                if (i == 7) {
                    sb.append(' ');
                }
            }
            sb.append(" |").append(ascii).append("|\n");
        }
        return sb.toString();
    }

    static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Identity equality: views are windows, not values. Use {@link #contentEquals(ByteView)} or
     * {@link Bytes}.
     *
     * @param o the other object
     * @return {@code true} only for the same view object
     */
    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    /**
     * Identity hash code, consistent with {@link #equals(Object)}.
     *
     * @return the identity hash code
     */
    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    /**
     * A short description: length, backing, lease and up to 16 bytes in hex. Never throws for a stale
     * view (it says so instead).
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[').append(length).append(" bytes, ")
                .append(array != null ? "heap" : buffer.isDirect() ? "direct" : "buffer").append(", ").append(lease);
        if (!isValid()) {
            return sb.append(", STALE]").toString();
        }
        sb.append(": ");
        int n = Math.min(length, 16);
        for (int i = 0; i < n; i++) {
            int b = u8(i);
            sb.append(HEX[b >>> 4]).append(HEX[b & 15]);
        }
        return sb.append(length > n ? "…]" : "]").toString();
    }
}
