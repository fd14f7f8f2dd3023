package io.bufkit.layout;

import io.bufkit.Bytes;

/**
 * What a handle knows about its field besides where it ends. A record, so that the JIT treats the fields of
 * a constant handle's info as constants too.
 *
 * @param layoutName the layout's name
 * @param name the field's name
 * @param kind the wire type
 * @param typeName the wire type's name, {@code kind.typeName()}; a component of its own so that reads, which
 *     name it when a check fails, find it as a constant instead of loading it from the enum
 * @param offset the first byte's offset
 * @param width the width in bytes
 * @param constant whether the field holds a declared constant
 * @param expectedLong the constant of an integer or flags field
 * @param expectedDouble the constant of a floating-point field
 * @param expectedBytes the constant of a bytes field, or {@code null}
 * @param bitNames the names of a flags field's bits by position ({@code null} for unnamed bits), or {@code null}
 * @param bitOffset for a bit field, its first bit, counted in its run's bit order from the first bit of the
 *     byte at {@code offset}; 0 for other fields
 * @param bitWidth the width in bits: the declared width of a bit field, {@code 8 * width} for other fields
 * @param allowed the values an integer field declared with {@code expectAnyOf} may hold (the first is
 *     {@code expectedLong}), or {@code null}
 * @param min the smallest value of an integer field's type
 * @param max the largest value of an integer field's type
 */
record FieldInfo(String layoutName, String name, WireType kind, String typeName, int offset, int width,
        boolean constant, long expectedLong, double expectedDouble, Bytes expectedBytes, String[] bitNames,
        int bitOffset, int bitWidth, long[] allowed, long min, long max) {

    /** Info for a field of {@code kind}, with the value range of its type. */
    static FieldInfo of(String layoutName, String name, WireType kind, int offset, int width, boolean constant,
            long expectedLong, double expectedDouble, Bytes expectedBytes, String[] bitNames, int bitOffset,
            int bitWidth, long[] allowed) {
        long min = kind.isInteger() ? kind.min(bitWidth) : Long.MIN_VALUE;
        long max = kind.isInteger() ? kind.max(bitWidth) : Long.MAX_VALUE;
        String typeName = kind.isBitField() ? kind.typeName() + ":" + bitWidth : kind.typeName();
        return new FieldInfo(layoutName, name, kind, typeName, offset, width, constant, expectedLong,
                expectedDouble, expectedBytes, bitNames, bitOffset, bitWidth, allowed, min, max);
    }

    /** Equal when every component is, the bit names compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FieldInfo f && layoutName.equals(f.layoutName) && name.equals(f.name) && kind == f.kind
                && offset == f.offset && width == f.width && constant == f.constant && expectedLong == f.expectedLong
                && Double.compare(expectedDouble, f.expectedDouble) == 0
                && java.util.Objects.equals(expectedBytes, f.expectedBytes) && java.util.Arrays.equals(bitNames, f.bitNames)
                && bitOffset == f.bitOffset && bitWidth == f.bitWidth && java.util.Arrays.equals(allowed, f.allowed) && min == f.min && max == f.max;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(layoutName, name, kind, offset, width, constant, expectedLong, expectedDouble,
                expectedBytes, java.util.Arrays.hashCode(bitNames), bitOffset, bitWidth, java.util.Arrays.hashCode(allowed), min, max);
    }

    /** Whether an integer field's constant, or one of its allowed values, is {@code value}. */
    boolean allows(long value) {
        if (allowed == null) {
            return value == expectedLong;
        }
        for (long a : allowed) {
            if (a == value) {
                return true;
            }
        }
        return false;
    }

    /** The constant, or the allowed values, formatted by {@code format}. */
    String expectedText(java.util.function.LongFunction<String> format) {
        if (allowed == null) {
            return format.apply(expectedLong);
        }
        StringBuilder sb = new StringBuilder("one of ");
        for (int i = 0; i < allowed.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(format.apply(allowed[i]));
        }
        return sb.toString();
    }

    /** Where the field ends: its offset plus its width; a view must be at least this long to hold it. */
    int end() {
        return offset + width;
    }

    /**
     * Checks that a packet at {@code at} of {@code view} can hold the field: {@code at} is not negative and
     * the view does not end before the field does.
     *
     * @return {@code at}
     */
    int packetAt(io.bufkit.ByteView view, int at) {
        if (at < 0 || at > view.length() - end()) {
            throw new IndexOutOfBoundsException(name + " (" + typeName + ") of a packet at offset " + at
                    + " ends past the view's " + view.length() + " bytes");
        }
        return at;
    }

    /** Describes the field for messages: name, type and offset. */
    String where() {
        return "field '" + name + "' (" + typeName + " at offset " + offset + ")";
    }

    /** The exception for a value a write cannot represent. */
    IllegalArgumentException outOfRange(String value, String range) {
        return invalidWrite("value " + value + " is outside " + range);
    }

    /** The exception for a write the field cannot take, naming layout, field, type and offset. */
    IllegalArgumentException invalidWrite(String why) {
        return new IllegalArgumentException("layout '" + layoutName + "', " + where() + ": " + why);
    }

    /** A number in decimal and in hex, for constants. */
    static String decimalAndHex(long value, long hexBits, int hexDigits) {
        String hex = Long.toHexString(hexBits);
        StringBuilder sb = new StringBuilder().append(value).append(" (0x");
        for (int i = hex.length(); i < hexDigits; i++) {
            sb.append('0');
        }
        return sb.append(hex).append(')').toString();
    }
}
