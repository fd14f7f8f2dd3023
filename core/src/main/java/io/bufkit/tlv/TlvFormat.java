package io.bufkit.tlv;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The wire shape of a type-length-value stream: the widths of the type and length fields, their byte
 * order, and the largest value length a reader accepts.
 *
 * <p>A frame is the type field, then the length field, then {@code length} bytes of value. Type 0 is
 * malformed in every format. {@link #STANDARD} is the reference format: type u8 (1–255), length u16
 * big-endian (0–65535), value.
 *
 * <p><b>Four-byte types.</b> With a type width of 4 every type from 1 to 2<sup>32</sup>-1 is valid. Types
 * travel through the API as an {@code int} holding the <em>unsigned</em> 32-bit value: a type above
 * {@link Integer#MAX_VALUE} arrives as a negative {@code int}; {@link Integer#toUnsignedLong(int)} recovers
 * it, and {@link TlvWriter} accepts it back the same way. With widths 1 and 2 types are always positive.
 *
 * <p><b>Value length limit.</b> {@link #maxValueLength()} bounds the memory of a decoder: a header that
 * announces more is rejected with {@link MalformedFrameException} before any of its value is buffered,
 * and a writer refuses to encode more. The default is the length field's range for widths 1 and 2, and
 * 16 MiB for width 4 (a four-byte length could otherwise make a decoder reserve gigabytes for one
 * hostile header); raise it with {@link Builder#maxValueLength(int)} up to {@link #LARGEST_VALUE_LENGTH}.
 *
 * <p>Instances are immutable, thread-safe and compare by value.
 */
public final class TlvFormat {

    /** The largest value length any format can carry: the largest array a JVM reliably allocates. */
    public static final int LARGEST_VALUE_LENGTH = Integer.MAX_VALUE - 16;

    /** The default value length limit of formats with a four-byte length field: 16 MiB. */
    public static final int DEFAULT_MAX_VALUE_LENGTH_U32 = 16 * 1024 * 1024;

    /** The reference format: type u8 (1–255), length u16 big-endian (0–65535), value. */
    public static final TlvFormat STANDARD = builder().build();

    private final int typeWidth;
    private final int lengthWidth;
    private final ByteOrder byteOrder;
    private final int maxValueLength;

    private TlvFormat(int typeWidth, int lengthWidth, ByteOrder byteOrder, int maxValueLength) {
        this.typeWidth = typeWidth;
        this.lengthWidth = lengthWidth;
        this.byteOrder = byteOrder;
        this.maxValueLength = maxValueLength;
    }

    /**
     * Starts a format with the {@link #STANDARD} settings: type width 1, length width 2, big-endian,
     * value length limit 65535.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder with this format's settings, to derive a variant.
     *
     * @return a new builder preset to this format
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.typeWidth = typeWidth;
        b.lengthWidth = lengthWidth;
        b.byteOrder = byteOrder;
        b.maxValueLength = maxValueLength;
        return b;
    }

    /**
     * The width of the type field.
     *
     * @return 1, 2 or 4 bytes
     */
    public int typeWidth() {
        return typeWidth;
    }

    /**
     * The width of the length field.
     *
     * @return 1, 2 or 4 bytes
     */
    public int lengthWidth() {
        return lengthWidth;
    }

    /**
     * The size of a frame header: {@link #typeWidth()} plus {@link #lengthWidth()}.
     *
     * @return 2 to 8 bytes
     */
    public int headerSize() {
        return typeWidth + lengthWidth;
    }

    /**
     * The byte order of the type and length fields.
     *
     * @return {@link ByteOrder#BIG_ENDIAN} or {@link ByteOrder#LITTLE_ENDIAN}
     */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /**
     * The largest value length this format accepts when decoding and writes when encoding.
     *
     * @return the limit in bytes, at most the length field's range and at most {@link #LARGEST_VALUE_LENGTH}
     */
    public int maxValueLength() {
        return maxValueLength;
    }

    /**
     * The largest type the type field can carry.
     *
     * @return 255, 65535 or 2<sup>32</sup>-1
     */
    public long maxType() {
        return fieldMax(typeWidth);
    }

    /**
     * The size of a whole frame with a value of {@code valueLength} bytes.
     *
     * @param valueLength the value's length
     * @return {@link #headerSize()} plus {@code valueLength}
     * @throws IllegalArgumentException if the length is negative or above {@link #maxValueLength()}
     */
    public int frameSize(int valueLength) {
        checkValueLength(valueLength);
        return headerSize() + valueLength;
    }

    /**
     * Whether {@code type} is a type this format can carry: not 0, and within the type field's range.
     * With a type width of 4 the {@code int} is read as unsigned, so every non-zero {@code int} is valid.
     *
     * @param type the type
     * @return {@code true} if a frame of this type can be written and decoded
     */
    public boolean isValidType(int type) {
        return type != 0 && (typeWidth == 4 || (type > 0 && type <= fieldMax(typeWidth)));
    }

    void checkType(int type) {
        if (!isValidType(type)) {
            throw new IllegalArgumentException("type " + (typeWidth == 4 ? Integer.toUnsignedString(type) : type)
                    + " cannot be carried by " + this + ": types are 1 to " + maxType() + " (0 is malformed)");
        }
    }

    void checkValueLength(int valueLength) {
        if (valueLength < 0 || valueLength > maxValueLength) {
            throw new IllegalArgumentException("value length " + valueLength + " cannot be carried by " + this
                    + ": lengths are 0 to " + maxValueLength);
        }
    }

    static long fieldMax(int width) {
        return width == 4 ? 0xFFFF_FFFFL : (1L << (8 * width)) - 1;
    }

    /**
     * Value equality: same widths, byte order and value length limit.
     *
     * @param o the other object
     * @return {@code true} if {@code o} is an equal format
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TlvFormat && ((TlvFormat) o).typeWidth == typeWidth
                && ((TlvFormat) o).lengthWidth == lengthWidth && ((TlvFormat) o).byteOrder.equals(byteOrder)
                && ((TlvFormat) o).maxValueLength == maxValueLength;
    }

    /**
     * A hash consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(typeWidth, lengthWidth, byteOrder, maxValueLength);
    }

    /**
     * Describes the format, for example {@code TlvFormat[type u8, length u16be, max 65535]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        String order = byteOrder == ByteOrder.BIG_ENDIAN ? "be" : "le";
        return "TlvFormat[type u" + 8 * typeWidth + (typeWidth > 1 ? order : "") + ", length u" + 8 * lengthWidth
                + (lengthWidth > 1 ? order : "") + ", max " + maxValueLength + "]";
    }

    /**
     * Builds a {@link TlvFormat}. Not thread-safe; {@link #build()} may be called repeatedly.
     */
    public static final class Builder {
        private int typeWidth = 1;
        private int lengthWidth = 2;
        private ByteOrder byteOrder = ByteOrder.BIG_ENDIAN;
        private int maxValueLength = -1;

        private Builder() {
        }

        /**
         * Sets the width of the type field.
         *
         * @param width 1, 2 or 4 bytes
         * @return this builder
         * @throws IllegalArgumentException for any other width
         */
        public Builder typeWidth(int width) {
            typeWidth = checkWidth("type", width);
            return this;
        }

        /**
         * Sets the width of the length field; unless {@link #maxValueLength(int)} was set, the value length
         * limit becomes this width's default.
         *
         * @param width 1, 2 or 4 bytes
         * @return this builder
         * @throws IllegalArgumentException for any other width
         */
        public Builder lengthWidth(int width) {
            lengthWidth = checkWidth("length", width);
            return this;
        }

        /**
         * Sets the byte order of the type and length fields.
         *
         * @param order {@link ByteOrder#BIG_ENDIAN} or {@link ByteOrder#LITTLE_ENDIAN}
         * @return this builder
         */
        public Builder byteOrder(ByteOrder order) {
            byteOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * Sets the largest value length the format accepts; checked against the length field's range by
         * {@link #build()}.
         *
         * @param max the limit in bytes, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is negative or above {@link #LARGEST_VALUE_LENGTH}
         */
        public Builder maxValueLength(int max) {
            if (max < 0 || max > LARGEST_VALUE_LENGTH) {
                throw new IllegalArgumentException("maxValueLength " + max + " is outside 0 to " + LARGEST_VALUE_LENGTH);
            }
            maxValueLength = max;
            return this;
        }

        /**
         * Builds the format.
         *
         * @return the format
         * @throws IllegalArgumentException if the value length limit exceeds what the length field can carry
         */
        public TlvFormat build() {
            long fieldMax = fieldMax(lengthWidth);
            int max = maxValueLength >= 0 ? maxValueLength
                    : lengthWidth == 4 ? DEFAULT_MAX_VALUE_LENGTH_U32 : (int) fieldMax;
            if (max > fieldMax) {
                throw new IllegalArgumentException("maxValueLength " + max + " does not fit a " + lengthWidth
                        + "-byte length field (at most " + fieldMax + ")");
            }
            return new TlvFormat(typeWidth, lengthWidth, byteOrder, max);
        }

        private static int checkWidth(String field, int width) {
            if (width != 1 && width != 2 && width != 4) {
                throw new IllegalArgumentException(field + " width " + width + " is not 1, 2 or 4 bytes");
            }
            return width;
        }
    }
}
