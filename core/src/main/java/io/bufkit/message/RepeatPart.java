package io.bufkit.message;

import io.bufkit.MutableByteView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A repeat of a sub-layout: counted by an earlier field, ended by a terminator byte, running to the end of
 * the enclosing message, or filling a size an earlier field gives.
 */
final class RepeatPart extends Part {
    /** The terminator value meaning "until the end of the enclosing message", or of the repeat's size. */
    static final int TO_END = -2;
    /** The element plans of a NULL repeat. */
    private static final LevelEncoding[] NO_ELEMENTS = new LevelEncoding[0];

    final FieldRef count;
    /** For a counted repeat whose count is arithmetic on the field ({@code n - 1}): how; else null. */
    final Size countSize;
    /** Whether a count of -1 is NULL, which has no elements and reads apart from an empty repeat. */
    final boolean nullable;
    final int terminator;
    final MessageLayout element;
    /** For a repeat filling a size: the field the size comes from and how; else null. */
    final FieldRef sizeField;
    final Size size;

    RepeatPart(String name, FieldRef count, int terminator, MessageLayout element) {
        this(name, count, null, false, terminator, element, null, null);
    }

    /**
     * A repeat counted by {@code countSize} applied to the field {@code count}, NULL for a count of -1 if
     * {@code nullable}.
     */
    RepeatPart(String name, FieldRef count, Size countSize, boolean nullable, MessageLayout element) {
        this(name, count, countSize, nullable, -1, element, null, null);
    }

    /** A repeat whose elements fill exactly {@code size} bytes. */
    RepeatPart(String name, FieldRef sizeField, Size size, MessageLayout element) {
        this(name, null, null, false, TO_END, element, sizeField, size);
    }

    private RepeatPart(String name, FieldRef count, Size countSize, boolean nullable, int terminator,
            MessageLayout element, FieldRef sizeField, Size size) {
        super(name, new MessageLayout[] {element});
        this.count = count;
        this.countSize = countSize;
        this.nullable = nullable;
        this.terminator = terminator;
        this.element = element;
        this.sizeField = sizeField;
        this.size = size;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        if (size != null) {   // elements up to the end of the size, which the last must reach exactly
            long length = size.apply(sizeField.read(t, level));
            return decodeUntilTerminator(t, level, at, t.sizedEnd(level, this, at, at, length, limit, size));
        }
        if (count == null) {
            return decodeUntilTerminator(t, level, at, limit);
        }
        return decodeCounted(t, level, at, limit);
    }

    /** A counted repeat: as many elements as the count says, or NULL for a nullable repeat's -1. */
    private int decodeCounted(LevelTape t, int level, int at, int limit) {
        long n = countSize == null ? count.read(t, level) : countSize.apply(count.read(t, level));
        if (n == -1 && nullable) {
            t.ints[level + slot + 1] = -1;   // NULL: no element table
            return at;
        }
        int each = Math.max(element.minSize(), 1);
        if (n < 0 && countSize != null) {   // a plain count field below 0 fails below, as it always has
            throw t.fail(t.pathOf(level, this), at, "count " + n + " (" + countSize + " with " + count.path + " = "
                    + count.read(t, level) + ") is negative", "0 or more", Long.toString(n));
        }
        if (n < 0 || n * each > limit - at) {
            throw t.fail(t.pathOf(level, this), at, "count " + n + " (" + countText() + ") needs at least "
                    + ((long) n * each) + " bytes but " + (limit - at) + " remain", "at most " + ((limit - at) / each)
                    + " elements", n + " elements");
        }
        int table = t.reserve(1 + (int) n);
        t.ints[table] = (int) n;
        t.ints[level + slot + 1] = table;
        int pos = at;
        for (int i = 0; i < n; i++) {
            int e = t.open(element, level, index, i, pos);
            t.ints[table + 1 + i] = e;
            pos = element.decodeLevel(t, e, pos, limit);
        }
        return pos;
    }

    /**
     * Elements follow each other until a terminator byte where the next element would start, or, with
     * {@link #TO_END}, until the end of the enclosing message. Each element's level follows the previous
     * one's sub-levels on the tape (at its {@link LevelTape#EXTENT}), so the element table is written after
     * the last element, from that chain.
     */
    private int decodeUntilTerminator(LevelTape t, int level, int at, int limit) {
        int first = -1;
        int n = 0;
        int pos = at;
        while (true) {
            if (pos >= limit && terminator == TO_END) {
                break;
            }
            if (pos >= limit) {
                throw t.fail(t.pathOf(level, this), pos, "terminator byte " + terminator + " never comes",
                        "a " + terminator + " byte before offset " + limit, "none");
            }
            if (t.view.u8(pos) == terminator) {
                pos++;
                break;
            }
            int e = t.open(element, level, index, n, pos);
            int next = element.decodeLevel(t, e, pos, limit);
            if (next == pos) {
                throw t.fail(t.path(e), pos, "element takes no bytes", "at least 1 byte", "0 bytes");
            }
            if (first < 0) {
                first = e;
            }
            n++;
            pos = next;
        }
        int table = t.reserve(1 + n);
        int[] ints = t.ints;
        ints[table] = n;
        for (int i = 0, e = first; i < n; i++, e = ints[e + LevelTape.EXTENT]) {
            ints[table + 1 + i] = e;
        }
        ints[level + slot + 1] = table;
        return pos;
    }

