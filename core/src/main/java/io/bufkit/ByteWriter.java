package io.bufkit;

import java.util.Objects;

/**
 * A cursor that writes a sequential format into a {@link MutableByteView}, the mirror of
 * {@link ByteReader}: each write puts a value at the position and advances it.
 *
 * <pre>{@code
 * ByteWriter w = new ByteWriter(view);
 * w.u8(type).u24be(payload.length()).bytes(payload);
 * int written = w.position();
 * }</pre>
 *
 * <p>Integer writes take {@code int} or {@code long} arguments and check them against the wire type's
 * range: {@code i16be(-1)} and {@code u16be(65535)} are fine, {@code u16be(65536)} throws
 * {@link IllegalArgumentException} naming the type, the position and the range. A write that does not fit
 * the bytes left throws {@link OverflowException} naming the position, the bytes needed and the bytes
 * left. A failed write writes nothing and does not move the position.
 *
 * <p>The writer borrows its view: once the view's lease ends, every write throws
 * {@link StaleViewException}. Not thread-safe.
 */
public final class ByteWriter {

    private final MutableByteView view;
    private int position;

    /**
     * Creates a writer at position 0 of {@code view}.
     *
     * @param view where to write; borrowed, not copied
     */
    public ByteWriter(MutableByteView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    /**
     * The view being written.
     *
     * @return the view (borrowed)
     */
    public MutableByteView view() {
        return view;
    }

    /**
     * The number of bytes written (or skipped) so far.
     *
     * @return the position
     */
    public int position() {
        return position;
    }

    /**
     * Moves the cursor.
     *
     * @param newPosition the new position, 0 to {@code view().length()}
     * @return this writer
     * @throws IndexOutOfBoundsException if the position is outside the view
     */
    public ByteWriter position(int newPosition) {
        if (newPosition < 0 || newPosition > view.length()) {
            throw new IndexOutOfBoundsException("position " + newPosition + " is outside [0, " + view.length() + "]");
        }
        position = newPosition;
        return this;
    }

    /**
     * How many bytes can still be written.
     *
     * @return {@code view().length() - position()}
     */
    public int remaining() {
        return view.length() - position;
    }

    /**
     * The bytes written so far, {@code [0, position())} of the view.
     *
     * @return a <em>borrowed</em> view of the written bytes, under the view's lease
     */
    public ByteView written() {
        return view.slice(0, position);
    }

    /** Reserves {@code n} bytes at the position; returns the position they start at. */
    private int room(int n, String what) {
        int p = position;
        view.checkLease(what);
        if (n > view.length() - p) {
            throw new OverflowException(what, p, n, view.length() - p);
        }
        position = p + n;
        return p;
    }

    private void checkRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("cannot write " + what + " at position " + position + ": value "
                    + value + " is outside " + min + " to " + max);
        }
    }

    /**
     * Writes an unsigned 8-bit value and advances by 1 byte.
     *
     * @param value the value, 0 to 255
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 1 byte remain; nothing is written
     */
    public ByteWriter u8(int value) {
        checkRange("u8", value, 0, 255);
        int p = room(1, "u8");
        view.putU8(p, value);
        return this;
    }

    /**
     * Writes a signed 8-bit value and advances by 1 byte.
     *
     * @param value the value, Byte.MIN_VALUE to Byte.MAX_VALUE
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 1 byte remain; nothing is written
     */
    public ByteWriter i8(int value) {
        checkRange("i8", value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        int p = room(1, "i8");
        view.putI8(p, (byte) value);
        return this;
    }

    /**
     * Writes an unsigned big-endian 16-bit value and advances by 2 bytes.
     *
     * @param value the value, 0 to 0xFFFF
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 2 bytes remain; nothing is written
     */
    public ByteWriter u16be(int value) {
        checkRange("u16be", value, 0, 0xFFFF);
        int p = room(2, "u16be");
        view.putU16be(p, value);
        return this;
    }

    /**
     * Writes an unsigned little-endian 16-bit value and advances by 2 bytes.
     *
     * @param value the value, 0 to 0xFFFF
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 2 bytes remain; nothing is written
     */
    public ByteWriter u16le(int value) {
        checkRange("u16le", value, 0, 0xFFFF);
        int p = room(2, "u16le");
        view.putU16le(p, value);
        return this;
    }

    /**
     * Writes a signed big-endian 16-bit value and advances by 2 bytes.
     *
     * @param value the value, Short.MIN_VALUE to Short.MAX_VALUE
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 2 bytes remain; nothing is written
     */
    public ByteWriter i16be(int value) {
        checkRange("i16be", value, Short.MIN_VALUE, Short.MAX_VALUE);
        int p = room(2, "i16be");
        view.putI16be(p, (short) value);
        return this;
    }

    /**
     * Writes a signed little-endian 16-bit value and advances by 2 bytes.
     *
     * @param value the value, Short.MIN_VALUE to Short.MAX_VALUE
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 2 bytes remain; nothing is written
     */
    public ByteWriter i16le(int value) {
        checkRange("i16le", value, Short.MIN_VALUE, Short.MAX_VALUE);
        int p = room(2, "i16le");
        view.putI16le(p, (short) value);
        return this;
    }

    /**
     * Writes an unsigned big-endian 24-bit value and advances by 3 bytes.
     *
     * @param value the value, 0 to 0xFF_FFFF
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 3 bytes remain; nothing is written
     */
    public ByteWriter u24be(int value) {
        checkRange("u24be", value, 0, 0xFF_FFFF);
        int p = room(3, "u24be");
        view.putU24be(p, value);
        return this;
    }

    /**
     * Writes an unsigned little-endian 24-bit value and advances by 3 bytes.
     *
     * @param value the value, 0 to 0xFF_FFFF
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 3 bytes remain; nothing is written
     */
    public ByteWriter u24le(int value) {
        checkRange("u24le", value, 0, 0xFF_FFFF);
        int p = room(3, "u24le");
        view.putU24le(p, value);
        return this;
    }

    /**
     * Writes a signed big-endian 24-bit value and advances by 3 bytes.
     *
     * @param value the value, -2^(23) to 2^(23)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 3 bytes remain; nothing is written
     */
    public ByteWriter i24be(int value) {
        checkRange("i24be", value, -(1 << 23), (1 << 23) - 1);
        int p = room(3, "i24be");
        view.putI24be(p, value);
        return this;
    }

    /**
     * Writes a signed little-endian 24-bit value and advances by 3 bytes.
     *
     * @param value the value, -2^(23) to 2^(23)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 3 bytes remain; nothing is written
     */
    public ByteWriter i24le(int value) {
        checkRange("i24le", value, -(1 << 23), (1 << 23) - 1);
        int p = room(3, "i24le");
        view.putI24le(p, value);
        return this;
    }

    /**
     * Writes an unsigned big-endian 32-bit value and advances by 4 bytes.
     *
     * @param value the value, 0 to 0xFFFF_FFFFL
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 4 bytes remain; nothing is written
     */
    public ByteWriter u32be(long value) {
        checkRange("u32be", value, 0, 0xFFFF_FFFFL);
        int p = room(4, "u32be");
        view.putU32be(p, value);
        return this;
    }

    /**
     * Writes an unsigned little-endian 32-bit value and advances by 4 bytes.
     *
     * @param value the value, 0 to 0xFFFF_FFFFL
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 4 bytes remain; nothing is written
     */
    public ByteWriter u32le(long value) {
        checkRange("u32le", value, 0, 0xFFFF_FFFFL);
        int p = room(4, "u32le");
        view.putU32le(p, value);
        return this;
    }

    /**
     * Writes a signed big-endian 32-bit value and advances by 4 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 4 bytes remain; nothing is written
     */
    public ByteWriter i32be(int value) {
        int p = room(4, "i32be");
        view.putI32be(p, value);
        return this;
    }

    /**
     * Writes a signed little-endian 32-bit value and advances by 4 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 4 bytes remain; nothing is written
     */
    public ByteWriter i32le(int value) {
        int p = room(4, "i32le");
        view.putI32le(p, value);
        return this;
    }

    /**
     * Writes an unsigned big-endian 40-bit value and advances by 5 bytes.
     *
     * @param value the value, 0 to 2^(40)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 5 bytes remain; nothing is written
     */
    public ByteWriter u40be(long value) {
        checkRange("u40be", value, 0, (1L << 40) - 1);
        int p = room(5, "u40be");
        view.putU40be(p, value);
        return this;
    }

    /**
     * Writes an unsigned little-endian 40-bit value and advances by 5 bytes.
     *
     * @param value the value, 0 to 2^(40)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 5 bytes remain; nothing is written
     */
    public ByteWriter u40le(long value) {
        checkRange("u40le", value, 0, (1L << 40) - 1);
        int p = room(5, "u40le");
        view.putU40le(p, value);
        return this;
    }

    /**
     * Writes a signed big-endian 40-bit value and advances by 5 bytes.
     *
     * @param value the value, -2^(39) to 2^(39)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 5 bytes remain; nothing is written
     */
    public ByteWriter i40be(long value) {
        checkRange("i40be", value, -(1L << 39), (1L << 39) - 1);
        int p = room(5, "i40be");
        view.putI40be(p, value);
        return this;
    }

    /**
     * Writes a signed little-endian 40-bit value and advances by 5 bytes.
     *
     * @param value the value, -2^(39) to 2^(39)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 5 bytes remain; nothing is written
     */
    public ByteWriter i40le(long value) {
        checkRange("i40le", value, -(1L << 39), (1L << 39) - 1);
        int p = room(5, "i40le");
        view.putI40le(p, value);
        return this;
    }

    /**
     * Writes an unsigned big-endian 48-bit value and advances by 6 bytes.
     *
     * @param value the value, 0 to 2^(48)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 6 bytes remain; nothing is written
     */
    public ByteWriter u48be(long value) {
        checkRange("u48be", value, 0, (1L << 48) - 1);
        int p = room(6, "u48be");
        view.putU48be(p, value);
        return this;
    }

    /**
     * Writes an unsigned little-endian 48-bit value and advances by 6 bytes.
     *
     * @param value the value, 0 to 2^(48)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 6 bytes remain; nothing is written
     */
    public ByteWriter u48le(long value) {
        checkRange("u48le", value, 0, (1L << 48) - 1);
        int p = room(6, "u48le");
        view.putU48le(p, value);
        return this;
    }

    /**
     * Writes a signed big-endian 48-bit value and advances by 6 bytes.
     *
     * @param value the value, -2^(47) to 2^(47)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 6 bytes remain; nothing is written
     */
    public ByteWriter i48be(long value) {
        checkRange("i48be", value, -(1L << 47), (1L << 47) - 1);
        int p = room(6, "i48be");
        view.putI48be(p, value);
        return this;
    }

    /**
     * Writes a signed little-endian 48-bit value and advances by 6 bytes.
     *
     * @param value the value, -2^(47) to 2^(47)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 6 bytes remain; nothing is written
     */
    public ByteWriter i48le(long value) {
        checkRange("i48le", value, -(1L << 47), (1L << 47) - 1);
        int p = room(6, "i48le");
        view.putI48le(p, value);
        return this;
    }

    /**
     * Writes an unsigned big-endian 56-bit value and advances by 7 bytes.
     *
     * @param value the value, 0 to 2^(56)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 7 bytes remain; nothing is written
     */
    public ByteWriter u56be(long value) {
        checkRange("u56be", value, 0, (1L << 56) - 1);
        int p = room(7, "u56be");
        view.putU56be(p, value);
        return this;
    }

    /**
     * Writes an unsigned little-endian 56-bit value and advances by 7 bytes.
     *
     * @param value the value, 0 to 2^(56)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 7 bytes remain; nothing is written
     */
    public ByteWriter u56le(long value) {
        checkRange("u56le", value, 0, (1L << 56) - 1);
        int p = room(7, "u56le");
        view.putU56le(p, value);
        return this;
    }

    /**
     * Writes a signed big-endian 56-bit value and advances by 7 bytes.
     *
     * @param value the value, -2^(55) to 2^(55)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 7 bytes remain; nothing is written
     */
    public ByteWriter i56be(long value) {
        checkRange("i56be", value, -(1L << 55), (1L << 55) - 1);
        int p = room(7, "i56be");
        view.putI56be(p, value);
        return this;
    }

    /**
     * Writes a signed little-endian 56-bit value and advances by 7 bytes.
     *
     * @param value the value, -2^(55) to 2^(55)-1
     * @return this writer
     * @throws IllegalArgumentException if the value is out of range; nothing is written
     * @throws OverflowException if fewer than 7 bytes remain; nothing is written
     */
    public ByteWriter i56le(long value) {
        checkRange("i56le", value, -(1L << 55), (1L << 55) - 1);
        int p = room(7, "i56le");
        view.putI56le(p, value);
        return this;
    }

    /**
     * Writes a signed big-endian 64-bit value and advances by 8 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 8 bytes remain; nothing is written
     */
    public ByteWriter i64be(long value) {
        int p = room(8, "i64be");
        view.putI64be(p, value);
        return this;
    }

    /**
     * Writes a signed little-endian 64-bit value and advances by 8 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 8 bytes remain; nothing is written
     */
    public ByteWriter i64le(long value) {
        int p = room(8, "i64le");
        view.putI64le(p, value);
        return this;
    }

    /**
     * Writes a big-endian IEEE 754 single-precision value and advances by 4 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 4 bytes remain; nothing is written
     */
    public ByteWriter f32be(float value) {
        int p = room(4, "f32be");
        view.putF32be(p, value);
        return this;
    }

    /**
     * Writes a little-endian IEEE 754 single-precision value and advances by 4 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 4 bytes remain; nothing is written
     */
    public ByteWriter f32le(float value) {
        int p = room(4, "f32le");
        view.putF32le(p, value);
        return this;
    }

    /**
     * Writes a big-endian IEEE 754 double-precision value and advances by 8 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 8 bytes remain; nothing is written
     */
    public ByteWriter f64be(double value) {
        int p = room(8, "f64be");
        view.putF64be(p, value);
        return this;
    }

    /**
     * Writes a little-endian IEEE 754 double-precision value and advances by 8 bytes.
     *
     * @param value the value, any value
     * @return this writer
     * @throws OverflowException if fewer than 8 bytes remain; nothing is written
     */
    public ByteWriter f64le(double value) {
        int p = room(8, "f64le");
        view.putF64le(p, value);
        return this;
    }

    /**
     * Writes the bytes of a view and advances by its length.
     *
     * @param src the bytes to copy, borrowed for the call
     * @return this writer
     * @throws OverflowException if fewer than {@code src.length()} bytes remain; nothing is written
     */
    public ByteWriter bytes(ByteView src) {
        int p = room(src.length(), "bytes");
        view.put(p, src);
        return this;
    }

    /**
     * Writes the bytes of an array and advances by its length.
     *
     * @param src the bytes to copy
     * @return this writer
     * @throws OverflowException if fewer than {@code src.length} bytes remain; nothing is written
     */
    public ByteWriter bytes(byte[] src) {
        int p = room(src.length, "bytes");
        view.put(p, src);
        return this;
    }

    /**
     * Writes {@code n} zero bytes, for padding or reserved fields.
     *
     * @param n how many bytes
     * @return this writer
     * @throws OverflowException if fewer than {@code n} bytes remain; nothing is written
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public ByteWriter zeros(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("zeros: negative byte count " + n);
        }
        int p = room(n, "zeros");
        view.fill(p, p + n, (byte) 0);
        return this;
    }

    // ------------------------------------------------------------------ varints

    /**
     * Writes an unsigned LEB128 varint (protobuf's {@code uint64}): 7 bits a byte, least significant first,
     * the high bit set on every byte but the last. A negative value is written as its 64-bit pattern, in 10
     * bytes.
     *
     * @param value the value, read as unsigned
     * @return this writer
     * @throws OverflowException if the varint does not fit the bytes left; nothing is written
     */
    public ByteWriter varint64(long value) {
        int n = Varints.size(value);
        int p = room(n, "varint64");
        Varints.write(view, p, value);
        return this;
    }

    /**
     * Writes an unsigned LEB128 varint of a 32-bit value (protobuf's {@code uint32}): a negative value is
     * written as its unsigned 32-bit pattern, in 5 bytes.
     *
     * @param value the value, read as unsigned
     * @return this writer
     * @throws OverflowException if the varint does not fit the bytes left; nothing is written
     */
    public ByteWriter varint32(int value) {
        long v = Integer.toUnsignedLong(value);
        int p = room(Varints.size(v), "varint32");
        Varints.write(view, p, v);
        return this;
    }

    /**
     * Writes a signed value as a zigzag varint (protobuf's {@code sint64}): 0, -1, 1, -2, ... become
     * 0, 1, 2, 3, ..., so small negative values stay short.
     *
     * @param value the value
     * @return this writer
     * @throws OverflowException if the varint does not fit the bytes left; nothing is written
     */
    public ByteWriter zigzag64(long value) {
        long v = (value << 1) ^ (value >> 63);
        int p = room(Varints.size(v), "zigzag64");
        Varints.write(view, p, v);
        return this;
    }

    /**
     * Writes a signed 32-bit value as a zigzag varint (protobuf's {@code sint32}), at most 5 bytes.
     *
     * @param value the value
     * @return this writer
     * @throws OverflowException if the varint does not fit the bytes left; nothing is written
     */
    public ByteWriter zigzag32(int value) {
        long v = Integer.toUnsignedLong((value << 1) ^ (value >> 31));
        int p = room(Varints.size(v), "zigzag32");
        Varints.write(view, p, v);
        return this;
    }

    /**
     * Describes the writer: position and length.
     *
     * @return for example {@code "ByteWriter[position 4 of 16]"}
     */
    @Override
    public String toString() {
        return "ByteWriter[position " + position + " of " + view.length() + "]";
    }
}
