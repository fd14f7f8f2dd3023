package io.bufkit.tlv;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.io.IOException;
import java.io.OutputStream;
import io.bufkit.frame.FrameOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Encodes frames in a {@link TlvFormat}: into a {@link MutableByteView}, a {@link ByteBuffer}, an
 * {@link OutputStream}, or a new owned {@link Bytes}.
 *
 * <p>A frame the format cannot carry is rejected before anything is written, with an
 * {@link IllegalArgumentException} that names the type or length and the format's range: type 0, a type
 * above {@link TlvFormat#maxType()} (with a four-byte type field every non-zero {@code int} is valid, read as
 * unsigned), or a value longer than {@link TlvFormat#maxValueLength()}. A destination that is too small is
 * also rejected before anything is written: a view with {@link IndexOutOfBoundsException}, a buffer with
 * {@link FrameOverflowException}, each naming where, how much was needed and how much room there was.
 *
 * <p>Values are given as a borrowed {@link ByteView}, an owned {@link Bytes}, or a {@code byte[]}; each
 * is read, never kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class TlvWriter {

    private final TlvFormat format;

    /**
     * Creates a writer for {@code format}.
     *
     * @param format the format to encode
     */
    public TlvWriter(TlvFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * The format this writer encodes.
     *
     * @return the format
     */
    public TlvFormat format() {
        return format;
    }

    /**
     * Writes a frame header at {@code out[at, at + headerSize)}, so the caller can encode the value in place
     * right after it.
     *
     * @param type the frame's type
     * @param valueLength the length of the value that will follow
     * @param out the destination
     * @param at where the header starts
     * @return the header size, {@link TlvFormat#headerSize()}
     * @throws IllegalArgumentException if the format cannot carry the type or the length
     * @throws IndexOutOfBoundsException if the header does not fit in {@code out} at {@code at}
     * @throws io.bufkit.StaleViewException if {@code out}'s lease ended
     */
    public int writeHeader(int type, int valueLength, MutableByteView out, int at) {
        format.checkType(type);
        format.checkValueLength(valueLength);
        checkRoom(out, at, format.headerSize());
        putHeader(type, valueLength, out, at);
        return format.headerSize();
    }

    /**
     * Writes a whole frame at {@code out[at, at + frameSize)}.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @param out the destination
     * @param at where the frame starts
     * @return the number of bytes written, {@link TlvFormat#frameSize(int)} of the value's length
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws IndexOutOfBoundsException if the frame does not fit in {@code out} at {@code at}
     * @throws io.bufkit.StaleViewException if a view's lease ended
     */
    public int write(int type, ByteView value, MutableByteView out, int at) {
        int size = checkedFrameSize(type, value);
        checkRoom(out, at, size);
        putHeader(type, value.length(), out, at);
        out.put(at + format.headerSize(), value);
        return size;
    }

    /**
     * Writes a whole frame at the buffer's position and advances the position past it.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @param dst the destination buffer
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws FrameOverflowException (a {@link java.nio.BufferOverflowException}) if fewer than the frame's
     *     size remain in {@code dst}, naming its position, the frame's size and the room left; nothing is
     *     written
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     * @throws io.bufkit.StaleViewException if the value's lease ended
     */
    public void write(int type, ByteView value, ByteBuffer dst) {
        int size = checkedFrameSize(type, value);
        if (dst.remaining() < size) {
            throw new FrameOverflowException(dst.position(), size, dst.remaining());
        }
        byte[] header = new byte[format.headerSize()];
        putHeader(type, value.length(), MutableByteView.wrap(header), 0);
        dst.put(header);
        value.copyTo(dst);
    }

    /**
     * Writes a whole frame to a stream.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @param out the destination stream; not flushed
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length; nothing
     *     is written
     * @throws IOException if the stream fails
     * @throws io.bufkit.StaleViewException if the value's lease ended
     */
    public void write(int type, ByteView value, OutputStream out) throws IOException {
        checkedFrameSize(type, value);
        int length = value.length();
        byte[] buffer = new byte[Math.min(format.headerSize() + length, 8192)];
        putHeader(type, length, MutableByteView.wrap(buffer), 0);
        int used = format.headerSize();
        for (int done = 0; done < length; ) {
            int n = Math.min(buffer.length - used, length - done);
            value.slice(done, done + n).copyTo(buffer, used);
            out.write(buffer, 0, used + n);
            done += n;
            used = 0;
        }
        if (length == 0) {
            out.write(buffer, 0, used);
        }
    }

    /**
     * Encodes one frame into new memory.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws io.bufkit.StaleViewException if the value's lease ended
     */
    public Bytes encode(int type, ByteView value) {
        MutableByteView out = MutableByteView.allocate(checkedFrameSize(type, value));
        write(type, value, out, 0);
        return out.copy();
    }

    /**
     * Writes a whole frame whose value is an owned {@link Bytes} at {@code out[at, at + frameSize)}.
     *
     * @param type the frame's type
     * @param value the value
     * @param out the destination
     * @param at where the frame starts
     * @return the number of bytes written
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws IndexOutOfBoundsException if the frame does not fit in {@code out} at {@code at}
     */
    public int write(int type, Bytes value, MutableByteView out, int at) {
        return write(type, value.view(), out, at);
    }

    /**
     * Writes a whole frame whose value is {@code value} at {@code out[at, at + frameSize)}.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @param out the destination
     * @param at where the frame starts
     * @return the number of bytes written
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws IndexOutOfBoundsException if the frame does not fit in {@code out} at {@code at}
     */
    public int write(int type, byte[] value, MutableByteView out, int at) {
        return write(type, ByteView.wrap(value), out, at);
    }

    /**
     * Writes a whole frame whose value is an owned {@link Bytes} at the buffer's position.
     *
     * @param type the frame's type
     * @param value the value
     * @param dst the destination buffer
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws FrameOverflowException if fewer than the frame's size remain in {@code dst}; nothing is written
     */
    public void write(int type, Bytes value, ByteBuffer dst) {
        write(type, value.view(), dst);
    }

    /**
     * Writes a whole frame whose value is {@code value} at the buffer's position.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @param dst the destination buffer
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws FrameOverflowException if fewer than the frame's size remain in {@code dst}; nothing is written
     */
    public void write(int type, byte[] value, ByteBuffer dst) {
        write(type, ByteView.wrap(value), dst);
    }

    /**
     * Writes a whole frame whose value is an owned {@link Bytes} to a stream.
     *
     * @param type the frame's type
     * @param value the value
     * @param out the destination stream; not flushed
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws IOException if the stream fails
     */
    public void write(int type, Bytes value, OutputStream out) throws IOException {
        write(type, value.view(), out);
    }

    /**
     * Writes a whole frame whose value is {@code value} to a stream.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @param out the destination stream; not flushed
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     * @throws IOException if the stream fails
     */
    public void write(int type, byte[] value, OutputStream out) throws IOException {
        write(type, ByteView.wrap(value), out);
    }

    /**
     * Encodes one frame whose value is an owned {@link Bytes} into new memory.
     *
     * @param type the frame's type
     * @param value the value
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     */
    public Bytes encode(int type, Bytes value) {
        return encode(type, value.view());
    }

    /**
     * Encodes one frame whose value is {@code value} into new memory.
     *
     * @param type the frame's type
     * @param value the value (read, not kept)
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry the type or the value's length
     */
    public Bytes encode(int type, byte[] value) {
        return encode(type, ByteView.wrap(value));
    }

    /**
     * Encodes frames one after the other into new memory: a stream.
     *
     * @param frames the frames, in stream order
     * @return the stream's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry a frame's type or value length, or the
     *     stream would exceed 2 GiB
     */
    public Bytes encodeAll(Iterable<TlvFrame> frames) {
        long total = 0;
        for (TlvFrame f : frames) {
            total += checkedFrameSize(f.type(), f.value().view());
        }
        if (total > TlvFormat.LARGEST_VALUE_LENGTH) {
            throw new IllegalArgumentException("a stream of " + total + " bytes does not fit in one array");
        }
        MutableByteView out = MutableByteView.allocate((int) total);
        int at = 0;
        for (TlvFrame f : frames) {
            at += write(f.type(), f.value().view(), out, at);
        }
        return out.copy();
    }

    private int checkedFrameSize(int type, ByteView value) {
        format.checkType(type);
        return format.frameSize(value.length());
    }

    private static void checkRoom(MutableByteView out, int at, int size) {
        if (at < 0 || at > out.length() - size) {
            throw new IndexOutOfBoundsException("a frame part of " + size + " byte(s) at offset " + at
                    + " does not fit in a view of length " + out.length());
        }
    }

    /** Writes a header whose type and length were checked. */
    private void putHeader(int type, int length, MutableByteView out, int at) {
        boolean big = format.byteOrder() == ByteOrder.BIG_ENDIAN;
        int typeWidth = format.typeWidth();
        putField(out, at, typeWidth, type, big);
        putField(out, at + typeWidth, format.lengthWidth(), length, big);
    }

    private static void putField(MutableByteView out, int at, int width, int value, boolean big) {
        if (width == 1) {
            out.putU8(at, value);
        } else if (width == 2) {
            if (big) {
                out.putU16be(at, value);
            } else {
                out.putU16le(at, value);
            }
        } else if (big) {
            out.putI32be(at, value);
        } else {
            out.putI32le(at, value);
        }
    }
}
