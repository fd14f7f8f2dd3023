package io.bufkit;

/** How a test view is made from its memory: directly over its range, or as a slice of a slice. */
enum Shape {
    /** One view straight over the range, not sliced (the memory may be heap or direct). */
    UNSLICED,
    /** A view over a larger range, sliced twice down to the range. */
    SLICE_OF_SLICE;

    /** Bytes of memory needed before the range. */
    static final int MARGIN_BEFORE = 5;
    /** Bytes of memory needed after the range. */
    static final int MARGIN_AFTER = 4;

    /**
     * A view over {@code [from, to)} of {@code memory}, which must have {@link #MARGIN_BEFORE} bytes before
     * {@code from} and {@link #MARGIN_AFTER} after {@code to}.
     */
    ByteView view(Backing.Memory memory, int from, int to, Lease lease, boolean mutable) {
        if (this == UNSLICED) {
            return memory.view(from, to, lease, mutable);
        }
        ByteView outer = memory.view(from - MARGIN_BEFORE, to + MARGIN_AFTER, lease, mutable);
        ByteView middle = outer.slice(2, outer.length() - 1);
        return middle.slice(MARGIN_BEFORE - 2, MARGIN_BEFORE - 2 + (to - from));
    }
}
