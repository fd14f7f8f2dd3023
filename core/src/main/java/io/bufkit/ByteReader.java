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

    /**
     * A short description for logs and debuggers: the position, the view's length and up to 16 of the
     * next bytes in hex, for example {@code ByteReader[position 3 of 24, next: 0a0b0c…]}. Never throws for
     * a stale view (it says so instead) and consumes nothing.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ByteReader[position ").append(position).append(" of ").append(view.length);
        if (!view.isValid()) {
            return sb.append(", STALE: ").append(view.lease()).append(']').toString();
        }
        int n = Math.min(remaining(), 16);
        return sb.append(", next: ").append(java.util.HexFormat.of().formatHex(view.slice(position, position + n).toByteArray()))
                .append(remaining() > n ? "…]" : "]").toString();
    }
}
