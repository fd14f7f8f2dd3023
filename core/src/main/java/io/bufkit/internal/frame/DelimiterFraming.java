package io.bufkit.internal.frame;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.ByteBuffer;

/**
 * Frames that end at a delimiter, with the rules of Netty's {@code DelimiterBasedFrameDecoder}: the
 * delimiter that gives the shortest frame wins (at the same position, the one listed first), and
 * {@code maxFrameLength} bounds a frame without its delimiter. Lines (LF or CRLF, Netty's
 * {@code LineBasedFrameDecoder}) are the delimiters CRLF and LF, scanned for LF only.
 *
 * <p>A frame is too long as soon as no delimiter can start within its first {@code maxFrameLength + 1}
 * bytes; how the stream is chunked does not change that moment or the outcome.
 */
public final class DelimiterFraming extends Framing {

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    /** From {@code find}: the bytes end inside a delimiter that would decide the frame. */
    private static final long UNDECIDED = -2;

    private final byte[][] delimiters;
    private final boolean stripDelimiter;
    private final int maxFrameLength;
    private final boolean lines;
    private final int longestDelimiter;

    /**
     * Creates the framing; the caller has checked the parameters.
     *
     * @param delimiters the delimiters, each at least one byte, at most 255 of them (not copied)
     * @param stripDelimiter whether a frame is lent without its delimiter
     * @param maxFrameLength the longest frame without its delimiter
     * @param lines whether the delimiters are CRLF then LF, so that a scan for LF finds both
     */
    public DelimiterFraming(byte[][] delimiters, boolean stripDelimiter, int maxFrameLength, boolean lines) {
        super(0);
        this.delimiters = delimiters;
        this.stripDelimiter = stripDelimiter;
        this.maxFrameLength = maxFrameLength;
        this.lines = lines;
        int longest = 0;
        for (byte[] d : delimiters) {
            longest = Math.max(longest, d.length);
        }
        this.longestDelimiter = longest;
    }

    @Override
    public int headerBytes() {
        return 0;
    }

    @Override
    public boolean scans() {
        return true;
    }

    @Override
    public long maxFrameLength() {
        return (long) maxFrameLength + longestDelimiter;
    }

    @Override
    public int measure(FrameEngine<?> e, byte[] a, ByteBuffer b, int p, int end, long frameOffset) {
        long hit = find(a, b, p, p, end, p + (long) maxFrameLength);
        if (hit >= 0) {
            return found(e, (int) (hit >> 8) - p, (int) hit & 0xFF);
        }
        if (hit == UNDECIDED) {
            return NEED_MORE;
        }
        checkRoom(e, null, 0, a, b, p, end, frameOffset);
        return NEED_MORE;
    }

    @Override
    public int resume(FrameEngine<?> e, byte[] acc, int have, byte[] a, ByteBuffer b, int p, int end,
            long frameOffset) {
        int available = have + end - p;
        for (int s = Math.max(0, have - longestDelimiter + 1); s < have && s <= maxFrameLength; s++) {
            for (int d = 0; d < delimiters.length; d++) {
                byte[] delimiter = delimiters[d];
                int count = Math.min(delimiter.length, available - s);
                if (matches(delimiter, count, acc, have, a, b, p, s)) {
                    if (count < delimiter.length) {
                        return NEED_MORE;   // a delimiter listed earlier may still match here
                    }
                    return found(e, s, d);
                }
            }
        }
        long hit = find(a, b, p, p, end, p + (long) maxFrameLength - have);
        if (hit >= 0) {
            return found(e, have + (int) (hit >> 8) - p, (int) hit & 0xFF);
        }
        if (hit == UNDECIDED) {
            return NEED_MORE;
        }
        checkRoom(e, acc, have, a, b, p, end, frameOffset);
        return NEED_MORE;
    }

    /** Sets the lent region of a frame whose delimiter {@code d} starts at frame-relative {@code start}. */
    private int found(FrameEngine<?> e, int start, int d) {
        int length = start + delimiters[d].length;
        e.lentFrom = 0;
        e.lentTo = stripDelimiter ? start : length;
        return length;
    }

