package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/** The {@link LongField} implementations: one record per wire type. */
sealed interface LongHandle extends LongField, Handle
        permits LongHandle.U32be, LongHandle.U32le, LongHandle.I64be, LongHandle.I64le, LongHandle.Odd, LongHandle.Bits {

    /** Writes a value known to be in range, or the bits of an {@code f64} field. */
    void write(MutableByteView packet, long value);

    /**
     * The handle for a long field described by {@code info}; for an {@code f64} field, the reader and writer
     * of its bits, which {@link DoubleHandle} uses.
     */
    static LongHandle of(FieldInfo info) {
        return switch (info.kind()) {
            case U32BE -> new U32be(info);
            case U32LE -> new U32le(info);
            case I64BE, F64BE -> new I64be(info);
            case I64LE, F64LE -> new I64le(info);
            case U40BE, U40LE, I40BE, I40LE, U48BE, U48LE, I48BE, I48LE, U56BE, U56LE, I56BE, I56LE -> new Odd(info);
            default -> throw new IllegalArgumentException("not a long field type: " + info.typeName());
        };
    }

    @Override
    default void set(MutableByteView packet, long value) {
        FieldInfo f = info();
        if (value < f.min() || value > f.max()) {
            throw f.outOfRange(Long.toString(value), f.min() + " to " + f.max());
        }
        write(packet, value);
    }

    @Override
    default long min() {
        return info().min();
    }

    @Override
    default long max() {
        return info().max();
    }

    @Override
    default String format(ByteView packet) {
        return Long.toString(get(packet));
    }

    @Override
    default String formatAsConstant(ByteView packet) {
        long value = get(packet);
        return FieldInfo.decimalAndHex(value, value, 2 * info().width());
    }

    @Override
    default String formatExpected() {
        return info().expectedText(v -> FieldInfo.decimalAndHex(v, v, 2 * info().width()));
    }

    @Override
    default boolean holdsExpected(ByteView packet) {
        return info().allows(get(packet));
    }

    @Override
    default void writeExpected(MutableByteView packet) {
        set(packet, info().expectedLong());
    }

    /** The {@code u32be} implementation. */
    record U32be(FieldInfo info) implements LongHandle {
        @Override
        public long get(ByteView packet) {
            return Integer.toUnsignedLong(VIEWS.readI32be(packet, info.end(), info.typeName()));
        }

        @Override
        public void write(MutableByteView packet, long value) {
            packet.putU32be(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code u32le} implementation. */
    record U32le(FieldInfo info) implements LongHandle {
        @Override
        public long get(ByteView packet) {
            return Integer.toUnsignedLong(VIEWS.readI32le(packet, info.end(), info.typeName()));
        }

        @Override
        public void write(MutableByteView packet, long value) {
            packet.putU32le(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code i64be} implementation. */
    record I64be(FieldInfo info) implements LongHandle {
        @Override
        public long get(ByteView packet) {
            return VIEWS.readI64be(packet, info.end(), info.typeName());
        }

        @Override
        public void write(MutableByteView packet, long value) {
            packet.putI64be(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The {@code i64le} implementation. */
    record I64le(FieldInfo info) implements LongHandle {
        @Override
        public long get(ByteView packet) {
            return VIEWS.readI64le(packet, info.end(), info.typeName());
        }

        @Override
        public void write(MutableByteView packet, long value) {
            packet.putI64le(info.offset(), value);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The 40-, 48- and 56-bit implementations, which read through the view's own reads of those widths. */
    record Odd(FieldInfo info) implements LongHandle {
        @Override
        public long get(ByteView packet) {
            int o = info.offset();
            return switch (info.kind()) {
                case U40BE -> packet.u40be(o);
                case U40LE -> packet.u40le(o);
                case I40BE -> packet.i40be(o);
                case I40LE -> packet.i40le(o);
                case U48BE -> packet.u48be(o);
                case U48LE -> packet.u48le(o);
                case I48BE -> packet.i48be(o);
                case I48LE -> packet.i48le(o);
                case U56BE -> packet.u56be(o);
                case U56LE -> packet.u56le(o);
                case I56BE -> packet.i56be(o);
                case I56LE -> packet.i56le(o);
                default -> throw new AssertionError(info.kind());
            };
        }

        @Override
        public void write(MutableByteView packet, long value) {
            int o = info.offset();
            switch (info.kind()) {
                case U40BE -> packet.putU40be(o, value);
                case U40LE -> packet.putU40le(o, value);
                case I40BE -> packet.putI40be(o, value);
                case I40LE -> packet.putI40le(o, value);
                case U48BE -> packet.putU48be(o, value);
                case U48LE -> packet.putU48le(o, value);
                case I48BE -> packet.putI48be(o, value);
                case I48LE -> packet.putI48le(o, value);
                case U56BE -> packet.putU56be(o, value);
                case U56LE -> packet.putU56le(o, value);
                case I56BE -> packet.putI56be(o, value);
                case I56LE -> packet.putI56le(o, value);
                default -> throw new AssertionError(info.kind());
            }
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * The bit field implementation, for fields of 32 to 63 bits (33 to 64 signed).
     *
     * @param info the field's description
     * @param at where its bits lie
     */
    record Bits(FieldInfo info, BitPlace at) implements LongHandle {
        @Override
        public long get(ByteView packet) {
            return at.value(packet, info.typeName());
        }

        @Override
        public void write(MutableByteView packet, long value) {
            at.write(packet, value, info.typeName());
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
