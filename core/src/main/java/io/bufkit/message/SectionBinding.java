package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.PacketLayout;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed section bound to a nested record whose components are named like the section's fields. The
 * record may leave out constants, checksums and the fields a later part derives (lengths and counts): the
 * encoder writes or computes those, and a record that has them gets their decoded values.
 */
final class SectionBinding extends ComponentBinding {
    private final RecordShape shape;
    private final List<LayoutField> fields;
    /** Per field of the section: the component holding it, or -1. */
    private final int[] componentOf;
    /** Per component: the field it holds. */
    private final int[] fieldOf;
    /** Per component: whether it is a {@code byte[]} (else the field's natural type). */
    private final boolean[] array;

    private SectionBinding(RecordShape shape, List<LayoutField> fields, int[] componentOf, int[] fieldOf,
            boolean[] array) {
        this.shape = shape;
        this.fields = fields;
        this.componentOf = componentOf;
        this.fieldOf = fieldOf;
        this.array = array;
    }

    static SectionBinding bind(PacketLayout section, MessageLayout level, int part, Class<?> type,
            MethodHandles.Lookup lookup, String where) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(where + ": a section maps to a record whose components are named like "
                    + "its fields, not a " + type.getName());
        }
        RecordShape shape = RecordShape.of(type, lookup);
        List<LayoutField> fields = section.fields();
        int[] componentOf = new int[fields.size()];
        int[] fieldOf = new int[shape.size()];
        boolean[] array = new boolean[shape.size()];
        List<String> problems = new ArrayList<>();
        for (String name : shape.names()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                problems.add("record " + shape.simpleName() + " component " + name + " matches no field of section "
                        + section.name());
            }
        }
        for (int k = 0; k < fields.size(); k++) {
            LayoutField f = fields.get(k);
            int c = shape.indexOf(f.name());
            componentOf[k] = c;
            if (c < 0) {
                if (!f.isConstant() && !(f instanceof ChecksumField) && !level.isDerived(part, k)) {
                    problems.add("section " + section.name() + " field " + f.name() + " (" + f.typeName()
                            + ") has no component in record " + shape.simpleName());
                }
                continue;
            }
            fieldOf[c] = k;
            Class<?> natural = SectionFields.naturalType(f);
            Class<?> actual = shape.type(c);
            array[c] = actual == byte[].class && natural == Bytes.class;
            if (actual != natural && !array[c]) {
                problems.add("record " + shape.simpleName() + " component " + f.name() + " is " + actual.getSimpleName()
                        + " but section " + section.name() + " field " + f.name() + " is " + f.typeName() + " ("
                        + natural.getSimpleName() + (natural == Bytes.class ? " or byte[]" : "") + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
        }
        return new SectionBinding(shape, fields, componentOf, fieldOf, array);
    }

    @Override
    Object decode(Message m, int part) {
        ByteView section = m.sectionView(part);
        Object[] args = new Object[shape.size()];
        for (int c = 0; c < args.length; c++) {
            Object v = SectionFields.read(fields.get(fieldOf[c]), section);
            args[c] = array[c] ? ((Bytes) v).toByteArray() : v;
        }
        return shape.construct(args);
    }

    @Override
    Object field(Object v, int field) {
        int c = componentOf[field];
        return c < 0 ? null : shape.get(v, c);
    }
}
