package io.bufkit.message;

import java.util.Objects;

/**
 * A length computed from an integer field of an earlier fixed section of the same message, as
 * {@code value × factor + offset}: IPv4's options are {@code Size.of("header.ihl").times(4).plus(-20)}.
 *
 * <p>Instances are immutable.
 */
public final class Size {
    private final String section;
    private final String field;
    private final int factor;
    private final int offset;

    private Size(String section, String field, int factor, int offset) {
        this.section = section;
        this.field = field;
        this.factor = factor;
        this.offset = offset;
    }

    /**
     * A size equal to the value of an integer field, named {@code "section.field"}, or of a varint part,
     * named by the part's name ({@code "remaining"}).
     *
     * @param path the section's and the field's names joined by a dot, or a varint part's name
     * @return the size
     * @throws IllegalArgumentException if the path is neither {@code section.field} nor a name
     */
    public static Size of(String path) {
        Objects.requireNonNull(path, "path");
        int dot = path.indexOf('.');
        if (dot < 0 && !path.isEmpty()) {
            return new Size(path, null, 1, 0);     // a varint part of the same level
        }
        if (dot <= 0 || dot == path.length() - 1 || path.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("size path must be section.field or the name of a varint part: "
                    + path);
        }
        return new Size(path.substring(0, dot), path.substring(dot + 1), 1, 0);
    }

    /**
     * This size multiplied by a factor.
     *
     * @param by the factor, at least 1
     * @return a new size
     */
    public Size times(int by) {
        if (by < 1) {
            throw new IllegalArgumentException("factor must be at least 1: " + by);
        }
        return new Size(section, field, Math.multiplyExact(factor, by), offset * by);
    }

    /**
     * This size plus a constant, which may be negative ({@code length − 4} is {@code plus(-4)}).
     *
     * @param constant the constant to add
     * @return a new size
     */
    public Size plus(int constant) {
        return new Size(section, field, factor, Math.addExact(offset, constant));
    }

    /**
     * The {@code "section.field"} path of the field the size is computed from.
     *
     * @return the path
     */
    public String path() {
        return field == null ? section : section + "." + field;
    }

    /**
     * The factor the field's value is multiplied by.
     *
     * @return the factor, at least 1
     */
    public int factor() {
        return factor;
    }

    /**
     * The constant added after multiplying.
     *
     * @return the constant, possibly negative
     */
    public int constant() {
        return offset;
    }

    String section() {
        return section;
    }

    String field() {
        return field;
    }

    /** Applies the arithmetic in long so no value of a 32-bit field overflows. */
    long apply(long value) {
        return value * factor + offset;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(path());
        if (factor != 1) {
            s.append('×').append(factor);
        }
        if (offset > 0) {
            s.append('+').append(offset);
        } else if (offset < 0) {
            s.append('−').append(-offset);
        }
        return s.toString();
    }
}
