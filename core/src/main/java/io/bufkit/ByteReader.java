package io.bufkit;

/**
 * A cursor over a {@link ByteView} for sequential formats: each read consumes bytes and advances the
 * position. Reading past the end throws {@link UnderflowException} naming the position, the bytes
 * needed and the bytes remaining; nothing is consumed by a failed read.
 *
 * <pre>{@code
 * ByteReader r = new ByteReader(view);
 * int type = r.u8();
 * int len = r.u16be();
 * ByteView value = r.view(len);   // borrowed, under the view's lease
 * }</pre>
 *
 * <p>Values returned by {@link #view(int)} borrow the underlying memory under the view's lease; the
 * reader itself goes stale with its view: once the lease ends, every read and skip throws
 * {@link StaleViewException} and consumes nothing. Not thread-safe.
 */
public final class ByteReader {

    private final ByteView view;
    private int position;

    /**
     * Creates a reader at position 0 of {@code view}.
     *
     * @param view the bytes to read; borrowed, not copied
     */
    public ByteReader(ByteView view) {
        this.view = java.util.Objects.requireNonNull(view, "view");
    }

    /**
     * The view being read.
     *
     * @return the view (borrowed)
     */
    public ByteView view() {
        return view;
    }

    /**
     * The number of bytes consumed so far.
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
     * @return this reader
     * @throws IndexOutOfBoundsException if the position is outside the view
     */
    public ByteReader position(int newPosition) {
        if (newPosition < 0 || newPosition > view.length) {
            throw new IndexOutOfBoundsException("position " + newPosition + " is outside [0, " + view.length + "]");
        }
        position = newPosition;
        return this;
    }

    /**
     * How many bytes are left.
     *
     * @return {@code view().length() - position()}
     */
    public int remaining() {
        return view.length - position;
    }

    /**
     * Whether any bytes are left.
     *
     * @return {@code remaining() > 0}
     */
    public boolean hasRemaining() {
        return position < view.length;
    }

    private int take(int n, String what) {
        int p = position;
        if (n < 0) {
            throw new IllegalArgumentException(what + ": negative byte count " + n);
        }
        view.checkLease(what);
        if (n > view.length - p) {
            throw new UnderflowException(what, p, n, view.length - p);
        }
        position = p + n;
        return p;
    }

    /**
     * Reads an unsigned byte.
     *
     * @return the value, 0 to 255
     * @throws UnderflowException if no byte is left
     */
    public int u8() {
        return view.u8(take(1, "u8"));
    }

    /**
     * Reads a signed byte.
     *
     * @return the value
     * @throws UnderflowException if no byte is left
     */
    public byte i8() {
        return view.i8(take(1, "i8"));
    }

    /**
     * Reads an unsigned big-endian 16-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 2 bytes are left
     */
    public int u16be() {
        return view.u16be(take(2, "u16be"));
    }

    /**
     * Reads an unsigned little-endian 16-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 2 bytes are left
     */
    public int u16le() {
        return view.u16le(take(2, "u16le"));
    }

    /**
     * Reads a signed big-endian 16-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 2 bytes are left
     */
    public short i16be() {
        return view.i16be(take(2, "i16be"));
    }

    /**
     * Reads a signed little-endian 16-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 2 bytes are left
     */
    public short i16le() {
        return view.i16le(take(2, "i16le"));
    }

    /**
     * Reads an unsigned big-endian 32-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 4 bytes are left
     */
    public long u32be() {
        return view.u32be(take(4, "u32be"));
    }

    /**
     * Reads an unsigned little-endian 32-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 4 bytes are left
     */
    public long u32le() {
        return view.u32le(take(4, "u32le"));
    }

    /**
     * Reads a signed big-endian 32-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 4 bytes are left
     */
    public int i32be() {
        return view.i32be(take(4, "i32be"));
    }

    /**
     * Reads a signed little-endian 32-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 4 bytes are left
     */
    public int i32le() {
        return view.i32le(take(4, "i32le"));
    }

    /**
     * Reads a signed big-endian 64-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 8 bytes are left
     */
    public long i64be() {
        return view.i64be(take(8, "i64be"));
    }

    /**
     * Reads a signed little-endian 64-bit value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 8 bytes are left
     */
    public long i64le() {
        return view.i64le(take(8, "i64le"));
    }

    // ------------------------------------------------------------------ odd widths: 24, 40, 48, 56 bits

    /**
     * Reads an unsigned big-endian 24-bit value.
     *
     * @return the value, 0 to 2<sup>24</sup>-1
     * @throws UnderflowException if fewer than 3 bytes are left
     */
    public int u24be() {
        return view.u24be(take(3, "u24be"));
    }

