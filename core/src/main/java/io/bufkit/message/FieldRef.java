package io.bufkit.message;

import io.bufkit.layout.IntField;

/** An integer field of a fixed section of the same message level, resolved once when a layout is built. */
final class FieldRef {
    final int section;
    final IntField field;
    /** The field's index in its section's {@link io.bufkit.layout.PacketLayout#fields()}. */
    final int fieldIndex;
    final String path;

    FieldRef(int section, IntField field, int fieldIndex, String path) {
        this.section = section;
        this.field = field;
        this.fieldIndex = fieldIndex;
        this.path = path;
    }

    /** Reads the field from a message whose section {@link #section} has been decoded. */
    int read(Message m) {
        return field.get(m.sectionView(section));
    }
}
