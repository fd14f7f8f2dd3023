package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.util.Map;

/** A run of bytes whose length comes from an earlier field, a prefix, a NUL terminator or the message's end. */
final class BytesPart extends Part {
    enum Kind { SIZED, PREFIXED, NUL_TERMINATED, REST }

    final Kind kind;
    final FieldRef sizeField;
    final Size size;
    final int prefixWidth;

    BytesPart(String name, Kind kind, FieldRef sizeField, Size size, int prefixWidth) {
        super(name);
        this.kind = kind;
        this.sizeField = sizeField;
        this.size = size;
        this.prefixWidth = prefixWidth;
    }

    @Override
    int minSize() {
        return switch (kind) {
            case PREFIXED -> prefixWidth;
            case NUL_TERMINATED -> 1;
            default -> 0;
        };
    }

    @Override
    int leading() {
        return kind == Kind.PREFIXED ? prefixWidth : 0;
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
            case PREFIXED: {
                if (at + prefixWidth > limit) {
                    throw t.fail(t.pathOf(level, this), at, "length prefix of " + prefixWidth
                            + " bytes runs past the end", prefixWidth + " bytes", (limit - at) + " bytes");
                }
                long length = switch (prefixWidth) {
                    case 1 -> v.u8(at);
                    case 2 -> v.u16be(at);
                    default -> v.u32be(at);
                };
                return t.sizedEnd(level, this, at, at + prefixWidth, length, limit, null);
            }
            case NUL_TERMINATED: {
                int nul = v.indexOf((byte) 0, at);
                if (nul < 0 || nul >= limit) {
                    throw t.fail(t.pathOf(level, this), at, "NUL terminator never comes", "a 0 byte before offset "
                            + limit, "none in " + (limit - at) + " bytes");
                }
                return nul + 1;
            }
            default:
                return limit;
        }
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        ByteView b = m.bytes(index);
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
            case PREFIXED -> name + ": bytes with " + prefixWidth + "-byte length prefix";
            case NUL_TERMINATED -> name + ": NUL-terminated";
            default -> name + ": rest of message";
        };
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        into.put(name, Bytes.copyOf(m.bytes(index)));
    }

    @Override
    FieldRef derives() {
        return kind == Kind.SIZED ? sizeField : null;
    }

    @Override
    int size(LevelEncoding e, int index) {
        ByteView b = e.values.bytes(index);
        if (b == null) {
            throw e.values.has(index) ? e.fail(e.partPath(index), "expected Bytes, byte[] or a String") : e.missing(e.partPath(index));
        }
        e.children[index] = b;
        int length = b.length();
        switch (kind) {
            case SIZED:
                e.deriveSize(sizeField, size, length, index);
                return length;
            case PREFIXED:
                long most = prefixWidth == 4 ? 0xFFFF_FFFFL : (1L << (8 * prefixWidth)) - 1;
                if (length > most) {
                    throw e.fail(e.partPath(index), length + " bytes do not fit a " + prefixWidth + "-byte length prefix (at most "
                            + most + ")");
                }
                return prefixWidth + length;
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
        if (kind == Kind.PREFIXED) {
            switch (prefixWidth) {
                case 1 -> out.putU8(at, b.length());
                case 2 -> out.putU16be(at, b.length());
                default -> out.putU32be(at, b.length());
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
            case NUL_TERMINATED -> MessagePart.Kind.NUL_TERMINATED_BYTES;
            default -> MessagePart.Kind.REST_BYTES;
        };
        return new MessagePart(name, k, null, java.util.Set.of(), sizeField == null ? null : sizeField.path, size,
                prefixWidth, -1, null, null, null, null);
    }
}
