package io.bufkit.frame;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.internal.frame.Fault;
import io.bufkit.internal.frame.FrameEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incremental frame decoder: feed it a stream in chunks of any size, as the network delivers them, and
 * it calls a {@link FrameHandler} for every complete frame of its {@link FrameFormat}, in order.
 *
 * <pre>{@code
 * FrameDecoder decoder = new FrameDecoder(FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build());
 * while ((n = in.read(buf)) >= 0) {
 *     decoder.feed(buf, 0, n, frame -> process(frame));   // frame is borrowed
 * }
 * decoder.finish();   // throws IncompleteFrameException if the stream ended inside a frame
 * }</pre>
 *
 * <p><b>Borrowed frames, zero copy.</b> A frame is a view straight into the chunk when the bytes handed out
 * lie inside that chunk (even if stripped header bytes arrived in an earlier chunk). Only a frame split
 * across chunks is gathered in the decoder's accumulator, each of its bytes copied into it once. The frame's
 * lease ends when the handler returns: using it afterwards throws {@link io.bufkit.StaleViewException}.
 *
 * <p><b>Bounded memory.</b> At most one partial frame is buffered. A header is checked the moment it is
 * complete — a length above {@link FrameFormat#maxFrameLength()} throws {@link FrameTooLongException}, an
 * impossible length {@link CorruptFrameException}, each with the frame's stream offset, before any byte
 * after the header is buffered; a delimited frame fails as soon as no delimiter can end it within the
 * maximum. The accumulator grows with the bytes that actually arrive, never with the length a header
 * claims, keeps its size between frames up to 128 KiB, and drops back after a larger frame
 * ({@link #retainedBytes()}). Growing moves the bytes gathered so far, so a frame larger than the
 * accumulator may have its first bytes moved again; the copy from the chunk happens once.
 *
 * <p><b>Failure.</b> After a {@link FrameException} the decoder is <em>failed</em>: its partial frame is
 * dropped, and every later {@code feed} or {@code finish} throws {@link IllegalStateException} (whose cause
 * is the original failure) until {@link #reset()}. Unlike Netty's decoders, a too-long frame is not skipped.
 *
 * <p><b>A handler that throws</b> stops the feed, and the exception propagates from {@code feed} unchanged.
 * The decoder is <em>not</em> failed: the frame whose handler threw counts as delivered, nothing is
 * buffered, and the decoder stands right after that frame; the bytes of the chunk after it were not
 * consumed ({@link #streamOffset()} tells how far the decoder got; a {@code ByteBuffer} chunk's position is
 * left right after the frame), so the caller may feed the rest again, or {@link #reset()}.
 *
 * <p><b>Changing format.</b> {@link #switchFormat(FrameFormat)} changes the format from the next frame on,
 * also from inside a handler: PostgreSQL's untyped startup message, then typed messages.
 *
 * <p>Not thread-safe: one decoder per stream, used by one thread at a time. A handler must not call back
 * into its own decoder's {@code feed}, {@code finish} or {@code reset}; that throws
 * {@link IllegalStateException}.
 */
public final class FrameDecoder {

    private final Engine engine;
    private FrameFormat format;

    /** The engine, delivering frames to {@link FrameHandler}s and failing with this package's exceptions. */
    private final class Engine extends FrameEngine<FrameHandler> {
        Engine(FrameFormat format) {
            super(format.framing(), "FrameDecoder", "FrameHandler", false);
        }

        @Override
        protected void deliver(FrameHandler handler, ByteView frame) {
            handler.onFrame(frame);
        }

        @Override
        protected RuntimeException fault(Fault fault, long frameOffset, long value) {
            switch (fault) {
                case TOO_LONG:
                case NO_DELIMITER:
                    return new FrameTooLongException(frameOffset, value, format.maxFrameLength(), format);
                case NEGATIVE_LENGTH:
                    return new CorruptFrameException(CorruptFrameException.Reason.NEGATIVE_LENGTH, frameOffset, value, format);
                case SHORTER_THAN_HEADER:
                    return new CorruptFrameException(CorruptFrameException.Reason.SHORTER_THAN_HEADER, frameOffset, value,
                            format);
                case SHORTER_THAN_STRIP:
                    return new CorruptFrameException(CorruptFrameException.Reason.SHORTER_THAN_STRIP, frameOffset, value,
                            format);
                case MALFORMED_VARINT:
                    return new CorruptFrameException(CorruptFrameException.Reason.MALFORMED_VARINT, frameOffset, value,
                            format);
                default:
                    throw new AssertionError(fault);
            }
        }

        @Override
        protected RuntimeException truncated(long frameOffset, long received, long missing, boolean lengthKnown) {
            return new IncompleteFrameException(frameOffset, received, missing, lengthKnown);
        }
    }

    /**
     * Creates a decoder for a stream in {@code format}.
     *
     * @param format the format of the stream's frames
     */
    public FrameDecoder(FrameFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        this.engine = new Engine(format);
    }

    /**
     * Splits a whole stream into <em>owned</em> frames: for simple code and tests.
     *
     * @param format the stream's format
     * @param stream the whole stream (read, not kept)
     * @return the frames in order, each an owned copy
     * @throws FrameException if a frame is malformed, or the stream ends inside a frame
     */
    public static List<Bytes> decodeAll(FrameFormat format, byte[] stream) {
        List<Bytes> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(format);
        decoder.feed(stream, FrameHandler.owned(frames::add));
        decoder.finish();
        return frames;
    }

    /**
     * The format of the next frame.
     *
     * @return the format
     */
    public FrameFormat format() {
        return format;
    }

    /**
     * Changes the format from the next frame on. Allowed between frames, including from inside a handler
     * (its frame is complete): for a protocol whose first message is framed differently from the rest.
     *
     * @param next the format of the next frames
     * @throws IllegalStateException if part of a frame is buffered
     */
    public void switchFormat(FrameFormat next) {
        Objects.requireNonNull(next, "next");
        engine.switchFraming(next.framing());
        format = next;
    }

    /**
     * Feeds a whole array as the next chunk of the stream.
     *
     * @param chunk the next bytes of the stream; borrowed during the call only (frames lent from it are
     *     views into it until their handler returns), never kept
     * @param handler called for every frame completed by this chunk
     * @throws FrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void feed(byte[] chunk, FrameHandler handler) {
        engine.feed(chunk, 0, chunk.length, handler);
    }

    /**
     * Feeds {@code chunk[offset, offset + length)} as the next chunk of the stream.
     *
     * @param chunk the array holding the next bytes; borrowed during the call only
     * @param offset the first byte of the chunk
     * @param length the number of bytes in the chunk, 0 or more
     * @param handler called for every frame completed by this chunk
     * @throws IndexOutOfBoundsException if the range is not inside the array
     * @throws FrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void feed(byte[] chunk, int offset, int length, FrameHandler handler) {
        engine.feed(chunk, offset, length, handler);
    }

    /**
     * Feeds the remaining bytes of a buffer (heap or direct) as the next chunk of the stream, and advances
     * its position past the bytes consumed: to its limit normally; right after the frame whose handler
     * threw; or to the start of a malformed frame (to the buffer's position if it started in an earlier chunk).
     *
     * @param chunk the next bytes of the stream; borrowed during the call only, never kept
     * @param handler called for every frame completed by this chunk
     * @throws FrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void feed(ByteBuffer chunk, FrameHandler handler) {
        engine.feed(chunk, handler);
    }

    /**
     * Feeds the bytes of a view as the next chunk of the stream; frames inside it are views of the same
     * memory under this decoder's lease.
     *
     * @param chunk the next bytes of the stream; borrowed during the call only, never kept
     * @param handler called for every frame completed by this chunk
     * @throws FrameException if a frame header is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     * @throws io.bufkit.StaleViewException if the chunk's own lease ended
     */
    public void feed(ByteView chunk, FrameHandler handler) {
        engine.feed(chunk, handler);
    }

    /**
     * Declares the end of the stream. Returns normally at a frame boundary; the decoder may then be fed
     * again as a continuation of the same stream, or {@link #reset()}.
     *
     * @throws IncompleteFrameException if the stream ended inside a frame; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed, or if called from inside a handler
     */
    public void finish() {
        engine.finish();
    }

    /**
     * Starts a new stream: drops any partial frame and any failure, shrinks the accumulator and sets
     * {@link #streamOffset()} back to 0. The format stays the current one.
     *
     * @throws IllegalStateException if called from inside a handler
     */
    public void reset() {
        engine.reset();
    }

    /**
     * How many bytes of the stream the decoder has consumed: every delivered frame plus the bytes of the
     * partial frame buffered so far.
     *
     * @return the stream offset of the next byte to feed; inside a handler, the offset right after its frame
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
     * How many bytes of the partial frame are buffered.
     *
     * @return 0 up to the format's largest frame
     */
    public int bufferedBytes() {
        return engine.bufferedBytes();
    }

    /**
     * How much memory the decoder keeps for partial frames: its accumulator, which grows with the bytes
     * of a partial frame, is reused between frames up to 128 KiB and shrinks back after a larger frame.
     *
     * @return the size in bytes of the accumulator
     */
    public long retainedBytes() {
        return engine.retainedBytes();
    }

    /**
     * Whether the decoder is failed, so that it must be {@link #reset()} before use.
     *
     * @return {@code true} after a {@link FrameException}
     */
    public boolean isFailed() {
        return engine.failure() != null;
    }

    /**
     * Describes the decoder's format and state.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "FrameDecoder[" + format + ", " + engine.describeState() + "]";
    }
}
