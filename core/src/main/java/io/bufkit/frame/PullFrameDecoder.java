package io.bufkit.frame;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.internal.ViewAccess;
import java.util.Objects;

/**
 * The pull form of {@link FrameDecoder}: the consumer takes one frame at a time, at its own pace, instead
 * of having every frame of a chunk pushed into a handler.
 *
 * <pre>{@code
 * PullFrameDecoder frames = new PullFrameDecoder(format);
 * while ((n = in.read(buf)) >= 0) {
 *     frames.offer(lease.wrap(buf, 0, n));
 *     for (ByteView frame; (frame = frames.next()) != null; ) {   // null: needs more bytes
 *         process(frame);                                          // borrowed until the next call
 *     }
 *     lease.endViews();                                               // the chunk is used up
 * }
 * frames.finish();
 * }</pre>
 *
 * <p><b>Borrowed, one at a time.</b> {@link #next()} returns the next frame as a <em>borrowed</em> view —
 * straight into the offered chunk when the frame lies inside it, else into the decoder's accumulator —
 * valid until the next call to {@code next}, {@link #offer}, {@link #finish()} or {@link #reset()}, after
 * which it throws {@link io.bufkit.StaleViewException}. It returns {@code null} when the chunk is used up and
 * the decoder needs more bytes: only then may the next chunk be offered.
 *
 * <p><b>The chunk is borrowed until used up.</b> An offered chunk is not copied: the decoder reads it as
 * frames are pulled, so the caller keeps its memory unchanged until {@code next()} returned {@code null}.
 * Until then, at most the chunk and one partial frame are held, whatever the consumer's pace.
 *
 * <p>Errors, bounds and formats are those of {@link FrameDecoder}: a malformed frame throws its
 * {@link FrameException} (naming the frame's stream offset) from {@code next()}, and the decoder is failed
 * until {@link #reset()}. Not thread-safe.
 */
public final class PullFrameDecoder {

    private static final ViewAccess VIEWS = ViewAccess.get();

    /** Thrown by the capturing handler to stop a feed after one frame; carries nothing. */
    private static final RuntimeException STOP = new RuntimeException("one frame taken", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private final FrameDecoder decoder;
    /** The lease of the frame handed out last. */
    private final Lease lease = Lease.open("pulled frame");
    private final FrameHandler capture = frame -> {
        this.frame = VIEWS.relend(frame, 0, frame.length(), lease);
        throw STOP;
    };
    private ByteView frame;
    private ByteView chunk;
    private int position;

    /**
     * Creates a pull decoder for a stream in {@code format}.
     *
     * @param format the format of the stream's frames
     */
    public PullFrameDecoder(FrameFormat format) {
        this.decoder = new FrameDecoder(format);
    }

    /**
     * The format of the next frame.
     *
     * @return the format
     */
    public FrameFormat format() {
        return decoder.format();
    }

    /**
     * Whether the decoder needs another chunk: the last one offered is used up.
     *
     * @return {@code true} if {@link #offer} may be called
     */
    public boolean needsInput() {
        return chunk == null;
    }

    /**
     * Hands in the next chunk of the stream; frames are then taken with {@link #next()}.
     *
     * @param next the next bytes of the stream, <em>borrowed</em> until {@link #next()} returns {@code null}:
     *     keep its memory unchanged until then
     * @throws IllegalStateException if the previous chunk is not used up yet
     */
    public void offer(ByteView next) {
        Objects.requireNonNull(next, "next");
        if (chunk != null) {
            throw new IllegalStateException("the previous chunk still has " + (chunk.length() - position)
                    + " byte(s) to decode: call next() until it returns null before offering more");
        }
        lease.endViews();
        if (next.length() > 0) {
            chunk = next;
            position = 0;
        }
    }

    /**
     * Takes the next frame.
     *
     * @return the next frame, <em>borrowed</em> until the next call on this decoder; or {@code null} when the
     *     offered bytes are used up (a partial frame stays buffered) and another chunk must be offered
     * @throws FrameException if a frame is malformed; the decoder is then failed
     * @throws IllegalStateException if the decoder is failed
     * @throws io.bufkit.StaleViewException if the offered chunk's lease ended before it was used up
     */
    public ByteView next() {
        lease.endViews();
        frame = null;
        if (chunk == null) {
            return null;
        }
        long start = decoder.streamOffset();
        try {
            decoder.feed(chunk.slice(position, chunk.length()), capture);
        } catch (RuntimeException e) {
            if (e != STOP) {
                chunk = null;
                throw e;
            }
        }
        position += (int) (decoder.streamOffset() - start);
        if (position == chunk.length()) {
            chunk = null;
        }
        return frame;
    }

    /**
     * Declares the end of the stream, once every chunk is used up.
     *
     * @throws IncompleteFrameException if the stream ended inside a frame; the decoder is then failed
     * @throws IllegalStateException if the last chunk is not used up, or the decoder is failed
     */
    public void finish() {
        lease.endViews();
        if (chunk != null) {
            throw new IllegalStateException("finish() with " + (chunk.length() - position)
                    + " byte(s) of the last chunk not decoded: call next() until it returns null first");
        }
        decoder.finish();
    }

    /**
     * Starts a new stream: drops the chunk, any partial frame and any failure.
     */
    public void reset() {
        lease.endViews();
        chunk = null;
        frame = null;
        decoder.reset();
    }

    /**
     * The stream offset of the next byte not yet decoded.
     *
     * @return the offset, counted from the last reset
     */
    public long streamOffset() {
        return decoder.streamOffset();
    }

    /**
     * How many bytes of a partial frame are buffered.
     *
     * @return the count
     */
    public int bufferedBytes() {
        return decoder.bufferedBytes();
    }

    /**
     * Describes the decoder's state.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PullFrameDecoder[" + decoder + (chunk != null ? ", " + (chunk.length() - position)
                + " byte(s) of the chunk left" : ", needs input") + "]";
    }
}
