package io.bufkit.message;

import java.util.function.IntPredicate;

/** A sub-layout present only when an earlier field's value passes a test (a flag bit, a version). */
final class OptionalPart extends Part {
    final FieldRef condition;
    final IntPredicate test;
    final MessageLayout body;

    OptionalPart(String name, FieldRef condition, IntPredicate test, MessageLayout body) {
        super(name);
        this.condition = condition;
        this.test = test;
        this.body = body;
    }

    @Override
    int minSize() {
        return 0;
    }

    @Override
    int decode(Message m, int index, int at, int limit, String path) {
        if (!test.test(condition.read(m))) {
            m.record(index, at, at, null);
            return at;
        }
        Message sub = new Message(body, m.view(), m.root());
        int end = sub.decodeFrom(at, limit, path);
        m.record(index, at, end, sub);
        return end;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        Object sub = m.child(index);
        if (sub == null) {
            out.append(indent).append(name).append(": absent (").append(condition.path).append(")\n");
        } else {
            out.append(indent).append(name).append(" (present):\n");
            ((Message) sub).describeInto(out, indent + "  ");
        }
    }

    @Override
    String declaration() {
        return name + ": " + body.name() + " when " + condition.path;
    }
}