    /**
     * Reads an unsigned little-endian 24-bit value.
     *
     * @return the value, 0 to 2<sup>24</sup>-1
     * @throws UnderflowException if fewer than 3 bytes are left
     */
    public int u24le() {
        return view.u24le(take(3, "u24le"));
    }

    /**
     * Reads a signed big-endian 24-bit value.
     *
     * @return the value, -2<sup>23</sup> to 2<sup>23</sup>-1
     * @throws UnderflowException if fewer than 3 bytes are left
     */
    public int i24be() {
        return view.i24be(take(3, "i24be"));
    }

    /**
     * Reads a signed little-endian 24-bit value.
     *
     * @return the value, -2<sup>23</sup> to 2<sup>23</sup>-1
     * @throws UnderflowException if fewer than 3 bytes are left
     */
    public int i24le() {
        return view.i24le(take(3, "i24le"));
    }

    /**
     * Reads an unsigned big-endian 40-bit value.
     *
     * @return the value, 0 to 2<sup>40</sup>-1
     * @throws UnderflowException if fewer than 5 bytes are left
     */
    public long u40be() {
        return view.u40be(take(5, "u40be"));
    }

    /**
     * Reads an unsigned little-endian 40-bit value.
     *
     * @return the value, 0 to 2<sup>40</sup>-1
     * @throws UnderflowException if fewer than 5 bytes are left
     */
    public long u40le() {
        return view.u40le(take(5, "u40le"));
    }

    /**
     * Reads a signed big-endian 40-bit value.
     *
     * @return the value, -2<sup>39</sup> to 2<sup>39</sup>-1
     * @throws UnderflowException if fewer than 5 bytes are left
     */
    public long i40be() {
        return view.i40be(take(5, "i40be"));
    }

    /**
     * Reads a signed little-endian 40-bit value.
     *
     * @return the value, -2<sup>39</sup> to 2<sup>39</sup>-1
     * @throws UnderflowException if fewer than 5 bytes are left
     */
    public long i40le() {
        return view.i40le(take(5, "i40le"));
    }

    /**
     * Reads an unsigned big-endian 48-bit value.
     *
     * @return the value, 0 to 2<sup>48</sup>-1
     * @throws UnderflowException if fewer than 6 bytes are left
     */
    public long u48be() {
        return view.u48be(take(6, "u48be"));
    }

    /**
     * Reads an unsigned little-endian 48-bit value.
     *
     * @return the value, 0 to 2<sup>48</sup>-1
     * @throws UnderflowException if fewer than 6 bytes are left
     */
    public long u48le() {
        return view.u48le(take(6, "u48le"));
    }

    /**
     * Reads a signed big-endian 48-bit value.
     *
     * @return the value, -2<sup>47</sup> to 2<sup>47</sup>-1
     * @throws UnderflowException if fewer than 6 bytes are left
     */
    public long i48be() {
        return view.i48be(take(6, "i48be"));
    }

    /**
     * Reads a signed little-endian 48-bit value.
     *
     * @return the value, -2<sup>47</sup> to 2<sup>47</sup>-1
     * @throws UnderflowException if fewer than 6 bytes are left
     */
    public long i48le() {
        return view.i48le(take(6, "i48le"));
    }

    /**
     * Reads an unsigned big-endian 56-bit value.
     *
     * @return the value, 0 to 2<sup>56</sup>-1
     * @throws UnderflowException if fewer than 7 bytes are left
     */
    public long u56be() {
        return view.u56be(take(7, "u56be"));
    }

    /**
     * Reads an unsigned little-endian 56-bit value.
     *
     * @return the value, 0 to 2<sup>56</sup>-1
     * @throws UnderflowException if fewer than 7 bytes are left
     */
    public long u56le() {
        return view.u56le(take(7, "u56le"));
    }

    /**
     * Reads a signed big-endian 56-bit value.
     *
     * @return the value, -2<sup>55</sup> to 2<sup>55</sup>-1
     * @throws UnderflowException if fewer than 7 bytes are left
     */
    public long i56be() {
        return view.i56be(take(7, "i56be"));
    }

    /**
     * Reads a signed little-endian 56-bit value.
     *
     * @return the value, -2<sup>55</sup> to 2<sup>55</sup>-1
     * @throws UnderflowException if fewer than 7 bytes are left
     */
    public long i56le() {
        return view.i56le(take(7, "i56le"));
    }

    /**
     * Reads a big-endian single-precision value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 4 bytes are left
     */
    public float f32be() {
        return view.f32be(take(4, "f32be"));
    }

