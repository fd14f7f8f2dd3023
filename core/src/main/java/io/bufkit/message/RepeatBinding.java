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
    final RecordLevel element;
    /** Whether the component is an {@code Optional<List<..>>}, empty for a NULL repeat. */
    final boolean optional;

    private RepeatBinding(RecordLevel element, boolean optional) {
        this.element = element;
        this.optional = optional;
    }

    static RepeatBinding bind(RepeatPart part, Class<?> type, Type generic, MethodHandles.Lookup lookup,
            String where) {
        MessageLayout element = part.element;
        Type list = generic;
        Class<?> listType = type;
        boolean optional = part.nullable && type == java.util.Optional.class;
        if (optional) {
            list = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            listType = list instanceof Class<?> || list instanceof ParameterizedType ? raw(list) : Object.class;
        }
        Type item = typeArgument(List.class, listType, list);
        if (item == null) {
            throw new IllegalArgumentException(where + ": a repeat maps to a List of records, such as List<"
                    + element.name() + "Record>, or of its element's single part's values"
                    + (part.nullable ? "; a nullable repeat also to an Optional of such a List" : ""));
        }
        return new RepeatBinding(RecordLevel.bind(element, raw(item), item, lookup, where, "a repeat's elements"),
                optional);
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
        if (table < 0) {   // NULL
            return optional ? java.util.Optional.empty() : null;
        }
        int n = t.ints[table];
        List<Object> list;
        if (n == 0) {
            list = List.of();
        } else {
            Object[] records = new Object[n];
            for (int i = 0; i < n; i++) {
                records[i] = element.decode(t, t.ints[table + 1 + i]);
            }
            list = new ElementList(records);
        }
        return optional ? java.util.Optional.of(list) : list;
    }

    /** The list a component value holds, or null for NULL. */
    private List<?> list(Object v) {
        return optional ? (List<?>) ((java.util.Optional<?>) v).orElse(null) : (List<?>) v;
    }

    @Override
    Object value(Object v) {
        return list(v);
    }

    @Override
    int count(Object v) {
        List<?> list = list(v);
        return list == null ? -1 : list.size();
    }

    @Override
    LevelValues element(Object v, int index, String root, LevelPath path) {
        Object record = list(v).get(index);
        if (!element.holds(record)) {
            throw new IllegalArgumentException(root + ": " + path + ": expected a " + element.typeName() + ", not "
                    + SectionFields.typeOf(record));
        }
        return element.values(record, root);
    }
}
