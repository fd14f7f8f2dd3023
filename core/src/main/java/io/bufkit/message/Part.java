package io.bufkit.message;

/** One part of a {@link MessageLayout}; decodes itself into a {@link Message}'s bookkeeping. */
abstract class Part {
    final String name;

    Part(String name) {
        this.name = name;
    }

    /** The fewest bytes this part can take in a well-formed message. */
    abstract int minSize();

    /**
     * Decodes the part starting at {@code at}, not reading at or past {@code limit}, records it in the
     * message at {@code index} and returns where the next part starts.
     */
    abstract int decode(Message m, int index, int at, int limit, String path);

    /** Appends the decoded part for people, one line per leaf, indented. */
    abstract void describe(Message m, int index, StringBuilder out, String indent);

    /** Short text of the part's declaration for {@link MessageLayout#toString()}. */
    abstract String declaration();
}
