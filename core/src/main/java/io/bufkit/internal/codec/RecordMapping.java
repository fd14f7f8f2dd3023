package io.bufkit.internal.codec;

import io.bufkit.ByteView;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A record type matched, component by component, to the fields of a format, checked once and composed into
 * a decoding and an encoding {@link MethodHandle}, so that a derived codec makes no reflective call per
 * packet.
 *
 * <p>Every component must name a field (a field named like a Java keyword, such as {@code class}, is named
 * by a component with an underscore appended, {@code class_}) and have one of the field's {@linkplain FieldBinding#accesses()
 * accepted types}; every field must have a component, except fields the codec fills itself
 * ({@link FieldBinding#filledByCodec()}: constants, checksums) and fields the caller names as filled by
 * the caller (lengths and counts computed from the contents). A field left out is not read by the decoder
 * and not written by the encoder; a field the codec or the caller fills that is present as a component is
 * read by the decoder and still not written from the record by the encoder.
 *
 * @param <R> the record type
 */
public final class RecordMapping<R> {

    private final Class<R> recordType;
    private final RecordShape shape;
    private final List<Component> components;

    /** One record component and the field it holds. */
    private record Component(MethodHandle accessor, FieldBinding.Access access, boolean written) {
    }

    private RecordMapping(Class<R> recordType, RecordShape shape, List<Component> components) {
        this.recordType = recordType;
        this.shape = shape;
        this.components = components;
    }

    /**
     * Matches {@code recordType}'s components to {@code fields} and looks up its canonical constructor and
     * accessors through {@code lookup}.
     *
     * @param <R> the record type
     * @param recordType the record class
     * @param lookup a lookup that can reach the record's constructor and accessors, such as
     *     {@code MethodHandles.publicLookup()} for public records of exported packages
     * @param owner the format for messages, for example {@code "layout legacy"}
     * @param fields the format's fields
     * @param filledByCaller names of fields that may be left out of the record because the caller fills
     *     them after encoding (lengths, counts); each must name one of {@code fields}
     * @return the mapping
     * @throws IllegalArgumentException if {@code recordType} is not a record, is not accessible to
     *     {@code lookup}, a component names no field, a field other than those filled by the codec or the
     *     caller has no component, or a component's type is not one the field accepts; the message names
     *     the record's component and the field
     */
    public static <R> RecordMapping<R> of(Class<R> recordType, MethodHandles.Lookup lookup, String owner,
            List<FieldBinding> fields, Set<String> filledByCaller) {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(filledByCaller, "filledByCaller");
        if (!Objects.requireNonNull(recordType, "recordType").isRecord()) {
            throw new IllegalArgumentException(recordType.getName() + " is not a record: a codec is derived from a"
                    + " record whose components are named like the fields of " + owner);
        }
        String record = "record " + recordType.getSimpleName();
        Map<String, FieldBinding> byName = new LinkedHashMap<>();
        for (FieldBinding f : fields) {
            byName.put(f.name(), f);
        }
        for (String name : filledByCaller) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(owner + " has no field " + name + " to be filled by the caller");
            }
        }
        RecordComponent[] declared = recordType.getRecordComponents();
        FieldBinding.Access[] accesses = new FieldBinding.Access[declared.length];
        boolean[] written = new boolean[declared.length];
        for (int i = 0; i < declared.length; i++) {
            RecordComponent c = declared[i];
            FieldBinding f = byName.remove(c.getName());
            if (f == null && c.getName().endsWith("_")) {
                // a field named like a Java keyword, such as class, is the component class_
                f = byName.remove(c.getName().substring(0, c.getName().length() - 1));
            }
            if (f == null) {
                throw new IllegalArgumentException(record + " component " + c.getName() + " has no field in " + owner
                        + " (its fields: " + names(fields) + ")");
            }
            FieldBinding.Access access = f.access(c.getType());
            if (access == null) {
                throw new IllegalArgumentException(record + " component " + c.getName() + " is "
                        + c.getType().getSimpleName() + " but " + f.where() + " is " + f.typeName() + " ("
                        + f.typeNames() + ")");
            }
            accesses[i] = access;
            written[i] = !f.filledByCodec() && !filledByCaller.contains(f.name());
        }
        for (FieldBinding f : byName.values()) {
            if (!f.filledByCodec() && !filledByCaller.contains(f.name())) {
                throw new IllegalArgumentException(f.where() + " (" + f.typeName() + ") has no component in " + record
                        + "; add a component " + f.name() + " of type " + f.typeNames());
            }
        }
        RecordShape shape = RecordShape.of(recordType, lookup);
        List<Component> components = new ArrayList<>(declared.length);
        for (int i = 0; i < declared.length; i++) {
            components.add(new Component(shape.accessor(i), accesses[i], written[i]));
        }
        return new RecordMapping<>(recordType, shape, List.copyOf(components));
    }

    /**
     * The record type as looked up once, for reading its components generically as well.
     *
     * @return the shape
     */
    public RecordShape shape() {
        return shape;
    }

    private static String names(List<FieldBinding> fields) {
        StringJoiner j = new StringJoiner(", ");
        fields.forEach(f -> j.add(f.name()));
        return j.toString();
    }

    /**
     * The decoder: {@code (S)R}, which runs {@code before} and then calls the canonical constructor with
     * every component read from the one source argument.
     *
     * @param source the source view type every reader takes, such as {@code ByteView.class}
     * @param before {@code (S)void}, run first (such as the format's validation), or {@code null}
     * @return the composed handle
     */
    public MethodHandle decoder(Class<?> source, MethodHandle before) {
        MethodHandle[] readers = new MethodHandle[components.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = components.get(i).access().reader().asType(MethodType.methodType(
                    components.get(i).access().type(), source));
        }
        MethodHandle each = MethodHandles.filterArguments(shape.constructor(), 0, readers);
        MethodHandle decoder = MethodHandles.permuteArguments(each, MethodType.methodType(recordType, source),
                new int[readers.length]);
        return before == null ? decoder : MethodHandles.foldArguments(decoder, before);
    }

    /**
     * The decoder of a packet lying at an offset of a larger view: {@code (ByteView, int)R}, which calls the
     * canonical constructor with every component read at that offset, through each field's
     * {@linkplain FieldBinding.Access#readerAt() read at an offset}, or from a slice starting there for a
     * field that has none. Runs no validation.
     *
     * @return the composed handle
     */
    public MethodHandle decoderAt() {
        MethodHandle decoder = shape.constructor();
        for (int i = components.size() - 1; i >= 0; i--) {
            FieldBinding.Access a = components.get(i).access();
            MethodHandle at = a.readerAt() != null ? a.readerAt()
                    : MethodHandles.collectArguments(a.reader(), 0, SLICE_FROM);
            decoder = MethodHandles.collectArguments(decoder, i, at.asType(MethodType.methodType(
                    shape.constructor().type().parameterType(i), ByteView.class, int.class)));
        }
        int[] reorder = new int[2 * components.size()];
        for (int i = 0; i < reorder.length; i++) {
            reorder[i] = i % 2;
        }
        return MethodHandles.permuteArguments(decoder, MethodType.methodType(recordType, ByteView.class, int.class),
                reorder);
    }

    /** {@code (ByteView view, int at)ByteView}: the view from {@code at} to its end. */
    private static final MethodHandle SLICE_FROM;

    static {
        try {
            SLICE_FROM = MethodHandles.lookup().findStatic(RecordMapping.class, "sliceFrom",
                    MethodType.methodType(ByteView.class, ByteView.class, int.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ByteView sliceFrom(ByteView view, int at) {
        return view.slice(at, view.length());
    }

    /**
     * The encoder: {@code (W, R)void}, which runs {@code before}, writes every component the record supplies
     * (not those the codec or the caller fills) in component order, then runs {@code after}.
     *
     * @param sink the sink view type every writer takes, such as {@code MutableByteView.class}
     * @param before {@code (W)void}, run first (such as writing constants), or {@code null}
     * @param after {@code (W)void}, run last (such as filling checksums), or {@code null}
     * @return the composed handle
     */
    public MethodHandle encoder(Class<?> sink, MethodHandle before, MethodHandle after) {
        MethodType step = MethodType.methodType(void.class, sink, recordType);
        MethodHandle encoder = after == null ? MethodHandles.empty(step) : MethodHandles.dropArguments(after, 1, recordType);
        for (int i = components.size() - 1; i >= 0; i--) {
            Component c = components.get(i);
            if (c.written()) {
                MethodHandle write = MethodHandles.filterArguments(c.access().writer(), 1, c.accessor());
                encoder = MethodHandles.foldArguments(encoder, write.asType(step));
            }
        }
        return before == null ? encoder
                : MethodHandles.foldArguments(encoder, MethodHandles.dropArguments(before, 1, recordType));
    }
}
