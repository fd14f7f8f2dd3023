package io.bufkit.message;

import io.bufkit.MutableByteView;
import java.util.Map;
import java.util.function.IntPredicate;

/** A sub-layout present only when an earlier field's value passes a test (a flag bit, a version). */
final class OptionalPart extends Part {
    final FieldRef condition;
    final IntPredicate test;
    final MessageLayout body;

    OptionalPart(String name, FieldRef condition, IntPredicate test, MessageLayout body) {
        super(name, new MessageLayout[] {body});
        this.condition = condition;
        this.test = test;
        this.body = body;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        if (!test.test(condition.read(t, level))) {
            t.ints[level + slot + 1] = -1;
            return at;
        }
        int sub = t.open(body, level, index, -1, at);
        t.ints[level + slot + 1] = sub;
        return body.decodeLevel(t, sub, at, limit);
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        Message sub = m.subLevel(index);
        if (sub == null) {
            out.append(indent).append(name).append(": absent (").append(condition.path).append(")\n");
        } else {
            out.append(indent).append(name).append(" (present):\n");
            sub.describeInto(out, indent + "  ");
        }
    }

    @Override
    String declaration() {
        return name + ": " + body.name() + " when " + condition.path;
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        Message sub = m.subLevel(index);
        if (sub != null) {
            into.put(name, sub.toValues());
        }
    }

    @Override
    int size(LevelEncoding e, int index) {
        int value = e.userInt(condition, index);
        boolean present = test.test(value);
        LevelPath at = e.path.sub(name);
        LevelValues sub = e.values.sub(index, body, at);
        if (sub == null && e.values.has(index) && e.values.value(index) != null) {
            throw e.fail(e.partPath(index), "expected a Map of part name to value, not "
                    + SectionFields.typeOf(e.values.value(index)));
        }
        if (present && sub == null) {
            throw e.fail(e.partPath(index), "absent, but " + e.fieldPath(condition) + " = " + value
                    + " says it is present");
        }
        if (!present && sub != null) {
            throw e.fail(e.partPath(index), "given, but " + e.fieldPath(condition) + " = " + value
                    + " says it is absent");
        }
        if (sub == null) {
            return 0;
        }
        LevelEncoding plan = e.plan(body, sub, at, e.start(index));
        e.children[index] = plan;
        return plan.size();
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        if (e.children[index] instanceof LevelEncoding plan) {
            plan.write(out, at);
        }
    }

    @Override
    MessagePart describePart(java.util.Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.WHEN, null, java.util.Set.of(), condition.path, null, 0, -1, body,
                test, null, null);
    }
}
