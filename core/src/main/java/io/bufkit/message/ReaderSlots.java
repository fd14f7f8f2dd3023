package io.bufkit.message;

/**
 * Where a generated reader keeps a level on its tape: slot 0 holds where the level starts, slot
 * {@code 1 + i} where its part {@code i} ends, then each part's extra slots from {@link #extra()}: a bytes
 * part's content start (-1 for null), a varint's value, a repeat's index (its count, then its elements'
 * places), a nested or conditional part's level (-1 if absent), and a choice's level and the index of its
 * alternative (both -1 for an unknown key); the last slot links a repeat's element to the next.
 *
 * @param extra the first extra slot of each part, -1 for none
 * @param link the slot holding the place of the next element of a repeat
 * @param size the slots of one level
 */
record ReaderSlots(int[] extra, int link, int size) {

    /** The slots of a level of {@code layout}. */
    static ReaderSlots of(MessageLayout layout) {
        Part[] parts = layout.partArray();
        int[] extra = new int[parts.length];
        int next = 1 + parts.length;
        for (int i = 0; i < parts.length; i++) {
            int n = extras(parts[i]);
            extra[i] = n == 0 ? -1 : next;
            next += n;
        }
        return new ReaderSlots(extra, next, next + 1);
    }

    /** How many extra slots a part takes. */
    private static int extras(Part p) {
        if (p instanceof ChoicePart) {
            return 2;
        }
        return p instanceof BytesPart || p instanceof VarintPart || p instanceof RepeatPart
                || p instanceof OptionalPart || p instanceof NestedPart ? 1 : 0;
    }
}
