package io.bufkit.internal.frame;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.internal.ViewAccess;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The incremental framing engine: splits a stream fed in chunks into frames with a {@link Framing}, and
 * lends each frame to its owner's handler as a borrowed view.
 *
 * <p>A frame that lies inside a chunk is lent straight from the chunk; a frame split across chunks is
 * gathered in one accumulator that holds at most one partial frame, and each of its bytes is copied into
 * the accumulator once. The accumulator grows with the bytes that arrive, never with the length a header
 * claims (so it may move bytes already gathered when it grows), keeps its size between frames up to
 * {@link #KEEP_CAPACITY}, and drops back to its starting size after a larger frame.
 *
 * <p>The loop is written frame by frame ({@link #run}): a frame is found, the stream offset is advanced past
 * it, then it is lent; so the decoder is always either between frames or holding one partial frame, which
 * is what a pull form needs as well.
 *
 * @param <H> the owner's handler type
 */
public abstract class FrameEngine<H> {

    /** The largest accumulator kept between frames; a larger one is dropped after its frame. */
    public static final int KEEP_CAPACITY = 1 << 17;

    private static final ViewAccess VIEWS = ViewAccess.get();
    private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 16;

    /** What the owner is called in messages, and what its handlers are called. */
    private final String owner;
    private final String handlerName;
    /** Whether {@link #headerComplete} is to be called: whether the owner checks headers. */
    private final boolean checksHeaders;
    /** The lease of every lent frame; renewed after each handler call. */
    private final Lease lease;

    private Framing framing;
    /** Bytes of the partial frame, from its first byte. */
    private byte[] acc;
    /** How many bytes of the partial frame are in {@link #acc}; 0 between frames. */
    private int accHave;
    /** The partial frame's whole length once known, else -1. */
    private int frameLength = -1;
    /** Buffer index of the chunk view's offset 0, for a buffer-backed chunk. */
    private int windowOrigin;

    /** Set by {@link Framing#measure}: the first byte lent, relative to the frame's first byte. */
    int lentFrom;
    /** Set by {@link Framing#measure}: the end of the bytes lent, relative to the frame's first byte. */
    int lentTo;
    /** Set by a framing with a type field: the type of the frame measured last. */
    int tag;

    /** Stream offset of the next byte not yet consumed (buffered bytes of a partial frame count as consumed). */
    private long consumed;
    private boolean busy;
    private RuntimeException failure;

    /**
     * Creates an engine.
     *
     * @param framing the framing of the stream's first frame
     * @param owner the owner's name, for messages
     * @param handlerName the handler type's name, for messages
     * @param checksHeaders whether the owner overrides {@link #headerComplete} to check headers
     */
    protected FrameEngine(Framing framing, String owner, String handlerName, boolean checksHeaders) {
        this.framing = Objects.requireNonNull(framing, "framing");
        this.checksHeaders = checksHeaders;
        this.owner = owner;
        this.handlerName = handlerName;
        this.lease = Lease.open(owner + " frame");
        this.acc = new byte[framing.headerBytes()];
    }

    // ------------------------------------------------------------------ owner hooks

    /**
     * Calls the handler with a frame; the engine ends the frame's lease when this returns.
     *
     * @param handler the handler
     * @param frame the frame, borrowed
     */
    protected abstract void deliver(H handler, ByteView frame);

    /**
     * Makes the exception for a bad header.
     *
     * @param fault what is wrong
     * @param frameOffset the stream offset of the frame's first byte
     * @param value the fault's number (a length, a byte count), as {@link Fault} describes
     * @return the exception to throw
     */
    protected abstract RuntimeException fault(Fault fault, long frameOffset, long value);

    /**
     * Makes the exception for a stream that ended inside a frame.
     *
     * @param frameOffset the stream offset of the partial frame's first byte
     * @param received the bytes of it that arrived
     * @param missing the bytes missing: exact when {@code lengthKnown}, else a lower bound
     * @param lengthKnown whether the frame's length was known
     * @return the exception to throw
     */
    protected abstract RuntimeException truncated(long frameOffset, long received, long missing, boolean lengthKnown);

    /**
     * Called when a frame's header is complete, before any byte past the header is buffered; may throw to
     * reject the frame, which fails the engine.
     *
     * @param frameOffset the stream offset of the frame's first byte
     * @param length the frame's whole length
     */
    protected void headerComplete(long frameOffset, int length) {
    }

    /**
     * The type field of the frame measured last, for framings with one.
     *
     * @return the type, unsigned in an {@code int}
     */
    protected final int tag() {
        return tag;
    }

    /**
     * Marks the engine failed with a fault found by a framing.
     *
     * @param fault what is wrong
     * @param frameOffset where the frame starts
     * @param value the fault's number
     * @return the exception, to throw
     */
    final RuntimeException reject(Fault fault, long frameOffset, long value) {
        return fail(fault(fault, frameOffset, value));
    }

    // ------------------------------------------------------------------ state

    /**
     * The framing of the next frame.
     *
     * @return the framing
     */
    public final Framing framing() {
        return framing;
    }

    /**
     * Changes the framing from the next frame on; allowed between frames, including from inside a handler
     * (the frame being handled is complete).
     *
     * @param next the framing of the next frame
     * @throws IllegalStateException if part of a frame is buffered
     */
    public final void switchFraming(Framing next) {
        Objects.requireNonNull(next, "framing");
        if (accHave != 0) {
            throw new IllegalStateException("cannot change the framing of " + owner + " inside a frame: "
                    + accHave + " byte(s) of the frame at stream offset " + (consumed - accHave) + " are buffered");
        }
        framing = next;
    }

    /**
     * The stream offset of the next byte to feed; inside a handler, the offset right after its frame.
     *
     * @return the offset counted from the last reset
     */
    public final long streamOffset() {
        return consumed;
    }

    /**
     * Whether part of a frame is buffered.
     *
     * @return {@code true} inside a frame
     */
    public final boolean hasPartialFrame() {
        return accHave != 0;
    }

    /**
     * How many bytes of the partial frame are buffered.
     *
     * @return the count
     */
    public final int bufferedBytes() {
        return accHave;
    }

    /**
     * The size of the accumulator.
     *
     * @return its length in bytes
     */
    public final long retainedBytes() {
        return acc.length;
    }

    /**
     * The exception that failed the engine, or null.
     *
     * @return the failure
     */
    public final RuntimeException failure() {
        return failure;
    }

    /**
     * Whether the partial frame's length is known (its header is complete).
     *
     * @return {@code true} if a frame is partial and its length known
     */
    public final boolean partialLengthKnown() {
        return accHave != 0 && frameLength >= 0;
    }

    /**
     * Drops the partial frame and the failure, shrinks the accumulator to its starting size and sets the
     * stream offset to 0.
     */
    public final void reset() {
        if (busy) {
            throw new IllegalStateException("reset() called from inside a " + handlerName + " of the same decoder");
        }
        failure = null;
        clearPartial();
        acc = new byte[framing.headerBytes()];
        consumed = 0;
    }

    // ------------------------------------------------------------------ feeding

    /**
     * Feeds {@code chunk[offset, offset + length)}.
     *
     * @param chunk the array
     * @param offset the first byte
     * @param length the byte count
     * @param handler the handler
     */
    public final void feed(byte[] chunk, int offset, int length, H handler) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        Objects.requireNonNull(handler, "handler");
        enter();
        try {
            run(chunk, null, null, offset, offset + length, handler);
        } finally {
            exit();
        }
    }

    /**
     * Feeds the remaining bytes of a buffer and advances its position past the bytes consumed.
     *
     * @param chunk the buffer
     * @param handler the handler
     */
    public final void feed(ByteBuffer chunk, H handler) {
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
        } finally {
            chunk.position(position + (int) (consumed - start));
            exit();
        }
    }

    /**
     * Feeds the bytes of a view.
     *
     * @param chunk the view
     * @param handler the handler
     */
    public final void feed(ByteView chunk, H handler) {
        ByteBuffer bytes = chunk.asReadOnlyByteBuffer();
        Objects.requireNonNull(handler, "handler");
        enter();
        try {
            windowOrigin = 0;
            run(null, bytes, chunk, 0, bytes.limit(), handler);
        } finally {
            exit();
        }
    }

    /** Declares the end of the stream; throws the owner's truncation exception inside a frame. */
    public final void finish() {
        enter();
        try {
            if (accHave != 0) {
                boolean known = frameLength >= 0;
                long missing = known ? frameLength - (long) accHave
                        : framing.scans() ? 1 : Math.max(1, framing.headerBytes() - accHave);
                throw fail(truncated(consumed - accHave, accHave, missing, known));
            }
        } finally {
            exit();
        }
    }

    private void enter() {
        if (busy) {
            throw new IllegalStateException(owner + " called from inside a " + handlerName + " of the same decoder");
        }
        if (failure != null) {
            throw new IllegalStateException(owner + " failed (" + failure.getMessage() + "); call reset() first",
                    failure);
        }
        busy = true;
    }

    /** Leaves a feed or finish: ends the lease of the last frame (again, or for a handler that threw). */
    private void exit() {
        busy = false;
        lease.endViews();
    }

    private RuntimeException fail(RuntimeException e) {
        failure = e;
        clearPartial();
        return e;
    }

    private void clearPartial() {
        accHave = 0;
        frameLength = -1;
    }

    // ------------------------------------------------------------------ the loop

    /**
     * Decodes {@code [p, end)} of the array {@code a}, or of the buffer {@code b} (exactly one is non-null);
     * {@code window} views the buffer's memory, its offset 0 at buffer index {@link #windowOrigin}.
     */
    private void run(byte[] a, ByteBuffer b, ByteView window, int p, int end, H handler) {
        final long base = consumed - p;
        if (accHave != 0 && p < end) {
            p = continuePartial(a, b, window, p, end, base, handler);
        }
        while (p < end) {
            Framing f = framing;
            int length = f.measure(this, a, b, p, end, base + p);
            if (length >= 0) {
                if (checksHeaders) {
                    headerChecked(base + p, length);
                }
                if (length <= end - p) {
                    int from = p + lentFrom;
                    int size = lentTo - lentFrom;
                    p += length;
                    consumed = base + p;
                    if (a != null) {
                        lendArray(handler, a, from, size);
                    } else {
                        lend(handler, null, window, from, size);
                    }
                    continue;
                }
            }
            startPartial(a, b, p, end, length);
            break;
        }
        consumed = base + end;
    }

    /** Runs the owner's header check; a check that throws fails the engine. */
    private void headerChecked(long frameOffset, int length) {
        try {
            headerComplete(frameOffset, length);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    /** Lends {@code [from, from + size)} of the chunk (the array, else the buffer behind {@code window}). */
    private void lend(H handler, byte[] a, ByteView window, int from, int size) {
        if (a != null) {
            lendArray(handler, a, from, size);
        } else {
            deliver(handler, VIEWS.relend(window, from - windowOrigin, size, lease));
            lease.endViews();
        }
    }

    /** Lends {@code a[from, from + size)}; tiny, so that it inlines and the view can be scalar-replaced. */
    private void lendArray(H handler, byte[] a, int from, int size) {
        deliver(handler, lease.wrap(a, from, size));
        lease.endViews();
    }

    /** Buffers the tail {@code [p, end)} of a chunk: a partial header, or a frame of known length. */
    private void startPartial(byte[] a, ByteBuffer b, int p, int end, int length) {
        frameLength = length;
        append(a, b, p, end - p);
    }

    /**
     * Continues the partial frame with the chunk's bytes from {@code p}; delivers it if it completes.
     * Returns the position after the bytes used.
     */
    private int continuePartial(byte[] a, ByteBuffer b, ByteView window, int p, int end, long base, H handler) {
        long frameOffset = base + p - accHave;
        Framing f = framing;
        if (frameLength < 0) {
            if (f.scans()) {
                int length = f.resume(this, acc, accHave, a, b, p, end, frameOffset);
                if (length < 0) {
                    append(a, b, p, end - p);
                    return end;
                }
                frameLength = length;
            } else {
                int length;
                do {
                    int n = Math.min(f.headerStep(accHave), end - p);
                    append(a, b, p, n);
                    p += n;
                    length = f.measure(this, acc, null, 0, accHave, frameOffset);
                } while (length < 0 && p < end);
                if (length < 0) {
                    return p;
                }
                if (checksHeaders) {
                    headerChecked(frameOffset, length);
                }
                frameLength = length;
            }
        }
        int need = frameLength - accHave;
        int from = lentFrom;
        int size = lentTo - lentFrom;
        if (accHave <= from && need <= end - p) {
            // the bytes lent all lie in this chunk: lend them from it
            int at = p + from - accHave;
            p += need;
            clearPartial();
            consumed = base + p;
            lend(handler, a, window, at, size);
            return p;
        }
        int n = Math.min(need, end - p);
        append(a, b, p, n);
        p += n;
        if (accHave < frameLength) {
            return p;
        }
        byte[] frame = acc;
        if (frame.length > KEEP_CAPACITY) {
            acc = new byte[f.headerBytes()];
        }
        clearPartial();
        consumed = base + p;
        lendArray(handler, frame, from, size);
        return p;
    }

    /** Copies {@code n} bytes from index {@code p} of the chunk to the end of the partial frame. */
    private void append(byte[] a, ByteBuffer b, int p, int n) {
        int need = accHave + n;
        if (need > acc.length) {
            grow(need);
        }
        if (a != null) {
            System.arraycopy(a, p, acc, accHave, n);
        } else {
            b.get(p, acc, accHave, n);
        }
        accHave = need;
    }

    /**
     * Grows the accumulator to hold {@code need} bytes: doubling, never past the frame's known length, nor
     * past the framing's largest frame while the length is unknown.
     */
    private void grow(int need) {
        long limit = frameLength >= 0 ? frameLength : Math.min(framing.maxFrameLength(), LARGEST_ARRAY);
        int capacity = (int) Math.min(limit, Math.max(need, Math.min(2L * acc.length, LARGEST_ARRAY)));
        byte[] bigger = new byte[Math.max(capacity, need)];
        System.arraycopy(acc, 0, bigger, 0, accHave);
        acc = bigger;
    }

    /**
     * Describes the engine's state for its owner's {@code toString}.
     *
     * @return for example {@code offset 19, partial frame of 4 byte(s)}
     */
    public final String describeState() {
        return "offset " + consumed + (failure != null ? ", failed"
                : accHave != 0 ? ", partial frame of " + accHave + " byte(s)" : "");
    }
}
