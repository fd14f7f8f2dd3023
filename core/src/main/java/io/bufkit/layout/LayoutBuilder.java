package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Declares a {@link PacketLayout}, field by field. Each field method takes the field's name and places
 * the field right after the previous declaration, or at the offset given to {@link #at(int)} just
 * before it. {@link #expect(long)} and its overloads make the field just declared a constant.
 * {@link #build()} checks the whole declaration. Not thread-safe; a builder may build more than once.
 */
public final class LayoutBuilder {

    /** One declaration: a field, or padding when {@code name} is null. */
    private static final class Decl {
        final WireType kind;
        final String name;
        final int offset;
        final int width;
        final String[] bitNames;
        final int index;
        boolean hasConstant;
        long constantLong;
        double constantDouble;
        Bytes constantBytes;
        /** For a bit field, its run; for the declaration that stands for a whole run, that run. */
        BitRun run;
        /** For a bit field, its first bit counted from the run's first bit. */
        int bit;
        /** The width in bits. */
        int bitWidth;
        /** For an integer field declared with expectAnyOf, its allowed values. */
        long[] allowed;
        /** For a text field, its charset and padding. */
        java.nio.charset.Charset charset;
        TextPadding textPadding;
        /** For a checksum field, whether it covers a pseudo-header. */
        boolean pseudoHeader;

        Decl(WireType kind, String name, int offset, int width, String[] bitNames, int index) {
            this.kind = kind;
            this.name = name;
            this.offset = offset;
            this.width = width;
            this.bitNames = bitNames;
            this.index = index;
            this.bitWidth = 8 * width;
        }

        int end() {
            return offset + width;
        }

        String where() {
            if (name == null && run != null) {
                return run.where();
            }
            return (name == null ? "padding" : "field '" + name + "' (" + type() + ")") + " at bytes ["
                    + offset + ", " + end() + ")";
        }

        String type() {
            return kind.isBitField() ? kind.typeName() + ":" + bitWidth : kind.typeName();
        }
    }

    /** A run of bit fields of one bit order, packed from a byte boundary. */
    private static final class BitRun {
        final int start;
        final boolean lsbFirst;
        final List<Decl> fields = new ArrayList<>();
        int bits;

        BitRun(int start, boolean lsbFirst) {
            this.start = start;
            this.lsbFirst = lsbFirst;
        }

        int bytes() {
            return (bits + 7) / 8;
        }

        String where() {
            StringBuilder sb = new StringBuilder(fields.size() == 1 ? "bit field " : "bit fields ");
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "'" : ", '").append(fields.get(i).name).append('\'');
            }
            return sb.append(" at bytes [").append(start).append(", ").append(start + bytes()).append(')').toString();
        }
    }

    private final String name;
    private final List<Decl> decls = new ArrayList<>();
    private int cursor;
    private int declaredSize = -1;
    private Decl last;
    private BitRun openRun;
    private boolean prefix;

    LayoutBuilder(String name) {
        this.name = name;
    }

    private LayoutBuilder add(WireType kind, String fieldName, int width, String[] bitNames) {
        PacketLayout.requireName(fieldName, "field name");
        return place(kind, fieldName, width, bitNames);
    }

    private LayoutBuilder place(WireType kind, String fieldName, int width, String[] bitNames) {
        int offset = cursor;
        if (width > Integer.MAX_VALUE - offset) {
            throw new IllegalArgumentException("layout '" + name + "': " + (fieldName == null ? "padding"
                    : "field '" + fieldName + "'") + " of " + width + " byte(s) at offset " + offset
                    + " would end past the largest possible packet");
        }
        Decl d = new Decl(kind, fieldName, offset, width, bitNames, decls.size());
        decls.add(d);
        last = d;
        cursor = offset + width;
        openRun = null;
        return this;
    }

    /**
     * Declares a bit field of {@code type}, {@code bits} bits wide, in the open run of bit fields of the
     * same bit order, or in a new run at the cursor.
     *
     * @param fieldName the field's name, unique in the layout
     * @param type {@link WireType#BITS}, {@link WireType#SBITS}, {@link WireType#BITS_LSB} or
     *        {@link WireType#SBITS_LSB}
     * @param bits the width in bits, 1 to {@code type.maxBits()}
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, the type is not a bit field type, the width is
     *         out of range, or the field would span more than 8 bytes
     */
    public LayoutBuilder bitField(String fieldName, WireType type, int bits) {
        PacketLayout.requireName(fieldName, "field name");
        if (!type.isBitField()) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': " + type.typeName()
                    + " is not a bit field type");
        }
        if (bits < 1 || bits > type.maxBits()) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': a " + type.typeName()
                    + " field is 1 to " + type.maxBits() + " bits wide, not " + bits);
        }
        BitRun run = openRun;
        if (run == null || run.lsbFirst != type.lsbFirst() || run.bits % 8 == 0) {
            run = new BitRun(cursor, type.lsbFirst());
        }
        int inByte = run.bits % 8;
        int span = (inByte + bits + 7) / 8;
        if (span > 8) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': " + bits
                    + " bits from bit " + inByte + " of a byte span " + span + " bytes; a bit field spans at most 8");
        }
        int offset = run.start + run.bits / 8;
        if (span > Integer.MAX_VALUE - offset) {
            throw new IllegalArgumentException("layout '" + name + "': field '" + fieldName + "' at offset " + offset
                    + " would end past the largest possible packet");
        }
        Decl d = new Decl(type, fieldName, offset, span, null, decls.size());
        d.run = run;
        d.bit = run.bits;
        d.bitWidth = bits;
        run.fields.add(d);
        run.bits += bits;
        decls.add(d);
        last = d;
        openRun = run;
        cursor = run.start + run.bytes();
        return this;
    }

    /**
     * Declares an unsigned bit field, most significant bit first (network order), read by an
     * {@link IntField} (up to 31 bits) or a {@link LongField} (32 to 63 bits). Consecutive bit fields form a
     * run that is packed from the top bit of its first byte and must fill whole bytes: IPv4's first byte is
     * {@code bits("version", 4).bits("ihl", 4)}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bits the width in bits, 1 to 63
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, the width is out of range, or the field would
     *         span more than 8 bytes
     */
    public LayoutBuilder bits(String fieldName, int bits) {
        return bitField(fieldName, WireType.BITS, bits);
    }

    /**
     * Declares a signed (two's complement) bit field, most significant bit first, read by an
     * {@link IntField} (up to 32 bits) or a {@link LongField} (33 to 64 bits). See {@link #bits(String, int)}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bits the width in bits, 1 to 64
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, the width is out of range, or the field would
     *         span more than 8 bytes
     */
    public LayoutBuilder sbits(String fieldName, int bits) {
        return bitField(fieldName, WireType.SBITS, bits);
    }

    /**
     * Declares a named single bit, most significant bit first, read by an {@link IntField} as 0 or 1:
     * {@code bit("reserved").bit("dontFragment").bit("moreFragments").bits("fragmentOffset", 13)}.
     *
     * @param fieldName the bit's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder bit(String fieldName) {
        return bitField(fieldName, WireType.BITS, 1);
    }

    /**
     * Declares an unsigned bit field, least significant bit first (hardware registers): the run is read as
     * a little-endian integer and the first field declared takes its lowest bits. Read by an
     * {@link IntField} (up to 31 bits) or a {@link LongField} (32 to 63 bits).
     *
     * @param fieldName the field's name, unique in the layout
     * @param bits the width in bits, 1 to 63
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, the width is out of range, or the field would
     *         span more than 8 bytes
     */
    public LayoutBuilder bitsLsb(String fieldName, int bits) {
        return bitField(fieldName, WireType.BITS_LSB, bits);
    }

    /**
     * Declares a signed bit field, least significant bit first; see {@link #bitsLsb(String, int)}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bits the width in bits, 1 to 64
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, the width is out of range, or the field would
     *         span more than 8 bytes
     */
    public LayoutBuilder sbitsLsb(String fieldName, int bits) {
        return bitField(fieldName, WireType.SBITS_LSB, bits);
    }

    /**
     * Places the next declaration at an explicit offset; later declarations follow it.
     *
     * @param offset the offset of the next field or padding
     * @return this builder
     * @throws IllegalArgumentException if the offset is negative
     */
    public LayoutBuilder at(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("layout '" + name + "': negative offset " + offset);
        }
        cursor = offset;
        last = null;
        openRun = null;
        return this;
    }

    /**
     * Declares the packet size; {@link #build()} then rejects fields past it and bytes before it that
     * belong to no field and are not padding. Without it, the size is the end of the last declaration.
     *
     * @param size the packet size in bytes
     * @return this builder
     * @throws IllegalArgumentException if the size is not positive
     */
    public LayoutBuilder size(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("layout '" + name + "': the size must be positive, not " + size);
        }
        declaredSize = size;
        return this;
    }

    /**
     * Makes the layout a prefix: a header followed by a payload of any length.
     * {@link PacketLayout#validate(ByteView)} then accepts views at least {@link PacketLayout#size()} long,
     * returns where the payload begins, and {@link PacketLayout#rest(ByteView)} gives the payload.
     *
     * @return this builder
     */
    public LayoutBuilder prefix() {
        prefix = true;
        return this;
    }

    /**
     * Declares bytes that belong to no field, for example reserved or alignment bytes.
     * {@link PacketLayout#writeConstants(MutableByteView)} zeroes them; reads ignore them.
     *
     * @param length the number of bytes
     * @return this builder
     * @throws IllegalArgumentException if the length is not positive
     */
    public LayoutBuilder padding(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("layout '" + name + "': padding length must be positive, not "
                    + length);
        }
        return place(null, null, length, null);
    }

    /**
     * Declares a field of a fixed-width type given as a value, for code that declares layouts from data;
     * {@code field("len", WireType.U16BE)} is {@code u16be("len")}. Flags fields declared this way have no
     * bit names.
     *
     * @param fieldName the field's name, unique in the layout
     * @param type the wire type; not one whose width is chosen at declaration, such as {@link WireType#BYTES}
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or the type's width is chosen at declaration
     */
    public LayoutBuilder field(String fieldName, WireType type) {
        if (type.width() == 0) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': " + type.typeName()
                    + " fields take their width at declaration; use " + type.typeName() + "(name, ...)");
        }
        return add(type, fieldName, type.width(), type.kind == WireType.Kind.FLAGS ? new String[0] : null);
    }

    /**
     * Declares an unsigned 8-bit field, read by an {@link IntField} (0 to 255).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u8(String fieldName) {
        return field(fieldName, WireType.U8);
    }

    /**
     * Declares a signed 8-bit field, read by an {@link IntField} (-128 to 127).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i8(String fieldName) {
        return field(fieldName, WireType.I8);
    }

    /**
     * Declares an unsigned big-endian 16-bit field, read by an {@link IntField} (0 to 65535).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u16be(String fieldName) {
        return field(fieldName, WireType.U16BE);
    }

    /**
     * Declares an unsigned little-endian 16-bit field, read by an {@link IntField} (0 to 65535).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u16le(String fieldName) {
        return field(fieldName, WireType.U16LE);
    }

    /**
     * Declares a signed big-endian 16-bit field, read by an {@link IntField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i16be(String fieldName) {
        return field(fieldName, WireType.I16BE);
    }

    /**
     * Declares a signed little-endian 16-bit field, read by an {@link IntField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i16le(String fieldName) {
        return field(fieldName, WireType.I16LE);
    }

    /**
     * Declares an unsigned big-endian 32-bit field, read by a {@link LongField} (0 to 2<sup>32</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u32be(String fieldName) {
        return field(fieldName, WireType.U32BE);
    }

    /**
     * Declares an unsigned little-endian 32-bit field, read by a {@link LongField} (0 to
     * 2<sup>32</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u32le(String fieldName) {
        return field(fieldName, WireType.U32LE);
    }

    /**
     * Declares a signed big-endian 32-bit field, read by an {@link IntField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i32be(String fieldName) {
        return field(fieldName, WireType.I32BE);
    }

    /**
     * Declares a signed little-endian 32-bit field, read by an {@link IntField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i32le(String fieldName) {
        return field(fieldName, WireType.I32LE);
    }

    /**
     * Declares a signed big-endian 64-bit field, read by a {@link LongField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i64be(String fieldName) {
        return field(fieldName, WireType.I64BE);
    }

    /**
     * Declares a signed little-endian 64-bit field, read by a {@link LongField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i64le(String fieldName) {
        return field(fieldName, WireType.I64LE);
    }

    /**
     * Declares an unsigned big-endian 24-bit field, read by an {@link IntField} (0 to 2<sup>24</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u24be(String fieldName) {
        return field(fieldName, WireType.U24BE);
    }

    /**
     * Declares an unsigned little-endian 24-bit field, read by an {@link IntField} (0 to 2<sup>24</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u24le(String fieldName) {
        return field(fieldName, WireType.U24LE);
    }

    /**
     * Declares a signed big-endian 24-bit field, read by an {@link IntField} (-2<sup>23</sup> to 2<sup>23</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i24be(String fieldName) {
        return field(fieldName, WireType.I24BE);
    }

    /**
     * Declares a signed little-endian 24-bit field, read by an {@link IntField} (-2<sup>23</sup> to 2<sup>23</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i24le(String fieldName) {
        return field(fieldName, WireType.I24LE);
    }

    /**
     * Declares an unsigned big-endian 40-bit field, read by a { LongField} (0 to 2<sup>40</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u40be(String fieldName) {
        return field(fieldName, WireType.U40BE);
    }

    /**
     * Declares an unsigned little-endian 40-bit field, read by a { LongField} (0 to 2<sup>40</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u40le(String fieldName) {
        return field(fieldName, WireType.U40LE);
    }

    /**
     * Declares a signed big-endian 40-bit field, read by a { LongField} (-2<sup>39</sup> to 2<sup>39</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i40be(String fieldName) {
        return field(fieldName, WireType.I40BE);
    }

    /**
     * Declares a signed little-endian 40-bit field, read by a { LongField} (-2<sup>39</sup> to 2<sup>39</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i40le(String fieldName) {
        return field(fieldName, WireType.I40LE);
    }

    /**
     * Declares an unsigned big-endian 48-bit field, read by a { LongField} (0 to 2<sup>48</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u48be(String fieldName) {
        return field(fieldName, WireType.U48BE);
    }

    /**
     * Declares an unsigned little-endian 48-bit field, read by a { LongField} (0 to 2<sup>48</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u48le(String fieldName) {
        return field(fieldName, WireType.U48LE);
    }

    /**
     * Declares a signed big-endian 48-bit field, read by a { LongField} (-2<sup>47</sup> to 2<sup>47</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i48be(String fieldName) {
        return field(fieldName, WireType.I48BE);
    }

    /**
     * Declares a signed little-endian 48-bit field, read by a { LongField} (-2<sup>47</sup> to 2<sup>47</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i48le(String fieldName) {
        return field(fieldName, WireType.I48LE);
    }

    /**
     * Declares an unsigned big-endian 56-bit field, read by a { LongField} (0 to 2<sup>56</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u56be(String fieldName) {
        return field(fieldName, WireType.U56BE);
    }

    /**
     * Declares an unsigned little-endian 56-bit field, read by a { LongField} (0 to 2<sup>56</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder u56le(String fieldName) {
        return field(fieldName, WireType.U56LE);
    }

    /**
     * Declares a signed big-endian 56-bit field, read by a { LongField} (-2<sup>55</sup> to 2<sup>55</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i56be(String fieldName) {
        return field(fieldName, WireType.I56BE);
    }

    /**
     * Declares a signed little-endian 56-bit field, read by a { LongField} (-2<sup>55</sup> to 2<sup>55</sup>-1).
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder i56le(String fieldName) {
        return field(fieldName, WireType.I56LE);
    }

    /**
     * Declares an Internet checksum field (RFC 1071), a big-endian 16-bit word at an even offset, read by a
     * {@link ChecksumField}. It covers the whole packet; {@link PacketLayout#validate(ByteView)} verifies it
     * and {@link PacketLayout#fillChecksums(MutableByteView)} fills it in. IPv4's header checksum is one.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder internetChecksum(String fieldName) {
        return field(fieldName, WireType.INTERNET_CHECKSUM);
    }

    /**
     * Declares an Internet checksum field that covers a pseudo-header followed by the packet, as UDP
     * (RFC 768) and TCP (RFC 9293 §3.1) do. {@code validate} and {@code fillChecksums} leave it alone: check
     * and fill it with the handle's {@link ChecksumField#verify(ByteView, ByteView)} and
     * {@link ChecksumField#fill(ByteView, MutableByteView)}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder internetChecksumWithPseudoHeader(String fieldName) {
        field(fieldName, WireType.INTERNET_CHECKSUM);
        last.pseudoHeader = true;
        return this;
    }

    /**
     * Declares a CRC-32 field stored big-endian, over every other byte of the packet, read by a
     * {@link ChecksumField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder crc32be(String fieldName) {
        return field(fieldName, WireType.CRC32BE);
    }

    /**
     * Declares a CRC-32 field stored little-endian, over every other byte of the packet.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder crc32le(String fieldName) {
        return field(fieldName, WireType.CRC32LE);
    }

    /**
     * Declares a CRC-32C field stored big-endian, over every other byte of the packet.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder crc32cbe(String fieldName) {
        return field(fieldName, WireType.CRC32CBE);
    }

    /**
     * Declares a CRC-32C field stored little-endian, over every other byte of the packet.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder crc32cle(String fieldName) {
        return field(fieldName, WireType.CRC32CLE);
    }

    /**
     * Declares a big-endian IEEE 754 single-precision field, read by a {@link FloatField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder f32be(String fieldName) {
        return field(fieldName, WireType.F32BE);
    }

    /**
     * Declares a little-endian IEEE 754 single-precision field, read by a {@link FloatField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder f32le(String fieldName) {
        return field(fieldName, WireType.F32LE);
    }

    /**
     * Declares a big-endian IEEE 754 double-precision field, read by a {@link DoubleField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder f64be(String fieldName) {
        return field(fieldName, WireType.F64BE);
    }

    /**
     * Declares a little-endian IEEE 754 double-precision field, read by a {@link DoubleField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public LayoutBuilder f64le(String fieldName) {
        return field(fieldName, WireType.F64LE);
    }

    /**
     * Declares a fixed-size run of raw bytes, read by a {@link BytesField} as a borrowed view or an
     * owned copy.
     *
     * @param fieldName the field's name, unique in the layout
     * @param length the number of bytes
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or the length is not positive
     */
    public LayoutBuilder bytes(String fieldName, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName
                    + "': a bytes field needs a positive length, not " + length);
        }
        return add(WireType.BYTES, fieldName, length, null);
    }

    /**
     * Declares a fixed-length text field, read by a {@link TextField} as borrowed bytes or an owned
     * {@code String}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param length the number of bytes
     * @param charset the text's charset, for example {@code StandardCharsets.US_ASCII}
     * @param padding how unused bytes are filled: {@link TextPadding#NUL} or {@link TextPadding#SPACE}
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or the length is not positive
     */
    public LayoutBuilder text(String fieldName, int length, java.nio.charset.Charset charset, TextPadding padding) {
        if (length <= 0) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName
                    + "': a text field needs a positive length, not " + length);
        }
        add(WireType.TEXT, fieldName, length, null);
        last.charset = java.util.Objects.requireNonNull(charset, "charset");
        last.textPadding = java.util.Objects.requireNonNull(padding, "padding");
        return this;
    }

    /**
     * Declares an 8-bit flags field, read by a {@link FlagsField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 8; {@code null} leaves a
     *        bit unnamed
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
     *         name is blank or repeated
     */
    public LayoutBuilder flags8(String fieldName, String... bitNames) {
        return flags(fieldName, WireType.FLAGS8, bitNames);
    }

    /**
     * Declares a big-endian 16-bit flags field, read by a {@link FlagsField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 16; {@code null} leaves a
     *        bit unnamed
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
     *         name is blank or repeated
     */
    public LayoutBuilder flags16be(String fieldName, String... bitNames) {
        return flags(fieldName, WireType.FLAGS16BE, bitNames);
    }

    /**
     * Declares a little-endian 16-bit flags field, read by a {@link FlagsField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 16; {@code null} leaves a
     *        bit unnamed
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
     *         name is blank or repeated
     */
    public LayoutBuilder flags16le(String fieldName, String... bitNames) {
        return flags(fieldName, WireType.FLAGS16LE, bitNames);
    }

    /**
     * Declares a big-endian 32-bit flags field, read by a {@link FlagsField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 32; {@code null} leaves a
     *        bit unnamed
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
     *         name is blank or repeated
     */
    public LayoutBuilder flags32be(String fieldName, String... bitNames) {
        return flags(fieldName, WireType.FLAGS32BE, bitNames);
    }

    /**
     * Declares a little-endian 32-bit flags field, read by a {@link FlagsField}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 32; {@code null} leaves a
     *        bit unnamed
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
     *         name is blank or repeated
     */
    public LayoutBuilder flags32le(String fieldName, String... bitNames) {
        return flags(fieldName, WireType.FLAGS32LE, bitNames);
    }

    /**
     * Declares a flags field of a type given as a value, read by a {@link FlagsField};
     * {@code flags("f", WireType.FLAGS8, "a")} is {@code flags8("f", "a")}.
     *
     * @param fieldName the field's name, unique in the layout
     * @param kind a flags type, such as {@link WireType#FLAGS16BE}
     * @param bitNames names of bit 0 (least significant), bit 1, ...; {@code null} leaves a bit unnamed
     * @return this builder
     * @throws IllegalArgumentException if the type is not a flags type, the name is blank, there are too
     *         many bit names, or a bit name is blank or repeated
     */
    public LayoutBuilder flags(String fieldName, WireType kind, String... bitNames) {
        PacketLayout.requireName(fieldName, "field name");
        if (kind.kind != WireType.Kind.FLAGS) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': " + kind.typeName()
                    + " is not a flags type");
        }
        String[] names = bitNames.clone();
        int bits = 8 * kind.width();
        if (names.length > bits) {
            throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': "
                    + names.length + " bit names given but " + kind.typeName() + " has " + bits + " bits");
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                continue;
            }
            if (names[i].isBlank()) {
                throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': bit " + i
                        + " has a blank name; use null for an unnamed bit");
            }
            for (int j = 0; j < i; j++) {
                if (names[i].equals(names[j])) {
                    throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName
                            + "': bits " + j + " and " + i + " are both named '" + names[i] + "'");
                }
            }
        }
        return add(kind, fieldName, kind.width(), names);
    }

    private Decl constantTarget(String form) {
        if (last == null) {
            throw new IllegalStateException("layout '" + name + "': " + form
                    + " applies to the field declared just before it, but no field was declared since the "
                    + (decls.isEmpty() ? "builder was created" : "last at(offset)"));
        }
        if (last.name == null) {
            throw new IllegalStateException("layout '" + name + "': " + form
                    + " applies to the field declared just before it, but that declaration is padding");
        }
        if (last.hasConstant) {
            throw new IllegalStateException("layout '" + name + "', " + last.where()
                    + " already has an expected value");
        }
        return last;
    }

    private IllegalArgumentException badConstant(Decl d, String why) {
        return new IllegalArgumentException("layout '" + name + "', " + d.where() + ": " + why);
    }

    /**
     * Makes the field just declared a constant, such as a magic number: an integer or flags field, or a
     * float field when the value is a whole number it holds exactly (|value| &le; 2<sup>24</sup> for
     * {@code f32}, 2<sup>53</sup> for {@code f64}). {@link PacketLayout#validate(ByteView)} rejects
     * packets that hold another value; {@link PacketLayout#writeConstants(MutableByteView)} writes it.
     *
     * @param value the constant; for {@code u32} fields 0 to 2<sup>32</sup>-1, for {@code flags32}
     *        fields any 32-bit pattern
     * @return this builder
     * @throws IllegalStateException if the last declaration is not a field or already has a constant
     * @throws IllegalArgumentException if the field's type cannot hold the value, or it is a bytes field
     */
    public LayoutBuilder expect(long value) {
        Decl d = constantTarget("expect(" + value + ")");
        WireType t = d.kind;
        if (t.kind == WireType.Kind.FLOAT || t.kind == WireType.Kind.DOUBLE) {
            long exact = t.kind == WireType.Kind.FLOAT ? 1L << 24 : 1L << 53;
            if (value < -exact || value > exact) {
                throw badConstant(d, "the whole number " + value
                        + " is not exactly representable; use expect(double)");
            }
            return expect((double) value);
        }
        if (t.kind == WireType.Kind.BYTES) {
            throw badConstant(d, "a bytes field takes its constant as expect(Bytes)");
        }
        if (t.isChecksum()) {
            throw badConstant(d, "a checksum field holds a computed value, not a constant");
        }
        if (t == WireType.TEXT) {
            throw badConstant(d, "a text field takes no constant; declare a magic string as bytes(name, n) with expect(Bytes)");
        }
        if (value < t.min(d.bitWidth) || value > t.max(d.bitWidth)) {
            throw badConstant(d, "the constant " + value + " is outside " + t.min(d.bitWidth) + " to "
                    + t.max(d.bitWidth));
        }
        d.hasConstant = true;
        d.constantLong = value;
        return this;
    }

    /**
     * Makes the integer field just declared hold one of several constants, such as the four magic numbers
     * of a pcap file. {@link PacketLayout#validate(ByteView)} rejects packets that hold none of them, naming
     * them all; {@link PacketLayout#writeConstants(MutableByteView)} writes the first.
     *
     * @param values the allowed values, at least one, each in the field's range
     * @return this builder
     * @throws IllegalStateException if the last declaration is not a field or already has a constant
     * @throws IllegalArgumentException if the field is not an integer or bit field, no value is given, or a
     *         value is outside the field's range
     */
    public LayoutBuilder expectAnyOf(long... values) {
        Decl d = constantTarget("expectAnyOf(" + java.util.Arrays.toString(values) + ")");
        if (!d.kind.isInteger()) {
            throw badConstant(d, "only integer and bit fields take expectAnyOf(...)");
        }
        if (values.length == 0) {
            throw badConstant(d, "expectAnyOf needs at least one value");
        }
        for (long v : values) {
            if (v < d.kind.min(d.bitWidth) || v > d.kind.max(d.bitWidth)) {
                throw badConstant(d, "the constant " + v + " is outside " + d.kind.min(d.bitWidth) + " to "
                        + d.kind.max(d.bitWidth));
            }
        }
        d.hasConstant = true;
        d.constantLong = values[0];
        d.allowed = values.length == 1 ? null : values.clone();
        return this;
    }

    /**
     * Makes the float or double field just declared a constant. For an {@code f32} field the value must
     * be exactly representable as a {@code float}. A NaN constant matches any NaN.
     *
     * @param value the constant
     * @return this builder
     * @throws IllegalStateException if the last declaration is not a field or already has a constant
     * @throws IllegalArgumentException if the field is not a float or double field, or an {@code f32}
     *         field cannot hold the value exactly
     */
    public LayoutBuilder expect(double value) {
        Decl d = constantTarget("expect(" + value + ")");
        switch (d.kind) {
            case F32BE, F32LE -> {
                if (!Double.isNaN(value) && (double) (float) value != value) {
                    throw badConstant(d, "the constant " + value + " is not exactly representable as a float");
                }
            }
            case F64BE, F64LE -> {
            }
            default -> throw badConstant(d, "only float and double fields take expect(double); use "
                    + (d.kind == WireType.BYTES ? "expect(Bytes)" : "expect(long)"));
        }
        d.hasConstant = true;
        d.constantDouble = value;
        return this;
    }

    /**
     * Makes the bytes field just declared a constant, such as a magic string.
     *
     * @param value the constant, exactly as long as the field
     * @return this builder
     * @throws IllegalStateException if the last declaration is not a field or already has a constant
     * @throws IllegalArgumentException if the field is not a bytes field or the length differs
     */
    public LayoutBuilder expect(Bytes value) {
        Objects.requireNonNull(value, "value");
        Decl d = constantTarget("expect(" + value + ")");
        if (d.kind != WireType.BYTES) {
            throw badConstant(d, "only bytes fields take expect(Bytes)");
        }
        if (value.length() != d.width) {
            throw badConstant(d, "the constant is " + value.length() + " byte(s) long but the field is " + d.width);
        }
        d.hasConstant = true;
        d.constantBytes = value;
        return this;
    }

    /**
     * Checks the declarations and builds the layout. Every problem found is reported at once: fields
     * that overlap, bytes that belong to no field and are not declared padding (between fields, before
     * the first, or up to the declared size), duplicate field names, fields past the declared size, and
     * a layout without fields. Each problem names the fields and their byte ranges.
     *
     * @return the layout
     * @throws IllegalStateException if the declarations are inconsistent
     */
    public PacketLayout build() {
        List<String> problems = new ArrayList<>();
        Map<String, Decl> seen = new LinkedHashMap<>();
        boolean anyField = false;
        for (Decl d : decls) {
            if (d.name == null) {
                continue;
            }
            anyField = true;
            Decl first = seen.putIfAbsent(d.name, d);
            if (first != null) {
                problems.add("duplicate field name '" + d.name + "': " + first.where() + " and " + d.where());
            }
        }
        if (!anyField) {
            problems.add("no fields are declared");
        }
        Decl checksum = null;
        for (Decl d : decls) {
            if (d.kind != null && d.kind.isChecksum()) {
                if (checksum != null) {
                    problems.add(checksum.where() + " and " + d.where() + " both cover the whole packet, so each would"
                            + " change the other; a layout holds at most one checksum field");
                }
                checksum = d;
            }
            if (d.kind == WireType.INTERNET_CHECKSUM && d.offset % 2 != 0) {
                problems.add(d.where() + " is at an odd offset; the Internet checksum sums 16-bit words from an even one");
            }
        }
        List<Decl> sorted = new ArrayList<>();
        for (Decl d : decls) {
            if (d.run == null) {
                sorted.add(d);
            } else if (d.run.fields.get(0) == d) {
                BitRun run = d.run;
                Decl unit = new Decl(null, null, run.start, run.bytes(), null, d.index);
                unit.run = run;
                sorted.add(unit);
                if (run.bits % 8 != 0) {
                    int missing = 8 - run.bits % 8;
                    problems.add(run.where() + " cover " + run.bits + " bits; a run of bit fields fills whole bytes,"
                            + " declare the other " + missing + " bit(s), for example as bits(\"reserved\", " + missing
                            + ")");
                }
            }
        }
        sorted.sort(Comparator.comparingInt((Decl d) -> d.offset).thenComparingInt(d -> d.index));
        Decl reach = null;
        int covered = 0;
        for (Decl d : sorted) {
            if (reach != null && d.offset < reach.end()) {
                problems.add(reach.where() + " and " + d.where() + " overlap at bytes [" + d.offset + ", "
                        + Math.min(reach.end(), d.end()) + ")");
            } else if (d.offset > covered) {
                problems.add("bytes [" + covered + ", " + d.offset + ") "
                        + (reach == null ? "before " + d.where() : "between " + reach.where() + " and " + d.where())
                        + " belong to no field; declare them with padding(" + (d.offset - covered) + ")");
            }
            if (reach == null || d.end() > reach.end()) {
                reach = d;
            }
            covered = Math.max(covered, d.end());
        }
        if (declaredSize >= 0) {
            for (Decl d : sorted) {
                if (d.end() > declaredSize) {
                    problems.add(d.where() + " ends past the declared size of " + declaredSize + " bytes");
                }
            }
            if (covered < declaredSize && reach != null) {
                problems.add("bytes [" + covered + ", " + declaredSize + ") after " + reach.where()
                        + " up to the declared size belong to no field; declare them with padding("
                        + (declaredSize - covered) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("layout '" + name + "' is invalid: " + String.join("; ", problems));
        }
        int size = declaredSize >= 0 ? declaredSize : covered;
        List<LayoutField> fields = new ArrayList<>();
        Segment[] segments = new Segment[sorted.size()];
        for (int i = 0; i < segments.length; i++) {
            Decl d = sorted.get(i);
            if (d.run != null) {
                Handle[] bits = new Handle[d.run.fields.size()];
                for (int k = 0; k < bits.length; k++) {
                    bits[k] = handle(d.run.fields.get(k));
                    fields.add(bits[k]);
                }
                segments[i] = new Segment(d.offset, d.width, null, bits);
                continue;
            }
            Handle f = d.name == null ? null : handle(d);
            if (f != null) {
                fields.add(f);
            }
            segments[i] = new Segment(d.offset, d.width, f, null);
        }
        return new PacketLayout(name, size, prefix, fields, segments, inByteOrder(null));
    }

    private Handle handle(Decl d) {
        String[] bits = d.bitNames == null ? null : java.util.Arrays.copyOf(d.bitNames, 8 * d.kind.width());
        FieldInfo info = FieldInfo.of(name, d.name, d.kind, d.offset, d.width, d.hasConstant, d.constantLong,
                d.constantDouble, d.hasConstant ? d.constantBytes : null, bits, d.bit % 8, d.bitWidth, d.allowed);
        if (d.kind.isBitField()) {
            BitPlace at = BitPlace.of(8 * d.run.start + d.bit, d.bitWidth, d.kind.lsbFirst(), d.kind.isSigned());
            return d.kind.handleType(d.bitWidth) == IntField.class ? new IntHandle.Bits(info, at)
                    : new LongHandle.Bits(info, at);
        }
        return switch (d.kind.kind) {
            case INT -> IntHandle.of(info);
            case LONG -> LongHandle.of(info);
            case FLOAT -> FloatHandle.of(info);
            case DOUBLE -> DoubleHandle.of(info);
            case BYTES -> new BytesHandle(info);
            case FLAGS -> FlagsHandle.of(info);
            case BITS -> throw new AssertionError("bit fields are handled above");
            case CHECKSUM -> new ChecksumHandle(info, d.pseudoHeader);
            case TEXT -> new TextHandle(info, d.charset, d.textPadding);
        };
    }

    /**
     * A copy of this builder's declarations with every field that names a byte order in {@code order}, or
     * unchanged for {@code null}; bit fields are shared, since they do not change.
     */
    LayoutBuilder inByteOrder(java.nio.ByteOrder order) {
        LayoutBuilder b = new LayoutBuilder(name);
        b.declaredSize = declaredSize;
        b.prefix = prefix;
        b.cursor = cursor;
        for (Decl d : decls) {
            if (d.run != null || d.kind == null) {
                b.decls.add(d);
                continue;
            }
            Decl c = new Decl(order == null ? d.kind : d.kind.inByteOrder(order), d.name, d.offset, d.width, d.bitNames, d.index);
            c.hasConstant = d.hasConstant;
            c.constantLong = d.constantLong;
            c.constantDouble = d.constantDouble;
            c.constantBytes = d.constantBytes;
            c.allowed = d.allowed;
            c.pseudoHeader = d.pseudoHeader;
            c.charset = d.charset;
            c.textPadding = d.textPadding;
            b.decls.add(c);
        }
        return b;
    }

    /**
     * Describes the builder's declarations so far.
     *
     * @return the layout name and the number of declarations
     */
    @Override
    public String toString() {
        return "LayoutBuilder[" + name + ", " + decls.size() + " declaration(s), next offset " + cursor
                + "]";
    }
}
