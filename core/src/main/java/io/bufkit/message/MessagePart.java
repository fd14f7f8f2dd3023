package io.bufkit.message;

import io.bufkit.layout.PacketLayout;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A read-only description of one part of a {@link MessageLayout}, for code that works on any layout (test
 * generators, documentation): its name, its kind and what the kind is declared with. Accessors that do not
 * apply to the part's kind return {@code null} (or 0, -1, an empty set).
 *
 * <p>Immutable and thread-safe.
 */
public final class MessagePart {
    /** What a part is, as declared with {@link MessageBuilder}. */
    public enum Kind {
        /** A fixed section: {@link MessageBuilder#section}. */
        SECTION,
        /**
         * A single fixed-width field addressed by the part's name: {@link MessageBuilder#field(String,
         * io.bufkit.layout.WireType)}. {@link #section()} is a layout of that one field, named like the part;
         * the part's value in the value model is the field's value, not a map, and {@link #derivedFields()}
         * holds the part's name when a later part derives it.
         */
        FIXED_FIELD,
        /** Bytes sized by an earlier field: {@link MessageBuilder#bytes}. */
        SIZED_BYTES,
        /** Bytes after a length prefix: {@link MessageBuilder#prefixed}. */
        PREFIXED_BYTES,
        /**
         * Bytes or NULL after a signed length prefix, -1 for NULL: {@link MessageBuilder#nullablePrefixed};
         * {@link #prefixWidth()} is 2 or 4, and its value in the value model is {@code null} when NULL.
         */
        NULLABLE_BYTES,
        /**
         * Bytes after an unsigned varint holding their length plus one (Kafka's compact strings and bytes):
         * {@link MessageBuilder#compact}; {@link #prefixWidth()} is the varint's largest number of bytes, 5.
         */
        COMPACT_BYTES,
        /**
         * Bytes or NULL after an unsigned varint holding their length plus one, 0 for NULL (Kafka's compact
         * nullable strings and bytes): {@link MessageBuilder#nullableCompact}; its value in the value model is
         * {@code null} when NULL, and {@link #prefixWidth()} is 5.
         */
        NULLABLE_COMPACT_BYTES,
        /** Bytes up to a NUL byte: {@link MessageBuilder#nulTerminated}. */
        NUL_TERMINATED_BYTES,
        /**
         * The rest of the message, less the fixed sections and fields after it and the byte parts after it sized
         * by fields before it: {@link MessageBuilder#rest}.
         */
        REST_BYTES,
        /**
         * A counted repeat: {@link MessageBuilder#repeat}; {@link #fieldPath()} names the count's field, and
         * {@link #size()} is the arithmetic on it for a count such as {@code n − 1}, else null.
         */
        COUNTED_REPEAT,
        /**
         * A counted repeat that may be NULL, a count of -1: {@link MessageBuilder#nullableRepeat};
         * {@link #fieldPath()} and {@link #size()} as for {@link #COUNTED_REPEAT}. Its value in the value model
         * is {@code null} when NULL.
         */
        NULLABLE_REPEAT,
        /** A repeat ended by a terminator byte: {@link MessageBuilder#repeatUntil}. */
        REPEAT_UNTIL,
        /** A repeat up to the end of the message: {@link MessageBuilder#repeatToEnd}. */
        REPEAT_TO_END,
        /**
         * A repeat whose elements fill a size from an earlier field: {@link MessageBuilder#repeatSized};
         * {@link #size()} and {@link #fieldPath()} say which.
         */
        SIZED_REPEAT,
        /** A field of a user-defined kind: {@link MessageBuilder#field}. */
        FIELD,
        /** A conditional part: {@link MessageBuilder#when}. */
        WHEN,
        /** A choice of sub-layout by discriminator, sized or to the end: {@link MessageBuilder#choice}. */
        CHOICE,
        /** A sub-layout confined to a size from an earlier field: {@link MessageBuilder#sized}. */
        SIZED,
        /** A sub-layout that ends where its own parts do: {@link MessageBuilder#nested}. */
        NESTED,
        /**
         * An unsigned base-128 varint: {@link MessageBuilder#varint}; {@link #prefixWidth()} is its largest
         * number of bytes, and {@link #derivedFields()} holds its own name when a later part derives it.
         */
        VARINT,
        /**
         * A remaining length, which takes no bytes: {@link MessageBuilder#remainingLength}; the parts after it
         * take exactly {@link #size()} bytes. Its {@link #name()} is {@code "(remaining length)"} and it has
         * no value; {@link #fieldPath()} names the field it derives, which a caller need not give.
         */
        REMAINING_LENGTH,
        /**
         * A total length, which takes no bytes: {@link MessageBuilder#totalLength}; the whole level, from its
         * first byte, takes exactly {@link #size()} bytes. Its {@link #name()} is {@code "(total length)"} and
         * it has no value; {@link #fieldPath()} names the field it derives, which a caller need not give.
         */
        TOTAL_LENGTH,
        /**
         * The end of a checksum's coverage, which takes no bytes: {@link MessageBuilder#checksumUpToHere}; the
         * checksum field {@link #fieldPath()} covers the bytes from its section's first byte up to this part.
         * Its {@link #name()} is {@code "(checksum section.field)"} and it has no value; encoding fills the
         * field in, so a caller need not give it.
         */
        CHECKSUM,
        /**
         * The coverage of a checksum kept apart from the bytes it covers, which takes no bytes:
         * {@link MessageBuilder#checksumOver}; the checksum field {@link #fieldPath()} covers the parts from
         * one part through another, which do not hold it. Its {@link #name()} is
         * {@code "(checksum section.field over first to last)"} and it has no value; encoding fills the field
         * in, so a caller need not give it.
         */
        CHECKSUM_OVER,
        /**
         * A transport checksum over a pseudo-header, which takes no bytes:
         * {@link MessageBuilder#pseudoHeaderChecksum}; {@link #fieldPath()} names the part whose levels hold
         * the checksums. Its {@link #name()} is {@code "(pseudo-header checksum of part)"} and it has no
         * value; encoding fills the checksums in, so a caller need not give them.
         */
        PSEUDO_HEADER_CHECKSUM
    }

