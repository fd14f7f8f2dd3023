package io.bufkit.message;

import io.bufkit.layout.IntField;

/**
 * An integer that later parts of the same message level depend on, resolved once when a layout is built:
 * a field of a fixed section, or a varint part.
 */
final class FieldRef {
    /** The index of the section part, or of the varint part. */
    final int section;
    /** The section's field, or null for a varint part. */
    final IntField field;
    /** The field's index in its section's {@link io.bufkit.layout.PacketLayout#fields()}; -1 for a varint part. */
    final int fieldIndex;
    /** The varint part, or null for a section field. */
    final VarintPart varint;
    final String path;
    /** The slot of a level's record in a {@link LevelTape} holding where the section or varint starts. */
    private final int startSlot;

    FieldRef(SectionPart section, IntField field, int fieldIndex, String path) {
        this(section, field, fieldIndex, null, path);
    }

    FieldRef(VarintPart varint) {
        this(varint, null, -1, varint, varint.name);
    }

    private FieldRef(Part part, IntField field, int fieldIndex, VarintPart varint, String path) {
        this.section = part.index;
        this.startSlot = part.startSlot;
        this.field = field;
        this.fieldIndex = fieldIndex;
        this.varint = varint;
        this.path = path;
    }

    /**
     * Reads the value from level {@code level} of a tape whose part {@link #section} has been decoded,
     * straight from the decoded view at the part's offset.
     */
    int read(LevelTape t, int level) {
        int at = t.ints[level + startSlot];
        return field != null ? field.get(t.view, at) : VarintPart.value(t.view, at);
    }

    /** The smallest value the field holds. */
    long min() {
        return field != null ? field.min() : 0;
    }

    /** The largest value the field holds. */
    long max() {
        return field != null ? field.max() : varint.max();
    }

    /** The field's wire type for messages. */
    String typeName() {
        return field != null ? field.typeName() : varint.declaration();
    }
}
