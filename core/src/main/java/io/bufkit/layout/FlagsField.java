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
 * neither allocates. Immutable and thread-safe.
 */
public final class FlagsField extends LayoutField {

    private static final int F8 = 0;
    private static final int F16BE = 1;
    private static final int F16LE = 2;
    private static final int F32BE = 3;
    private static final int F32LE = 4;

    private final int code;
    /** Bit names by bit position; {@code null} for an unnamed bit. */
    private final String[] bitNames;
    private final int expected;

    FlagsField(String layoutName, String name, FieldKind kind, int offset, String[] bitNames, boolean constant,
            long expected) {
        super(layoutName, name, kind, offset, kind.width, constant);
        code = switch (kind) {
            case FLAGS8 -> F8;
            case FLAGS16BE -> F16BE;
            case FLAGS16LE -> F16LE;
            case FLAGS32BE -> F32BE;
            case FLAGS32LE -> F32LE;
            default -> throw new IllegalArgumentException("not a flags field type: " + kind.typeName);
        };
        this.bitNames = java.util.Arrays.copyOf(bitNames, 8 * kind.width);
        this.expected = (int) expected;
    }

    /**
     * Reads all bits of the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the bits, bit 0 the least significant; the upper bits are 0 for 8- and 16-bit fields
     * @throws IndexOutOfBoundsException if the view is too short for the field
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public int get(ByteView packet) {
        return switch (code) {
            case F8 -> packet.u8(offset);
            case F16BE -> packet.u16be(offset);
            case F16LE -> packet.u16le(offset);
            case F32BE -> packet.i32be(offset);
            default -> packet.i32le(offset);
        };
    }

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
    public void set(MutableByteView packet, int bits) {
        if (width < 4 && (bits >>> (8 * width)) != 0) {
            throw outOfRange("0x" + Integer.toHexString(bits), "the field's " + (8 * width) + " bits");
        }
        switch (code) {
            case F8 -> packet.putU8(offset, bits);
            case F16BE -> packet.putU16be(offset, bits);
            case F16LE -> packet.putU16le(offset, bits);
            case F32BE -> packet.putI32be(offset, bits);
            default -> packet.putI32le(offset, bits);
        }
    }

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
    public boolean isSet(ByteView packet, String bitName) {
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
    public void set(MutableByteView packet, String bitName, boolean on) {
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
    public int mask(String bitName) {
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
    public String bitName(int bit) {
        return bitNames[java.util.Objects.checkIndex(bit, bitNames.length)];
    }

    /**
     * The number of bits in the field: 8, 16 or 32.
     *
     * @return the bit count
     */
    public int bitCount() {
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
    String format(ByteView packet) {
        return text(get(packet));
    }

    @Override
    String formatExpected() {
        return text(expected);
    }

    @Override
    boolean holdsExpected(ByteView packet) {
        return get(packet) == expected;
    }

    @Override
    void writeExpected(MutableByteView packet) {
        set(packet, expected);
    }
}
