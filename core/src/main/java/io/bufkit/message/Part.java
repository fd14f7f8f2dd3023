package io.bufkit.message;

import io.bufkit.MutableByteView;
import java.util.Map;

/**
 * One part of a {@link MessageLayout}; decodes itself into a {@link Message}'s bookkeeping, gives its value
 * for {@link Message#toValues()}, and encodes itself in two passes (size, then write).
 */
abstract class Part {
    final String name;
    /** The part's index in its layout; set once by {@link MessageBuilder} when the part is added. */
    int index;
    /** Where in a level's record of a {@link LevelTape} the offset just past this part is kept. */
    int slot;
    /** The slot of the offset this part starts at: the previous part's {@link #slot}, or the level's start. */
    int startSlot;

    /**
     * The layouts of the levels the part holds, by a level's tag: the one element layout or body of a
     * repeat, conditional or sized part, or a choice's alternatives; null for a part holding no levels.
     */
    private final MessageLayout[] holds;

    Part(String name) {
        this(name, null);
    }

    Part(String name, MessageLayout[] holds) {
        this.name = name;
        this.holds = holds;
    }

    /**
     * How many ints a level's record keeps for the part: where the next part starts, plus one for a part
     * holding levels (or another offset the part keeps).
     */
    int slots() {
        return holds == null ? 1 : 2;
    }

    /** Where the part starts in level {@code level} of a tape: after the previous part and its own prefix. */
    int start(LevelTape t, int level) {
        return t.ints[level + startSlot] + leading();
    }

    /** Where the part ends in level {@code level} of a tape: where the next starts, less its terminator. */
    int end(LevelTape t, int level) {
        return t.ints[level + slot] - trailing();
    }

    /** Whether the part holds one sub-level or none (a conditional part, sized part or choice). */
    final boolean holdsLevel() {
        return holds != null && !(this instanceof RepeatPart);
    }

    /** Bytes between where the part starts and its contents (a length prefix). */
    int leading() {
        return 0;
    }

    /** Bytes between the part's contents and where the next part starts (a NUL terminator). */
    int trailing() {
        return 0;
    }

    /** The layouts of the levels this part may hold, by tag; empty for a part holding none. Not to be modified. */
    final MessageLayout[] heldLayouts() {
        return holds == null ? new MessageLayout[0] : holds;
    }

    /** The layout of a level this part holds whose tag is {@code tag}; only for parts holding levels. */
    final MessageLayout levelLayout(int tag) {
        return holds[holds.length == 1 ? 0 : tag];
    }

    /** The fewest bytes this part can take in a well-formed message; 0 unless a part knows better. */
    int minSize() {
        return 0;
    }

    /**
     * Decodes the part starting at {@code at}, not reading at or past {@code limit}, records what it holds
     * (sub-levels, element tables) in level {@code level} of the tape and returns where the next part
     * starts, which the caller records at {@link #slot}. Paths for errors come from
     * {@link LevelTape#pathOf(int, Part)}, built only when something fails.
     */
    abstract int decode(LevelTape t, int level, int at, int limit);

    /** Appends the decoded part for people, one line per leaf, indented. */
    abstract void describe(Message m, int index, StringBuilder out, String indent);

    /** Short text of the part's declaration for {@link MessageLayout#toString()}. */
    abstract String declaration();

    /** Puts the decoded part's value, in the generic value model, into {@code into} (or nothing if absent). */
    abstract void putValue(Message m, int index, Map<String, Object> into);

    /**
     * The encoder's first pass: the part's size for the values of {@code e}, deriving the fields the part
     * sizes or counts and keeping in {@code e.children[index]} what {@link #write} needs.
     */
    abstract int size(LevelEncoding e, int index);

    /** The encoder's second pass: writes the part at {@code at}; its size is {@code e.sizes[index]}. */
    abstract void write(LevelEncoding e, int index, MutableByteView out, int at);

    /**
     * What the part is when it derives a field, for the encoder's failures: its path
     * ({@code answers[2].rdata}), which {@code "12 bytes of "} may precede.
     */
    String derivation(LevelEncoding e, int index) {
        return e.partPath(index);
    }

    /** The field of an earlier section whose value this part computes when encoding, or null. */
    FieldRef derives() {
        return null;
    }

    /** The public description of this part; {@code derived} are a section's fields later parts compute. */
    abstract MessagePart describePart(java.util.Set<String> derived);
}
