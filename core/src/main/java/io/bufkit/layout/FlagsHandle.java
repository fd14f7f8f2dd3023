package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/** The {@link FlagsField} implementations: one record per wire type. */
sealed interface FlagsHandle extends FlagsField, Handle
        permits FlagsHandle.Flags8, FlagsHandle.Flags16be, FlagsHandle.Flags16le, FlagsHandle.Flags32be, FlagsHandle.Flags32le {

    /** Writes bits known to fit. */
    void write(MutableByteView packet, int bits);

    /** The handle for a flags field described by {@code info}. */
    static FlagsHandle of(FieldInfo info) {
        int end = info.offset() + info.width();
        return switch (info.kind()) {
            case FLAGS8 -> new Flags8(info, end);
            case FLAGS16BE -> new Flags16be(info, end);
            case FLAGS16LE -> new Flags16le(info, end);
            case FLAGS32BE -> new Flags32be(info, end);
            case FLAGS32LE -> new Flags32le(info, end);
            default -> throw new IllegalArgumentException("not a flags field type: " + info.kind().typeName);
        };
    }

    @Override
    default void set(MutableByteView packet, int bits) {
        int width = info().width();
        if (width < 4 && (bits >>> (8 * width)) != 0) {
            throw info().outOfRange("0x" + Integer.toHexString(bits), "the field's " + (8 * width) + " bits");
        }
        write(packet, bits);
    }

    @Override
    default boolean isSet(ByteView packet, String bitName) {
        return (get(packet) & mask(bitName)) != 0;
    }

    @Override
    default void set(MutableByteView packet, String bitName, boolean on) {
        int mask = mask(bitName);
        int bits = get(packet);
        set(packet, on ? bits | mask : bits & ~mask);
    }

    @Override
    default int mask(String bitName) {
        String[] bitNames = info().bitNames();
        for (int i = 0; i < bitNames.length; i++) {
            if (bitName.equals(bitNames[i])) {
                return 1 << i;
            }
        }
        throw new IllegalArgumentException("layout '" + layoutName() + "', " + info().where() + " has no bit named '"
                + bitName + "'; its bits are " + namedBits());
    }

    @Override
    default String bitName(int bit) {
        String[] bitNames = info().bitNames();
        return bitNames[java.util.Objects.checkIndex(bit, bitNames.length)];
    }

    @Override
    default int bitCount() {
        return info().bitNames().length;
    }

    private String namedBits() {
        String[] bitNames = info().bitNames();
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < bitNames.length; i++) {
            if (bitNames[i] != null) {
                sb.append(sb.length() > 1 ? ", " : "").append(i).append('=').append(bitNames[i]);
            }
        }
        return sb.append(']').toString();
    }

    private String text(int bits) {
        String[] bitNames = info().bitNames();
        StringBuilder sb = new StringBuilder("0x");
        String hex = Integer.toHexString(bits);
        for (int i = hex.length(); i < 2 * info().width(); i++) {
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
    default String format(ByteView packet) {
        return text(get(packet));
    }

    @Override
    default String formatExpected() {
        return text((int) info().expectedLong());
    }

    @Override
    default boolean holdsExpected(ByteView packet) {
        return get(packet) == (int) info().expectedLong();
    }

    @Override
    default void writeExpected(MutableByteView packet) {
        set(packet, (int) info().expectedLong());
    }

    /** The {@code flags8} implementation. */
    record Flags8(FieldInfo info, int end) implements FlagsHandle {
        @Override
        public int get(ByteView packet) {
            return VIEWS.readI8(packet, end, "flags8") & 0xFF;
        }

        @Override
        public void write(MutableByteView packet, int bits) {
            packet.putU8(info.offset(), bits);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code flags16be} implementation. */
    record Flags16be(FieldInfo info, int end) implements FlagsHandle {
        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16be(packet, end, "flags16be") & 0xFFFF;
        }

        @Override
        public void write(MutableByteView packet, int bits) {
            packet.putU16be(info.offset(), bits);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code flags16le} implementation. */
    record Flags16le(FieldInfo info, int end) implements FlagsHandle {
        @Override
        public int get(ByteView packet) {
            return VIEWS.readI16le(packet, end, "flags16le") & 0xFFFF;
        }

        @Override
        public void write(MutableByteView packet, int bits) {
            packet.putU16le(info.offset(), bits);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code flags32be} implementation. */
    record Flags32be(FieldInfo info, int end) implements FlagsHandle {
        @Override
        public int get(ByteView packet) {
            return VIEWS.readI32be(packet, end, "flags32be");
        }

        @Override
        public void write(MutableByteView packet, int bits) {
            packet.putI32be(info.offset(), bits);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code flags32le} implementation. */
    record Flags32le(FieldInfo info, int end) implements FlagsHandle {
        @Override
        public int get(ByteView packet) {
            return VIEWS.readI32le(packet, end, "flags32le");
        }

        @Override
        public void write(MutableByteView packet, int bits) {
            packet.putI32le(info.offset(), bits);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
