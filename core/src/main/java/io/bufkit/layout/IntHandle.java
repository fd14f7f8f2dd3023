package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/** The {@link IntField} implementations: one record per wire type. */
sealed interface IntHandle extends IntField, Handle
        permits IntHandle.U8, IntHandle.I8, IntHandle.U16be, IntHandle.U16le, IntHandle.I16be, IntHandle.I16le,
                IntHandle.I32be, IntHandle.I32le, IntHandle.Odd, IntHandle.Bits {

    /** Writes a value known to be in range, or the bits of a flags or {@code f32} field. */
    void write(MutableByteView packet, int value);

    /**
     * Reads the field of a packet starting at {@code at} of {@code packet}; {@code at} is not negative and
     * the field's end past it does not overflow. Each record calls its own from {@code get(packet)}, so that
     * a read through an {@link IntField} of unknown class takes one virtual call.
     */
    int read(ByteView packet, int at);

    @Override
    default int get(ByteView view, int at) {
        return read(view, info().packetAt(view, at));
    }

    /**
     * The handle for an int field described by {@code info}; for a flags or {@code f32} field, the reader and
     * writer of its bits, which {@link FlagsHandle} and {@link FloatHandle} use.
     */
    static IntHandle of(FieldInfo info) {
        return switch (info.kind()) {
            case U8, FLAGS8 -> new U8(info);
            case I8 -> new I8(info);
            case U16BE, FLAGS16BE -> new U16be(info);
            case U16LE, FLAGS16LE -> new U16le(info);
            case I16BE -> new I16be(info);
            case I16LE -> new I16le(info);
            case I32BE, FLAGS32BE, F32BE -> new I32be(info);
            case I32LE, FLAGS32LE, F32LE -> new I32le(info);
            case U24BE, U24LE, I24BE, I24LE -> new Odd(info);
            default -> throw new IllegalArgumentException("not an int field type: " + info.typeName());
        };
    }

    @Override
    default void set(MutableByteView packet, int value) {
        FieldInfo f = info();
        if (value < f.min() || value > f.max()) {
            throw f.outOfRange(Integer.toString(value), f.min() + " to " + f.max());
        }
        write(packet, value);
    }

    @Override
    default int min() {
        return (int) info().min();
    }

    @Override
    default int max() {
        return (int) info().max();
    }

    @Override
    default String format(ByteView packet) {
        return Integer.toString(get(packet));
    }

    @Override
    default String formatAsConstant(ByteView packet) {
        return text(get(packet));
    }

    @Override
    default String formatExpected() {
        return info().expectedText(v -> text((int) v));
    }

    private String text(int value) {
        int width = info().width();
        return FieldInfo.decimalAndHex(value, value & ((1L << (8 * width)) - 1), 2 * width);
    }

    @Override
    default boolean holdsExpected(ByteView packet) {
        return info().allows(get(packet));
    }

    @Override
    default void writeExpected(MutableByteView packet) {
        set(packet, (int) info().expectedLong());
    }

    /** The {@code u8} implementation. */
    record U8(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI8(packet, at + info.end(), info.typeName()) & 0xFF;
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putU8(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code i8} implementation. */
    record I8(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI8(packet, at + info.end(), info.typeName());
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putI8(info.offset(), (byte) value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code u16be} implementation. */
    record U16be(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI16be(packet, at + info.end(), info.typeName()) & 0xFFFF;
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putU16be(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code u16le} implementation. */
    record U16le(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI16le(packet, at + info.end(), info.typeName()) & 0xFFFF;
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putU16le(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code i16be} implementation. */
    record I16be(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI16be(packet, at + info.end(), info.typeName());
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putI16be(info.offset(), (short) value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code i16le} implementation. */
    record I16le(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI16le(packet, at + info.end(), info.typeName());
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putI16le(info.offset(), (short) value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code i32be} implementation. */
    record I32be(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI32be(packet, at + info.end(), info.typeName());
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putI32be(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code i32le} implementation. */
    record I32le(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            return VIEWS.readI32le(packet, at + info.end(), info.typeName());
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            packet.putI32le(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The 24-bit implementations, which read through the view's own 24-bit reads. */
    record Odd(FieldInfo info) implements IntHandle {
        @Override
        public int read(ByteView packet, int at) {
            int o = at + info.offset();
            return switch (info.kind()) {
                case U24BE -> packet.u24be(o);
                case U24LE -> packet.u24le(o);
                case I24BE -> packet.i24be(o);
                default -> packet.i24le(o);
            };
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            int o = info.offset();
            switch (info.kind()) {
                case U24BE -> packet.putU24be(o, value);
                case U24LE -> packet.putU24le(o, value);
                case I24BE -> packet.putI24be(o, value);
                default -> packet.putI24le(o, value);
            }
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * The bit field implementation, for fields of up to 31 bits (32 signed).
     *
     * @param info the field's description
     * @param at where its bits lie
     */
    record Bits(FieldInfo info, BitPlace at) implements IntHandle {
        @Override
        public int read(ByteView packet, int from) {
            return (int) at.value(packet, from, info.typeName());
        }

        @Override
        public int get(ByteView packet) {
            return read(packet, 0);
        }

        @Override
        public void write(MutableByteView packet, int value) {
            at.write(packet, value, info.typeName());
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
