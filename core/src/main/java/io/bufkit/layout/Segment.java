package io.bufkit.layout;

/**
 * One declared run of bytes of a layout, in offset order: a field, a run of bit fields, or padding.
 *
 * @param offset the first byte
 * @param width the number of bytes
 * @param field the field's handle, or {@code null} for padding and runs of bit fields
 * @param bits the handles of a run of bit fields in declaration order, or {@code null}
 */
record Segment(int offset, int width, Handle field, Handle[] bits) {

    /** Whether the segment is padding: neither a field nor a run of bit fields. */
    boolean isPadding() {
        return field == null && bits == null;
    }
}
