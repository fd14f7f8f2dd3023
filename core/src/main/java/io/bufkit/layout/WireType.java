package io.bufkit.layout;

/**
 * The wire types a layout declares, in one table: each type's name (the name of the builder method that
 * declares it, and of the {@link io.bufkit.ByteView} read of the same bytes), its width in bytes, its
 * signedness and range, and the handle type that reads it. The builder, {@code expect}, the handles and the
 * testkit's generators all take a type's facts from here, so a new wire type is one entry.
 *
 * <p>Types whose width is chosen at declaration ({@link #BYTES}, the bit fields) have width 0 here; a
 * bit field's range and handle depend on its width in bits: {@link #min(int)}, {@link #max(int)},
 * {@link #handleType(int)}.
 */
public enum WireType {
    /** Unsigned 8-bit integer, 0 to 255. */
    U8("u8", 1, Kind.INT, false, 0, 0xFF),
    /** Signed 8-bit integer. */
    I8("i8", 1, Kind.INT, true, Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** Unsigned big-endian 16-bit integer. */
    U16BE("u16be", 2, Kind.INT, false, 0, 0xFFFF),
    /** Unsigned little-endian 16-bit integer. */
    U16LE("u16le", 2, Kind.INT, false, 0, 0xFFFF),
    /** Signed big-endian 16-bit integer. */
    I16BE("i16be", 2, Kind.INT, true, Short.MIN_VALUE, Short.MAX_VALUE),
    /** Signed little-endian 16-bit integer. */
    I16LE("i16le", 2, Kind.INT, true, Short.MIN_VALUE, Short.MAX_VALUE),
    /** Signed big-endian 32-bit integer. */
    I32BE("i32be", 4, Kind.INT, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** Signed little-endian 32-bit integer. */
    I32LE("i32le", 4, Kind.INT, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** Unsigned big-endian 32-bit integer, read as a {@code long}. */
    U32BE("u32be", 4, Kind.LONG, false, 0, 0xFFFF_FFFFL),
    /** Unsigned little-endian 32-bit integer, read as a {@code long}. */
    U32LE("u32le", 4, Kind.LONG, false, 0, 0xFFFF_FFFFL),
    /** Signed big-endian 64-bit integer. */
    I64BE("i64be", 8, Kind.LONG, true, Long.MIN_VALUE, Long.MAX_VALUE),
    /** Signed little-endian 64-bit integer. */
    I64LE("i64le", 8, Kind.LONG, true, Long.MIN_VALUE, Long.MAX_VALUE),
    /** Unsigned big-endian 24-bit integer. */
    U24BE("u24be", 3, Kind.INT, false, 0, (1L << 24) - 1),
    /** Unsigned little-endian 24-bit integer. */
    U24LE("u24le", 3, Kind.INT, false, 0, (1L << 24) - 1),
    /** Signed big-endian 24-bit integer. */
    I24BE("i24be", 3, Kind.INT, true, -(1L << 23), (1L << 23) - 1),
    /** Signed little-endian 24-bit integer. */
    I24LE("i24le", 3, Kind.INT, true, -(1L << 23), (1L << 23) - 1),
    /** Unsigned big-endian 40-bit integer, read as a {@code long}. */
    U40BE("u40be", 5, Kind.LONG, false, 0, (1L << 40) - 1),
    /** Unsigned little-endian 40-bit integer, read as a {@code long}. */
    U40LE("u40le", 5, Kind.LONG, false, 0, (1L << 40) - 1),
    /** Signed big-endian 40-bit integer, read as a {@code long}. */
    I40BE("i40be", 5, Kind.LONG, true, -(1L << 39), (1L << 39) - 1),
    /** Signed little-endian 40-bit integer, read as a {@code long}. */
    I40LE("i40le", 5, Kind.LONG, true, -(1L << 39), (1L << 39) - 1),
    /** Unsigned big-endian 48-bit integer, read as a {@code long}. */
    U48BE("u48be", 6, Kind.LONG, false, 0, (1L << 48) - 1),
    /** Unsigned little-endian 48-bit integer, read as a {@code long}. */
    U48LE("u48le", 6, Kind.LONG, false, 0, (1L << 48) - 1),
    /** Signed big-endian 48-bit integer, read as a {@code long}. */
    I48BE("i48be", 6, Kind.LONG, true, -(1L << 47), (1L << 47) - 1),
    /** Signed little-endian 48-bit integer, read as a {@code long}. */
    I48LE("i48le", 6, Kind.LONG, true, -(1L << 47), (1L << 47) - 1),
    /** Unsigned big-endian 56-bit integer, read as a {@code long}. */
    U56BE("u56be", 7, Kind.LONG, false, 0, (1L << 56) - 1),
    /** Unsigned little-endian 56-bit integer, read as a {@code long}. */
    U56LE("u56le", 7, Kind.LONG, false, 0, (1L << 56) - 1),
    /** Signed big-endian 56-bit integer, read as a {@code long}. */
    I56BE("i56be", 7, Kind.LONG, true, -(1L << 55), (1L << 55) - 1),
    /** Signed little-endian 56-bit integer, read as a {@code long}. */
    I56LE("i56le", 7, Kind.LONG, true, -(1L << 55), (1L << 55) - 1),
    /** Big-endian IEEE 754 single precision. */
    F32BE("f32be", 4, Kind.FLOAT, true, 0, 0),
    /** Little-endian IEEE 754 single precision. */
    F32LE("f32le", 4, Kind.FLOAT, true, 0, 0),
    /** Big-endian IEEE 754 double precision. */
    F64BE("f64be", 8, Kind.DOUBLE, true, 0, 0),
    /** Little-endian IEEE 754 double precision. */
    F64LE("f64le", 8, Kind.DOUBLE, true, 0, 0),
    /** A fixed-size run of raw bytes; the width is given at declaration. */
    BYTES("bytes", 0, Kind.BYTES, false, 0, 0),
    /** Fixed-length text in a charset, padded with NULs or spaces; the width is given at declaration. */
    TEXT("text", 0, Kind.TEXT, false, 0, 0),
    /** 8 named bits. */
    FLAGS8("flags8", 1, Kind.FLAGS, false, 0, 0xFF),
    /** 16 named bits, big-endian. */
    FLAGS16BE("flags16be", 2, Kind.FLAGS, false, 0, 0xFFFF),
    /** 16 named bits, little-endian. */
    FLAGS16LE("flags16le", 2, Kind.FLAGS, false, 0, 0xFFFF),
    /** 32 named bits, big-endian; any 32-bit pattern, as a negative or an unsigned value. */
    FLAGS32BE("flags32be", 4, Kind.FLAGS, false, Integer.MIN_VALUE, 0xFFFF_FFFFL),
    /** 32 named bits, little-endian; any 32-bit pattern, as a negative or an unsigned value. */
    FLAGS32LE("flags32le", 4, Kind.FLAGS, false, Integer.MIN_VALUE, 0xFFFF_FFFFL),
    /** The Internet checksum of RFC 1071, a big-endian 16-bit word at an even offset. */
    INTERNET_CHECKSUM("internetChecksum", 2, Kind.CHECKSUM, false, 0, 0xFFFF),
    /** A CRC-32 (ISO-HDLC), stored big-endian. */
    CRC32BE("crc32be", 4, Kind.CHECKSUM, false, 0, 0xFFFF_FFFFL),
    /** A CRC-32 (ISO-HDLC), stored little-endian. */
    CRC32LE("crc32le", 4, Kind.CHECKSUM, false, 0, 0xFFFF_FFFFL),
    /** A CRC-32C (Castagnoli), stored big-endian. */
    CRC32CBE("crc32cbe", 4, Kind.CHECKSUM, false, 0, 0xFFFF_FFFFL),
    /** A CRC-32C (Castagnoli), stored little-endian. */
    CRC32CLE("crc32cle", 4, Kind.CHECKSUM, false, 0, 0xFFFF_FFFFL),
    /**
     * An unsigned bit field of 1 to 63 bits in a run of bit fields packed most significant bit first
     * (network order: the first field declared takes the top bits of the run's first byte).
     */
    BITS("bits", 0, Kind.BITS, false, 0, 0),
    /** A signed (two's complement) bit field of 1 to 64 bits, most significant bit first. */
    SBITS("sbits", 0, Kind.BITS, true, 0, 0),
    /**
     * An unsigned bit field of 1 to 63 bits in a run of bit fields packed least significant bit first
     * (hardware registers: the run is a little-endian integer and the first field declared takes its
     * lowest bits).
     */
    BITS_LSB("bitsLsb", 0, Kind.BITS, false, 0, 0),
    /** A signed (two's complement) bit field of 1 to 64 bits, least significant bit first. */
    SBITS_LSB("sbitsLsb", 0, Kind.BITS, true, 0, 0);

    /**
     * Which handle reads a type, and so which {@code expect} overload and generator value it takes; and how a
     * record component holds a field of the type ({@link PacketCodec#of(PacketLayout, Class)}): its natural
     * Java type, the handle's methods that read and write it, and another type the component may have.
     */
    enum Kind {
        INT(IntField.class, int.class, "get", "set", null),
        LONG(LongField.class, long.class, "get", "set", null),
        FLOAT(FloatField.class, float.class, "get", "set", null),
        DOUBLE(DoubleField.class, double.class, "get", "set", null),
        /** Owned {@code Bytes} from {@code copy}, or an owned {@code byte[]} of the borrowed view. */
        BYTES(BytesField.class, io.bufkit.Bytes.class, "copy", "set", byte[].class),
        FLAGS(FlagsField.class, int.class, "get", "set", null),
        /** Narrow bit fields; see {@link WireType#accessKind(int)} for the handle of a given width. */
        BITS(IntField.class, int.class, "get", "set", null),
        /** Checksums are filled by {@link PacketLayout#fillChecksums}, never set. */
        CHECKSUM(ChecksumField.class, long.class, "get", null, null),
        TEXT(TextField.class, String.class, "string", "set", null);

        final Class<? extends LayoutField> handle;
        /** The natural Java type of a record component holding the field. */
        final Class<?> value;
        /** The handle's method {@code (ByteView)value}. */
        final String reader;
        /** The handle's method {@code (MutableByteView, value)void}, or {@code null}. */
        final String writer;
        /**
         * Another component type, or {@code null}: {@code byte[]}, read by copying the borrowed view of the
         * handle's {@code get} with {@code ByteView.toByteArray()}, written by the handle's {@code set} of
         * that type.
         */
        final Class<?> alternative;

        Kind(Class<? extends LayoutField> handle, Class<?> value, String reader, String writer, Class<?> alternative) {
            this.handle = handle;
            this.value = value;
            this.reader = reader;
            this.writer = writer;
            this.alternative = alternative;
        }
    }

    private final String typeName;
    private final int width;
    final Kind kind;
    private final boolean signed;
    private final long min;
    private final long max;

    WireType(String typeName, int width, Kind kind, boolean signed, long min, long max) {
        this.typeName = typeName;
        this.width = width;
        this.kind = kind;
        this.signed = signed;
        this.min = min;
        this.max = max;
    }

    /**
     * The type's name, which is also the name of the builder method that declares it: {@code "u16be"}.
     *
     * @return the type name
     */
    public String typeName() {
        return typeName;
    }

    /**
     * The width in bytes, or 0 for types whose width is chosen at declaration.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * Whether the type is an integer read by an {@link IntField} or a {@link LongField}.
     *
     * @return {@code true} for integer types
     */
    public boolean isInteger() {
        return kind == Kind.INT || kind == Kind.LONG || kind == Kind.BITS;
    }

    /**
     * Whether the type is a checksum, read by a {@link ChecksumField}.
     *
     * @return {@code true} for {@link #INTERNET_CHECKSUM} and the CRC types
     */
    public boolean isChecksum() {
        return kind == Kind.CHECKSUM;
    }

    /**
     * Whether the type is a bit field, whose width is given in bits at declaration.
     *
     * @return {@code true} for {@link #BITS}, {@link #SBITS}, {@link #BITS_LSB} and {@link #SBITS_LSB}
     */
    public boolean isBitField() {
        return kind == Kind.BITS;
    }

    /**
     * The same type in another byte order: {@code U16BE.inByteOrder(LITTLE_ENDIAN)} is {@link #U16LE}. Types
     * that name no byte order (single bytes, bytes, bit fields, the Internet checksum) are returned as
     * they are.
     *
     * @param order the byte order
     * @return the type of the same width and meaning in {@code order}
     */
    public WireType inByteOrder(java.nio.ByteOrder order) {
        String n = name();
        if (!n.endsWith("BE") && !n.endsWith("LE")) {
            return this;
        }
        return valueOf(n.substring(0, n.length() - 2) + (order == java.nio.ByteOrder.BIG_ENDIAN ? "BE" : "LE"));
    }

    /** Whether a bit field type packs least significant bit first. */
    boolean lsbFirst() {
        return this == BITS_LSB || this == SBITS_LSB;
    }

    /**
     * The widest bit field of this type: 64 bits signed, 63 unsigned (so that every value fits a
     * {@code long}).
     *
     * @return the largest bit width; 0 for types that are not bit fields
     */
    public int maxBits() {
        return kind != Kind.BITS ? 0 : signed ? 64 : 63;
    }

    /**
     * The smallest value of a field of this type that is {@code bitWidth} bits wide: for bit fields
     * -2<sup>bitWidth-1</sup> (signed) or 0; for other types {@link #min()}.
     *
     * @param bitWidth the field's width in bits, 1 to {@link #maxBits()} for bit fields
     * @return the minimum
     */
    public long min(int bitWidth) {
        return kind != Kind.BITS ? min : signed ? -1L << (bitWidth - 1) : 0;
    }

    /**
     * The largest value of a field of this type that is {@code bitWidth} bits wide: for bit fields
     * 2<sup>bitWidth-1</sup>-1 (signed) or 2<sup>bitWidth</sup>-1; for other types {@link #max()}.
     *
     * @param bitWidth the field's width in bits, 1 to {@link #maxBits()} for bit fields
     * @return the maximum
     */
    public long max(int bitWidth) {
        return kind != Kind.BITS ? max : signed ? (1L << (bitWidth - 1)) - 1
                : bitWidth >= 64 ? -1 : (1L << bitWidth) - 1;
    }

    /**
     * The handle type that reads a field of this type that is {@code bitWidth} bits wide: bit fields of
     * up to 31 bits (32 signed) are {@link IntField}s, wider ones {@link LongField}s; other types as
     * {@link #handleType()}.
     *
     * @param bitWidth the field's width in bits
     * @return the handle interface
     */
    public Class<? extends LayoutField> handleType(int bitWidth) {
        return accessKind(bitWidth).handle;
    }

    /**
     * The kind whose handle reads a field of this type that is {@code bitWidth} bits wide: {@link Kind#INT}
     * for bit fields of up to 31 bits (32 signed), {@link Kind#LONG} for wider ones, {@link #kind} otherwise.
     */
    Kind accessKind(int bitWidth) {
        return kind != Kind.BITS ? kind : bitWidth <= (signed ? 32 : 31) ? Kind.INT : Kind.LONG;
    }

    /**
     * Whether values of the type may be negative (integers and floating-point types).
     *
     * @return {@code true} for signed types
     */
    public boolean isSigned() {
        return signed;
    }

    /**
     * The smallest value an integer or flags field of the type holds (and {@code expect} accepts).
     *
     * @return the minimum; 0 for unsigned and non-integer types
     */
    public long min() {
        return min;
    }

    /**
     * The largest value an integer or flags field of the type holds (and {@code expect} accepts).
     *
     * @return the maximum; 0 for non-integer types
     */
    public long max() {
        return max;
    }

    /**
     * Whether an integer or flags field of the type holds {@code value}.
     *
     * @param value the value
     * @return {@code true} if {@code min() <= value <= max()}
     */
    public boolean holds(long value) {
        return value >= min && value <= max;
    }

    /**
     * The handle type that reads fields of this type, such as {@code IntField.class}; for bit fields, the
     * handle of narrow ones, see {@link #handleType(int)}.
     *
     * @return the handle interface
     */
    public Class<? extends LayoutField> handleType() {
        return kind.handle;
    }
}
