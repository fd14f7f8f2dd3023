package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.util.Map;

/**
 * A sub-layout chosen by the value of an earlier field (DNS RDATA by type), optionally confined to a size
 * from another field; an unknown value with a size is kept as raw bytes.
 */
final class ChoicePart extends Part {
    final FieldRef discriminator;
    final Map<Integer, MessageLayout> alternatives;
    final FieldRef sizeField;
    final Size size;
    /** The discriminator values that name an alternative, ascending; a chosen level's tag is an index here. */
    final int[] keys;

    ChoicePart(String name, FieldRef discriminator, Map<Integer, MessageLayout> alternatives, FieldRef sizeField,
            Size size) {
        super(name, byKey(alternatives));
        this.discriminator = discriminator;
        this.alternatives = Map.copyOf(alternatives);
        this.sizeField = sizeField;
        this.size = size;
        this.keys = this.alternatives.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The alternatives in ascending order of their discriminator values: a chosen level's tag is an index here. */
    private static MessageLayout[] byKey(Map<Integer, MessageLayout> alternatives) {
        return alternatives.keySet().stream().sorted().map(alternatives::get).toArray(MessageLayout[]::new);
    }

    /** The number of discriminator values that name an alternative: the tags of chosen levels are below it. */
    int alternativeCount() {
        return keys.length;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        int key = discriminator.read(t, level);
        int end = limit;
        if (sizeField != null) {
            long length = size.apply(sizeField.read(t, level));
            end = t.sizedEnd(level, this, at, at, length, limit, size);
        }
        int tag = java.util.Arrays.binarySearch(keys, key);
        if (tag < 0) {
            if (sizeField == null) {
                throw t.fail(t.pathOf(level, this), at, "no alternative for " + discriminator.path + " = " + key,
                        "one of " + alternatives.keySet(), Integer.toString(key));
            }
            t.ints[level + slot + 1] = -1;
            return end;
        }
        MessageLayout body = levelLayout(tag);
        if (sizeField != null) {
            t.decodeExactly(level, this, body, tag, at, end, size);
            return end;
        }
        int sub = t.open(body, level, index, tag, at);
        t.ints[level + slot + 1] = sub;
        return body.decodeLevel(t, sub, at, end);
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        Message s = m.subLevel(index);
        int key = discriminator.read(m.tape(), m.level());
        if (s == null) {
            out.append(indent).append(name).append(" (").append(discriminator.path).append(" = ").append(key)
                    .append(", unknown): ").append(m.end(index) - m.start(index)).append(" bytes\n");
        } else {
            out.append(indent).append(name).append(" (").append(discriminator.path).append(" = ").append(key)
                    .append(" → ").append(s.layout().name()).append("):\n");
            s.describeInto(out, indent + "  ");
        }
    }

    @Override
    String declaration() {
        return name + ": choice by " + discriminator.path + " of " + alternatives.size() + " alternatives";
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        Message sub = m.subLevel(index);
        into.put(name, sub != null ? sub.toValues() : Bytes.copyOf(m.bytes(index)));
    }

    @Override
    FieldRef derives() {
        return sizeField;
    }

    @Override
    int size(LevelEncoding e, int index) {
        int key = e.userInt(discriminator, index);
        MessageLayout chosen = alternatives.get(key);
        int length;
        if (chosen != null) {
            LevelPath at = e.path.sub(name);
            LevelValues sub = e.values.sub(index, chosen, at);
            if (sub == null) {
                if (!e.values.has(index) || e.values.value(index) == null) {
                    throw e.missing(e.partPath(index));
                }
                throw e.fail(e.partPath(index), says(e, key) + " chooses " + chosen.name() + ", so the value must be "
                        + "a Map of part name to value, not " + SectionFields.typeOf(e.values.value(index)));
            }
            LevelEncoding plan = e.plan(chosen, sub, at, e.start(index));
            e.children[index] = plan;
            length = plan.size();
        } else {
            if (sizeField == null) {
                throw e.fail(e.partPath(index), "no alternative for " + says(e, key) + "; known: "
                        + alternatives.keySet());
            }
            ByteView raw = e.values.bytes(index);
            if (raw == null) {
                if (!e.values.has(index) || e.values.value(index) == null) {
                    throw e.missing(e.partPath(index));
                }
                throw e.fail(e.partPath(index), says(e, key) + " has no alternative, so the value must be the raw "
                        + "Bytes, not " + SectionFields.typeOf(e.values.value(index)));
            }
            e.children[index] = raw;
            length = raw.length();
        }
        if (sizeField != null) {
            e.deriveSize(sizeField, size, length, index);
        }
        return length;
    }

    /** {@code "header.type = 7"}, for failures. */
    private String says(LevelEncoding e, int key) {
        return e.fieldPath(discriminator) + " = " + key;
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        Object c = e.children[index];
        if (c instanceof LevelEncoding plan) {
            plan.write(out, at);
        } else {
            out.put(at, (ByteView) c);
        }
    }

    @Override
    MessagePart describePart(java.util.Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.CHOICE, null, java.util.Set.of(), discriminator.path, size, 0, -1,
                null, null, alternatives, null);
    }
}
