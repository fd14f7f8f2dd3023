package io.bufkit.message;

import io.bufkit.MutableByteView;
import io.bufkit.internal.codec.FieldBinding;
import io.bufkit.internal.codec.LayoutBindings;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.PacketLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed section: a {@link PacketLayout} at a computed offset, read through its constant-offset handles. A
 * {@linkplain #single single field} ({@link MessageBuilder#field(String, io.bufkit.layout.WireType)}) is a
 * section of one field named like the part, whose field is addressed by the part's name alone and whose value
 * is the field's, not a map of fields.
 */
final class SectionPart extends Part {
    final PacketLayout layout;
    /** Whether this is a single field addressed by the part's name: {@code "n"} rather than {@code "count.n"}. */
    final boolean single;
    /** How each field is read, from the field kinds' table; for the value model. */
    private final List<FieldBinding> bindings;
    /**
     * Per field: {@link #FILLED_CHECKSUM} for a checksum the section fills in, {@link #GIVEN_CHECKSUM} for one
     * over a pseudo-header, which is written as given (0 if not given) and filled in afterwards by the
     * enclosing level's {@link PseudoHeaderChecksumPart}, if it has one; {@link #CONSTANT}, else
     * {@link #VALUE}; worked out once, so that encoding asks no field what it is.
     */
    private final byte[] role;
    private static final byte VALUE = 0;
    private static final byte CONSTANT = 1;
    private static final byte FILLED_CHECKSUM = 2;
    private static final byte GIVEN_CHECKSUM = 3;
    /** Whether decoding validates the section: it has a constant or a checksum that needs no pseudo-header. */
    boolean checked;
    /** Whether the section has a constant, which encoding writes and checks against a given value. */
    private final boolean hasConstant;
    /** Whether the section has a checksum it fills in itself. */
    private final boolean fillsChecksum;
    /**
     * Set when a later {@link ChecksumPart} covers the section's checksum over more bytes than the section:
     * decoding then checks only the section's constants, and leaves the checksum to that part.
     */
    private boolean checksumCoveredLater;

    SectionPart(String name, PacketLayout layout, boolean single) {
        super(name);
        this.layout = layout;
        this.single = single;
        this.bindings = LayoutBindings.of(layout);
        List<LayoutField> fields = layout.fields();
        this.role = new byte[fields.size()];
        for (int k = 0; k < role.length; k++) {
            LayoutField f = fields.get(k);
            role[k] = f instanceof ChecksumField c ? (c.needsPseudoHeader() ? GIVEN_CHECKSUM : FILLED_CHECKSUM)
                    : f.isConstant() ? CONSTANT : VALUE;
        }
        this.hasConstant = has(CONSTANT);
        this.fillsChecksum = has(FILLED_CHECKSUM);
        this.checked = hasConstant || fillsChecksum;
    }

    /**
     * The path of field {@code field} of this part at {@code partPath}: {@code partPath.field}, or the part's
     * own path for a single field.
     */
    String fieldPath(String partPath, String field) {
        return single ? partPath : partPath + "." + field;
    }

    /** Whether a field of the section has the role {@code r}. */
    private boolean has(byte r) {
        for (byte k : role) {
            if (k == r) {
                return true;
            }
        }
        return false;
    }

    @Override
    int minSize() {
        return layout.size();
    }

    /**
     * The section's checksum field if it needs no pseudo-header, which a {@link ChecksumPart} may cover (a
     * layout holds at most one checksum field), or null.
     */
    ChecksumField coverableChecksum() {
        for (int k = 0; k < role.length; k++) {
            if (role[k] == FILLED_CHECKSUM) {
                return (ChecksumField) layout.fields().get(k);
            }
        }
        return null;
    }

    /** Whether a later part covers the section's checksum ({@link #coverChecksumLater()} was called). */
    boolean checksumCoveredLater() {
        return checksumCoveredLater;
    }

    /**
     * From now on decoding checks only the section's constants; a {@link ChecksumPart} or
     * {@link TrailingChecksumPart} checks its checksum.
     */
    void coverChecksumLater() {
        checksumCoveredLater = true;
        checked = hasConstant;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        int end = at + layout.size();
        if (end > limit) {
            throw t.fail(t.pathOf(level, this), at, (single ? "field" : "section") + " needs " + layout.size()
                    + " bytes but " + (limit - at) + " remain", layout.size() + " bytes", (limit - at) + " bytes");
        }
        if (checked) {
            try {
                if (checksumCoveredLater) {
                    layout.checkConstants(t.view.slice(at, end));
                } else {
                    layout.validate(t.view.slice(at, end));
                }
            } catch (LayoutException wrong) {
                int offset = wrong.offset() >= 0 ? at + wrong.offset() : at;
                String path = t.pathOf(level, this);
                throw t.fail(wrong.field().map(f -> fieldPath(path, f)).orElse(path), offset, wrong.getMessage(),
                        wrong.expected(), wrong.actual());
            }
        }
        return end;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        if (single) {
            out.append(indent).append(name).append(" @").append(m.start(index)).append(": ")
                    .append(singleValue(m, index)).append(" (").append(layout.fields().get(0).typeName()).append(")\n");
            return;
        }
        String text = layout.describe(m.bytes(index));
        out.append(indent).append(name).append(" @").append(m.start(index)).append(":\n");
        for (String line : text.split("\n")) {
            out.append(indent).append("  ").append(line).append('\n');
        }
    }

    @Override
    String declaration() {
        return single ? name + ": " + layout.fields().get(0).typeName()
                : name + ": " + layout.name() + " (" + layout.size() + " bytes)";
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        if (single) {
            into.put(name, singleValue(m, index));
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldBinding f : bindings) {
            fields.put(f.name(), SectionFields.read(f, m.bytes(index)));
        }
        into.put(name, fields);
    }

    /** A single field's value in its natural type, from part {@code index} of a decoded message. */
    private Object singleValue(Message m, int index) {
        return SectionFields.read(bindings.get(0), m.bytes(index));
    }

    /**
     * Whether encoding needs no value for any field of this section, part {@code index} of {@code level}:
     * each is a constant, a checksum or a length or count a later part derives.
     */
    boolean hasNoGivenField(MessageLayout level, int index) {
        for (int k = 0; k < layout.fields().size(); k++) {
            if (needsValue(level, index, k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether encoding needs a value for field {@code k}: not a constant, a checksum or derived. */
    boolean needsValue(MessageLayout level, int index, int k) {
        return role[k] == VALUE && !level.isDerived(index, k);
    }

    @Override
    int size(LevelEncoding e, int index) {
        List<LayoutField> fields = layout.fields();
        int unset = e.values.nullField(index);
        if (unset >= 0) {
            throw e.missing(fieldPath(e.partPath(index), fields.get(unset).name()));
        } else if (unset == -1) {
            return layout.size();   // values that give every other field, checked when they were bound
        }
        boolean given = e.values.has(index);
        for (int k = 0; k < fields.size(); k++) {
            if (needsValue(e.layout, index, k) && (!given || e.values.field(index, k) == null)) {
                throw e.missing(fieldPath(e.partPath(index), fields.get(k).name()));
            }
        }
        return layout.size();
    }

    /**
     * Writes the constants and padding, every field (derived ones as computed; a record's given fields in
     * one composed call), then the checksums over the section, and checks that given constants hold.
     */
    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        MutableByteView section = out.slice(at, at + layout.size());
        if (hasConstant) {
            layout.writeConstants(section);
        }
        boolean written;
        try {
            written = e.values.writeSection(index, section);   // a record's fields, in one call
        } catch (IllegalArgumentException | ClassCastException wrong) {
            written = false;   // written one by one below, which names the field that does not fit
        }
        List<LayoutField> fields = layout.fields();
        boolean given = e.values.has(index);
        for (int k = 0; k < fields.size(); k++) {
            if (role[k] == FILLED_CHECKSUM) {
                continue;   // filled below
            }
            FieldRef ref = e.layout.derivedRef(index, k);
            if (ref != null) {   // its range was checked when it was derived
                ref.field.set(section, e.isDerived(ref) ? (int) e.derivedValue(ref) : 0);
                continue;
            }
            if (written && role[k] != GIVEN_CHECKSUM) {
                continue;
            }
            Object v = given ? e.values.field(index, k) : null;
            if (v == null && role[k] == GIVEN_CHECKSUM) {
                v = 0L;     // over a pseudo-header, not given
            } else if (v == null) {
                continue;   // a constant, written above
            }
            LayoutField f = fields.get(k);
            try {
                SectionFields.write(f, section, v);
            } catch (IllegalArgumentException | ClassCastException wrong) {
                throw e.fail(fieldPath(e.partPath(index), f.name()), wrong.getMessage());
            }
        }
        if (fillsChecksum) {
            layout.fillChecksums(section);
        }
        if (written || !hasConstant) {
            return;   // a record gives no constants, so none can be wrong; the checksums were just filled
        }
        try {
            layout.validate(section);
        } catch (LayoutException wrongConstant) {
            throw e.fail(fieldPath(e.partPath(index), wrongConstant.field().orElse("?")),
                    "given value is not the field's constant: " + wrongConstant.getMessage());
        }
    }

    @Override
    MessagePart describePart(java.util.Set<String> derived) {
        MessagePart.Kind kind = single ? MessagePart.Kind.FIXED_FIELD : MessagePart.Kind.SECTION;
        return new MessagePart(name, kind, layout, derived, null, null, 0, -1, null, null, null, null);
    }
}