    /**
     * Finds the first delimiter wholly inside {@code [from, end)} that starts at or before {@code lastStart};
     * {@code lo} is the first index that belongs to the frame. Returns {@code start << 8 | delimiter index},
     * {@link #UNDECIDED} if the bytes end inside a delimiter that would win, or -1.
     */
    private long find(byte[] a, ByteBuffer b, int lo, int from, int end, long lastStart) {
        if (lines) {
            long stop = Math.min(end, lastStart + 2);
            for (int i = from; i < stop; i++) {
                if (at(a, b, i) == LF) {
                    if (i > lo && at(a, b, i - 1) == CR) {
                        return (long) (i - 1) << 8;
                    }
                    return i > lastStart ? -1 : (long) i << 8 | 1;
                }
            }
            return -1;
        }
        long stop = Math.min(end, lastStart + 1);
        for (int i = from; i < stop; i++) {
            byte first = at(a, b, i);
            for (int d = 0; d < delimiters.length; d++) {
                byte[] delimiter = delimiters[d];
                if (delimiter[0] == first && matches(delimiter, a, b, i, end)) {
                    if (i + delimiter.length > end) {
                        return UNDECIDED;   // a delimiter listed before any that matches here may still match
                    }
                    return (long) i << 8 | d;
                }
            }
        }
        return -1;
    }

    /** Whether {@code delimiter} matches at {@code i}, as far as the bytes before {@code end} go. */
    private static boolean matches(byte[] delimiter, byte[] a, ByteBuffer b, int i, int end) {
        int count = Math.min(delimiter.length, end - i);
        for (int k = 1; k < count; k++) {
            if (at(a, b, i + k) != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the first {@code count} bytes of {@code delimiter} equal the frame's bytes from frame-relative
     * {@code s}: the frame's first {@code have} bytes are in {@code acc}, the rest at {@code p} of the chunk.
     */
    private static boolean matches(byte[] delimiter, int count, byte[] acc, int have, byte[] a, ByteBuffer b, int p,
            int s) {
        for (int k = 0; k < count; k++) {
            int v = s + k;
            byte x = v < have ? acc[v] : at(a, b, p + v - have);
            if (x != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fails the frame if, with the bytes available and no delimiter found, no delimiter can start within
     * its first {@code maxFrameLength + 1} bytes any more.
     */
    private void checkRoom(FrameEngine<?> e, byte[] acc, int have, byte[] a, ByteBuffer b, int p, int end,
            long frameOffset) {
        int available = have + end - p;
        if (available <= maxFrameLength) {
            return;
        }
        for (int s = Math.max(0, available - longestDelimiter + 1); s <= maxFrameLength; s++) {
            int tail = available - s;
            for (byte[] delimiter : delimiters) {
                if (delimiter.length > tail && matches(delimiter, tail, acc, have, a, b, p, s)) {
                    return;
                }
            }
        }
        throw e.reject(Fault.NO_DELIMITER, frameOffset, -1);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The frame is {@code head} and {@code body} followed by the first delimiter; its content must not
     * end earlier at a delimiter, and without the delimiter it is at most {@code maxFrameLength} long.
     */
    @Override
    public int frameSize(int headLength, int bodyLength) {
        long content = (long) headLength + bodyLength;
        if (content > maxFrameLength) {
            throw new IllegalArgumentException("a frame of " + content + " byte(s) without its delimiter is above the maximum "
                    + maxFrameLength);
        }
        return (int) content + delimiters[0].length;
    }

    @Override
    public int lentEnd(int headLength, int bodyLength) {
        int size = frameSize(headLength, bodyLength);
        return stripDelimiter ? size - delimiters[0].length : size;
    }

    @Override
    public void write(ByteView head, ByteView body, MutableByteView out, int at) {
        int size = frameSize(head.length(), body.length());
        byte[] frame = new byte[size];
        head.copyTo(frame, 0);
        int content = head.length() + body.length();
        body.copyTo(frame, head.length());
        System.arraycopy(delimiters[0], 0, frame, content, delimiters[0].length);
        long hit = find(frame, null, 0, 0, size, maxFrameLength);
        if (hit < 0 || (int) (hit >> 8) != content || delimiters[(int) hit & 0xFF].length != delimiters[0].length) {
            throw new IllegalArgumentException("the frame's content holds a delimiter at offset " + (hit >> 8)
                    + ", so it would be read as a shorter frame");
        }
        out.put(at, ByteView.wrap(frame));
    }
}
