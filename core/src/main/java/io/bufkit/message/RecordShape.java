package io.bufkit.message;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record type as a typed codec uses it: its components by name, each read through a method handle, and
 * its canonical constructor; looked up once, so that no call goes through reflection.
 */
final class RecordShape {
    final Class<?> type;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Class<?>[] types;
    private final Type[] genericTypes;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;

    private RecordShape(Class<?> type, MethodHandles.Lookup lookup) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        this.types = new Class<?>[n];
        this.genericTypes = new Type[n];
        this.accessors = new MethodHandle[n];
        MethodType generic = MethodType.methodType(Object.class, Object.class);
        try {
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                index.put(c.getName(), i);
                types[i] = c.getType();
                genericTypes[i] = c.getGenericType();
                accessors[i] = lookup.unreflect(c.getAccessor()).asType(generic);
            }
            MethodHandle canonical = lookup.findConstructor(type, MethodType.methodType(void.class, types));
            this.constructor = canonical.asType(canonical.type().generic()).asSpreader(Object[].class, n);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalArgumentException("record " + type.getName() + " is not accessible here (" + e.getMessage()
                    + "); make it public or pass a Lookup that can access it, such as MethodHandles.lookup()", e);
        }
    }

    /**
     * Looks a record type up.
     *
     * @throws IllegalArgumentException if the type is not a record or the lookup cannot access it
     */
    static RecordShape of(Class<?> type, MethodHandles.Lookup lookup) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return new RecordShape(type, lookup);
    }

    String simpleName() {
        return type.getSimpleName();
    }

    int size() {
        return types.length;
    }

    /**
     * The index of the component for a part or field of that name, or -1: the component of the same name,
     * or, for a name that is no Java identifier such as {@code class}, the name with an underscore appended
     * ({@code class_}), as protobuf's Java code does.
     */
    int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = index.get(name + "_");
        }
        return i == null ? -1 : i;
    }

    /** The part or field names the components stand for: their names without one trailing underscore. */
    Iterable<String> names() {
        return index.keySet().stream().map(n -> n.endsWith("_") ? n.substring(0, n.length() - 1) : n).toList();
    }

    Class<?> type(int component) {
        return types[component];
    }

    Type genericType(int component) {
        return genericTypes[component];
    }

    /** The value of a component, boxed. */
    Object get(Object record, int component) {
        try {
            return (Object) accessors[component].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A new record from its components' values in declaration order, primitives boxed. */
    Object construct(Object[] values) {
        try {
            return (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The component's description for messages: {@code record Dns component answers (List<Answer>)}. */
    String describe(int component) {
        String name = null;
        for (var e : index.entrySet()) {
            if (e.getValue() == component) {
                name = e.getKey();
            }
        }
        return "record " + type.getSimpleName() + " component " + name + " (" + genericTypes[component].getTypeName()
                .replaceAll("[\\w$]+\\.", "") + ")";
    }
}
