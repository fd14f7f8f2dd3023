package io.bufkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An {@link InputStream} that reads the bytes of a {@link ByteView}, for APIs that take a stream (a JSON
 * parser, {@code DataInputStream}, a decompressor) given a frame or a pooled buffer.
 *
 * <p>The stream <em>borrows</em> the view: nothing is copied when it is created, and every read checks the
 * view's lease, so a stream read after the lease ended throws {@link StaleViewException} (an unchecked
 * exception, not an {@link IOException}) instead of returning bytes that belong to someone else now.
 * Bytes read into the caller's arrays are the caller's own copies.
 *
 * <p>{@link #mark(int)} and {@link #reset()} are supported (the read limit is ignored: the whole view is
 * always there); {@link #close()} does nothing. Not thread-safe.
 */
public final class ViewInputStream extends InputStream {

    private final ByteView view;
    private int position;
    private int mark;

    /**
     * Creates a stream over all bytes of a view, starting at its byte 0.
     *
     * @param view the bytes to read; borrowed, never copied as a whole
     */
    public ViewInputStream(ByteView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    /**
     * The view this stream reads.
     *
     * @return the <em>borrowed</em> view given to the constructor
     */
    public ByteView view() {
        return view;
    }

    /**
     * The offset in the view of the next byte to read.
     *
     * @return 0 to {@code view().length()}
     */
    public int position() {
        return position;
    }

    /**
     * Reads the next byte.
     *
     * @return the byte, 0 to 255, or -1 at the end of the view
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public int read() {
        view.checkLease("read");
        return position < view.length ? view.u8(position++) : -1;
    }

    /**
     * Reads up to {@code length} bytes into {@code dst[offset, offset + length)}.
     *
     * @param dst the destination, owned by the caller
     * @param offset the first index written
     * @param length the most bytes to read
     * @return the number of bytes read, or -1 at the end of the view (0 if {@code length} is 0)
     * @throws IndexOutOfBoundsException if the range is not inside {@code dst}
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public int read(byte[] dst, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        view.checkLease("read");
        if (length == 0) {
            return 0;
        }
        int n = Math.min(length, view.length - position);
        if (n <= 0) {
            return -1;
        }
        copy(position, dst, offset, n);
        position += n;
        return n;
    }

    /**
     * Reads all remaining bytes into a new array.
     *
     * @return an <em>owned</em> copy of the remaining bytes
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public byte[] readAllBytes() {
        byte[] out = new byte[available()];
        copy(position, out, 0, out.length);
        position += out.length;
        return out;
    }

    /**
     * Writes all remaining bytes to {@code out} in one call.
     *
     * @param out the destination stream
     * @return the number of bytes transferred
     * @throws IOException if {@code out} fails
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        int n = available();
        if (view.array != null) {
            out.write(view.array, view.base + position, n);
        } else {
            out.write(readAllBytes());
            return n;
        }
        position += n;
        return n;
    }

    /**
     * Skips up to {@code n} bytes.
     *
     * @param n the most bytes to skip
     * @return the number of bytes skipped, 0 if {@code n} is not positive
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public long skip(long n) {
        view.checkLease("skip");
        int k = (int) Math.max(0, Math.min(n, view.length - position));
        position += k;
        return k;
    }

    /**
     * The number of bytes left in the view.
     *
     * @return the remaining byte count
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public int available() {
        view.checkLease("available");
        return view.length - position;
    }

    /**
     * Whether {@link #mark(int)} is supported.
     *
     * @return {@code true}
     */
    @Override
    public boolean markSupported() {
        return true;
    }

    /**
     * Marks the current position for {@link #reset()}.
     *
     * @param readLimit ignored: every byte of the view stays readable
     */
    @Override
    public void mark(int readLimit) {
        mark = position;
    }

    /**
     * Moves back to the last mark, or to the start of the view if there is none.
     */
    @Override
    public void reset() {
        position = mark;
    }

    /** Copies {@code count} bytes of the view at {@code from} into {@code dst} at {@code at}. */
    private void copy(int from, byte[] dst, int at, int count) {
        int i = view.indexOfRange(from, count, "read");
        if (view.array != null) {
            System.arraycopy(view.array, i, dst, at, count);
        } else {
            view.buffer.get(i, dst, at, count);
        }
    }
}
