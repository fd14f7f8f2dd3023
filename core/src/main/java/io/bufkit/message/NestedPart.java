package io.bufkit.message;

import io.bufkit.MutableByteView;
import java.util.Map;
import java.util.Set;

/**
 * A sub-layout at this point of the level: confined to a size from an earlier field (MQTT's remaining
 * length, a record's length), which it must fill exactly and encoding derives from it; or, with no size,
 * ending where its own parts do (a structure shared by several layouts, such as Kafka's tagged fields).
 */
final class NestedPart extends Part {
    /** The size's field, or null for a sub-layout that ends where its parts do. */
    final FieldRef sizeField;
    /** The size, or null. */
    final Size size;
    final MessageLayout body;

    NestedPart(String name, FieldRef sizeField, Size size, MessageLayout body) {
        super(name, new MessageLayout[] {body});
        this.sizeField = sizeField;
        this.size = size;
        this.body = body;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        if (size == null) {
            int sub = t.open(body, level, index, -1, at);
            t.ints[level + slot + 1] = sub;
            return body.decodeLevel(t, sub, at, limit);
        }
        long length = size.apply(sizeField.read(t, level));
        int end = t.sizedEnd(level, this, at, at, length, limit, size);
        t.decodeExactly(level, this, body, -1, at, end, size);
        return end;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        out.append(indent).append(name).append(" (").append(m.end(index) - m.start(index)).append(" bytes")
                .append(size == null ? "" : ", " + size).append("):\n");
        m.subLevel(index).describeInto(out, indent + "  ");
    }

    @Override
    String declaration() {
        return name + ": " + body.name() + (size == null ? "" : " of " + size + " bytes");
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        into.put(name, m.subLevel(index).toValues());
    }

    @Override
    FieldRef derives() {
        return sizeField;
    }

    @Override
    int size(LevelEncoding e, int index) {
        LevelPath at = e.path.sub(name);
        LevelValues sub = e.values.sub(index, body, at);
        if (sub == null) {
            throw e.values.has(index) && e.values.value(index) != null
                    ? e.fail(e.partPath(index), "expected a Map of part name to value, not "
                            + SectionFields.typeOf(e.values.value(index)))
                    : e.missing(e.partPath(index));
        }
        LevelEncoding plan = e.plan(body, sub, at, e.start(index));
        e.children[index] = plan;
        if (size != null) {
            e.deriveSize(sizeField, size, plan.size(), index);
        }
        return plan.size();
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        ((LevelEncoding) e.children[index]).write(out, at);
    }

    @Override
    MessagePart describePart(Set<String> derived) {
        return new MessagePart(name, size == null ? MessagePart.Kind.NESTED : MessagePart.Kind.SIZED, null, Set.of(),
                size == null ? null : sizeField.path, size, 0, -1, body, null, null, null);
    }
}
