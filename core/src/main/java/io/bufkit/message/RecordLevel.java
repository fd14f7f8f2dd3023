package io.bufkit.message;

import io.bufkit.internal.codec.RecordShape;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * One level of a {@link MessageLayout} (the message, a repeat's element, a conditional part or an
 * alternative) bound to one record type: which component each part maps to and how. Built once by a
 * {@link MessageCodec}; every mismatch between the layout and the record is reported here, naming both.
 */
final class RecordLevel {
    final MessageLayout layout;
    final RecordShape shape;
    /**
     * Per part: the record component it maps to, or -1 for a part the record leaves out (a conditional part,
     * a derived varint, a level length, or a section with no field to give).
     */
    final int[] componentOf;
    final ComponentBinding[] bindings;

    private RecordLevel(MessageLayout layout, RecordShape shape, int[] componentOf, ComponentBinding[] bindings) {
        this.layout = layout;
        this.shape = shape;
        this.componentOf = componentOf;
        this.bindings = bindings;
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
                        && !(p instanceof SectionPart s && s.hasNoGivenField(layout, i))) {
                    throw new IllegalArgumentException("layout " + layout.name() + " part " + p.name + " ("
                            + p.declaration() + ") has no component in record " + shape.simpleName()
                            + "; only a conditional part, a derived varint or a section whose every field is "
                            + "a constant, a checksum or derived may be left out");
                }
                continue;
            }
            bindings[i] = bindPart(layout, i, p, shape, c, lookup);
        }
        return new RecordLevel(layout, shape, componentOf, bindings);
    }

    /** The one place that knows which binding each kind of part takes. */
    private static ComponentBinding bindPart(MessageLayout layout, int index, Part p, RecordShape shape, int c,
            MethodHandles.Lookup lookup) {
        String where = "layout " + layout.name() + " part " + p.name + " (" + p.declaration() + ") and "
                + shape.describe(c);
        if (p instanceof SectionPart s) {
            return SectionBinding.bind(s.layout, layout, index, shape.type(c), lookup, where);
        } else if (p instanceof BytesPart b) {
            return BytesBinding.bind(b, shape.type(c), shape.genericType(c), where);
        } else if (p instanceof RepeatPart r) {
            return RepeatBinding.bind(r.element, shape.type(c), shape.genericType(c), lookup, where);
        } else if (p instanceof OptionalPart o) {
            return SubLevelBinding.conditional(o.body, shape.type(c), shape.genericType(c), lookup, where);
        } else if (p instanceof SizedPart sized) {
            return SubLevelBinding.required(sized.body, shape.type(c), lookup, where);
        } else if (p instanceof ChoicePart ch) {
            return ChoiceBinding.bind(ch, shape.type(c), lookup, where);
        } else if (p instanceof VarintPart) {
            return VarintBinding.bind(shape.type(c), where);
        } else if (p instanceof CustomPart custom) {
            return CustomBinding.bind(custom, shape.type(c), where);
        }
        throw new IllegalStateException("no record binding for " + p.getClass().getSimpleName());
    }

    /** Makes the record of level {@code level} of a decoded message, a level of {@link #layout}. */
    Object decode(LevelTape t, int level) {
        Object[] args = new Object[shape.size()];
        Part[] parts = layout.partArray();
        for (int i = 0; i < componentOf.length; i++) {
            int c = componentOf[i];
            if (c >= 0) {
                args[c] = bindings[i].decode(t, level, parts[i]);
            }
        }
        return shape.construct(args);
    }

    /** The values of a record of this level, as the encoder reads them. */
    LevelValues values(Object record, String root, String path) {
        return new RecordLevelValues(this, record, root, path);
    }
}
