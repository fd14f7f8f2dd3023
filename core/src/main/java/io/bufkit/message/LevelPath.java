package io.bufkit.message;

/**
 * Where a level of a message being encoded lies, such as {@code answers[2].rdata}, kept as a chain of
 * names and indexes: the text is made only when a value is wrong and a message has to name it, so that
 * encoding builds no strings.
 */
final class LevelPath {
    /** The message itself: the empty path. */
    static final LevelPath ROOT = new LevelPath(null, null, -1);

    private final LevelPath parent;
    private final String part;
    private final int index;

    private LevelPath(LevelPath parent, String part, int index) {
        this.parent = parent;
        this.part = part;
        this.index = index;
    }

    /** The level a conditional, sized or chosen part named {@code name} of this level holds. */
    LevelPath sub(String name) {
        return new LevelPath(this, name, -1);
    }

    /** Element {@code index} of the repeat named {@code name} of this level. */
    LevelPath element(String name, int index) {
        return new LevelPath(this, name, index);
    }

    /** Whether this is the message itself. */
    boolean isRoot() {
        return parent == null;
    }

    /** The path of something named {@code name} in this level: {@code answers[2].rr}, or {@code rr} at the root. */
    String of(String name) {
        return isRoot() ? name : this + "." + name;
    }

    /** The path, such as {@code answers[2]}; empty for the message itself. */
    @Override
    public String toString() {
        if (isRoot()) {
            return "";
        }
        String at = parent.of(part);
        return index >= 0 ? at + "[" + index + "]" : at;
    }
}
