package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to an integer field that fits an {@code int}: {@code u8}, {@code i8}, {@code u16be},
 * {@code u16le}, {@code i16be}, {@code i16le}, {@code i32be} or {@code i32le}. Unsigned fields read as
 * non-negative values; {@code u32} fields are {@link LongField}s.
 *
 * <p>{@link #get(ByteView)} and {@link #set(MutableByteView, int)} allocate nothing and go through the
 * view's checked accessors. Each wire type has its own final implementation, so a handle kept in a
 * {@code static final} constant compiles to the view's read alone. Immutable and thread-safe.
 */
public abstract sealed class IntField extends LayoutField
        permits IntField.U8, IntField.I8, IntField.U16be, IntField.U16le, IntField.I16be, IntField.I16le,
        IntField.I32be, IntField.I32le {

    private final int min;
    private final int max;
    private final int expected;

    private IntField(String layoutName, String name, FieldKind kind, int offset, boolean constant, long expected,
            int min, int max) {
        super(layoutName, name, kind, offset, kind.width, constant);
        this.min = min;
        this.max = max;
        this.expected = (int) expected;
    }

    static IntField of(String layoutName, String name, FieldKind kind, int offset, boolean constant, long expected) {
        return switch (kind) {
            case U8 -> new U8(layoutName, name, offset, constant, expected);
            case I8 -> new I8(layoutName, name, offset, constant, expected);
            case U16BE -> new U16be(layoutName, name, offset, constant, expected);
            case U16LE -> new U16le(layoutName, name, offset, constant, expected);
            case I16BE -> new I16be(layoutName, name, offset, constant, expected);
            case I16LE -> new I16le(layoutName, name, offset, constant, expected);
            case I32BE -> new I32be(layoutName, name, offset, constant, expected);
            case I32LE -> new I32le(layoutName, name, offset, constant, expected);
            default -> throw new IllegalArgumentException("not an int field type: " + kind.typeName);
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
    public abstract int get(ByteView packet);

    /**
     * Writes the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param value the value, in {@code [min(), max()]}
     * @throws IllegalArgumentException if the value does not fit the field's type; nothing is written
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public final void set(MutableByteView packet, int value) {
        if (value < min || value > max) {
            throw outOfRange(Integer.toString(value), min + " to " + max);
        }
        write(packet, value);
    }

    /** Writes a value known to be in range. */
    abstract void write(MutableByteView packet, int value);

    /**
     * The smallest value the field's type holds: 0 for unsigned types.
     *
     * @return the minimum value
     */
    public final int min() {
        return min;
    }

    /**
     * The largest value the field's type holds, for example 255 for {@code u8}.
     *
     * @return the maximum value
     */
    public final int max() {
        return max;
    }

    @Override
    final String format(ByteView packet) {
        return Integer.toString(get(packet));
    }

    @Override
    final String formatAsConstant(ByteView packet) {
        return text(get(packet));
    }

    @Override
    final String formatExpected() {
        return text(expected);
    }

    private String text(int value) {
        return decimalAndHex(value, value & ((1L << (8 * width)) - 1), 2 * width);
    }

    @Override
    final boolean holdsExpected(ByteView packet) {
        return get(packet) == expected;
    }

    @Override
    final void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }

    static final class U8 extends IntField {
        U8(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.U8, offset, constant, expected, 0, 0xFF);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI8(packet, end) & 0xFF;
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putU8(offset, value);
        }
    }

    static final class I8 extends IntField {
        I8(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.I8, offset, constant, expected, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI8(packet, end);
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putI8(offset, (byte) value);
        }
    }

    static final class U16be extends IntField {
        U16be(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.U16BE, offset, constant, expected, 0, 0xFFFF);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16be(packet, end) & 0xFFFF;
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putU16be(offset, value);
        }
    }

    static final class U16le extends IntField {
        U16le(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.U16LE, offset, constant, expected, 0, 0xFFFF);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16le(packet, end) & 0xFFFF;
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putU16le(offset, value);
        }
    }

    static final class I16be extends IntField {
        I16be(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.I16BE, offset, constant, expected, Short.MIN_VALUE, Short.MAX_VALUE);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16be(packet, end);
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putI16be(offset, (short) value);
        }
    }

    static final class I16le extends IntField {
        I16le(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.I16LE, offset, constant, expected, Short.MIN_VALUE, Short.MAX_VALUE);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16le(packet, end);
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putI16le(offset, (short) value);
        }
    }

    static final class I32be extends IntField {
        I32be(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.I32BE, offset, constant, expected, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI32be(packet, end);
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putI32be(offset, value);
        }
    }

    static final class I32le extends IntField {
        I32le(String layoutName, String name, int offset, boolean constant, long expected) {
            super(layoutName, name, FieldKind.I32LE, offset, constant, expected, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI32le(packet, end);
        }

        @Override
        void write(MutableByteView packet, int value) {
            packet.putI32le(offset, value);
        }
    }
}
