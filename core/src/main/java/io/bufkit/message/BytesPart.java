package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import java.util.Map;

/**
 * A run of bytes whose length comes from an earlier field, a prefix, a NUL terminator or the message's end.
 * A {@link Kind#NULLABLE} part's prefix is signed, -1 standing for NULL; it keeps whether it is NULL in the
 * second int of its record in a {@link LevelTape}.
 */
final class BytesPart extends Part {
    /**
     * How the part's length is found: only the prefix of {@link #PREFIXED} and {@link #NULLABLE} differ, and
     * the {@link #COMPACT} ones hold the length plus one in a varint, 0 for NULL (Kafka's compact strings).
     */
    enum Kind { SIZED, PREFIXED, NULLABLE, NUL_TERMINATED, REST, COMPACT, NULLABLE_COMPACT }

    /** The most bytes of a compact part's varint: Kafka's UNSIGNED_VARINT. */
    static final int COMPACT_VARINT_BYTES = 5;
    /** The longest compact part: its length plus one fits an int, as every length here does. */
    static final int MOST_COMPACT = Integer.MAX_VALUE - 1;

    /** The prefix of a NULL part of kind {@link Kind#NULLABLE}. */
    static final int NULL = -1;

    final Kind kind;
    final FieldRef sizeField;
    final Size size;
    final int prefixWidth;
    /** The bytes a {@link Kind#PREFIXED} part's prefix counts besides the data (its element's header); else 0. */
    final int prefixCounts;
    /**
     * For {@link Kind#REST}: the bytes of the fixed sections and fields after it, which it leaves room for (a
     * trailing CRC); set once by {@link MessageBuilder#build()}.
     */
    int trailer;
    /**
     * For {@link Kind#REST}: the byte parts after it sized by fields declared before it (HTTP/2's padding),
     * which it leaves room for too; set once by {@link MessageBuilder#build()}, null when there are none.
     */
    BytesPart[] sizedTrailer;

    BytesPart(String name, Kind kind, FieldRef sizeField, Size size, int prefixWidth, int prefixCounts) {
        super(name);
        this.kind = kind;
        this.sizeField = sizeField;
        this.size = size;
        this.prefixWidth = prefixWidth;
        this.prefixCounts = prefixCounts;
    }

    /**
     * One int for where the next part starts, and one more: for {@link Kind#NULLABLE} whether the part is
     * NULL (1) or not (0); for a compact part its varint's width, negated when the part is NULL.
     */
    @Override
    int slots() {
        return kind == Kind.NULLABLE || compact() ? 2 : 1;
    }

    /** Whether the part was decoded from a NULL prefix (-1, or a compact 0) in level {@code level} of a tape. */
    boolean isNull(LevelTape t, int level) {
        return kind == Kind.NULLABLE && t.ints[level + slot + 1] != 0
                || kind == Kind.NULLABLE_COMPACT && t.ints[level + slot + 1] < 0;
    }

    /** Whether the part may be NULL. */
    boolean nullable() {
        return kind == Kind.NULLABLE || kind == Kind.NULLABLE_COMPACT;
    }

    /** Whether the part's length is a varint holding the length plus one. */
    boolean compact() {
        return kind == Kind.COMPACT || kind == Kind.NULLABLE_COMPACT;
    }

    /** A compact part starts after its varint, whose width the tape keeps. */
    @Override
    int start(LevelTape t, int level) {
        return compact() ? t.ints[level + startSlot] + Math.abs(t.ints[level + slot + 1]) : super.start(t, level);
    }

    private boolean prefixed() {
        return kind == Kind.PREFIXED || kind == Kind.NULLABLE;
    }

    @Override
    int minSize() {
        return switch (kind) {
            case PREFIXED, NULLABLE -> prefixWidth;
            case NUL_TERMINATED, COMPACT, NULLABLE_COMPACT -> 1;
            default -> 0;
        };
    }

    @Override
    int leading() {
        return prefixed() ? prefixWidth : 0;
    }

