package io.bufkit.internal.frame;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.ByteBuffer;

/**
 * A header strategy: how one framing finds where a frame ends. This is the one place a new framing is
 * added; {@link FrameEngine} does everything else (chunks, the accumulator, lending, failure).
 *
 * <p>A framing is immutable and thread-safe; it reports what it measured through the engine it is given
 * ({@link FrameEngine#lentFrom}, {@link FrameEngine#lentTo}, {@link FrameEngine#tag}) and raises bad headers
 * through {@link FrameEngine#reject(Fault, long, long)}.
 */
public abstract class Framing {

    /** Returned by {@link #measure} when the bytes given do not yet tell where the frame ends. */
    public static final int NEED_MORE = -1;

    /** The bytes before the length, which a writer takes as the frame's head. */
    private final int headLength;

    /**
     * For subclasses.
     *
     * @param headLength the bytes before the length: {@code lengthOffset}, or 0 for framings without one
     */
    protected Framing(int headLength) {
        this.headLength = headLength;
    }

    /**
     * The most bytes a partial header can take before {@link #measure} decides; the accumulator starts
     * this large. 0 for framings that have no header (fixed length) or scan for a delimiter.
     *
     * @return the byte count
     */
    public abstract int headerBytes();

    /**
     * How many more bytes to gather into a partial header of {@code have} bytes before measuring again;
     * never past the header, so that no byte of the frame's body is gathered before the frame's length
     * is known.
     *
     * @param have the header bytes gathered so far
     * @return 1 or more
     */
    public int headerStep(int have) {
        return headerBytes() - have;
    }

    /**
     * Whether frames end at a delimiter found by scanning; such a framing continues a partial frame with
     * {@link #resume} instead of measuring a header.
     *
     * @return {@code true} for delimiter framings
     */
    public boolean scans() {
        return false;
    }

    /**
     * The largest frame this framing accepts, in bytes on the wire.
     *
     * @return the maximum
     */
    public abstract long maxFrameLength();

    /**
     * Measures the frame that starts at index {@code p} of the array {@code a}, or of the buffer
     * {@code b} (exactly one is non-null), with bytes up to {@code end} available. On success sets the
     * engine's lent region and tag (frame-relative).
     *
     * @param e the engine, which receives the lent region and raises faults
     * @param a the array, or null
     * @param b the buffer, or null
     * @param p the frame's first byte
     * @param end the end of the bytes available (may be before the frame's end)
     * @param frameOffset the stream offset of the frame's first byte, for faults
     * @return the frame's whole length on the wire, or {@link #NEED_MORE}
     */
    public abstract int measure(FrameEngine<?> e, byte[] a, ByteBuffer b, int p, int end, long frameOffset);

    /**
     * Continues a partial frame of a scanning framing: {@code have} bytes of it are in {@code acc}, the
     * next are at {@code [p, end)} of the array {@code a} or the buffer {@code b}.
     *
     * @param e the engine
     * @param acc the accumulator holding the frame's first bytes
     * @param have how many bytes of the frame are in {@code acc}
     * @param a the array, or null
     * @param b the buffer, or null
     * @param p the first new byte
     * @param end the end of the new bytes
     * @param frameOffset the stream offset of the frame's first byte
     * @return the frame's whole length if it ends within the new bytes, else {@link #NEED_MORE}
     */
    public int resume(FrameEngine<?> e, byte[] acc, int have, byte[] a, ByteBuffer b, int p, int end,
            long frameOffset) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has a header");
    }

    /**
     * The size on the wire of the frame made of {@code head} (the bytes before the length, for framings
     * with one) and {@code body} (the bytes after it), as {@link #write} writes it.
     *
     * @param headLength the head's length
     * @param bodyLength the body's length
     * @return the frame's size
     * @throws IllegalArgumentException if this framing cannot carry such a frame
     */
    public abstract int frameSize(int headLength, int bodyLength);

    /**
     * Writes the frame of {@code head} and {@code body} at {@code out[at, at + frameSize)}, computing its
     * length field or appending its delimiter; checks everything before writing anything.
     *
     * @param head the bytes before the length field (read, not kept)
     * @param body the bytes after it (read, not kept)
     * @param out the destination, with room checked by the caller
     * @param at where the frame starts
     * @throws IllegalArgumentException if this framing cannot carry the frame
     */
    public abstract void write(ByteView head, ByteView body, MutableByteView out, int at);

    /**
     * How many bytes come before the length (the head a writer takes): {@code lengthOffset} for length
     * framings, 0 for the others.
     *
     * @return the head's length
     */
    public final int headLength() {
        return headLength;
    }

    /**
     * Where the bytes a decoder lends start in the frame {@link #write} writes from a head and a body of
     * these lengths: what stripping leaves out at the front.
     *
     * @param headLength the head's length
     * @param bodyLength the body's length
     * @return the frame-relative start, 0 unless bytes are stripped
     */
    public int lentStart(int headLength, int bodyLength) {
        return 0;
    }

    /**
     * Where the bytes a decoder lends end in the frame {@link #write} writes from a head and a body of
     * these lengths: what stripping leaves out at the back.
     *
     * @param headLength the head's length
     * @param bodyLength the body's length
     * @return the frame-relative end, the frame's size unless a delimiter is stripped
     */
    public int lentEnd(int headLength, int bodyLength) {
        return frameSize(headLength, bodyLength);
    }

    /** Rejects a head that is not the bytes before the length (none for framings without a length). */
    final void checkHead(int given) {
        if (given != headLength) {
            throw new IllegalArgumentException("the head must be the " + headLength
                    + " byte(s) before the length, not " + given);
        }
    }

    /** Reads byte {@code i} of the array {@code a}, or else of the buffer {@code b}. */
    static byte at(byte[] a, ByteBuffer b, int i) {
        return a != null ? a[i] : b.get(i);
    }
}
