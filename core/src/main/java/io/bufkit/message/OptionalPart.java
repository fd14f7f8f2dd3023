package io.bufkit.message;

import io.bufkit.MutableByteView;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A sub-layout present only when an earlier field's value passes a test (a flag bit, a version): a field of
 * this level, or of an {@linkplain EnclosingField enclosing} one.
 */
final class OptionalPart extends Part {
    /** The condition's field at this level, or null when it is in an enclosing level. */
    final FieldRef condition;
    /** The condition's field in an enclosing level, or null when it is at this level. */
    final EnclosingField enclosing;
    final IntPredicate test;
    final MessageLayout body;

    OptionalPart(String name, FieldRef condition, EnclosingField enclosing, IntPredicate test, MessageLayout body) {
        super(name, new MessageLayout[] {body});
        this.condition = condition;
        this.enclosing = enclosing;
        this.test = test;
        this.body = body;
    }

    /** The condition's path as declared: {@code "flags.willFlag"}, or {@code "../fixed.qos"}. */
    String conditionPath() {
        return condition != null ? condition.path : enclosing.path;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        if (!test.test(condition != null ? condition.read(t, level) : enclosing.read(t, level))) {
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
            out.append(indent).append(name).append(": absent (").append(conditionPath()).append(")\n");
        } else {
            out.append(indent).append(name).append(" (present):\n");
            sub.describeInto(out, indent + "  ");
        }
    }

    @Override
    String declaration() {
        return name + ": " + body.name() + " when " + conditionPath();
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
        int value = condition != null ? e.userInt(condition, index) : enclosing.userInt(e, index);
        boolean present = test.test(value);
        LevelPath at = e.path.sub(name);
        LevelValues sub = e.values.sub(index, body, at);
        if (sub == null && e.values.has(index) && e.values.value(index) != null) {
            throw e.fail(e.partPath(index), "expected a Map of part name to value, not "
                    + SectionFields.typeOf(e.values.value(index)));
        }
        if (present && sub == null) {
            throw e.fail(e.partPath(index), "absent, but " + conditionPathIn(e) + " = " + value
                    + " says it is present");
        }
        if (!present && sub != null) {
            throw e.fail(e.partPath(index), "given, but " + conditionPathIn(e) + " = " + value
                    + " says it is absent");
        }
        if (sub == null) {
            return 0;
        }
        LevelEncoding plan = e.plan(body, sub, at, e.start(index));
        e.children[index] = plan;
        return plan.size();
    }

    /** The condition's full path in the message {@code e} encodes, for failures ({@code flags.willFlag}). */
    private String conditionPathIn(LevelEncoding e) {
        return condition != null ? e.fieldPath(condition) : enclosing.pathIn(e);
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        if (e.children[index] instanceof LevelEncoding plan) {
            plan.write(out, at);
        }
    }

    @Override
    MessagePart describePart(java.util.Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.WHEN, null, java.util.Set.of(), conditionPath(), null, 0, -1,
                body, test, null, null);
    }
}
