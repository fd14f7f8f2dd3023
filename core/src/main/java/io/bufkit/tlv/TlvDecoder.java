package io.bufkit.tlv;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.internal.ViewAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incremental TLV decoder: feed it a stream in chunks of any size, as the network delivers them, and
 * it calls a {@link TlvHandler} for every complete frame, in order.
 *
 * <pre>{@code
 * TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
 * while ((n = in.read(buf)) >= 0) {
 *     decoder.feed(buf, 0, n, (type, value) -> process(type, value));   // value is borrowed
 * }
 * decoder.finish();   // throws TruncatedFrameException if the stream ended inside a frame
 * }</pre>
 *
 * <p><b>Borrowed values, zero copy.</b> A frame's value is a view straight into the chunk when the value
 * lies inside that chunk (even if the frame's header arrived in an earlier chunk). Only a value that is
 * split across chunks is gathered in the decoder's accumulator, and every byte is copied into it at most
 * once: the accumulator is sized for the whole value when the header arrives. The value's lease ends when
 * the handler returns: using it afterwards throws {@link io.bufkit.StaleViewException}. The lease is one per
 * decoder and ending it allocates nothing. Each value is a small view object; when the JIT inlines the
 * handler and the handler does not keep the value, escape analysis removes it, so decoding allocates
 * nothing per frame (see the TLV benchmark for measured bytes per frame).
 *
 * <p><b>Bounded memory.</b> At most one partial frame is ever buffered: its header (at most 8 bytes) and
 * the part of its value that arrived. A header is checked the moment it is complete — type 0 or a value
 * length above {@link TlvFormat#maxValueLength()} throws {@link MalformedFrameException} with the stream
 * offset before anything of that frame's value is buffered — so a decoder never holds more than
 * {@code maxValueLength} value bytes, whatever the input. A type 0 is rejected as soon as the type field is
 * complete, even before the length field arrives.
 *
 * <p><b>Failure.</b> After a {@link MalformedFrameException} from {@code feed} or a
 * {@link TruncatedFrameException} from {@link #finish()} the decoder is <em>failed</em>: its partial frame
 * is dropped, and every later {@code feed} or {@code finish} throws {@link IllegalStateException} (whose
 * cause is the original failure) until {@link #reset()}.
 *
 * <p><b>A handler that throws</b> stops the feed, and the exception propagates from {@code feed}
 * unchanged — the same object — except that the {@link UnknownFrameTypeException} and
 * {@link FrameLengthMismatchException} of a {@link TlvCodecRegistry#dispatcher registry dispatcher}, which
 * cannot know where their frame is, gain the stream offset of the frame whose handler threw them
 * ({@code frameOffset()}, named in their message) unless they already have one. The decoder is
 * <em>not</em> failed: the frame whose handler threw counts as delivered (its value's lease has ended),
 * nothing is buffered, and the decoder stands right after that frame. The bytes
 * of the chunk after that frame were not consumed: {@link #streamOffset()} tells how far the decoder got
 * (for a {@code ByteBuffer} chunk, its position is left right after the frame), so the caller may feed the
 * rest of the chunk again to continue, or call {@link #reset()} to start a new stream.
 *
 * <p>Not thread-safe: one decoder per stream, used by one thread at a time. A handler must not call back
 * into its own decoder's {@code feed}, {@code finish} or {@code reset}; that throws
 * {@link IllegalStateException}.
 */
public final class TlvDecoder {

    private static final ViewAccess VIEWS = ViewAccess.get();

    private static final VarHandle A16B = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle A16L = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle A32B = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle A32L = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] NO_BYTES = new byte[0];

    private final TlvFormat format;
    private final int typeWidth;
    private final int lengthWidth;
    private final int headerSize;
    private final int maxValueLength;
    private final boolean bigEndian;
    /** The lease of every delivered value; renewed after each handler call. */
    private final Lease lease = Lease.open("TLV frame value");
    /** Buffer index of the chunk's view offset 0, for a buffer-backed chunk. */
    private int windowOrigin;

    /** Header bytes of the partial frame. */
    private final byte[] header;
    /** How many header bytes of the partial frame arrived; 0 when no frame is partial. */
    private int headerHave;
    /** Type of the partial frame once its header is complete. */
    private int pendingType;
    /** Value length of the partial frame once its header is complete. */
    private int pendingLength;
    /** Value bytes of the partial frame. */
    private byte[] acc = NO_BYTES;
    /** How many value bytes of the partial frame arrived. */
    private int accHave;

    /** Stream offset of the next byte not yet consumed. */
    private long consumed;
    private boolean busy;
    private TlvException failure;

    /**
     * Creates a decoder for a stream in {@code format}.
     *
     * @param format the stream's format, for example {@link TlvFormat#STANDARD}
     */
    public TlvDecoder(TlvFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        this.typeWidth = format.typeWidth();
        this.lengthWidth = format.lengthWidth();
        this.headerSize = format.headerSize();
        this.maxValueLength = format.maxValueLength();
        this.bigEndian = format.byteOrder() == ByteOrder.BIG_ENDIAN;
        this.header = new byte[headerSize];
    }

    /**
     * Decodes a whole stream into <em>owned</em> frames: for simple code and tests.
     *
     * @param format the stream's format
     * @param stream the whole stream (read, not kept)
     * @return the frames in order, each value an owned copy
     * @throws MalformedFrameException if a frame header is malformed
     * @throws TruncatedFrameException if the stream ends inside a frame
     * @throws io.bufkit.StaleViewException if the stream view's lease ended
     */
    public static List<TlvFrame> decodeAll(TlvFormat format, ByteView stream) {
        List<TlvFrame> frames = new ArrayList<>();
        TlvDecoder decoder = new TlvDecoder(format);
        decoder.feed(stream, TlvHandler.owned(frames::add));
        decoder.finish();
        return frames;
    }

    /**
     * Decodes a whole stream into <em>owned</em> frames: for simple code and tests.
     *
     * @param format the stream's format
     * @param stream the whole stream (read, not kept)
     * @return the frames in order, each value an owned copy
     * @throws MalformedFrameException if a frame header is malformed
     * @throws TruncatedFrameException if the stream ends inside a frame
     */
    public static List<TlvFrame> decodeAll(TlvFormat format, byte[] stream) {
        List<TlvFrame> frames = new ArrayList<>();
        TlvDecoder decoder = new TlvDecoder(format);
        decoder.feed(stream, TlvHandler.owned(frames::add));
        decoder.finish();
        return frames;
    }

    /**
     * The format this decoder reads.
     *
     * @return the format
     */
    public TlvFormat format() {
        return format;
    }

    /**
     * Feeds a whole array as the next chunk of the stream.
     *
     * @param chunk the next bytes of the stream; borrowed during the call only (values delivered from it
     *     are views into it until their handler returns), never kept
     * @param handler called for every frame completed by this chunk
     * @throws MalformedFrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void feed(byte[] chunk, TlvHandler handler) {
        feed(chunk, 0, chunk.length, handler);
    }

    /**
     * Feeds {@code chunk[offset, offset + length)} as the next chunk of the stream.
     *
     * @param chunk the array holding the next bytes of the stream; borrowed during the call only
     * @param offset the first byte of the chunk
     * @param length the number of bytes in the chunk, 0 or more
     * @param handler called for every frame completed by this chunk
     * @throws IndexOutOfBoundsException if the range is not inside the array
     * @throws MalformedFrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void feed(byte[] chunk, int offset, int length, TlvHandler handler) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        Objects.requireNonNull(handler, "handler");
        enter();
        try {
            run(chunk, null, null, offset, offset + length, handler);
        } catch (TlvException e) {
            throw located(e);
        } finally {
            exit();
        }
    }

    /**
     * Feeds the remaining bytes of a buffer (heap or direct) as the next chunk of the stream, and advances
     * its position past the bytes consumed: to its limit normally; right after the frame whose handler
     * threw; or to the start of a malformed frame (to the buffer's position if that frame started in an
     * earlier chunk).
     *
     * <p>Values of frames inside a heap buffer are views of its array; inside a direct or read-only
     * buffer, views of the buffer (one buffer duplicate per call, none per frame).
     *
     * @param chunk the next bytes of the stream; borrowed during the call only, never kept
     * @param handler called for every frame completed by this chunk
     * @throws MalformedFrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void feed(ByteBuffer chunk, TlvHandler handler) {
        Objects.requireNonNull(handler, "handler");
        enter();
        int position = chunk.position();
        long start = consumed;
        try {
            if (chunk.hasArray()) {
                int base = chunk.arrayOffset();
                run(chunk.array(), null, null, base + position, base + chunk.limit(), handler);
            } else {
                windowOrigin = position;
                run(null, chunk, ByteView.wrap(chunk), position, chunk.limit(), handler);
            }
        } catch (TlvException e) {
            throw located(e);
        } finally {
            chunk.position(position + (int) (consumed - start));
            exit();
        }
    }

    /**
     * Feeds the bytes of a view as the next chunk of the stream. Values of frames inside the chunk are
     * views of the same memory under this decoder's lease; no buffer is duplicated per frame.
     *
     * @param chunk the next bytes of the stream; borrowed during the call only, never kept
     * @param handler called for every frame completed by this chunk
     * @throws MalformedFrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     * @throws io.bufkit.StaleViewException if the chunk's own lease ended
     */
    public void feed(ByteView chunk, TlvHandler handler) {
        ByteBuffer bytes = chunk.asReadOnlyByteBuffer();
        Objects.requireNonNull(handler, "handler");
        enter();
        try {
            windowOrigin = 0;
            run(null, bytes, chunk, 0, bytes.limit(), handler);
        } catch (TlvException e) {
            throw located(e);
        } finally {
            exit();
        }
    }

    /**
     * Declares the end of the stream. Returns normally if the stream ended at a frame boundary; the decoder
     * may then be fed again as a continuation of the same stream, or {@link #reset()}.
     *
     * @throws TruncatedFrameException if the stream ended inside a frame, naming the missing byte count;
     *     the decoder is then failed until {@link #reset()}
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void finish() {
        enter();
        try {
            if (headerHave != 0) {
                boolean complete = headerHave == headerSize;
                long received = headerHave + (long) accHave;
                long missing = complete ? pendingLength - (long) accHave : headerSize - headerHave;
                throw fail(new TruncatedFrameException(consumed - received, received, missing, complete));
            }
        } finally {
            exit();
        }
    }

    /**
     * Starts a new stream: drops any partial frame and any failure, frees the accumulator and sets
     * {@link #streamOffset()} back to 0.
     *
     * @throws IllegalStateException if called from inside a handler
     */
    public void reset() {
        if (busy) {
            throw new IllegalStateException("reset() called from inside a TlvHandler of the same decoder");
        }
        failure = null;
        headerHave = 0;
        accHave = 0;
        acc = NO_BYTES;
        consumed = 0;
    }

    /**
     * How many bytes of the stream the decoder has consumed: the bytes of every delivered frame plus the
     * bytes of the partial frame buffered so far.
     *
     * @return the stream offset of the next byte to feed, counted from the last {@link #reset()}; inside a
     *     handler, the offset right after the frame being handled
     */
    public long streamOffset() {
        return consumed;
    }

    /**
     * Whether part of a frame is buffered, waiting for the next chunk.
     *
     * @return {@code true} if the stream is currently inside a frame
     */
    public boolean hasPartialFrame() {
        return headerHave != 0;
    }

    /**
     * How many bytes of the partial frame are buffered, header included.
     *
     * @return 0 to {@code headerSize + maxValueLength - 1}
     */
    public int bufferedBytes() {
        return headerHave + accHave;
    }

    /**
     * How much memory the decoder keeps for partial frames: its header buffer and its accumulator, which
     * is reused between frames and never grows beyond {@link TlvFormat#maxValueLength()}.
     *
     * @return the size in bytes of the decoder's buffers
     */
    public long retainedBytes() {
        return header.length + (long) acc.length;
    }

    /**
     * Whether the decoder is failed, so that it must be {@link #reset()} before use.
     *
     * @return {@code true} after a {@link MalformedFrameException} or {@link TruncatedFrameException}
     */
    public boolean isFailed() {
        return failure != null;
    }

    /**
     * Describes the decoder's state.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TlvDecoder[" + format + ", offset " + consumed + (failure != null ? ", failed"
                : headerHave != 0 ? ", partial frame of " + bufferedBytes() + " byte(s)" : "") + "]";
    }

    // ------------------------------------------------------------------ decoding

    /** Leaves a feed or finish: ends the lease of the last value (again, or for a handler that threw). */
    private void exit() {
        busy = false;
        lease.renew();
    }

    private void enter() {
        if (busy) {
            throw new IllegalStateException("TlvDecoder called from inside a TlvHandler of the same decoder");
        }
        if (failure != null) {
            throw new IllegalStateException("TlvDecoder failed (" + failure.getMessage() + "); call reset() first",
                    failure);
        }
        busy = true;
    }

    /**
     * Decodes {@code [p, end)} of the array {@code a}, or of the buffer {@code b} (exactly one is non-null);
     * {@code window} views the buffer's memory, its offset 0 at buffer index {@link #windowOrigin}; frame
     * values are lent from it.
     */
    private void run(byte[] a, ByteBuffer b, ByteView window, int p, int end, TlvHandler handler) {
        final long base = consumed - p;
        if (headerHave != 0 && p < end) {
            p = headerHave < headerSize ? completeHeader(a, b, window, p, end, base, handler)
                    : continueValue(a, b, p, end, base, handler);
        }
        p = a != null ? framesInArray(a, p, end, base, handler) : framesInBuffer(b, window, p, end, base, handler);
        if (p < end) {
            startHeader(a, b, p, end, base);
        }
        consumed = base + end;
    }

    /**
     * Delivers the whole frames at {@code a[p, end)} and starts the partial frame whose header is complete;
     * returns the position of the first byte not consumed (a partial header).
     */
    private int framesInArray(byte[] a, int p, int end, long base, TlvHandler handler) {
        final int hs = headerSize;
        final int max = maxValueLength;
        final boolean standard = typeWidth == 1 && lengthWidth == 2 && bigEndian;
        while (end - p >= hs) {
            int type;
            int length;
            if (standard) {
                type = a[p] & 0xFF;
                length = (short) A16B.get(a, p + 1) & 0xFFFF;
            } else {
                type = field(a, null, p, typeWidth);
                length = field(a, null, p + typeWidth, lengthWidth);
            }
            if (type == 0 || Integer.compareUnsigned(length, max) > 0) {
                throw malformed(type, length, base + p, type != 0);
            }
            int value = p + hs;
            if (length > end - value) {
                startValue(type, length, a, null, value, end);
                return end;
            }
            p = value + length;
            consumed = base + p;
            deliverArray(type, a, value, length, handler);
        }
        return p;
    }

    /** As {@link #framesInArray}, for a buffer. */
    private int framesInBuffer(ByteBuffer b, ByteView window, int p, int end, long base, TlvHandler handler) {
        final int hs = headerSize;
        while (end - p >= hs) {
            int type = field(null, b, p, typeWidth);
            int length = field(null, b, p + typeWidth, lengthWidth);
            if (type == 0 || Integer.compareUnsigned(length, maxValueLength) > 0) {
                throw malformed(type, length, base + p, type != 0);
            }
            int value = p + hs;
            if (length > end - value) {
                startValue(type, length, null, b, value, end);
                return end;
            }
            p = value + length;
            consumed = base + p;
            deliverBuffer(type, window, value, length, handler);
        }
        return p;
    }

    /** Buffers the first bytes ({@code end - p < headerSize}) of a frame header. */
    private void startHeader(byte[] a, ByteBuffer b, int p, int end, long base) {
        int n = end - p;
        copy(a, b, p, header, 0, n);
        headerHave = n;
        if (n >= typeWidth && field(header, null, 0, typeWidth) == 0) {
            throw malformed(0, -1, base + p, false);
        }
    }

    /** Buffers the value bytes {@code [from, end)} of a frame whose value does not end in this chunk. */
    private void startValue(int type, int length, byte[] a, ByteBuffer b, int from, int end) {
        if (acc.length < length) {
            // the accumulator is empty: growing it copies nothing
            acc = new byte[Math.max(length, (int) Math.min(2L * acc.length, maxValueLength))];
        }
        int n = end - from;
        copy(a, b, from, acc, 0, n);
        accHave = n;
        pendingType = type;
        pendingLength = length;
        headerHave = headerSize;
    }

    /**
     * Continues a partial header with the bytes at {@code p}, and the frame after it when the header is
     * complete; returns the new position ({@code end} while the frame is still partial).
     */
    private int completeHeader(byte[] a, ByteBuffer b, ByteView window, int p, int end, long base, TlvHandler handler) {
        int before = headerHave;
        int n = Math.min(headerSize - before, end - p);
        copy(a, b, p, header, before, n);
        headerHave = before + n;
        p += n;
        long frameOffset = base + p - headerHave;
        if (before < typeWidth && headerHave >= typeWidth && field(header, null, 0, typeWidth) == 0) {
            throw malformed(0, -1, frameOffset, false);
        }
        if (headerHave < headerSize) {
            return p;
        }
        int type = field(header, null, 0, typeWidth);
        int length = field(header, null, typeWidth, lengthWidth);
        if (Integer.compareUnsigned(length, maxValueLength) > 0) {
            throw malformed(type, length, frameOffset, true);
        }
        if (length > end - p) {
            startValue(type, length, a, b, p, end);
            return end;
        }
        headerHave = 0;
        int value = p;
        p += length;
        consumed = base + p;
        if (a != null) {
            deliverArray(type, a, value, length, handler);
        } else {
            deliverBuffer(type, window, value, length, handler);
        }
        return p;
    }

    /**
     * Continues the value of a partial frame with the bytes at {@code p}, and delivers the frame when it is
     * complete; returns the new position ({@code end} while the frame is still partial).
     */
    private int continueValue(byte[] a, ByteBuffer b, int p, int end, long base, TlvHandler handler) {
        int n = Math.min(pendingLength - accHave, end - p);
        copy(a, b, p, acc, accHave, n);
        accHave += n;
        p += n;
        if (accHave < pendingLength) {
            return p;
        }
        headerHave = 0;
        accHave = 0;
        consumed = base + p;
        deliverArray(pendingType, acc, 0, pendingLength, handler);
        return p;
    }

    /**
     * Calls the handler with a view of {@code a[at, at + length)} under the decoder's lease, and ends the
     * lease after. Kept tiny so that it inlines even where frames are rare (one-byte chunks), letting the
     * JIT remove the view when the handler does not keep it. If the handler throws, the lease is ended by
     * {@link #exit()} on the way out of {@code feed}.
     */
    private void deliverArray(int type, byte[] a, int at, int length, TlvHandler handler) {
        handler.onFrame(type, lease.wrap(a, at, length));
        lease.renew();
    }

    /** As {@link #deliverArray}, for buffer indexes {@code [at, at + length)} of the chunk behind {@code window}. */
    private void deliverBuffer(int type, ByteView window, int at, int length, TlvHandler handler) {
        handler.onFrame(type, VIEWS.relend(window, at - windowOrigin, length, lease));
        lease.renew();
    }

    /**
     * Gives an exception leaving {@code feed} the offset of the frame whose handler threw it, if it is one
     * that names a frame but could not know its offset (the registry's); the frame ended at {@link #consumed}.
     * Kept out of the per-frame methods so that they stay small enough to inline.
     */
    private TlvException located(TlvException e) {
        e.locateFrameEndingAt(consumed, headerSize);
        return e;
    }

    private MalformedFrameException malformed(int type, int length, long frameOffset, boolean lengthKnown) {
        MalformedFrameException e = new MalformedFrameException(
                type == 0 ? MalformedFrameException.Reason.ZERO_TYPE : MalformedFrameException.Reason.VALUE_TOO_LONG,
                frameOffset, Integer.toUnsignedLong(type), lengthKnown ? Integer.toUnsignedLong(length) : -1, format);
        return fail(e);
    }

    private <E extends TlvException> E fail(E e) {
        failure = e;
        headerHave = 0;
        accHave = 0;
        return e;
    }

    private static void copy(byte[] a, ByteBuffer b, int from, byte[] dst, int at, int n) {
        if (a != null) {
            System.arraycopy(a, from, dst, at, n);
        } else {
            b.get(from, dst, at, n);
        }
    }

    /** Reads an unsigned field of 1, 2 or 4 bytes (4-byte fields come back unsigned in an int). */
    private int field(byte[] a, ByteBuffer b, int at, int width) {
        if (a != null) {
            if (width == 1) {
                return a[at] & 0xFF;
            }
            if (width == 2) {
                return (bigEndian ? (short) A16B.get(a, at) : (short) A16L.get(a, at)) & 0xFFFF;
            }
            return bigEndian ? (int) A32B.get(a, at) : (int) A32L.get(a, at);
        }
        if (width == 1) {
            return b.get(at) & 0xFF;
        }
        if (width == 2) {
            short s = b.getShort(at);
            return (bigEndian == (b.order() == ByteOrder.BIG_ENDIAN) ? s : Short.reverseBytes(s)) & 0xFFFF;
        }
        int i = b.getInt(at);
        return bigEndian == (b.order() == ByteOrder.BIG_ENDIAN) ? i : Integer.reverseBytes(i);
    }
}