    @Override
    int trailing() {
        return kind == Kind.NUL_TERMINATED ? 1 : 0;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        ByteView v = t.view;
        switch (kind) {
            case SIZED: {
                long length = size.apply(sizeField.read(t, level));
                return t.sizedEnd(level, this, at, at, length, limit, size);
            }
            case PREFIXED:
            case NULLABLE: {
                if (at + prefixWidth > limit) {
                    throw t.fail(t.pathOf(level, this), at, "length prefix of " + prefixWidth
                            + " bytes runs past the end", prefixWidth + " bytes", (limit - at) + " bytes");
                }
                long length = readPrefix(v, at) - prefixCounts;
                if (length < 0 && kind == Kind.PREFIXED) {
                    throw t.fail(t.pathOf(level, this), at, "length prefix " + (length + prefixCounts)
                            + " is less than the " + prefixCounts + " bytes it counts besides the data",
                            "at least " + prefixCounts, Long.toString(length + prefixCounts));
                }
                if (kind == Kind.NULLABLE) {
                    t.ints[level + slot + 1] = length == NULL ? 1 : 0;
                    if (length == NULL) {
                        return at + prefixWidth;
                    }
                    if (length < 0) {
                        throw t.fail(t.pathOf(level, this), at, "length " + length
                                + " is negative and not -1 (NULL)", "-1 or 0 to " + (limit - at - prefixWidth),
                                Long.toString(length));
                    }
                }
                return t.sizedEnd(level, this, at, at + prefixWidth, length, limit, null, prefixCounts);
            }
            case COMPACT:
            case NULLABLE_COMPACT:
                return decodeCompact(t, level, at, limit);
            case NUL_TERMINATED: {
                int nul = v.indexOf((byte) 0, at);
                if (nul < 0 || nul >= limit) {
                    throw t.fail(t.pathOf(level, this), at, "NUL terminator never comes", "a 0 byte before offset "
                            + limit, "none in " + (limit - at) + " bytes");
                }
                return nul + 1;
            }
            default: {
                long end = limit - trailer;
                if (sizedTrailer != null) {
                    end -= sizedTrailerLength(t, level);
                }
                if (end < at) {
                    throw trailerDoesNotFit(t, level, at, limit, limit - end);
                }
                return (int) end;
            }
        }
    }

    /**
     * The bytes of the sized parts after a rest part, from the fields declared before it; a negative size
     * counts as 0 here, and fails when its own part is decoded.
     */
    private long sizedTrailerLength(LevelTape t, int level) {
        long n = 0;
        for (BytesPart p : sizedTrailer) {
            n += Math.max(0, p.size.apply(p.sizeField.read(t, level)));
        }
        return n;
    }

    /** The failure of a rest part too short for the parts after it; built apart to keep decode small. */
    private LayoutException trailerDoesNotFit(LevelTape t, int level, int at, int limit, long after) {
        return t.fail(t.pathOf(level, this), at, "the " + after + " bytes of the parts after it do not fit: "
                + (limit - at) + " remain", after + " bytes", (limit - at) + " bytes");
    }

    /**
     * Decodes a compact part: a varint holding the length plus one, 0 for NULL, whose width (negated for
     * NULL) the tape keeps; returns where the part ends.
     */
    private int decodeCompact(LevelTape t, int level, int at, int limit) {
        int from = VarintPart.end(t, level, this, at, limit, COMPACT_VARINT_BYTES);
        long prefix = VarintPart.value(t.view, at);
        if (prefix == 0) {
            if (kind == Kind.COMPACT) {
                throw t.fail(t.pathOf(level, this), at, "compact length 0 is NULL, which this part does not "
                        + "allow", "a length + 1 of 1 or more", "0");
            }
            t.ints[level + slot + 1] = at - from;
            return from;
        }
        t.ints[level + slot + 1] = from - at;
        return t.sizedEnd(level, this, at, from, prefix - 1, limit, null, 1);
    }

    /** The length prefix at {@code at}: unsigned, or signed for {@link Kind#NULLABLE}; big-endian. */
    private long readPrefix(ByteView v, int at) {
        if (kind == Kind.NULLABLE) {
            return prefixWidth == 2 ? v.i16be(at) : v.i32be(at);
        }
        return switch (prefixWidth) {
            case 1 -> v.u8(at);
            case 2 -> v.u16be(at);
            default -> v.u32be(at);
        };
    }

    /** Writes the length prefix {@code length} at {@code at}; -1 ({@link #NULL}) only for {@link Kind#NULLABLE}. */
    private void writePrefix(MutableByteView out, int at, int length) {
        if (kind == Kind.NULLABLE) {
            if (prefixWidth == 2) {
                out.putI16be(at, (short) length);
            } else {
                out.putI32be(at, length);
            }
            return;
        }
        switch (prefixWidth) {
            case 1 -> out.putU8(at, length);
            case 2 -> out.putU16be(at, length);
            default -> out.putU32be(at, length);
        }
    }

    /**
     * The longest value the prefix can give: unsigned, or signed for {@link Kind#NULLABLE}, less what it counts
     * besides the data.
     */
    private long mostPrefixed() {
        long bits = 8L * prefixWidth - (kind == Kind.NULLABLE ? 1 : 0);
        return (1L << bits) - 1 - prefixCounts;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        ByteView b = m.bytes(index);
        if (b == null) {
            out.append(indent).append(name).append(" @").append(m.start(index)).append(": NULL (")
                    .append(compact() ? "compact length 0" : "length prefix -1").append(")\n");
            return;
        }
        out.append(indent).append(name).append(" @").append(m.start(index)).append(" (").append(b.length())
                .append(" bytes):");
        for (int i = 0; i < Math.min(b.length(), 32); i++) {
            out.append(' ').append(Character.forDigit(b.u8(i) >> 4, 16)).append(Character.forDigit(b.u8(i) & 15, 16));
        }
        out.append(b.length() > 32 ? " …\n" : "\n");
    }

