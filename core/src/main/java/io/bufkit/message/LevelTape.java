package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import java.util.Arrays;

/**
 * Every level of one decoded message in a single {@code int} array, written once while decoding: the one
 * structure a decode allocates besides the {@link Message} it returns. {@link Message}s for sub-levels are
 * made only when someone navigates to them, each naming a level by its index here.
 *
 * <p>A level is a record of {@link MessageLayout#recordSize()} ints starting at its index: a header (the
 * parent level, the part of the parent it is, its tag, where it starts, and the tape's size once its
 * sub-levels are decoded), then per part, at {@link Part#slot}, the offset just past the part and, for a
 * part holding levels, the index of its sub-level (-1 when absent) or of its element table
 * ({@code [count, element levels...]}). A part starts where the previous one ends ({@link Part#startSlot}),
 * after its prefix if it has one. The tag is a repeat element's index or the index of a choice's
 * alternative, else -1.
 */
final class LevelTape {
    static final int PARENT = 0;
    static final int PARENT_PART = 1;
    static final int TAG = 2;
    static final int START = 3;
    /** The tape's size when the level was decoded: where the level after it (its next sibling) starts. */
    static final int EXTENT = 4;
    static final int HEADER = 5;

    final MessageLayout layout;
    /** The decoded bytes; null once a record codec has {@linkplain #release() released} the tape. */
    ByteView view;
    int[] ints;
    int size;
    /** Where the message (level 0) ends, once decoded. */
    int end;

    LevelTape(MessageLayout layout, ByteView view, int capacity) {
        this.layout = layout;
        this.view = view;
        this.ints = new int[Math.max(capacity, HEADER)];
    }

    /** Empties the tape for decoding {@code view} from the start, keeping its array; returns it. */
    LevelTape restart(ByteView view) {
        this.view = view;
        this.size = 0;
        this.end = 0;
        return this;
    }

    /**
     * Forgets the decoded view, so that a tape kept for the next decode does not keep the bytes (and
     * the buffer they are a view of) alive.
     */
    void release() {
        view = null;
    }

    /** The ints the tape can hold before it grows. */
    int capacity() {
        return ints.length;
    }

    /** Appends the record of a level of {@code of} and returns its index. */
    int open(MessageLayout of, int parent, int parentPart, int tag, int start) {
        int at = size;
        int end = at + of.recordSize();
        if (end > ints.length) {
            grow(end);
        }
        int[] t = ints;
        t[at + PARENT] = parent;
        t[at + PARENT_PART] = parentPart;
        t[at + TAG] = tag;
        t[at + START] = start;
        size = end;
        return at;
    }

    /** Appends {@code n} ints (an element table) and returns the index of the first. */
    int reserve(int n) {
        int at = size;
        if (at + n > ints.length || at + n < 0) {
            grow(at + n);
        }
        size = at + n;
        return at;
    }

    private void grow(int needed) {
        if (needed < 0) {
            throw new IllegalStateException("a decoded message of more than " + Integer.MAX_VALUE + " ints");
        }
        ints = Arrays.copyOf(ints, Math.max(needed, ints.length + (ints.length >> 1) + 16));
    }

    /** Where part {@code p} of level {@code level} starts (after its prefix). */
    int start(int level, Part p) {
        return p.start(this, level);
    }

    /** Where part {@code p} of level {@code level} ends (before its terminator). */
    int end(int level, Part p) {
        return p.end(this, level);
    }

    /** The index of the sub-level or element table of part {@code p}, or -1 if absent. */
    int child(int level, Part p) {
        return ints[level + p.slot + 1];
    }

    /** The bytes of part {@code p}, a borrowed slice of the decoded view; null for a NULL part. */
    ByteView bytes(int level, Part p) {
        return p instanceof BytesPart b && b.isNull(this, level) ? null : view.slice(start(level, p), end(level, p));
    }

    /** The layout of level {@code level}, found from the message down; for paths, off the hot path. */
    MessageLayout layoutOf(int level) {
        int parent = ints[level + PARENT];
        if (parent < 0) {
            return layout;
        }
        return layoutOf(parent).partArray()[ints[level + PARENT_PART]].levelLayout(ints[level + TAG]);
    }

    /** The path of level {@code level}, such as {@code answers[2]}; empty for the message itself. */
    String path(int level) {
        int parent = ints[level + PARENT];
        if (parent < 0) {
            return "";
        }
        Part p = layoutOf(parent).partArray()[ints[level + PARENT_PART]];
        String at = pathOf(parent, p);
        return p instanceof RepeatPart ? at + "[" + ints[level + TAG] + "]" : at;
    }

    /** The full path of part {@code p} of level {@code level}, such as {@code answers[2].name}. */
    String pathOf(int level, Part p) {
        String path = path(level);
        return path.isEmpty() ? p.name : path + "." + p.name;
    }

    LayoutException fail(String path, int offset, String why, String expected, String actual) {
        String root = layout.name();
        return new LayoutException(root + ": " + path + " at offset " + offset + ": " + why, root, path, offset,
                expected, actual);
    }

    /**
     * The end of a part of {@code length} bytes from {@code from}, or a failure naming the path if the
     * length is negative or reaches past {@code limit}.
     */
    int sizedEnd(int level, Part p, int partStart, int from, long length, int limit, Size size) {
        return sizedEnd(level, p, partStart, from, length, limit, size, 0);
    }

    /**
     * As {@link #sizedEnd(int, Part, int, int, long, int, Size)}, for a length given by a prefix that counts
     * {@code prefixCounts} bytes besides the part's.
     */
    int sizedEnd(int level, Part p, int partStart, int from, long length, int limit, Size size, int prefixCounts) {
        if (length < 0 || from + length > limit) {
            String why = size != null ? size + " = " + length : prefixCounts == 0 ? "prefix " + length
                    : "prefix " + (length + prefixCounts) + " - " + prefixCounts;
            throw fail(pathOf(level, p), partStart, "length " + length + " (" + why + ") points past the end",
                    "at most " + (limit - from) + " bytes", length + " bytes");
        }
        return (int) (from + length);
    }

    /**
     * Decodes a level of {@code body} for part {@code p} from {@code at} that must end exactly at {@code end}
     * (a sized choice or sized part), records it as the part's sub-level, or fails naming the path and the
     * size it should have filled.
     */
    void decodeExactly(int level, Part p, MessageLayout body, int tag, int at, int end, Size size) {
        int sub = open(body, level, p.index, tag, at);
        ints[level + p.slot + 1] = sub;
        int subEnd = body.decodeLevel(this, sub, at, end);
        if (subEnd != end) {
            throw fail(pathOf(level, p), subEnd, body.name() + " ends before its " + size + " bytes do",
                    (end - at) + " bytes", (subEnd - at) + " bytes");
        }
    }
}
