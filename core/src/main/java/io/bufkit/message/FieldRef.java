package io.bufkit.message;

import io.bufkit.layout.IntField;

/** An integer field of a fixed section of the same message level, resolved once when a layout is built. */
final class FieldRef {
    final int section;
    final IntField field;
    final String path;

    FieldRef(int section, IntField field, String path) {
        this.section = section;
        this.field = field;
        this.path = path;
    }

    /** Reads the field from a message whose section {@link #section} has been decoded. */
    int read(Message m) {
        return field.get(m.sectionView(section));
    }
}
