package io.bufkit.message;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The unmodifiable list a record codec gives for a repeat: the array of decoded element records itself,
 * which no one else holds, so that a repeat costs one array and this view of it rather than a copy
 * ({@code List.of(array)} copies its argument). Equal to any {@code List} of equal elements.
 */
final class ElementList extends AbstractList<Object> implements RandomAccess {
    private final Object[] elements;
    private final int size;

    /** Takes over {@code elements}, which the caller must not keep or change. */
    ElementList(Object[] elements) {
        this(elements, elements.length);
    }

    /** Takes over the first {@code size} of {@code elements}, which the caller must not keep or change. */
    ElementList(Object[] elements, int size) {
        this.elements = elements;
        this.size = size;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        return elements[index];
    }

    @Override
    public int size() {
        return size;
    }
}
