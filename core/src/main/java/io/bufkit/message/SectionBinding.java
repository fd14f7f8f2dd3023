package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.internal.codec.LayoutBindings;
import io.bufkit.internal.codec.RecordMapping;
import io.bufkit.internal.codec.RecordShape;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.PacketLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed section bound to a nested record whose components are named like the section's fields, with
 * the rules and the field kinds' table of {@link io.bufkit.layout.PacketCodec#of(PacketLayout, Class)}.
 * The record may also leave out the fields a later part derives (lengths and counts): the encoder computes
 * those, and a record that has them gets their decoded values. Decoding reads the section where it lies
 * in the decoded view through one composed method handle, without boxing and, for integer fields, without
 * a slice.
 */
final class SectionBinding extends ComponentBinding {
    private static final MethodType DECODER = MethodType.methodType(Object.class, ByteView.class, int.class);
    private static final MethodType WRITER = MethodType.methodType(void.class, MutableByteView.class, Object.class);

    private final MethodHandle decoder;
    /** Writes the fields the record gives: every component but constants, checksums and derived fields. */
    private final MethodHandle writer;
    final RecordShape shape;
    /** Per field of the section: the component holding it, or -1. */
    final int[] componentOf;
    /** The fields the encoder needs from components of object types, which may be null. */
    private final int[] objectFields;

    private SectionBinding(MethodHandle decoder, MethodHandle writer, RecordShape shape, int[] componentOf,
            int[] objectFields) {
        this.decoder = decoder;
        this.writer = writer;
        this.shape = shape;
        this.componentOf = componentOf;
        this.objectFields = objectFields;
    }

    static SectionBinding bind(SectionPart sectionPart, MessageLayout level, int part, Class<?> type,
            MethodHandles.Lookup lookup, String where) {
        PacketLayout section = sectionPart.layout;
        if (!type.isRecord()) {
            throw new IllegalArgumentException(where + ": a section maps to a record whose components are named like "
                    + "its fields, not a " + type.getName());
        }
        List<LayoutField> fields = section.fields();
        Set<String> derived = new HashSet<>();
        for (int k = 0; k < fields.size(); k++) {
            if (level.isDerived(part, k)) {
                derived.add(fields.get(k).name());
            }
        }
        RecordMapping<?> mapping;
        try {
            mapping = RecordMapping.of(type, lookup, "section " + section.name(), LayoutBindings.of(section), derived);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        RecordShape shape = mapping.shape();
        int[] componentOf = new int[fields.size()];
        List<Integer> objects = new java.util.ArrayList<>();
        for (int k = 0; k < fields.size(); k++) {
            componentOf[k] = shape.indexOf(fields.get(k).name());
            if (sectionPart.needsValue(level, part, k) && componentOf[k] >= 0
                    && !shape.type(componentOf[k]).isPrimitive()) {
                objects.add(k);
            }
        }
        return new SectionBinding(mapping.decoderAt().asType(DECODER),
                mapping.encoder(MutableByteView.class, null, null).asType(WRITER), shape, componentOf,
                objects.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    Object decode(LevelTape t, int level, Part part) {
        return readAt(decoder, t, level, part);
    }

    @Override
    boolean writeSection(Object v, MutableByteView section) {
        try {
            writer.invokeExact(section, v);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new UndeclaredThrowableException(e);
        }
        return true;
    }

    @Override
    int nullField(Object v) {
        for (int k : objectFields) {
            if (shape.get(v, componentOf[k]) == null) {
                return k;
            }
        }
        return -1;
    }

    @Override
    Object field(Object v, int field) {
        int c = componentOf[field];
        if (c < 0) {
            return null;
        }
        Object value = shape.get(v, c);
        // a one-bit field held in a boolean component is the integer 0 or 1 in the value model
        return value instanceof Boolean set ? (Integer) (set ? 1 : 0) : value;
    }
}
