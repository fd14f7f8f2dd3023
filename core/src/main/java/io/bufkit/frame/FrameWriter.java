package io.bufkit.frame;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.internal.frame.Framing;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes frames in a {@link FrameFormat}, computing their length fields or appending their delimiter, so
 * that a {@link FrameDecoder} of the same format reads them back.
 *
 * <p>A frame is given as a <em>head</em> — the bytes before the length field ({@code lengthOffset} of them:
 * PostgreSQL's type byte, MQTT's packet type) — and a <em>body</em>, the bytes after the length field (HTTP/2's
 * type, flags and stream id, then the payload). Formats without bytes before a length take the body alone:
 * {@link #encode(ByteView)}. The writer fills in what the decoder reads:
 * <ul>
 * <li>length field: {@code head}, the length field holding {@code body.length() - lengthAdjustment}, then
 *     {@code body}; the decoder hands out the frame from {@code stripBytes} on;</li>
 * <li>varint length: {@code head}, the varint of {@code body.length()}, then {@code body};</li>
 * <li>delimited and lines: {@code head} and {@code body}, then the first delimiter (CRLF for lines); a content
 *     that holds a delimiter is rejected, since it would be read as a shorter frame;</li>
 * <li>fixed length: the body, which must be exactly the frame length.</li>
 * </ul>
 * A frame the format cannot carry (a length the field cannot hold, a frame above the maximum) is rejected
 * with an {@link IllegalArgumentException} before anything is written; so is a destination that is too small.
 *
 * <p>Stateless and thread-safe; it reads the bytes it is given and never keeps them.
 */
public final class FrameWriter {

    private static final ByteView NO_HEAD = ByteView.empty();

    private final FrameFormat format;
    private final Framing framing;

    /**
     * Creates a writer for {@code format}.
     *
     * @param format the format to write
     */
    public FrameWriter(FrameFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        this.framing = format.framing();
    }

    /**
     * The format this writer writes.
     *
     * @return the format
     */
    public FrameFormat format() {
        return format;
    }

    /**
     * How many bytes a frame's head has: the bytes before the length field ({@code lengthOffset}) for length
     * and varint formats, 0 for the others.
     *
     * @return the head length {@link #write(ByteView, ByteView, MutableByteView, int)} requires
     */
    public int headLength() {
        return framing.headLength();
    }

    /**
     * The size on the wire of a frame with a head of {@code headLength} and a body of {@code bodyLength} bytes.
     *
     * @param headLength the head's length ({@code lengthOffset} for length formats, else 0)
     * @param bodyLength the body's length
     * @return the frame's size
     * @throws IllegalArgumentException if the format cannot carry such a frame
     */
    public int frameSize(int headLength, int bodyLength) {
        return framing.frameSize(headLength, bodyLength);
    }

    /**
     * Writes the frame of {@code head} and {@code body} at {@code out[at, at + frameSize)}.
     *
     * @param head the bytes before the length field (read, not kept)
     * @param body the bytes after it (read, not kept)
     * @param out the destination
     * @param at where the frame starts
     * @return the number of bytes written
     * @throws IllegalArgumentException if the format cannot carry the frame
     * @throws IndexOutOfBoundsException if the frame does not fit in {@code out} at {@code at}; nothing is written
     * @throws io.bufkit.StaleViewException if a view's lease ended
     */
    public int write(ByteView head, ByteView body, MutableByteView out, int at) {
        int size = framing.frameSize(head.length(), body.length());
        if (at < 0 || at > out.length() - size) {
            throw new IndexOutOfBoundsException("a frame of " + size + " byte(s) at offset " + at
                    + " does not fit in a view of length " + out.length());
        }
        framing.write(head, body, out, at);
        return size;
    }

    /**
     * Writes the frame of {@code body} (no head) at {@code out[at, at + frameSize)}.
     *
     * @param body the frame's body (read, not kept)
     * @param out the destination
     * @param at where the frame starts
     * @return the number of bytes written
     * @throws IllegalArgumentException if the format cannot carry the frame
     * @throws IndexOutOfBoundsException if the frame does not fit; nothing is written
     */
    public int write(ByteView body, MutableByteView out, int at) {
        return write(NO_HEAD, body, out, at);
    }

    /**
     * Writes the frame of {@code head} and {@code body} at the buffer's position and advances it past the frame.
     *
     * @param head the bytes before the length field (read, not kept)
     * @param body the bytes after it (read, not kept)
     * @param dst the destination buffer
     * @throws IllegalArgumentException if the format cannot carry the frame
     * @throws FrameOverflowException if fewer than the frame's size remain in {@code dst}; nothing is written
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public void write(ByteView head, ByteView body, ByteBuffer dst) {
        int size = framing.frameSize(head.length(), body.length());
        if (dst.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        if (dst.remaining() < size) {
            throw new FrameOverflowException(dst.position(), size, dst.remaining());
        }
        MutableByteView out = MutableByteView.allocate(size);
        framing.write(head, body, out, 0);
        out.copyTo(dst);
    }

    /**
     * Encodes the frame of {@code head} and {@code body} into new memory.
     *
     * @param head the bytes before the length field (read, not kept)
     * @param body the bytes after it (read, not kept)
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry the frame
     */
    public Bytes encode(ByteView head, ByteView body) {
        MutableByteView out = MutableByteView.allocate(framing.frameSize(head.length(), body.length()));
        framing.write(head, body, out, 0);
        return out.copy();
    }

    /**
     * Encodes the frame of {@code body} (no head) into new memory.
     *
     * @param body the frame's body (read, not kept)
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry the frame
     */
    public Bytes encode(ByteView body) {
        return encode(NO_HEAD, body);
    }

    /**
     * Encodes the frame of an owned {@code body} (no head) into new memory.
     *
     * @param body the frame's body
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry the frame
     */
    public Bytes encode(Bytes body) {
        return encode(NO_HEAD, body.view());
    }

    /**
     * Encodes the frame of {@code body} (no head) into new memory.
     *
     * @param body the frame's body (read, not kept)
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry the frame
     */
    public Bytes encode(byte[] body) {
        return encode(NO_HEAD, ByteView.wrap(body));
    }

    /**
     * Encodes the frames of {@code bodies} (no heads) one after the other into new memory: a stream.
     *
     * @param bodies the frames' bodies, in stream order
     * @return the stream's bytes, owned
     * @throws IllegalArgumentException if the format cannot carry a frame, or the stream would exceed 2 GiB
     */
    public Bytes encodeAll(Iterable<Bytes> bodies) {
        long total = 0;
        for (Bytes b : bodies) {
            total += framing.frameSize(0, b.length());
        }
        if (total > FrameFormat.LARGEST_FRAME_LENGTH) {
            throw new IllegalArgumentException("a stream of " + total + " bytes does not fit in one array");
        }
        MutableByteView out = MutableByteView.allocate((int) total);
        int at = 0;
        for (Bytes b : bodies) {
            at += write(NO_HEAD, b.view(), out, at);
        }
        return out.copy();
    }

    /**
     * The bytes a {@link FrameDecoder} of this writer's format hands out for the frame of {@code head} and
     * {@code body}: the written frame without what the format strips (leading bytes, the header, the
     * delimiter). For tests that check a round trip, and for code that needs to know what a peer will see.
     *
     * @param head the bytes before the length field (read, not kept)
     * @param body the bytes after it (read, not kept)
     * @return the frame as decoded, owned
     * @throws IllegalArgumentException if the format cannot carry the frame
     */
    public Bytes decodedFrame(ByteView head, ByteView body) {
        Bytes frame = encode(head, body);
        int from = framing.lentStart(head.length(), body.length());
        int to = framing.lentEnd(head.length(), body.length());
        return frame.view().slice(from, to).copy();
    }

    /**
     * Describes the writer.
     *
     * @return for example {@code FrameWriter[FrameFormat.lines(...)]}
     */
    @Override
    public String toString() {
        return "FrameWriter[" + format + "]";
    }
}
