package io.bufkit.message;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** A repeat bound to a {@code List} of records, one per element. */
final class RepeatBinding extends ComponentBinding {
    private final RecordLevel element;

    private RepeatBinding(RecordLevel element) {
        this.element = element;
    }

    static RepeatBinding bind(MessageLayout element, Class<?> type, Type generic, MethodHandles.Lookup lookup,
            String where) {
        Class<?> item = typeArgument(List.class, type, generic);
        if (item == null) {
            throw new IllegalArgumentException(where + ": a repeat maps to a List of records, such as List<"
                    + element.name() + "Record>");
        }
        return new RepeatBinding(RecordLevel.bind(element, item, lookup));
    }

    /** The record type argument of {@code container<T>}, or null if the component is not one. */
    static Class<?> typeArgument(Class<?> container, Class<?> type, Type generic) {
        if (type != container || !(generic instanceof ParameterizedType p)) {
            return null;
        }
        Type arg = p.getActualTypeArguments()[0];
        return arg instanceof Class<?> c && c.isRecord() ? c : null;
    }

    @Override
    Object decode(LevelTape t, int level, Part part) {
        int table = t.child(level, part);
        int n = t.ints[table];
        if (n == 0) {
            return List.of();
        }
        Object[] records = new Object[n];
        for (int i = 0; i < n; i++) {
            records[i] = element.decode(t, t.ints[table + 1 + i]);
        }
        return new ElementList(records);
    }

    @Override
    int count(Object v) {
        return ((List<?>) v).size();
    }

    @Override
    LevelValues element(Object v, int index, String root, LevelPath path) {
        Object record = ((List<?>) v).get(index);
        if (!element.shape.type().isInstance(record)) {
            throw new IllegalArgumentException(root + ": " + path + ": expected a " + element.shape.simpleName() + ", not "
                    + SectionFields.typeOf(record));
        }
        return element.values(record, root);
    }
}
