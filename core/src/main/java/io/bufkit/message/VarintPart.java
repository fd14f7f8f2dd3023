package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.util.Map;
import java.util.Set;

/**
 * An unsigned base-128 varint of at most {@link #maxBytes} bytes, least significant group first (MQTT's
 * remaining length, protobuf's lengths): an integer later parts may take a size, count or condition from,
 * and that encoding derives when a later part's size gives it.
 */
final class VarintPart extends Part {
    final int maxBytes;

    VarintPart(String name, int maxBytes) {
        super(name);
        this.maxBytes = maxBytes;
    }

    /** The value of the well-formed varint at {@code at}. */
    static int value(ByteView v, int at) {
        int value = 0;
        for (int i = 0;; i++) {
            int b = v.u8(at + i);
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    /** The largest value {@link #maxBytes} bytes hold (at most {@code Integer.MAX_VALUE}). */
    long max() {
        return Math.min(Integer.MAX_VALUE, (1L << (7 * maxBytes)) - 1);
    }

    @Override
    int minSize() {
        return 1;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        return end(t, level, this, at, limit, maxBytes);
    }

    /**
     * Where a varint of at most {@code maxBytes} bytes that part {@code p} of level {@code level} holds at
     * {@code at} ends, not reading at or past {@code limit}; or a failure naming the part's path.
     */
    static int end(LevelTape t, int level, Part p, int at, int limit, int maxBytes) {
        ByteView v = t.view;
        for (int i = 0; i < maxBytes; i++) {
            if (at + i >= limit) {
                throw t.fail(t.pathOf(level, p), at, "varint runs past the end", "a last byte below 0x80 before offset "
                        + limit, (limit - at) + " byte(s) with the continuation bit");
            }
            if ((v.u8(at + i) & 0x80) == 0) {
                if (i == maxBytes - 1 && 7 * maxBytes > 31 && v.u8(at + i) > 0x07) {
                    throw t.fail(t.pathOf(level, p), at, "varint does not fit an int", "at most " + Integer.MAX_VALUE,
                            "more");
                }
                return at + i + 1;
            }
        }
        throw t.fail(t.pathOf(level, p), at, "varint longer than " + maxBytes + " bytes", "at most " + maxBytes
                + " bytes", "a continuation bit in byte " + maxBytes);
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        out.append(indent).append(name).append(" @").append(m.start(index)).append(": ")
                .append(value(m.view(), m.start(index))).append(" (varint, ").append(m.end(index) - m.start(index))
                .append(" byte(s))\n");
    }

    @Override
    String declaration() {
        return name + ": varint of up to " + maxBytes + " bytes";
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        into.put(name, value(m.view(), m.start(index)));
    }

    @Override
    int size(LevelEncoding e, int index) {
        long value;
        if (e.layout.isDerivedPart(index)) {
            FieldRef ref = e.layout.derivedPartRef(index);
            value = e.isDerived(ref) ? e.derivedValue(ref) : 0;
        } else {
            value = e.userInt(e.layout.ref(name), index);
            if (value < 0 || value > max()) {
                throw e.fail(e.partPath(index), value + " does not fit a varint of up to " + maxBytes + " bytes (0 to "
                        + max() + ")");
            }
        }
        e.children[index] = (int) value;
        return width(value);
    }

    /** The number of bytes a value of 0 or more takes as a varint. */
    static int width(long value) {
        int n = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
            n++;
        }
        return n;
    }

    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        put(out, at, (Integer) e.children[index], e.sizes[index]);
    }

    /** Writes {@code value} at {@code at} as a varint of {@code width} bytes ({@link #width(long)} or more). */
    static void put(MutableByteView out, int at, int value, int width) {
        for (int i = 0; i < width; i++) {
            out.putU8(at + i, (value >>> (7 * i)) & 0x7F | (i < width - 1 ? 0x80 : 0));
        }
    }

    @Override
    MessagePart describePart(Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.VARINT, null, derived, null, null, maxBytes, -1, null, null,
                null, null);
    }
}