    /**
     * Reads a little-endian single-precision value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 4 bytes are left
     */
    public float f32le() {
        return view.f32le(take(4, "f32le"));
    }

    /**
     * Reads a big-endian double-precision value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 8 bytes are left
     */
    public double f64be() {
        return view.f64be(take(8, "f64be"));
    }

    /**
     * Reads a little-endian double-precision value.
     *
     * @return the value
     * @throws UnderflowException if fewer than 8 bytes are left
     */
    public double f64le() {
        return view.f64le(take(8, "f64le"));
    }

    /**
     * Consumes {@code n} bytes as a view, without copying.
     *
     * @param n how many bytes
     * @return a <em>borrowed</em> view of the next {@code n} bytes, under the view's lease
     * @throws UnderflowException if fewer than {@code n} bytes are left
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public ByteView view(int n) {
        int p = take(n, "view");
        return view.slice(p, p + n);
    }

    /**
     * Consumes {@code n} bytes as an owned copy.
     *
     * @param n how many bytes
     * @return an <em>owned</em> copy of the next {@code n} bytes
     * @throws UnderflowException if fewer than {@code n} bytes are left
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Bytes bytes(int n) {
        return view(n).copy();
    }

    /**
     * Skips {@code n} bytes.
     *
     * @param n how many bytes
     * @return this reader
     * @throws UnderflowException if fewer than {@code n} bytes are left
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public ByteReader skip(int n) {
        take(n, "skip");
        return this;
    }

    // ------------------------------------------------------------------ varints

    /**
     * Reads an unsigned LEB128 varint into at most {@code maxBytes} bytes whose last byte is at most
     * {@code lastMax}; consumes it only when it is complete and fits.
     */
    private long varint(String what, int maxBytes, int lastMax) {
        int p = position;
        view.checkLease(what);
        int left = view.length - p;
        long v = 0;
        for (int k = 0; k < maxBytes; k++) {
            if (k >= left) {
                throw new UnderflowException(what + " (unterminated after " + k + " byte(s))", p, k + 1, left);
            }
            int b = view.u8(p + k);
            if (k == maxBytes - 1 && b > lastMax) {
                throw new MalformedVarintException(what, p, "longer than its type: byte " + (k + 1) + " is 0x"
                        + Integer.toHexString(b) + ", the last byte may be at most 0x" + Integer.toHexString(lastMax));
            }
            v |= (long) (b & 0x7F) << (7 * k);
            if ((b & 0x80) == 0) {
                position = p + k + 1;
                return v;
            }
        }
        throw new AssertionError("unreachable: the last byte has no continuation bit");
    }

    /**
     * Reads an unsigned LEB128 varint of up to 64 bits (protobuf's {@code uint64}): at most 10 bytes.
     *
     * @return the value; values of 2<sup>63</sup> and above are negative, read them with
     *         {@link Long#toUnsignedString(long)}
     * @throws UnderflowException if the input ends inside the varint; nothing is consumed
     * @throws MalformedVarintException if the varint is longer than 64 bits; nothing is consumed
     */
    public long varint64() {
        return varint("varint64", 10, 0x01);
    }

    /**
     * Reads an unsigned LEB128 varint of up to 32 bits (protobuf's {@code uint32}): at most 5 bytes.
     *
     * @return the value's 32 bits; values of 2<sup>31</sup> and above are negative, read them with
     *         {@link Integer#toUnsignedLong(int)}
     * @throws UnderflowException if the input ends inside the varint; nothing is consumed
     * @throws MalformedVarintException if the varint is longer than 32 bits; nothing is consumed
     */
    public int varint32() {
        return (int) varint("varint32", 5, 0x0F);
    }

    /**
     * Reads a zigzag varint of up to 64 bits (protobuf's {@code sint64}).
     *
     * @return the signed value
     * @throws UnderflowException if the input ends inside the varint; nothing is consumed
     * @throws MalformedVarintException if the varint is longer than 64 bits; nothing is consumed
     */
    public long zigzag64() {
        long v = varint("zigzag64", 10, 0x01);
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * Reads a zigzag varint of up to 32 bits (protobuf's {@code sint32}).
     *
     * @return the signed value
     * @throws UnderflowException if the input ends inside the varint; nothing is consumed
     * @throws MalformedVarintException if the varint is longer than 32 bits; nothing is consumed
     */
    public int zigzag32() {
        int v = (int) varint("zigzag32", 5, 0x0F);
        return (v >>> 1) ^ -(v & 1);
    }
}
