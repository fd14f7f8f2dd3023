package io.bufkit.layout;

/**
 * One declared run of bytes of a layout, in offset order: a field, or padding when {@code field} is null.
 *
 * @param offset the first byte
 * @param width the number of bytes
 * @param field the field's handle, or {@code null} for padding
 */
record Segment(int offset, int width, Handle field) {
}
