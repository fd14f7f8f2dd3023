package io.bufkit.message;

import io.bufkit.internal.codec.RecordShape;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One level of a {@link MessageLayout} (the message, a repeat's element, a conditional part or an
 * alternative) bound to one record type: which component each part maps to and how. Built once by a
 * {@link MessageCodec}; every mismatch between the layout and the record is reported here, naming both.
 *
 * <p>A level of a single part (a repeat's element, a conditional part) may instead be held as that part's
 * own value: {@code List<String>} for a repeat of one string part, {@code Optional<Integer>} for a
 * conditional single field, with no record around the value.
 */
final class RecordLevel {
    final MessageLayout layout;
    /** The record type's shape, or null for a level held as its single part's value. */
    final RecordShape shape;
    /** The type of the values: the record type, or the single part's value type. */
    final Class<?> type;
    /**
     * Per part: the record component it maps to, or -1 for a part the record leaves out (a conditional part,
     * a derived varint, a level length, or a section with no field to give).
     */
    final int[] componentOf;
    final ComponentBinding[] bindings;
    /** Per record component: the part it maps to. */
    private final int[] partOf;
    /**
     * The canonical constructor taking every component as an {@code Object}, for records of at most
     * {@link #MOST_DIRECT} components, which {@link #decode} calls without an argument array; else null.
     */
    private final MethodHandle direct;
    /** The most components a record may have to be made without an argument array. */
    private static final int MOST_DIRECT = 6;

    private RecordLevel(MessageLayout layout, RecordShape shape, Class<?> type, int[] componentOf,
            ComponentBinding[] bindings) {
        this.layout = layout;
        this.shape = shape;
        this.type = type;
        this.componentOf = componentOf;
        this.bindings = bindings;
        this.partOf = new int[shape == null ? 1 : shape.size()];
        for (int i = 0; i < componentOf.length; i++) {
            if (componentOf[i] >= 0) {
                partOf[componentOf[i]] = i;
            }
        }
        MethodHandle ctor = shape == null ? null : shape.constructor();
        this.direct = shape != null && shape.size() <= MOST_DIRECT ? ctor.asType(ctor.type().generic()) : null;
    }

    /**
     * Binds a level to a record type or, if the level has a single part and {@code type} is not a record,
     * to that part's value type ({@code generic} is then the type's full generic form, for parts that map
     * to {@code Optional}s).
     *
     * @param what what the level is, for failures: {@code "a repeat's elements"}
     * @throws IllegalArgumentException naming the part and the type that do not match
     */
    static RecordLevel bind(MessageLayout layout, Class<?> type, Type generic, MethodHandles.Lookup lookup,
            String where, String what) {
        if (type.isRecord()) {
            return bind(layout, type, lookup);
        }
        if (layout.partList().size() != 1) {
            throw new IllegalArgumentException(where + ": " + what + " map to records, or, for a layout of one "
                    + "part, to that part's type; " + layout.name() + " has " + layout.partList().size()
                    + " parts, so " + type.getSimpleName() + " cannot hold one");
        }
        Part only = layout.partList().get(0);
        String inner = "layout " + layout.name() + " part " + only.name + " (" + only.declaration() + ") and "
                + generic.getTypeName() + " (" + what + ", held as the part's value)";
        ComponentBinding binding = bindPart(layout, 0, only, type, generic, lookup, inner);
        return new RecordLevel(layout, null, type, new int[] {0}, new ComponentBinding[] {binding});
    }

    /**
     * Binds a layout to a record type.
     *
     * @throws IllegalArgumentException naming the layout's part and the record's component that do not match
     */
    static RecordLevel bind(MessageLayout layout, Class<?> type, MethodHandles.Lookup lookup) {
        RecordShape shape = RecordShape.of(type, lookup);
        List<Part> parts = layout.partList();
        int[] componentOf = new int[parts.size()];
        ComponentBinding[] bindings = new ComponentBinding[parts.size()];
        List<String> unmatched = new ArrayList<>();
        for (String name : shape.names()) {
            if (!layout.hasPart(name)) {
                unmatched.add(name);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("record " + shape.simpleName() + " component(s) " + unmatched
                    + " match no part of layout " + layout.name() + "; its parts are " + layout.partNames());
        }
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            int c = shape.indexOf(p.name);
            componentOf[i] = c;
            if (c < 0) {
                if (!(p instanceof OptionalPart) && !layout.isDerivedPart(i) && !(p instanceof LevelLengthPart)
                        && !(p instanceof ChecksumDeclaration)
                        && !(p instanceof SectionPart s && s.hasNoGivenField(layout, i))) {
                    throw new IllegalArgumentException("layout " + layout.name() + " part " + p.name + " ("
                            + p.declaration() + ") has no component in record " + shape.simpleName()
                            + "; only a conditional part, a derived varint or a section whose every field is "
                            + "a constant, a checksum or derived may be left out");
                }
                continue;
            }
            bindings[i] = bindPart(layout, i, p, shape.type(c), shape.genericType(c), lookup,
                    "layout " + layout.name() + " part " + p.name + " (" + p.declaration() + ") and "
                    + shape.describe(c));
        }
        return new RecordLevel(layout, shape, type, componentOf, bindings);
    }

    /** The one place that knows which binding each kind of part takes. */
    private static ComponentBinding bindPart(MessageLayout layout, int index, Part p, Class<?> type, Type generic,
            MethodHandles.Lookup lookup, String where) {
        if (p instanceof SectionPart s && s.single) {
            return SingleFieldBinding.bind(s, layout, index, type, where);
        } else if (p instanceof SectionPart s) {
            return SectionBinding.bind(s, layout, index, type, lookup, where);
        } else if (p instanceof BytesPart b) {
            return BytesBinding.bind(b, type, generic, where);
        } else if (p instanceof RepeatPart r) {
            return RepeatBinding.bind(r, type, generic, lookup, where);
        } else if (p instanceof OptionalPart o) {
            return SubLevelBinding.conditional(o.body, type, generic, lookup, where);
        } else if (p instanceof NestedPart nested) {
            return SubLevelBinding.required(nested.body, type, lookup, where);
        } else if (p instanceof ChoicePart ch) {
            return ChoiceBinding.bind(ch, type, lookup, where);
        } else if (p instanceof VarintPart) {
            return VarintBinding.bind(type, where);
        } else if (p instanceof CustomPart custom) {
            return CustomBinding.bind(custom, type, where);
        }
        throw new IllegalStateException("no record binding for " + p.getClass().getSimpleName());
    }

    /** Makes the record of level {@code level} of a decoded message, a level of {@link #layout}. */
    Object decode(LevelTape t, int level) {
        if (shape == null) {
            return component(t, level, 0);
        }
        MethodHandle ctor = direct;
        if (ctor == null) {
            Object[] args = new Object[shape.size()];
            for (int c = 0; c < args.length; c++) {
                args[c] = component(t, level, c);
            }
            return shape.construct(args);
        }
        try {
            // one call per arity, so that no argument array is made for the common small records
            return switch (partOf.length) {
                case 0 -> (Object) ctor.invokeExact();
                case 1 -> (Object) ctor.invokeExact(component(t, level, 0));
                case 2 -> (Object) ctor.invokeExact(component(t, level, 0), component(t, level, 1));
                case 3 -> (Object) ctor.invokeExact(component(t, level, 0), component(t, level, 1),
                        component(t, level, 2));
                case 4 -> (Object) ctor.invokeExact(component(t, level, 0), component(t, level, 1),
                        component(t, level, 2), component(t, level, 3));
                case 5 -> (Object) ctor.invokeExact(component(t, level, 0), component(t, level, 1),
                        component(t, level, 2), component(t, level, 3), component(t, level, 4));
                default -> (Object) ctor.invokeExact(component(t, level, 0), component(t, level, 1),
                        component(t, level, 2), component(t, level, 3), component(t, level, 4),
                        component(t, level, 5));
            };
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of record component {@code c} for level {@code level} of a decoded message. */
    private Object component(LevelTape t, int level, int c) {
        int i = partOf[c];
        return bindings[i].decode(t, level, layout.partArray()[i]);
    }

    /** The value of component {@code c} of a value of this level: the value itself for a single part's. */
    Object component(Object value, int c) {
        return shape == null ? value : shape.get(value, c);
    }

    /**
     * Whether {@code value} is a value of this level, for the encoder's checks: a record of the type, or for a
     * single part's value also null, which the part's binding then takes or refuses (a NULL).
     */
    boolean holds(Object value) {
        return type.isInstance(value) || shape == null && value == null;
    }

    /** The values' type for failures: {@code Column}, {@code String}. */
    String typeName() {
        return type.getSimpleName();
    }

    /** The values of a record of this level, as the encoder reads them. */
    LevelValues values(Object record, String root) {
        return new RecordLevelValues(this, record, root);
    }
}
