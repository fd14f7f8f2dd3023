package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.internal.ViewAccess;

/**
 * What every handle implementation has: its {@link FieldInfo} and the operations {@link PacketLayout} needs
 * for validation, constants and {@code describe}. The implementations are records — one per integer wire
 * type, and one each for flags, {@code f32}, {@code f64} and bytes fields, which read their bits through the
 * integer record of the same width — so that a handle in a {@code static final} constant is a constant to
 * the JIT with its offset and end: the JIT trusts the final fields of records.
 */
sealed interface Handle extends LayoutField
        permits IntHandle, LongHandle, FloatHandle, DoubleHandle, FlagsHandle, BytesHandle, ChecksumHandle, TextHandle {

    /**
     * Reads for handles: one length check against the field's end and one lease check per read, instead of
     * the view's two range checks, since a handle's offset is known not to be negative.
     */
    ViewAccess VIEWS = ViewAccess.get();

    /** The field's description. */
    FieldInfo info();

    /** The implementation behind a handle; every {@link LayoutField} is one. */
    static Handle of(LayoutField field) {
        return (Handle) field;
    }

    @Override
    default String name() {
        return info().name();
    }

    @Override
    default String layoutName() {
        return info().layoutName();
    }

    @Override
    default int offset() {
        return info().offset();
    }

    @Override
    default int width() {
        return info().width();
    }

    @Override
    default String typeName() {
        return info().typeName();
    }

    @Override
    default int bitWidth() {
        return info().bitWidth();
    }

    @Override
    default int bitOffset() {
        return info().bitOffset();
    }

    @Override
    default WireType wireType() {
        return info().kind();
    }

    @Override
    default boolean isConstant() {
        return info().constant();
    }

    /** The field's value in {@code packet}, for people. */
    String format(ByteView packet);

    /** The value in {@code packet} as shown next to an expected constant. */
    default String formatAsConstant(ByteView packet) {
        return format(packet);
    }

    /** The declared constant, as shown in messages; only for constant fields. */
    String formatExpected();

    /** Whether {@code packet} holds the declared constant; only for constant fields. */
    boolean holdsExpected(ByteView packet);

    /** Writes the declared constant; only for constant fields. */
    void writeExpected(MutableByteView packet);

    /** The handles' {@code toString()}: layout, name, type and offset, and the constant for constant fields. */
    default String describe() {
        FieldInfo f = info();
        return f.layoutName() + "." + f.name() + ": " + f.typeName()
                + (f.kind() == WireType.BYTES || f.kind() == WireType.TEXT ? "[" + f.width() + "]" : "") + " at offset " + f.offset()
                + (f.constant() ? ", expected " + formatExpected() : "");
    }
}
