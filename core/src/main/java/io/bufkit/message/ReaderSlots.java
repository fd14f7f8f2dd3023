package io.bufkit.message;

/**
 * Where a generated reader keeps a level on its tape: slot 0 holds where the level starts, slot
 * {@code 1 + i} where its part {@code i} ends, then each part's extra slots from {@link #extra()}: a nullable
 * or compact bytes part's content start (-1 for null), a varint's value, a repeat's index (its count, then its
 * elements' places), a nested or conditional part's level (-1 if absent), and a choice's level and the index
 * of its alternative (both -1 for an unknown key). A slot whose offset from the level's start is the same in
 * every message ({@link #fixed()}, after parts of fixed size only) is not written: the reader adds the offset
 * to the level's start instead.
 *
 * @param extra the first extra slot of each part, -1 for none
 * @param fixed for each of the slots 0 to the number of parts, its offset from the level's start if that is
 *     fixed, else -1
 * @param size the slots of one level
 */
record ReaderSlots(int[] extra, int[] fixed, int size) {

    /** The slots of a level of {@code layout}. */
    static ReaderSlots of(MessageLayout layout) {
        Part[] parts = layout.partArray();
        int[] extra = new int[parts.length];
        int[] fixed = new int[parts.length + 1];
        int next = 1 + parts.length;
        for (int i = 0; i < parts.length; i++) {
            int n = extras(parts[i]);
            extra[i] = n == 0 ? -1 : next;
            next += n;
            int size = fixedSize(parts[i]);
            fixed[i + 1] = fixed[i] < 0 || size < 0 ? -1 : fixed[i] + size;
        }
        return new ReaderSlots(extra, fixed, next);
    }

    /** How many extra slots a part takes. */
    private static int extras(Part p) {
        if (p instanceof ChoicePart) {
            return 2;
        }
        if (p instanceof BytesPart b) {
            return contentOffset(b) < 0 ? 1 : 0;
        }
        return p instanceof VarintPart || p instanceof RepeatPart || p instanceof OptionalPart
                || p instanceof NestedPart ? 1 : 0;
    }

    /** Where a bytes part's content starts after the part's start, if always the same; else -1. */
    static int contentOffset(BytesPart b) {
        return switch (b.kind) {
            case SIZED, REST, NUL_TERMINATED -> 0;
            case PREFIXED -> b.prefixWidth;
            default -> -1;
        };
    }

    /** The bytes a part takes in every message, or -1 if that varies. */
    private static int fixedSize(Part p) {
        if (p instanceof SectionPart s) {
            return s.layout.size();
        }
        return p instanceof ChecksumPart || p instanceof ChecksumOverPart || p instanceof LevelLengthPart
                || p instanceof PseudoHeaderChecksumPart ? 0 : -1;
    }
}
