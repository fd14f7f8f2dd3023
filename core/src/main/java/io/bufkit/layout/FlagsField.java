package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A handle to a bit-flag field of 8, 16 or 32 bits ({@code flags8}, {@code flags16be}, {@code flags16le},
 * {@code flags32be}, {@code flags32le}) whose bits have names: bit 0 (the least significant) gets the
 * first name given at declaration, bit 1 the second, and so on.
 *
 * <p>{@link #get(ByteView)} reads all bits at once; {@link #isSet(ByteView, String)} reads one named bit.
 * On hot paths, look up a bit's {@link #mask(String) mask} once and test {@code (get(packet) & mask) != 0}:
 * neither allocates. Each wire type has its own final implementation, so a handle kept in a {@code static final}
 * constant compiles to the view's read alone. Immutable and thread-safe.
 */
public abstract sealed class FlagsField extends LayoutField
        permits FlagsField.Flags8, FlagsField.Flags16be, FlagsField.Flags16le, FlagsField.Flags32be,
        FlagsField.Flags32le {

    /** Bit names by bit position; {@code null} for an unnamed bit. */
    private final String[] bitNames;
    private final int expected;

    private FlagsField(String layoutName, String name, FieldKind kind, int offset, String[] bitNames, boolean constant,
            long expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        this.bitNames = java.util.Arrays.copyOf(bitNames, 8 * kind.width);
        this.expected = (int) expected;
    }

    static FlagsField of(String layoutName, String name, FieldKind kind, int offset, String[] bitNames,
            boolean constant, long expected) {
        return switch (kind) {
            case FLAGS8 -> new Flags8(layoutName, name, offset, bitNames, constant, expected);
            case FLAGS16BE -> new Flags16be(layoutName, name, offset, bitNames, constant, expected);
            case FLAGS16LE -> new Flags16le(layoutName, name, offset, bitNames, constant, expected);
            case FLAGS32BE -> new Flags32be(layoutName, name, offset, bitNames, constant, expected);
            case FLAGS32LE -> new Flags32le(layoutName, name, offset, bitNames, constant, expected);
            default -> throw new IllegalArgumentException("not a flags field type: " + kind.typeName);
        };
    }

    /**
     * Reads all bits of the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the bits, bit 0 the least significant; the upper bits are 0 for 8- and 16-bit fields
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public abstract int get(ByteView packet);

    /**
     * Writes all bits of the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param bits the bits, bit 0 the least significant; only the field's {@link #bitCount()} low bits may
     *        be set
     * @throws IllegalArgumentException if a bit beyond the field's width is set; nothing is written
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public final void set(MutableByteView packet, int bits) {
        if (width < 4 && (bits >>> (8 * width)) != 0) {
            throw outOfRange("0x" + Integer.toHexString(bits), "the field's " + (8 * width) + " bits");
        }
        write(packet, bits);
    }

    /** Writes bits known to fit. */
    abstract void write(MutableByteView packet, int bits);

    /**
     * Whether a named bit is set.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param bitName a name given at declaration
     * @return {@code true} if the bit is 1
     * @throws IllegalArgumentException if the field has no bit of that name
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public final boolean isSet(ByteView packet, String bitName) {
        return (get(packet) & mask(bitName)) != 0;
    }

    /**
     * Sets or clears one named bit, leaving the other bits as they are.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param bitName a name given at declaration
     * @param on {@code true} to set the bit, {@code false} to clear it
     * @throws IllegalArgumentException if the field has no bit of that name
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public final void set(MutableByteView packet, String bitName, boolean on) {
        int mask = mask(bitName);
        int bits = get(packet);
        set(packet, on ? bits | mask : bits & ~mask);
    }

    /**
     * The mask of a named bit, {@code 1 << position}, to test bits without a name lookup per read.
     *
     * @param bitName a name given at declaration
     * @return the mask with only that bit set
     * @throws IllegalArgumentException if the field has no bit of that name
     */
    public final int mask(String bitName) {
        for (int i = 0; i < bitNames.length; i++) {
            if (bitName.equals(bitNames[i])) {
                return 1 << i;
            }
        }
        throw new IllegalArgumentException("layout '" + layoutName + "', " + where() + " has no bit named '"
                + bitName + "'; its bits are " + namedBits());
    }

    /**
     * The name of a bit.
     *
     * @param bit the bit position, 0 (least significant) to {@link #bitCount()} - 1
     * @return the name given at declaration, or {@code null} for an unnamed bit
     * @throws IndexOutOfBoundsException if the position is outside the field
     */
    public final String bitName(int bit) {
        return bitNames[java.util.Objects.checkIndex(bit, bitNames.length)];
    }

    /**
     * The number of bits in the field: 8, 16 or 32.
     *
     * @return the bit count
     */
    public final int bitCount() {
        return bitNames.length;
    }

    private String namedBits() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < bitNames.length; i++) {
            if (bitNames[i] != null) {
                sb.append(sb.length() > 1 ? ", " : "").append(i).append('=').append(bitNames[i]);
            }
        }
        return sb.append(']').toString();
    }

    /** The bits in hex, then the names of the set bits, for example {@code "0x05 {bit0, bit2}"}. */
    private String text(int bits) {
        StringBuilder sb = new StringBuilder("0x");
        String hex = Integer.toHexString(bits);
        for (int i = hex.length(); i < 2 * width; i++) {
            sb.append('0');
        }
        sb.append(hex).append(" {");
        boolean first = true;
        for (int i = 0; i < bitNames.length; i++) {
            if ((bits & (1 << i)) != 0) {
                sb.append(first ? "" : ", ").append(bitNames[i] != null ? bitNames[i] : "bit " + i + " (unnamed)");
                first = false;
            }
        }
        return sb.append('}').toString();
    }

    @Override
    final String format(ByteView packet) {
        return text(get(packet));
    }

    @Override
    final String formatExpected() {
        return text(expected);
    }

    @Override
    final boolean holdsExpected(ByteView packet) {
        return get(packet) == expected;
    }

    @Override
    final void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }

    static final class Flags8 extends FlagsField {
        Flags8(String layoutName, String name, int offset, String[] bitNames, boolean constant, long expected) {
            super(layoutName, name, FieldKind.FLAGS8, offset, bitNames, constant, expected);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI8(packet, end) & 0xFF;
        }

        @Override
        void write(MutableByteView packet, int bits) {
            packet.putU8(offset, bits);
        }
    }

    static final class Flags16be extends FlagsField {
        Flags16be(String layoutName, String name, int offset, String[] bitNames, boolean constant, long expected) {
            super(layoutName, name, FieldKind.FLAGS16BE, offset, bitNames, constant, expected);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16be(packet, end) & 0xFFFF;
        }

        @Override
        void write(MutableByteView packet, int bits) {
            packet.putU16be(offset, bits);
        }
    }

    static final class Flags16le extends FlagsField {
        Flags16le(String layoutName, String name, int offset, String[] bitNames, boolean constant, long expected) {
            super(layoutName, name, FieldKind.FLAGS16LE, offset, bitNames, constant, expected);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16le(packet, end) & 0xFFFF;
        }

        @Override
        void write(MutableByteView packet, int bits) {
            packet.putU16le(offset, bits);
        }
    }

    static final class Flags32be extends FlagsField {
        Flags32be(String layoutName, String name, int offset, String[] bitNames, boolean constant, long expected) {
            super(layoutName, name, FieldKind.FLAGS32BE, offset, bitNames, constant, expected);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI32be(packet, end);
        }

        @Override
        void write(MutableByteView packet, int bits) {
            packet.putI32be(offset, bits);
        }
    }

    static final class Flags32le extends FlagsField {
        Flags32le(String layoutName, String name, int offset, String[] bitNames, boolean constant, long expected) {
            super(layoutName, name, FieldKind.FLAGS32LE, offset, bitNames, constant, expected);
        }

        @Override
        public int get(ByteView packet) {
            return VIEWS.readI32le(packet, end);
        }

        @Override
        void write(MutableByteView packet, int bits) {
            packet.putI32le(offset, bits);
        }
    }
}