    @Override
    String declaration() {
        return switch (kind) {
            case SIZED -> name + ": bytes[" + size + "]";
            case PREFIXED -> name + ": bytes with " + prefixWidth + "-byte length prefix"
                    + (prefixCounts == 0 ? "" : " counting " + prefixCounts + " more bytes");
            case NULLABLE -> name + ": bytes or NULL with " + prefixWidth + "-byte signed length prefix (-1 = NULL)";
            case NUL_TERMINATED -> name + ": NUL-terminated";
            case COMPACT -> name + ": bytes with a varint holding the length + 1";
            case NULLABLE_COMPACT -> name + ": bytes or NULL with a varint holding the length + 1 (0 = NULL)";
            default -> name + ": rest of message";
        };
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        ByteView b = m.bytes(index);
        into.put(name, b == null ? null : Bytes.copyOf(b));
    }

    @Override
    FieldRef derives() {
        return kind == Kind.SIZED ? sizeField : null;
    }

    @Override
    int size(LevelEncoding e, int index) {
        ByteView b = e.values.bytes(index);
        if (b == null) {
            boolean given = e.values.has(index);
            if (nullable() && (!given || e.values.value(index) == null)) {
                e.children[index] = null;
                return compact() ? 1 : prefixWidth;   // NULL: the prefix -1, or a compact 0, alone
            }
            throw given ? e.fail(e.partPath(index), "expected Bytes, byte[] or a String"
                    + (nullable() ? ", or null" : "")) : e.missing(e.partPath(index));
        }
        e.children[index] = b;
        int length = b.length();
        switch (kind) {
            case SIZED:
                e.deriveSize(sizeField, size, length, index);
                return length;
            case PREFIXED:
            case NULLABLE:
                long most = mostPrefixed();
                if (length > most) {
                    throw e.fail(e.partPath(index), length + " bytes do not fit a " + prefixWidth + "-byte "
                            + (kind == Kind.NULLABLE ? "signed " : "") + "length prefix (at most " + most
                            + (prefixCounts == 0 ? "" : " besides the " + prefixCounts + " bytes it also counts")
                            + ")");
                }
                return prefixWidth + length;
            case COMPACT:
            case NULLABLE_COMPACT:
                if (length > MOST_COMPACT) {
                    throw e.fail(e.partPath(index), length + " bytes do not fit a compact length (at most "
                            + MOST_COMPACT + ")");
                }
                return VarintPart.width(length + 1L) + length;
            case NUL_TERMINATED:
                int nul = b.indexOf((byte) 0, 0);
                if (nul >= 0) {
                    throw e.fail(e.partPath(index), "holds a 0 byte at index " + nul + ", which would end it early");
                }
                return length + 1;
            default:
                return length;
        }
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        ByteView b = (ByteView) e.children[index];
        int from = at;
        if (compact()) {
            int width = b == null ? 1 : e.sizes[index] - b.length();
            VarintPart.put(out, at, b == null ? 0 : b.length() + 1, width);
            if (b == null) {
                return;
            }
            from += width;
        } else if (prefixed()) {
            writePrefix(out, at, b == null ? NULL : b.length() + prefixCounts);
            if (b == null) {
                return;
            }
            from += prefixWidth;
        }
        out.put(from, b);
        if (kind == Kind.NUL_TERMINATED) {
            out.putU8(from + b.length(), 0);
        }
    }

    @Override
    MessagePart describePart(java.util.Set<String> derived) {
        MessagePart.Kind k = switch (kind) {
            case SIZED -> MessagePart.Kind.SIZED_BYTES;
            case PREFIXED -> MessagePart.Kind.PREFIXED_BYTES;
            case NULLABLE -> MessagePart.Kind.NULLABLE_BYTES;
            case NUL_TERMINATED -> MessagePart.Kind.NUL_TERMINATED_BYTES;
            case COMPACT -> MessagePart.Kind.COMPACT_BYTES;
            case NULLABLE_COMPACT -> MessagePart.Kind.NULLABLE_COMPACT_BYTES;
            default -> MessagePart.Kind.REST_BYTES;
        };
        return new MessagePart(name, k, null, java.util.Set.of(), sizeField == null ? null : sizeField.path, size,
                compact() ? COMPACT_VARINT_BYTES : prefixWidth, prefixCounts, -1, null, null, null, null);
    }
}