    private final String name;
    private final Kind kind;
    private final PacketLayout section;
    private final Set<String> derivedFields;
    private final String fieldPath;
    private final Size size;
    private final int prefixWidth;
    private final int prefixCounts;
    private final int terminator;
    private final MessageLayout body;
    private final IntPredicate condition;
    private final Map<Integer, MessageLayout> alternatives;
    private final FieldKind<?> fieldKind;

    MessagePart(String name, Kind kind, PacketLayout section, Set<String> derivedFields, String fieldPath, Size size,
            int prefixWidth, int terminator, MessageLayout body, IntPredicate condition,
            Map<Integer, MessageLayout> alternatives, FieldKind<?> fieldKind) {
        this(name, kind, section, derivedFields, fieldPath, size, prefixWidth, 0, terminator, body, condition,
                alternatives, fieldKind);
    }

    MessagePart(String name, Kind kind, PacketLayout section, Set<String> derivedFields, String fieldPath, Size size,
            int prefixWidth, int prefixCounts, int terminator, MessageLayout body, IntPredicate condition,
            Map<Integer, MessageLayout> alternatives, FieldKind<?> fieldKind) {
        this.name = name;
        this.kind = kind;
        this.section = section;
        this.derivedFields = Set.copyOf(derivedFields);
        this.fieldPath = fieldPath;
        this.size = size;
        this.prefixWidth = prefixWidth;
        this.prefixCounts = prefixCounts;
        this.terminator = terminator;
        this.body = body;
        this.condition = condition;
        this.alternatives = alternatives == null ? Map.of() : Map.copyOf(alternatives);
        this.fieldKind = fieldKind;
    }