    /** What the count is, for failures: {@code "header.qdcount"}, or {@code "n - 1"} with arithmetic. */
    private String countText() {
        return countSize == null ? count.path : countSize.toString();
    }

    /** Whether the repeat of level {@code level} of a tape is NULL. */
    boolean isNull(LevelTape t, int level) {
        return nullable && t.ints[level + slot + 1] < 0;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        if (isNull(m.tape(), m.level())) {
            out.append(indent).append(name).append(": NULL (count -1)\n");
            return;
        }
        int n = m.count(index);
        out.append(indent).append(name).append(" (").append(n).append(" × ")
                .append(element.name()).append("):\n");
        for (int i = 0; i < n; i++) {
            out.append(indent).append("  [").append(i).append("]\n");
            m.element(index, i).describeInto(out, indent + "    ");
        }
    }

    @Override
    String declaration() {
        return name + ": " + (count != null ? countText() : size != null ? size + " bytes of"
                : terminator == TO_END ? "to end" : "until " + terminator) + " × " + element.name();
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        if (isNull(m.tape(), m.level())) {
            into.put(name, null);
            return;
        }
        int n = m.count(index);
        List<Map<String, Object>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(m.element(index, i).toValues());
        }
        into.put(name, list);
    }

    @Override
    FieldRef derives() {
        return count != null ? count : sizeField;
    }

    @Override
    int size(LevelEncoding e, int index) {
        int n = e.values.count(index);
        if (n < 0 && nullable && (!e.values.has(index) || e.values.value(index) == null)) {
            e.deriveCount(count, countSize, -1, index);   // NULL: the count -1 and no elements
            e.children[index] = NO_ELEMENTS;
            return 0;
        }
        if (n < 0) {
            throw e.missing(e.partPath(index));
        }
        if (count != null && countSize == null) {
            e.derive(count, n, index, -1);
        } else if (count != null) {
            e.deriveCount(count, countSize, n, index);
        }
        LevelEncoding[] elements = new LevelEncoding[n];
        int terminatorByte = count == null && terminator != TO_END ? 1 : 0;
        long total = terminatorByte;
        for (int i = 0; i < n; i++) {
            long start = e.start(index) + total - terminatorByte;
            LevelPath at = e.path.element(name, i);
            elements[i] = e.plan(element, e.values.element(index, i, element, at), at,
                    (int) Math.min(Integer.MAX_VALUE, start));
            if (count == null && elements[i].size() == 0) {
                throw e.fail(elements[i].path.toString(), "element takes no bytes, so it cannot be told from the "
                        + (size != null ? "end of the repeat's size" : terminator == TO_END ? "end of the message"
                        : "terminator"));
            }
            total += elements[i].size();
            if (total > Integer.MAX_VALUE - 8) {
                throw e.fail(e.partPath(index), "the elements take more than " + (Integer.MAX_VALUE - 8) + " bytes");
            }
        }
        e.children[index] = elements;
        if (size != null) {
            e.deriveSize(sizeField, size, total, index);
        }
        return (int) total;
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        int pos = at;
        LevelEncoding[] elements = (LevelEncoding[]) e.children[index];
        for (int i = 0; i < elements.length; i++) {
            int start = pos;
            pos = elements[i].write(out, pos);
            if (count == null && terminator != TO_END && out.u8(start) == terminator) {
                throw e.fail(elements[i].path.toString(), "element starts with the terminator byte " + terminator
                        + ", so it would end the repeat when read");
            }
        }
        if (count == null && terminator != TO_END) {
            out.putU8(pos, terminator);
        }
    }

    /** A counted repeat derives its count, a sized one its size. */
    @Override
    String derivation(LevelEncoding e, int index) {
        return count != null ? "the number of elements of " + e.partPath(index) : e.partPath(index);
    }

    @Override
    MessagePart describePart(java.util.Set<String> derived) {
        MessagePart.Kind k = nullable ? MessagePart.Kind.NULLABLE_REPEAT
                : count != null ? MessagePart.Kind.COUNTED_REPEAT
                : size != null ? MessagePart.Kind.SIZED_REPEAT
                : terminator == TO_END ? MessagePart.Kind.REPEAT_TO_END : MessagePart.Kind.REPEAT_UNTIL;
        FieldRef depends = derives();
        return new MessagePart(name, k, null, java.util.Set.of(), depends == null ? null : depends.path,
                size != null ? size : countSize, 0,
                k == MessagePart.Kind.REPEAT_UNTIL ? terminator : -1, element, null, null, null);
    }
}
