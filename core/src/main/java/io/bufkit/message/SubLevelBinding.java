package io.bufkit.message;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A sub-layout bound to a record: a sized part to the record itself, a conditional part to an
 * {@code Optional} of the record or to the record, {@code null} when the part is absent.
 */
final class SubLevelBinding extends ComponentBinding {
    private final RecordLevel body;
    private final boolean optional;

    private SubLevelBinding(RecordLevel body, boolean optional) {
        this.body = body;
        this.optional = optional;
    }

    /** Binds a conditional part: an {@code Optional} of a record, or a nullable record. */
    static SubLevelBinding conditional(MessageLayout body, Class<?> type, Type generic, MethodHandles.Lookup lookup,
            String where) {
        Class<?> inner = RepeatBinding.typeArgument(Optional.class, type, generic);
        if (inner != null) {
            return new SubLevelBinding(RecordLevel.bind(body, inner, lookup), true);
        }
        if (type.isRecord()) {
            return new SubLevelBinding(RecordLevel.bind(body, type, lookup), false);
        }
        throw new IllegalArgumentException(where + ": a conditional part maps to an Optional of a record, or to a "
                + "record that is null when the part is absent");
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