    /**
     * The part's name, as used in paths and in the value model.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * What the part is.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The fixed layout of a {@link Kind#SECTION}, or the one-field layout of a {@link Kind#FIXED_FIELD}.
     *
     * @return the layout, or {@code null} for other kinds
     */
    public PacketLayout section() {
        return section;
    }

    /**
     * The fields of a {@link Kind#SECTION} that later parts compute when encoding (counts, sizes), which a
     * caller need not give.
     *
     * @return the field names; empty for other kinds
     */
    public Set<String> derivedFields() {
        return derivedFields;
    }

    /**
     * The {@code "section.field"} path the part depends on: the count of a {@link Kind#COUNTED_REPEAT}, the
     * condition of a {@link Kind#WHEN}, the discriminator of a {@link Kind#CHOICE}, the size field of
     * {@link Kind#SIZED_BYTES}, {@link Kind#SIZED}, {@link Kind#SIZED_REPEAT}, {@link Kind#REMAINING_LENGTH} and
     * {@link Kind#TOTAL_LENGTH} (a varint or a single field is named by its part name alone), the checksum of
     * a {@link Kind#CHECKSUM}, or the part holding the checksums of a {@link Kind#PSEUDO_HEADER_CHECKSUM}.
     *
     * @return the path, or {@code null} for other kinds
     */
    public String fieldPath() {
        return fieldPath;
    }

    /**
     * The size of {@link Kind#SIZED_BYTES}, {@link Kind#SIZED}, {@link Kind#SIZED_REPEAT}, a sized
     * {@link Kind#CHOICE}, or the length a
     * {@link Kind#REMAINING_LENGTH} or {@link Kind#TOTAL_LENGTH} declares; or the count of a
     * {@link Kind#COUNTED_REPEAT} counted through arithmetic ({@code n − 1}).
     *
     * @return the size, or {@code null} if the part has none
     */
    public Size size() {
        return size;
    }

    /**
     * The prefix width of {@link Kind#PREFIXED_BYTES} (1, 2 or 4) or {@link Kind#NULLABLE_BYTES} (2 or 4), or
     * the most bytes of a {@link Kind#VARINT}.
     *
     * @return the width in bytes, or 0 for other kinds
     */
    public int prefixWidth() {
        return prefixWidth;
    }

    /**
     * How many bytes the length prefix of {@link Kind#PREFIXED_BYTES} counts besides the bytes after it: 0
     * unless declared with {@link MessageBuilder#prefixed(String, int, int)}, such as 2 for a TCP option
     * whose length counts its kind and length bytes.
     *
     * @return the bytes counted besides the part's own; 0 for other kinds
     */
    public int prefixCounts() {
        return prefixCounts;
    }

    /**
     * The terminator byte of a {@link Kind#REPEAT_UNTIL}.
     *
     * @return the byte value 0-255, or -1 for other kinds
     */
    public int terminator() {
        return terminator;
    }

    /**
     * The element layout of a repeat, or the body of a {@link Kind#WHEN} or {@link Kind#SIZED}.
     *
     * @return the layout, or {@code null} for other kinds
     */
    public MessageLayout body() {
        return body;
    }

    /**
     * The test of a {@link Kind#WHEN} on its condition field's value.
     *
     * @return the test, or {@code null} for other kinds
     */
    public IntPredicate condition() {
        return condition;
    }

    /**
     * The alternatives of a {@link Kind#CHOICE} by discriminator value.
     *
     * @return an unmodifiable map; empty for other kinds
     */
    public Map<Integer, MessageLayout> alternatives() {
        return alternatives;
    }

    /**
     * The kind of a {@link Kind#FIELD}.
     *
     * @return the field kind, or {@code null} for other kinds
     */
    public FieldKind<?> fieldKind() {
        return fieldKind;
    }

    /**
     * The part's name and kind.
     *
     * @return for example {@code "answers (COUNTED_REPEAT)"}
     */
    @Override
    public String toString() {
        return name + " (" + kind + ")";
    }
}
