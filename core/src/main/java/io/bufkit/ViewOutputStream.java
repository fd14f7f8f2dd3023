package io.bufkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An {@link OutputStream} that writes into a {@link MutableByteView} from its byte 0 on, for APIs that
 * write to a stream (an encoder, {@code DataOutputStream}, a compressor) when the bytes should land in a
 * pooled buffer or a frame being built, without an intermediate array.
 *
 * <p>The stream <em>borrows</em> the view: every write checks the view's lease and throws
 * {@link StaleViewException} once it ended. The view has a fixed size: a write that does not fit throws
 * an {@link IOException} naming the position, the bytes asked for and the view's length, and writes
 * nothing. {@link #written()} is the part written so far. {@link #close()} does nothing. Not thread-safe.
 */
public final class ViewOutputStream extends OutputStream {

    private final MutableByteView view;
    private int position;

    /**
     * Creates a stream that writes into a view, starting at its byte 0.
     *
     * @param view the memory written; borrowed
     */
    public ViewOutputStream(MutableByteView view) {
        this.view = Objects.requireNonNull(view, "view");
    }

    /**
     * The number of bytes written so far, which is the offset of the next byte written.
     *
     * @return 0 to the view's length
     */
    public int position() {
        return position;
    }

    /**
     * The bytes written so far.
     *
     * @return a <em>borrowed</em> view of {@code [0, position())} of the view, under its lease
     * @throws StaleViewException if the view's lease ended
     */
    public ByteView written() {
        return view.slice(0, position).asReadOnly();
    }

    /**
     * Writes one byte.
     *
     * @param b the byte (the low 8 bits are written)
     * @throws IOException if the view is full
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public void write(int b) throws IOException {
        ensure(1);
        view.putU8(position, b & 0xFF);
        position++;
    }

    /**
     * Writes {@code src[offset, offset + length)}, all or nothing.
     *
     * @param src the bytes to write (read, not kept)
     * @param offset the first index read
     * @param length the number of bytes
     * @throws IOException if the bytes do not fit in the rest of the view; nothing is written then
     * @throws IndexOutOfBoundsException if the range is not inside {@code src}
     * @throws StaleViewException if the view's lease ended
     */
    @Override
    public void write(byte[] src, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, src.length);
        ensure(length);
        view.put(position, src, offset, length);
        position += length;
    }

    /**
     * Writes the bytes of a view, all or nothing.
     *
     * @param src the bytes to write (read, not kept)
     * @throws IOException if the bytes do not fit in the rest of the view; nothing is written then
     * @throws StaleViewException if either view's lease ended
     */
    public void write(ByteView src) throws IOException {
        ensure(src.length());
        view.put(position, src);
        position += src.length();
    }

    private void ensure(int count) throws IOException {
        view.checkLease("write");
        if (count > view.length - position) {
            throw new IOException("write of " + count + " byte(s) at position " + position
                    + " does not fit in a view of length " + view.length + " (" + (view.length - position)
                    + " byte(s) left)");
        }
    }
}
