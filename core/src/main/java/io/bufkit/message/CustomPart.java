package io.bufkit.message;

/** A part of a user-defined {@link FieldKind}. */
final class CustomPart extends Part {
    final FieldKind<?> kind;

    CustomPart(String name, FieldKind<?> kind) {
        super(name);
        this.kind = kind;
    }

    @Override
    int minSize() {
        return 0;
    }

    @Override
    int decode(Message m, int index, int at, int limit, String path) {
        int end;
        try {
            end = kind.end(m.view(), at, limit);
        } catch (FieldFault f) {
            throw m.fail(path, f.offset(), f.getMessage(), "a well-formed " + kind.name(), "see message");
        }
        if (end < at || end > limit) {
            throw new IllegalStateException(kind.name() + " returned end " + end + " outside [" + at + ", " + limit
                    + "] for " + path);
        }
        m.record(index, at, end, null);
        return end;
    }

    <T> T read(Message m, int index, String path) {
        try {
            @SuppressWarnings("unchecked")
            T value = (T) kind.read(m.view(), m.start(index));
            return value;
        } catch (FieldFault f) {
            throw m.fail(path, f.offset(), f.getMessage(), "a well-formed " + kind.name(), "see message");
        }
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
}
