package io.bufkit.message;

import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import java.util.Map;
import java.util.Set;

/**
 * A declaration that takes no bytes: from here on, a level ends where an earlier field says. A remaining
 * length (MQTT's) counts the bytes of the parts declared after it; a total length (IPv4's) counts the whole
 * level from its first byte. Decoding bounds the parts after it by that end and requires them to fill it;
 * encoding derives the field from the bytes written.
 */
final class LevelLengthPart extends Part {
    /** The part name of a remaining length; no record component or map key can take it by mistake. */
    static final String REMAINING = "(remaining length)";
    /** The part name of a total length. */
    static final String TOTAL = "(total length)";

    final boolean total;
    final FieldRef sizeField;
    final Size size;

    LevelLengthPart(boolean total, FieldRef sizeField, Size size) {
        super(total ? TOTAL : REMAINING);
        this.total = total;
        this.sizeField = sizeField;
        this.size = size;
    }

    /** Besides where the next part starts, the level's record keeps the declared end. */
    @Override
    int slots() {
        return 2;
    }

    /** From the level's start for a total length, else from where the parts it counts start. */
    @Override
    int start(LevelTape t, int level) {
        return total ? t.ints[level + LevelTape.START] : t.ints[level + startSlot];
    }

    /** The declared end, which {@link #bound} records. */
    @Override
    int end(LevelTape t, int level) {
        return t.ints[level + slot + 1];
    }

    /** Takes no bytes; {@link #bound} records the end the field declares. */
    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        return at;
    }

    /**
     * The end the field declares for a level that started at {@code levelStart} and whose parts so far end
     * at {@code at}; recorded as this part's end, and the limit of the parts after it.
     *
     * @throws LayoutException if the end lies past {@code limit}, or before {@code at}
     */
    int bound(LevelTape t, int level, int levelStart, int at, int limit) {
        long length = size.apply(sizeField.read(t, level));
        int from = total ? levelStart : at;
        if (length < at - from) {
            String says = size + " = " + length;
            throw t.fail(fieldPath(t, level), sizeField.offsetIn(t, level), total
                    ? "total length " + length + " (" + says + ") is smaller than the " + (at - from)
                            + " bytes already decoded"
                    : "remaining length " + length + " (" + says + ") is negative",
                    "at least " + (at - from) + " bytes", length + " bytes");
        }
        if (from + length > limit) {
            String says = size + " = " + length;
            throw t.fail(fieldPath(t, level), sizeField.offsetIn(t, level), (total ? "total length " : "remaining length ") + length
                    + " (" + says + ") points past the end", "at most " + (limit - from) + " bytes", length
                    + " bytes");
        }
        int end = (int) (from + length);
        t.ints[level + slot + 1] = end;
        return end;
    }

    /**
     * Where the level ends: {@code at}, where its parts ended, if that is the declared {@code end}.
     *
     * @throws LayoutException naming the field if the parts end before it
     */
    int filled(LevelTape t, int level, int at, int end) {
        if (at != end) {
            int from = start(t, level);
            throw t.fail(fieldPath(t, level), at, "the parts end " + (end - at) + " bytes before the end " + size
                    + " declares", (end - from) + " bytes", (at - from) + " bytes");
        }
        return at;
    }

    private String fieldPath(LevelTape t, int level) {
        String path = t.path(level);
        return path.isEmpty() ? sizeField.path : path + "." + sizeField.path;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        out.append(indent).append(name).append(": ").append(m.end(index) - m.start(index)).append(" bytes (")
                .append(size).append(") from @").append(m.start(index)).append(" to @").append(m.end(index))
                .append('\n');
    }

    @Override
    String declaration() {
        return name + ": " + (total ? "the level takes " + size + " bytes from its first"
                : "the parts after this take " + size + " bytes");
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        // takes no bytes and has no value; its field holds the length
    }

    @Override
    FieldRef derives() {
        return sizeField;
    }

    /**
     * Derives the field from the sizes of the parts it counts, which {@link MessageLayout#sizingOrder()} has
     * sized already, all but a varint holding a total length: that one counts its own bytes, so its width is
     * found by trying the width its value needs until the two agree.
     */
    @Override
    int size(LevelEncoding e, int index) {
        int ownVarint = total && sizeField.varint != null ? sizeField.section : -1;
        long span = 0;
        for (int j = total ? 0 : index + 1; j < e.sizes.length; j++) {
            if (j != index && j != ownVarint) {
                span += e.sizes[j];
            }
        }
        if (ownVarint >= 0) {
            int width = 1;
            for (int tries = 0; tries < 5; tries++) {
                long value = Math.floorDiv(span + width - size.constant(), size.factor());
                int needed = VarintPart.width(Math.max(0, value));
                if (needed == width) {
                    break;
                }
                width = needed;
            }
            span += width;
        }
        e.deriveSize(sizeField, size, span, index);
        return 0;
    }

    /** The level, or the parts of it after this declaration. */
    @Override
    String derivation(LevelEncoding e, int index) {
        String level = e.path.isRoot() ? e.layout.name() : e.path.toString();
        return total ? level : "the parts of " + level + " after " + e.layout.partList().get(index - 1).name;
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        // takes no bytes; the field it derives is written by its own part
    }

    @Override
    MessagePart describePart(Set<String> derived) {
        return new MessagePart(name, total ? MessagePart.Kind.TOTAL_LENGTH : MessagePart.Kind.REMAINING_LENGTH, null,
                Set.of(), sizeField.path, size, 0, -1, null, null, null, null);
    }
}
