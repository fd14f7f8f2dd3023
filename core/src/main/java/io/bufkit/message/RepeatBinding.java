package io.bufkit.message;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A repeat bound to a {@code List} of records, one per element, or of the values of an element layout's
 * single part ({@code List<String>}).
 */
final class RepeatBinding extends ComponentBinding {
    private final RecordLevel element;

    private RepeatBinding(RecordLevel element) {
        this.element = element;
    }

    static RepeatBinding bind(MessageLayout element, Class<?> type, Type generic, MethodHandles.Lookup lookup,
            String where) {
        Type item = typeArgument(List.class, type, generic);
        if (item == null) {
            throw new IllegalArgumentException(where + ": a repeat maps to a List of records, such as List<"
                    + element.name() + "Record>, or of its element's single part's values");
        }
        return new RepeatBinding(RecordLevel.bind(element, raw(item), item, lookup, where, "a repeat's elements"));
    }

    /** The type argument of {@code container<T>}, or null if the component is not one. */
    static Type typeArgument(Class<?> container, Class<?> type, Type generic) {
        if (type != container || !(generic instanceof ParameterizedType p)) {
            return null;
        }
        Type arg = p.getActualTypeArguments()[0];
        return arg instanceof Class<?> || arg instanceof ParameterizedType ? arg : null;
    }

    /** The class of a type argument: itself, or the raw type of a parameterized one. */
    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
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
        if (!element.holds(record)) {
            throw new IllegalArgumentException(root + ": " + path + ": expected a " + element.typeName() + ", not "
                    + SectionFields.typeOf(record));
        }
        return element.values(record, root);
    }
}
