package io.bufkit.message;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A sub-layout bound to a record: a sized part to the record itself, a conditional part to an
 * {@code Optional} of the record or to the record, {@code null} when the part is absent. A conditional
 * body of a single part may be held as that part's value instead: {@code Optional<String>},
 * {@code Optional<Integer>}, or the value itself, {@code null} when absent.
 */
final class SubLevelBinding extends ComponentBinding {
    final RecordLevel body;
    final boolean optional;

    private SubLevelBinding(RecordLevel body, boolean optional) {
        this.body = body;
        this.optional = optional;
    }

    /**
     * Binds a conditional part: an {@code Optional} of a record, or a nullable record; for a body of one
     * part, also an {@code Optional} of the part's value, or the nullable value.
     */
    static SubLevelBinding conditional(MessageLayout body, Class<?> type, Type generic, MethodHandles.Lookup lookup,
            String where) {
        Type inner = RepeatBinding.typeArgument(Optional.class, type, generic);
        if (inner != null) {
            return new SubLevelBinding(RecordLevel.bind(body, RepeatBinding.raw(inner), inner, lookup, where,
                    "a conditional part's body"), true);
        }
        if (type.isRecord() || body.partList().size() == 1 && !type.isPrimitive()) {
            return new SubLevelBinding(RecordLevel.bind(body, type, generic, lookup, where,
                    "a conditional part's body"), false);
        }
        throw new IllegalArgumentException(where + ": a conditional part maps to an Optional of a record, or to a "
                + "record that is null when the part is absent; a body of one part also to an Optional of that "
                + "part's value, or to the value itself, null when absent");
    }

    /** Binds a part that is always present (a sized sub-layout): a record. */
    static SubLevelBinding required(MessageLayout body, Class<?> type, MethodHandles.Lookup lookup, String where) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(where + ": a sub-layout maps to a record, not " + type.getSimpleName());
        }
        return new SubLevelBinding(RecordLevel.bind(body, type, lookup), false);
    }

    @Override
    Object decode(LevelTape t, int level, Part part) {
        int sub = t.child(level, part);
        Object record = sub >= 0 ? body.decode(t, sub) : null;
        return optional ? Optional.ofNullable(record) : record;
    }

    private Object unwrap(Object v) {
        return optional ? ((Optional<?>) v).orElse(null) : v;
    }

    @Override
    boolean has(Object v) {
        return unwrap(v) != null;
    }

    @Override
    LevelValues sub(Object v, MessageLayout layout, String root, LevelPath path) {
        Object record = unwrap(v);
        return record == null ? null : body.values(record, root);
    }
}
