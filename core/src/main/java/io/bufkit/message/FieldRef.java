package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.internal.ViewAccess;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.WireType;

/**
 * An integer that later parts of the same message level depend on, resolved once when a layout is built:
 * a field of a fixed section, or a varint part; or, for reads only, a section's 16-bit checksum.
 */
final class FieldRef {
    private static final ViewAccess VIEWS = ViewAccess.get();

    /** The ref's number in its layout, from 0: where an encoder keeps what it derived for the field. */
    final int id;
    /** The index of the section part, or of the varint part. */
    final int section;
    /** The section's field, or null for a varint part. */
    final IntField field;
    /** The field's index in its section's {@link io.bufkit.layout.PacketLayout#fields()}; -1 for a varint part. */
    final int fieldIndex;
    /** The varint part, or null for a section field. */
    final VarintPart varint;
    final String path;
    /** The slot of a level's record in a {@link LevelTape} holding where the section or varint starts. */
    private final int startSlot;
    /**
     * The field's wire type when a read of the view at {@link #offset} gives its value (whole bytes of 1, 2
     * or 4), else null and the field reads itself. Reads by path go through this switch, with the one bounds
     * check of {@link ViewAccess}, rather than through {@link IntField#get(io.bufkit.ByteView, int)}, whose
     * call site sees every kind of handle.
     */
    private final WireType plain;
    /** The field's offset in its section. */
    private final int offset;
    /** The checksum field this reads, or null for an integer field or a varint. */
    final ChecksumField checksum;

    FieldRef(SectionPart section, IntField field, int fieldIndex, String path, int id) {
        this(section, field, fieldIndex, null, null, path, id);
    }

    /**
     * A 16-bit checksum field (the Internet checksum), for reads only: {@link Message#intValue} and
     * {@link IntPath} read it as they read a {@code u16be} field; no size, count, condition or
     * discriminator may name it.
     */
    FieldRef(SectionPart section, ChecksumField checksum, int fieldIndex, String path, int id) {
        this(section, null, fieldIndex, null, checksum, path, id);
    }

    FieldRef(VarintPart varint, int id) {
        this(varint, null, -1, varint, null, varint.name, id);
    }

    private FieldRef(Part part, IntField field, int fieldIndex, VarintPart varint, ChecksumField checksum,
            String path, int id) {
        this.id = id;
        this.section = part.index;
        this.startSlot = part.startSlot;
        this.field = field;
        this.fieldIndex = fieldIndex;
        this.varint = varint;
        this.checksum = checksum;
        this.path = path;
        WireType type = checksum != null ? WireType.U16BE : field == null ? null : field.wireType();
        this.plain = type != null && !type.isBitField() && type.width() <= 4 && type.width() != 3 ? type : null;
        this.offset = checksum != null ? checksum.offset() : field == null ? 0 : field.offset();
    }

    /**
     * Reads the value from level {@code level} of a tape whose part {@link #section} has been decoded,
     * straight from the decoded view at the part's offset.
     */
    int read(LevelTape t, int level) {
        ByteView v = t.view;
        int at = t.ints[level + startSlot];
        if (plain == null) {
            return field != null ? field.get(v, at) : VarintPart.value(v, at);
        }
        int end = at + offset + plain.width();
        String op = plain.typeName();
        return switch (plain) {
            case U8 -> VIEWS.readI8(v, end, op) & 0xFF;
            case I8 -> VIEWS.readI8(v, end, op);
            case U16BE -> VIEWS.readI16be(v, end, op) & 0xFFFF;
            case U16LE -> VIEWS.readI16le(v, end, op) & 0xFFFF;
            case I16BE -> VIEWS.readI16be(v, end, op);
            case I16LE -> VIEWS.readI16le(v, end, op);
            case I32BE -> VIEWS.readI32be(v, end, op);
            case I32LE -> VIEWS.readI32le(v, end, op);
            default -> field.get(v, at);
        };
    }

    /** The offset of the field's first byte in level {@code level} of a tape, for failures. */
    int offsetIn(LevelTape t, int level) {
        return t.ints[level + startSlot] + offset;
    }

    /** The smallest value the field holds. */
    long min() {
        return field != null ? field.min() : 0;
    }

    /** The largest value the field holds. */
    long max() {
        return field != null ? field.max() : varint != null ? varint.max() : 0xFFFF;
    }

    /** The field's wire type for messages. */
    String typeName() {
        return field != null ? field.typeName() : varint != null ? varint.declaration() : checksum.typeName();
    }
}
