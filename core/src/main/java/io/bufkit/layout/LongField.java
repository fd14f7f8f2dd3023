package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an integer field read as a {@code long}: {@code u32be}, {@code u32le} (0 to
 * 2<sup>32</sup>-1), {@code i64be} or {@code i64le}.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, long)} allocate nothing and go through the
 * view's checked accessors. Each wire type has its own final implementation, so a handle kept in a
 * {@code static final} constant compiles to the view's read alone. Immutable and thread-safe.
 */
public abstract sealed class LongField extends LayoutField
        permits LongField.U32be, LongField.U32le, LongField.I64be, LongField.I64le {

    private final long min;
    private final long max;
    private final long expected;

    private LongField(String layoutName, String name, FieldKind kind, int offset, boolean constant, long expected,
            long min, long max) {
        super(layoutName, name, kind, offset, kind.width, constant);
        this.min = min;
        this.max = max;
        this.expected = expected;
    }

    static LongField of(String layoutName, String name, FieldKind kind, int offset, boolean constant, long expected) {
        return switch (kind) {
            case U32BE -> new U32be(layoutName, name, offset, constant, expected);
            case U32LE -> new U32le(layoutName, name, offset, constant, expected);
            case I64BE -> new I64be(layoutName, name, offset, constant, expected);
            case I64LE -> new I64le(layoutName, name, offset, constant, expected);
            default -> throw new IllegalArgumentException("not a long field type: " + kind.typeName);
        };
    }

    /**
     * Reads the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the value, in {@code [min(), max()]}
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public abstract long get(ByteView packet);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value, in {@code [min(), max()]}
     * @throws IllegalArgumentException if the value does not fit the field's type; nothing is written
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public final void set(MutableByteView packet, long value) {
        if (value < min || value > max) {
            throw outOfRange(Long.toString(value), min + " to " + max);
        }
        write(packet, value);
    }

    /** Writes a value known to be in range. */
    abstract void write(MutableByteView packet, long value);

    /**
     * The smallest value the field's type holds: 0 for {@code u32}.
     *
     * @return the minimum value
     */
    public final long min() {
        return min;
    }

    /**
     * The largest value the field's type holds: 2<sup>32</sup>-1 for {@code u32}.
     *
     * @return the maximum value
     */
    public final long max() {
        return max;
    }

    @Override
    final String format(ByteView packet) {
        return Long.toString(get(packet));
    }

    @Override
    final String formatAsConstant(ByteView packet) {
        long value = get(packet);
        return decimalAndHex(value, value, 2 * width);
    }

    @Override
    final String formatExpected() {
        return decimalAndHex(expected, expected, 2 * width);
    }

    @Override
    final boolean holdsExpected(ByteView packet) {
        return get(packet) == expected;
    }

    @Override
    final void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }

    static final class U32be extends LongField {
        U32be(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.U32BE, offset, constant, expected, 0, 0xFFFF_FFFFL);
        }

        @Override
        public long get(ByteView packet) {
            return Integer.toUnsignedLong(VIEWS.readI32be(packet, end));
        }

        @Override
        void write(MutableByteView packet, long value) {
            packet.putU32be(offset, value);
        }
    }

    static final class U32le extends LongField {
        U32le(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.U32LE, offset, constant, expected, 0, 0xFFFF_FFFFL);
        }

        @Override
        public long get(ByteView packet) {
            return Integer.toUnsignedLong(VIEWS.readI32le(packet, end));
        }

        @Override
        void write(MutableByteView packet, long value) {
            packet.putU32le(offset, value);
        }
    }

    static final class I64be extends LongField {
        I64be(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.I64BE, offset, constant, expected, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        public long get(ByteView packet) {
            return VIEWS.readI64be(packet, end);
        }

        @Override
        void write(MutableByteView packet, long value) {
            packet.putI64be(offset, value);
        }
    }

    static final class I64le extends LongField {
        I64le(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.I64LE, offset, constant, expected, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        public long get(ByteView packet) {
            return VIEWS.readI64le(packet, end);
        }

        @Override
        void write(MutableByteView packet, long value) {
            packet.putI64le(offset, value);
        }
    }
}
