package io.bufkit.message;

/** A field of a user-defined {@link FieldKind} bound to a component of the kind's value type. */
final class CustomBinding extends ComponentBinding {
    private final CustomPart part;

    private CustomBinding(CustomPart part) {
        this.part = part;
    }

    static CustomBinding bind(CustomPart part, Class<?> type, String where) {
        if (type != part.kind.valueType()) {
            throw new IllegalArgumentException(where + ": " + part.kind.name() + " values are "
                    + part.kind.valueType().getSimpleName() + ", not " + type.getSimpleName());
        }
        return new CustomBinding(part);
    }

    /** A user field's value may be {@code null} (PostgreSQL's NULL column), and is given all the same. */
    @Override
    boolean has(Object v) {
        return true;
    }

    @Override
    Object decode(LevelTape t, int level, Part p) {
        return part.read(t, level);
    }
}
