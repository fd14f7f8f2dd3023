package io.bufkit.tlv;

import io.bufkit.ByteView;
import io.bufkit.internal.frame.Fault;
import io.bufkit.internal.frame.FrameEngine;
import io.bufkit.internal.frame.LengthFieldFraming;
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
 * once. The accumulator grows with the bytes that arrive, never with the length a header claims (a header
 * claiming 16 MiB reserves nothing beyond its own bytes), is kept between frames up to 128 KiB and drops
 * back after a larger frame; growing moves the bytes gathered so far. The value's lease ends when
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
 * complete, even before the length field arrives. A {@link TlvHeaderCheck} given to the constructor sees
 * each header's type and value length at the same moment, and may reject the frame before any of its value
 * is buffered.
 *
 * <p>The decoder is the framing kit's engine ({@code io.bufkit.frame}) with a length-field framing whose
 * header starts with a type field: the same accumulator and chunk handling as
 * {@link io.bufkit.frame.FrameDecoder}.
 *
 * <p><b>Failure.</b> After a {@link MalformedFrameException} from {@code feed}, an exception from the
 * {@link TlvHeaderCheck}, or a {@link TruncatedFrameException} from {@link #finish()} the decoder is
 * <em>failed</em>: its partial frame
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

    private final TlvFormat format;
    private final int headerSize;
    private final TlvHeaderCheck check;
    private final Engine engine;

    /** The engine, delivering frames to {@link TlvHandler}s and failing with this package's exceptions. */
    private final class Engine extends FrameEngine<TlvHandler> {
        Engine(boolean checksHeaders) {
            super(new LengthFieldFraming(format.typeWidth(), format.typeWidth(), format.lengthWidth(),
                    format.byteOrder() == ByteOrder.BIG_ENDIAN, 0, format.headerSize(),
                    format.headerSize() + format.maxValueLength()), "TlvDecoder", "TlvHandler", checksHeaders);
        }

        @Override
        protected void deliver(TlvHandler handler, ByteView value) {
            handler.onFrame(tag(), value);
        }

        @Override
        protected RuntimeException fault(Fault fault, long frameOffset, long value) {
            if (fault == Fault.ZERO_TYPE) {
                return new MalformedFrameException(MalformedFrameException.Reason.ZERO_TYPE, frameOffset, 0, -1, format);
            }
            if (fault != Fault.TOO_LONG) {
                throw new AssertionError(fault + " cannot occur in " + format);
            }
            return new MalformedFrameException(MalformedFrameException.Reason.VALUE_TOO_LONG, frameOffset,
                    Integer.toUnsignedLong(tag()), value - headerSize, format);
        }

        @Override
        protected RuntimeException truncated(long frameOffset, long received, long missing, boolean lengthKnown) {
            return new TruncatedFrameException(frameOffset, received, missing, lengthKnown);
        }

        @Override
        protected void headerComplete(long frameOffset, int length) {
            if (check != null) {
                try {
                    check.checkHeader(tag(), length - headerSize);
                } catch (TlvException e) {
                    e.locateFrameStartingAt(frameOffset);
                    throw e;
                }
            }
        }
    }

    /**
     * Creates a decoder for a stream in {@code format}.
     *
     * @param format the stream's format, for example {@link TlvFormat#STANDARD}
     */
    public TlvDecoder(TlvFormat format) {
        this(format, null);
    }

    /**
     * Creates a decoder for a stream in {@code format} that shows every frame's header to {@code check}
     * the moment it is complete, before any of the frame's value is buffered or delivered: a frame that
     * cannot be right (for example a value length that no message of its type has, see
     * {@link TlvCodecRegistry#headerCheck()}) is rejected without buffering up to
     * {@link TlvFormat#maxValueLength()} bytes for it first.
     *
     * <p>An exception from the check leaves {@code feed} unchanged and fails the decoder until
     * {@link #reset()}; a {@link FrameLengthMismatchException} or {@link UnknownFrameTypeException} from it
     * gains the frame's stream offset ({@code frameOffset()}, named in its message).
     *
     * @param format the stream's format
     * @param check called with each frame's type and value length; null for none
     */
    public TlvDecoder(TlvFormat format, TlvHeaderCheck check) {
        this.format = Objects.requireNonNull(format, "format");
        this.headerSize = format.headerSize();
        this.check = check;
        this.engine = new Engine(check != null);
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
        try {
            engine.feed(chunk, offset, length, handler);
        } catch (TlvException e) {
            throw located(e);
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
        try {
            engine.feed(chunk, handler);
        } catch (TlvException e) {
            throw located(e);
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
        try {
            engine.feed(chunk, handler);
        } catch (TlvException e) {
            throw located(e);
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
        engine.finish();
    }

    /**
     * Starts a new stream: drops any partial frame and any failure, frees the accumulator and sets
     * {@link #streamOffset()} back to 0.
     *
     * @throws IllegalStateException if called from inside a handler
     */
    public void reset() {
        engine.reset();
    }

    /**
     * How many bytes of the stream the decoder has consumed: the bytes of every delivered frame plus the
     * bytes of the partial frame buffered so far.
     *
     * @return the stream offset of the next byte to feed, counted from the last {@link #reset()}; inside a
     *     handler, the offset right after the frame being handled
     */
    public long streamOffset() {
        return engine.streamOffset();
    }

    /**
     * Whether part of a frame is buffered, waiting for the next chunk.
     *
     * @return {@code true} if the stream is currently inside a frame
     */
    public boolean hasPartialFrame() {
        return engine.hasPartialFrame();
    }

    /**
     * How many bytes of the partial frame are buffered, header included.
     *
     * @return 0 to {@code headerSize + maxValueLength - 1}
     */
    public int bufferedBytes() {
        return engine.bufferedBytes();
    }

    /**
     * How much memory the decoder keeps for partial frames: its accumulator, which starts at the header
     * size, grows with the bytes of a partial frame (never beyond the frame, so never beyond
     * {@code headerSize + }{@link TlvFormat#maxValueLength()}), is reused between frames up to 128 KiB
     * and shrinks back after a larger frame.
     *
     * @return the size in bytes of the decoder's buffers
     */
    public long retainedBytes() {
        return engine.retainedBytes();
    }

    /**
     * Whether the decoder is failed, so that it must be {@link #reset()} before use.
     *
     * @return {@code true} after a {@link MalformedFrameException}, a rejection by the header check, or a
     *     {@link TruncatedFrameException}
     */
    public boolean isFailed() {
        return engine.failure() != null;
    }

    /**
     * Describes the decoder's state.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TlvDecoder[" + format + ", " + engine.describeState() + "]";
    }

    /**
     * Gives an exception leaving {@code feed} the offset of the frame whose handler threw it, if it is one
     * that names a frame but could not know its offset (the registry's); the frame ended at the stream offset.
     */
    private TlvException located(TlvException e) {
        e.locateFrameEndingAt(engine.streamOffset(), headerSize);
        return e;
    }
}
