package io.bufkit.internal.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record type as a derived codec uses it: its components by name, each read through a method handle, and
 * its canonical constructor, looked up once so that no call goes through reflection. The handles come both
 * typed (for composing) and boxed (for reading and building records generically).
 */
public final class RecordShape {
    private final Class<?> type;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Class<?>[] types;
    private final Type[] genericTypes;
    private final MethodHandle[] typedAccessors;
    private final MethodHandle typedConstructor;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;

    private RecordShape(Class<?> type, MethodHandles.Lookup lookup) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        this.types = new Class<?>[n];
        this.genericTypes = new Type[n];
        this.typedAccessors = new MethodHandle[n];
        this.accessors = new MethodHandle[n];
        MethodType generic = MethodType.methodType(Object.class, Object.class);
        try {
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                index.put(c.getName(), i);
                types[i] = c.getType();
                genericTypes[i] = c.getGenericType();
                typedAccessors[i] = lookup.unreflect(c.getAccessor());
                accessors[i] = typedAccessors[i].asType(generic);
            }
            this.typedConstructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
            this.constructor = typedConstructor.asType(typedConstructor.type().generic())
                    .asSpreader(Object[].class, n);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalArgumentException("record " + type.getSimpleName() + " is not accessible to the lookup ("
                    + e.getMessage() + "); pass MethodHandles.lookup() from code that can reach it", e);
        }
    }

    /**
     * Looks a record type up.
     *
     * @param type the record type
     * @param lookup a lookup that can reach its canonical constructor and accessors
     * @return the shape
     * @throws IllegalArgumentException if the type is not a record or the lookup cannot access it
     */
    public static RecordShape of(Class<?> type, MethodHandles.Lookup lookup) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return new RecordShape(type, lookup);
    }

    /**
     * The record type.
     *
     * @return the class
     */
    public Class<?> type() {
        return type;
    }

    /**
     * The record type's simple name, for messages.
     *
     * @return the name
     */
    public String simpleName() {
        return type.getSimpleName();
    }

    /**
     * The number of components.
     *
     * @return the count
     */
    public int size() {
        return types.length;
    }

    /**
     * The index of the component for a part or field of that name, or -1: the component of the same name,
     * or, for a name that is no Java identifier such as {@code class}, the name with an underscore appended
     * ({@code class_}), as protobuf's Java code does.
     *
     * @param name the part's or field's name
     * @return the component's index, or -1
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            i = index.get(name + "_");
        }
        return i == null ? -1 : i;
    }

    /**
     * The part or field names the components stand for: their names without one trailing underscore.
     *
     * @return the names in component order
     */
    public Iterable<String> names() {
        return index.keySet().stream().map(n -> n.endsWith("_") ? n.substring(0, n.length() - 1) : n).toList();
    }

    /**
     * A component's type.
     *
     * @param component the index
     * @return the type
     */
    public Class<?> type(int component) {
        return types[component];
    }

    /**
     * A component's generic type.
     *
     * @param component the index
     * @return the type
     */
    public Type genericType(int component) {
        return genericTypes[component];
    }

    /**
     * A component's accessor, {@code (R)T} in the component's own type.
     *
     * @param component the index
     * @return the handle
     */
    public MethodHandle accessor(int component) {
        return typedAccessors[component];
    }

    /**
     * The canonical constructor, taking the components in their own types.
     *
     * @return the handle
     */
    public MethodHandle constructor() {
        return typedConstructor;
    }

    /**
     * The value of a component, boxed.
     *
     * @param record the record
     * @param component the index
     * @return the value
     */
    public Object get(Object record, int component) {
        try {
            return (Object) accessors[component].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * A new record from its components' values in declaration order, primitives boxed.
     *
     * @param values the values
     * @return the record
     */
    public Object construct(Object[] values) {
        try {
            return (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * The component's description for messages: {@code record Dns component answers (List<Answer>)}.
     *
     * @param component the index
     * @return the text
     */
    public String describe(int component) {
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
