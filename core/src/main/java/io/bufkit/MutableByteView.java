package io.bufkit;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A {@link ByteView} that can also write: the same absolute, bounds-checked, lease-checked access with
 * the byte order in each method's name ({@code putU16be}, {@code putF64le}, ...).
 *
 * <p>Writable views come from {@link #allocate(int)} (owned memory), {@link #wrap(byte[])} and
 * {@link #wrap(ByteBuffer)} (the caller's memory, unbounded lease), {@link Lease#wrapMutable(byte[])}, and
 * a pooled buffer's lease. Writes to a view whose lease ended throw {@link StaleViewException}: a stale
 * writer can never scribble over the next owner's data. Unsigned writes reject values outside their
 * range instead of truncating them. Not thread-safe.
 */
public final class MutableByteView extends ByteView {

    MutableByteView(byte[] array, ByteBuffer buffer, int base, int length, Lease lease, long generation) {
        super(array, buffer, base, length, lease, generation);
    }

    /**
     * Allocates a new zeroed heap array and views it; the memory is owned by the view (unbounded lease).
     *
     * @param length the size in bytes
     * @return an owned writable view
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static MutableByteView allocate(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        return new MutableByteView(new byte[length], null, 0, length, Lease.unbounded(), 0);
    }

    /**
     * Wraps a whole array for writing, without copying, under the unbounded lease.
     *
     * @param array the memory to view; the caller owns its lifetime
     * @return a writable view borrowing {@code array}
     */
    public static MutableByteView wrap(byte[] array) {
        return wrap(array, 0, array.length);
    }

    /**
     * Wraps {@code array[offset, offset + length)} for writing, without copying, under the unbounded lease.
     *
     * @param array the memory to view; the caller owns its lifetime
     * @param offset the first byte of the view
     * @param length the view's length
     * @return a writable view borrowing the range
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public static MutableByteView wrap(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return new MutableByteView(array, null, offset, length, Lease.unbounded(), 0);
    }

    /**
     * Wraps a writable buffer's remaining bytes (heap or direct), without copying, under the unbounded
     * lease; the buffer's position and limit are not touched.
     *
     * @param buffer the memory to view; the caller owns its lifetime
     * @return a writable view borrowing the buffer's remaining bytes
     * @throws IllegalArgumentException if the buffer is read-only
     */
    public static MutableByteView wrap(ByteBuffer buffer) {
        return (MutableByteView) over(buffer, Lease.unbounded(), 0, true);
    }

    /**
     * A writable view of {@code [from, to)}, in O(1) and without copying; it <em>borrows</em> the same
     * memory under the same lease.
     *
     * @param from the first byte, inclusive
     * @param to the end, exclusive
     * @return a borrowed writable view of the range
     * @throws IndexOutOfBoundsException if the range is not inside this view
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public MutableByteView slice(int from, int to) {
        checkRange(from, to, "slice");
        return new MutableByteView(array, buffer, base + from, to - from, lease, generation);
    }

    /**
     * A read-only view of the same bytes under the same lease, to hand to code that must not write.
     *
     * @return a borrowed read-only view
     */
    @Override
    public ByteView asReadOnly() {
        return new ByteView(array, buffer, base, length, lease, generation);
    }

    private static IllegalArgumentException outOfRange(String op, long value, String range) {
        return new IllegalArgumentException(op + ": value " + value + " is outside " + range);
    }

    /**
     * Writes an unsigned byte.
     *
     * @param offset the byte's offset in the view
     * @param value the value, 0 to 255
     * @return this view
     * @throws IndexOutOfBoundsException if the byte is outside the view
     * @throws IllegalArgumentException if the value is out of range
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU8(int offset, int value) {
        if (value < 0 || value > 255) {
            throw outOfRange("putU8", value, "0 to 255");
        }
        int i = index(offset, 1, "putU8");
        if (array != null) {
            array[i] = (byte) value;
        } else {
            buffer.put(i, (byte) value);
        }
        return this;
    }

    /**
     * Writes a signed byte.
     *
     * @param offset the byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if the byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI8(int offset, byte value) {
        int i = index(offset, 1, "putI8");
        if (array != null) {
            array[i] = value;
        } else {
            buffer.put(i, value);
        }
        return this;
    }

    /**
     * Writes an unsigned big-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 65535
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU16be(int offset, int value) {
        if (value < 0 || value > 65535) {
            throw outOfRange("putU16be", value, "0 to 65535");
        }
        int i = index(offset, 2, "putU16be");
        if (array != null) {
            A16B.set(array, i, (short) value);
        } else {
            buffer.putShort(i, (short) value);
        }
        return this;
    }

    /**
     * Writes an unsigned little-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 65535
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU16le(int offset, int value) {
        if (value < 0 || value > 65535) {
            throw outOfRange("putU16le", value, "0 to 65535");
        }
        int i = index(offset, 2, "putU16le");
        if (array != null) {
            A16L.set(array, i, (short) value);
        } else {
            buffer.putShort(i, Short.reverseBytes((short) value));
        }
        return this;
    }

    /**
     * Writes a signed big-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI16be(int offset, short value) {
        int i = index(offset, 2, "putI16be");
        if (array != null) {
            A16B.set(array, i, value);
        } else {
            buffer.putShort(i, value);
        }
        return this;
    }

    /**
     * Writes a signed little-endian 16-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI16le(int offset, short value) {
        int i = index(offset, 2, "putI16le");
        if (array != null) {
            A16L.set(array, i, value);
        } else {
            buffer.putShort(i, Short.reverseBytes(value));
        }
        return this;
    }

    /**
     * Writes an unsigned big-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>32</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU32be(int offset, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw outOfRange("putU32be", value, "0 to 2^32-1");
        }
        int i = index(offset, 4, "putU32be");
        if (array != null) {
            A32B.set(array, i, (int) value);
        } else {
            buffer.putInt(i, (int) value);
        }
        return this;
    }

    /**
     * Writes an unsigned little-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>32</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU32le(int offset, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw outOfRange("putU32le", value, "0 to 2^32-1");
        }
        int i = index(offset, 4, "putU32le");
        if (array != null) {
            A32L.set(array, i, (int) value);
        } else {
            buffer.putInt(i, Integer.reverseBytes((int) value));
        }
        return this;
    }

    /**
     * Writes a signed big-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI32be(int offset, int value) {
        int i = index(offset, 4, "putI32be");
        if (array != null) {
            A32B.set(array, i, value);
        } else {
            buffer.putInt(i, value);
        }
        return this;
    }

    /**
     * Writes a signed little-endian 32-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI32le(int offset, int value) {
        int i = index(offset, 4, "putI32le");
        if (array != null) {
            A32L.set(array, i, value);
        } else {
            buffer.putInt(i, Integer.reverseBytes(value));
        }
        return this;
    }

    /**
     * Writes a signed big-endian 64-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI64be(int offset, long value) {
        int i = index(offset, 8, "putI64be");
        if (array != null) {
            A64B.set(array, i, value);
        } else {
            buffer.putLong(i, value);
        }
        return this;
    }

    /**
     * Writes a signed little-endian 64-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI64le(int offset, long value) {
        int i = index(offset, 8, "putI64le");
        if (array != null) {
            A64L.set(array, i, value);
        } else {
            buffer.putLong(i, Long.reverseBytes(value));
        }
        return this;
    }

    // ------------------------------------------------------------------ odd widths: 24, 40, 48, 56 bits

    /** Writes the low {@code n} bytes of {@code v} at a checked backing index, in either byte order. */
    private void rawPutUnsigned(int i, int n, boolean bigEndian, long v) {
        for (int k = 0; k < n; k++) {
            byte b = (byte) (v >>> (8 * (bigEndian ? n - 1 - k : k)));
            if (array != null) {
                array[i + k] = b;
            } else {
                buffer.put(i + k, b);
            }
        }
    }

    /** Checks {@code value} against {@code [min, max]} and writes it in {@code n} bytes. */
    private MutableByteView putOdd(int offset, int n, boolean bigEndian, long value, long min, long max, String op) {
        if (value < min || value > max) {
            throw outOfRange(op, value, min + " to " + max);
        }
        rawPutUnsigned(index(offset, n, op), n, bigEndian, value);
        return this;
    }

    /**
     * Writes an unsigned big-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>24</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU24be(int offset, int value) {
        return putOdd(offset, 3, true, value, 0, (1L << 24) - 1, "putU24be");
    }

    /**
     * Writes an unsigned little-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>24</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU24le(int offset, int value) {
        return putOdd(offset, 3, false, value, 0, (1L << 24) - 1, "putU24le");
    }

    /**
     * Writes a signed big-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>23</sup> to 2<sup>23</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI24be(int offset, int value) {
        return putOdd(offset, 3, true, value, -(1L << 23), (1L << 23) - 1, "putI24be");
    }

    /**
     * Writes a signed little-endian 24-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>23</sup> to 2<sup>23</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI24le(int offset, int value) {
        return putOdd(offset, 3, false, value, -(1L << 23), (1L << 23) - 1, "putI24le");
    }

    /**
     * Writes an unsigned big-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>40</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU40be(int offset, long value) {
        return putOdd(offset, 5, true, value, 0, (1L << 40) - 1, "putU40be");
    }

    /**
     * Writes an unsigned little-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>40</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU40le(int offset, long value) {
        return putOdd(offset, 5, false, value, 0, (1L << 40) - 1, "putU40le");
    }

    /**
     * Writes a signed big-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>39</sup> to 2<sup>39</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI40be(int offset, long value) {
        return putOdd(offset, 5, true, value, -(1L << 39), (1L << 39) - 1, "putI40be");
    }

    /**
     * Writes a signed little-endian 40-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>39</sup> to 2<sup>39</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI40le(int offset, long value) {
        return putOdd(offset, 5, false, value, -(1L << 39), (1L << 39) - 1, "putI40le");
    }

    /**
     * Writes an unsigned big-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>48</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU48be(int offset, long value) {
        return putOdd(offset, 6, true, value, 0, (1L << 48) - 1, "putU48be");
    }

    /**
     * Writes an unsigned little-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>48</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU48le(int offset, long value) {
        return putOdd(offset, 6, false, value, 0, (1L << 48) - 1, "putU48le");
    }

    /**
     * Writes a signed big-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>47</sup> to 2<sup>47</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI48be(int offset, long value) {
        return putOdd(offset, 6, true, value, -(1L << 47), (1L << 47) - 1, "putI48be");
    }

    /**
     * Writes a signed little-endian 48-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>47</sup> to 2<sup>47</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI48le(int offset, long value) {
        return putOdd(offset, 6, false, value, -(1L << 47), (1L << 47) - 1, "putI48le");
    }

    /**
     * Writes an unsigned big-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>56</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU56be(int offset, long value) {
        return putOdd(offset, 7, true, value, 0, (1L << 56) - 1, "putU56be");
    }

    /**
     * Writes an unsigned little-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, 0 to 2<sup>56</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putU56le(int offset, long value) {
        return putOdd(offset, 7, false, value, 0, (1L << 56) - 1, "putU56le");
    }

    /**
     * Writes a signed big-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>55</sup> to 2<sup>55</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI56be(int offset, long value) {
        return putOdd(offset, 7, true, value, -(1L << 55), (1L << 55) - 1, "putI56be");
    }

    /**
     * Writes a signed little-endian 56-bit value.
     *
     * @param offset the first byte's offset in the view
     * @param value the value, -2<sup>55</sup> to 2<sup>55</sup>-1
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putI56le(int offset, long value) {
        return putOdd(offset, 7, false, value, -(1L << 55), (1L << 55) - 1, "putI56le");
    }

    /**
     * Writes a big-endian IEEE 754 single-precision value (raw bits, NaN payloads kept).
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putF32be(int offset, float value) {
        int i = index(offset, 4, "putF32be");
        if (array != null) {
            A32B.set(array, i, Float.floatToRawIntBits(value));
        } else {
            buffer.putInt(i, Float.floatToRawIntBits(value));
        }
        return this;
    }

    /**
     * Writes a little-endian IEEE 754 single-precision value (raw bits, NaN payloads kept).
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putF32le(int offset, float value) {
        int i = index(offset, 4, "putF32le");
        if (array != null) {
            A32L.set(array, i, Float.floatToRawIntBits(value));
        } else {
            buffer.putInt(i, Integer.reverseBytes(Float.floatToRawIntBits(value)));
        }
        return this;
    }

    /**
     * Writes a big-endian IEEE 754 double-precision value (raw bits, NaN payloads kept).
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putF64be(int offset, double value) {
        int i = index(offset, 8, "putF64be");
        if (array != null) {
            A64B.set(array, i, Double.doubleToRawLongBits(value));
        } else {
            buffer.putLong(i, Double.doubleToRawLongBits(value));
        }
        return this;
    }

    /**
     * Writes a little-endian IEEE 754 double-precision value (raw bits, NaN payloads kept).
     *
     * @param offset the first byte's offset in the view
     * @param value the value
     * @return this view
     * @throws IndexOutOfBoundsException if a byte is outside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView putF64le(int offset, double value) {
        int i = index(offset, 8, "putF64le");
        if (array != null) {
            A64L.set(array, i, Double.doubleToRawLongBits(value));
        } else {
            buffer.putLong(i, Long.reverseBytes(Double.doubleToRawLongBits(value)));
        }
        return this;
    }

    /**
     * Copies the bytes of {@code src} into this view at {@code offset}. Overlapping source and
     * destination (slices of the same memory) are handled as if through a temporary copy.
     *
     * @param offset where the first byte goes
     * @param src the bytes to copy (read, not kept)
     * @return this view
     * @throws IndexOutOfBoundsException if the bytes do not fit
     * @throws StaleViewException if either view's lease ended
     */
    public MutableByteView put(int offset, ByteView src) {
        src.checkLease("put");
        int i = indexOfRange(offset, src.length, "put");
        if (array != null && src.array != null) {
            System.arraycopy(src.array, src.base, array, i, src.length);
        } else if (array != null) {
            src.buffer.get(src.base, array, i, src.length);
        } else if (src.array != null) {
            buffer.put(i, src.array, src.base, src.length);
        } else {
            buffer.put(i, src.buffer, src.base, src.length);
        }
        return this;
    }

    /**
     * Copies {@code src[from, from + count)} into this view at {@code offset}.
     *
     * @param offset where the first byte goes
     * @param src the source array (read, not kept)
     * @param from the first source index
     * @param count how many bytes to copy
     * @return this view
     * @throws IndexOutOfBoundsException if the source range is not inside {@code src} or the bytes do not fit
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView put(int offset, byte[] src, int from, int count) {
        Objects.checkFromIndexSize(from, count, src.length);
        int i = indexOfRange(offset, count, "put");
        if (array != null) {
            System.arraycopy(src, from, array, i, count);
        } else {
            buffer.put(i, src, from, count);
        }
        return this;
    }

    /**
     * Copies all of {@code src} into this view at {@code offset}.
     *
     * @param offset where the first byte goes
     * @param src the source array (read, not kept)
     * @return this view
     * @throws IndexOutOfBoundsException if the bytes do not fit
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView put(int offset, byte[] src) {
        return put(offset, src, 0, src.length);
    }

    /**
     * Sets every byte of the view to {@code value}.
     *
     * @param value the byte to write
     * @return this view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView fill(byte value) {
        return fill(0, length, value);
    }

    /**
     * Sets the bytes of {@code [from, to)} to {@code value}.
     *
     * @param from the first byte, inclusive
     * @param to the end, exclusive
     * @param value the byte to write
     * @return this view
     * @throws IndexOutOfBoundsException if the range is not inside the view
     * @throws StaleViewException if the view's lease ended
     */
    public MutableByteView fill(int from, int to, byte value) {
        checkRange(from, to, "fill");
        if (array != null) {
            java.util.Arrays.fill(array, base + from, base + to, value);
        } else {
            for (int i = base + from; i < base + to; i++) {
                buffer.put(i, value);
            }
        }
        return this;
    }
}
