package io.bufkit.message;

import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import java.util.Map;

/** A part of a user-defined {@link FieldKind}. */
final class CustomPart extends Part {
    final FieldKind<?> kind;

    CustomPart(String name, FieldKind<?> kind) {
        super(name);
        this.kind = kind;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        int end;
        try {
            end = kind.end(t.view, at, limit);
        } catch (FieldFault f) {
            throw malformed(t, level, f);
        }
        if (end < at || end > limit) {
            throw new IllegalStateException(kind.name() + " returned end " + end + " outside [" + at + ", " + limit
                    + "] for " + t.pathOf(level, this));
        }
        return end;
    }

    /** The field's value in level {@code level} of a decoded tape, read now through the kind. */
    <T> T read(LevelTape t, int level) {
        try {
            @SuppressWarnings("unchecked")
            T value = (T) kind.read(t.view, t.start(level, this));
            return value;
        } catch (FieldFault f) {
            throw malformed(t, level, f);
        }
    }

    private LayoutException malformed(LevelTape t, int level, FieldFault f) {
        return t.fail(t.pathOf(level, this), f.offset(), f.getMessage(), "a well-formed " + kind.name(), "see message");
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        String text;
        try {
            text = kind.describe(m.view(), m.start(index));
        } catch (FieldFault f) {
            text = "<" + f.getMessage() + " at offset " + f.offset() + ">";
        }
        out.append(indent).append(name).append(" @").append(m.start(index)).append(": ").append(text).append('\n');
    }

    @Override
    String declaration() {
        return name + ": " + kind.name();
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        into.put(name, read(m.tape(), m.level()));
    }

    @Override
    int size(LevelEncoding e, int index) {
        if (!e.values.has(index)) {
            throw e.missing(e.partPath(index));
        }
        Object v = e.values.value(index);
        if (v != null && !kind.valueType().isInstance(v)) {
            throw e.fail(e.partPath(index), kind.name() + " takes a " + kind.valueType().getName() + ", not "
                    + SectionFields.typeOf(v));
        }
        e.children[index] = v;
        try {
            return sizeOf(kind, v, e.pass.context().at(e.start(index)));
        } catch (IllegalArgumentException wrong) {
            throw e.fail(e.partPath(index), wrong.getMessage());
        }
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        writeValue(kind, e.children[index], out, e.pass.context().at(at));
    }

    private static <T> int sizeOf(FieldKind<T> kind, Object value, EncodingContext context) {
        int s = kind.size(kind.valueType().cast(value), context);
        if (s < 0) {
            throw new IllegalStateException(kind.name() + " gave a negative size " + s);
        }
        return s;
    }

    private static <T> void writeValue(FieldKind<T> kind, Object value, MutableByteView out,
            EncodingContext context) {
        kind.write(kind.valueType().cast(value), out, context);
    }

    @Override
    MessagePart describePart(java.util.Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.FIELD, null, java.util.Set.of(), null, null, 0, -1, null, null,
                null, kind);
    }
}
