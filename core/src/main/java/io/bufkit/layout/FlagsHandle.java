package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * The {@link FlagsField} implementation, for every width and byte order: it reads and writes its bits
 * through the integer handle of the same width and byte order.
 *
 * @param info the field's description
 * @param raw the integer handle that reads and writes the bits
 */
record FlagsHandle(FieldInfo info, IntHandle raw) implements FlagsField, Handle {

    /** The handle for the field described by {@code info}. */
    static FlagsHandle of(FieldInfo info) {
        return new FlagsHandle(info, IntHandle.of(info));
    }

    @Override
    public int get(ByteView packet) {
        return raw.get(packet);
    }

    @Override
    public void set(MutableByteView packet, int bits) {
        int width = info.width();
        if (width < 4 && (bits >>> (8 * width)) != 0) {
            throw info.outOfRange("0x" + Integer.toHexString(bits), "the field's " + (8 * width) + " bits");
        }
        raw.write(packet, bits);
    }

    @Override
    public boolean isSet(ByteView packet, String bitName) {
        return (get(packet) & mask(bitName)) != 0;
    }

    @Override
    public void set(MutableByteView packet, String bitName, boolean on) {
        int mask = mask(bitName);
        int bits = get(packet);
        set(packet, on ? bits | mask : bits & ~mask);
    }

    @Override
    public int mask(String bitName) {
        String[] bitNames = info.bitNames();
        for (int i = 0; i < bitNames.length; i++) {
            if (bitName.equals(bitNames[i])) {
                return 1 << i;
            }
        }
        throw new IllegalArgumentException("layout '" + layoutName() + "', " + info.where() + " has no bit named '"
                + bitName + "'; its bits are " + namedBits());
    }

    @Override
    public String bitName(int bit) {
        String[] bitNames = info.bitNames();
        return bitNames[java.util.Objects.checkIndex(bit, bitNames.length)];
    }

    @Override
    public int bitCount() {
        return info.bitNames().length;
    }

    private String namedBits() {
        String[] bitNames = info.bitNames();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < bitNames.length; i++) {
            if (bitNames[i] != null) {
                sb.append(sb.length() > 1 ? ", " : "").append(i).append('=').append(bitNames[i]);
            }
        }
        return sb.append(']').toString();
    }

    private String text(int bits) {
        String[] bitNames = info.bitNames();
        StringBuilder sb = new StringBuilder("0x");
        String hex = Integer.toHexString(bits);
        for (int i = hex.length(); i < 2 * info.width(); i++) {
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
    public String format(ByteView packet) {
        return text(get(packet));
    }

    @Override
    public String formatExpected() {
        return text((int) info.expectedLong());
    }

    @Override
    public boolean holdsExpected(ByteView packet) {
        return get(packet) == (int) info.expectedLong();
    }

    @Override
    public void writeExpected(MutableByteView packet) {
        set(packet, (int) info.expectedLong());
    }

    @Override
    public String toString() {
        return describe();
    }
}
