package io.bufkit.message;

/** A varint part bound to an {@code int} or {@code Integer} component. */
final class VarintBinding extends ComponentBinding {
    private static final VarintBinding INSTANCE = new VarintBinding();

    private VarintBinding() {
    }

    static VarintBinding bind(Class<?> type, String where) {
        if (type != int.class && type != Integer.class) {
            throw new IllegalArgumentException(where + ": a varint maps to int, not " + type.getSimpleName());
        }
        return INSTANCE;
    }

    @Override
    Object decode(LevelTape t, int level, Part part) {
        return VarintPart.value(t.view, t.start(level, part));
    }
}
