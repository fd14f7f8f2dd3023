package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.internal.codec.FieldBinding;
import io.bufkit.internal.codec.LayoutBindings;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * How record components hold a layout's fields, read from the field kinds' table in {@link WireType.Kind}:
 * for {@link PacketCodec#of(PacketLayout, Class)} and for the sections of message record codecs.
 */
final class FieldBindings extends LayoutBindings {

    @Override
    protected List<FieldBinding> bindings(PacketLayout layout) {
        List<FieldBinding> fields = new ArrayList<>();
        for (LayoutField f : layout.fields()) {
            fields.add(binding(f));
        }
        return fields;
    }

    /** How a record component holds {@code field}, from the field kinds' table in {@link WireType.Kind}. */
    static FieldBinding binding(LayoutField field) {
        WireType.Kind kind = field.wireType().accessKind(field.bitWidth());
        MethodHandles.Lookup own = MethodHandles.lookup();
        List<FieldBinding.Access> accesses = new ArrayList<>(2);
        try {
            MethodHandle reader = own.findVirtual(kind.handle, kind.reader,
                    MethodType.methodType(kind.value, ByteView.class)).bindTo(field);
            // integer fields read at an offset of a larger view (IntField.get(view, at)), so that a message's
            // section is read where it lies, without a slice
            MethodHandle readerAt = kind.handle == IntField.class ? own.findVirtual(IntField.class, "get",
                    MethodType.methodType(int.class, ByteView.class, int.class)).bindTo(field) : null;
            accesses.add(new FieldBinding.Access(kind.value, reader, writer(own, kind, kind.value, field), readerAt));
            if (kind.alternative != null) {
                MethodHandle view = own.findVirtual(kind.handle, "get",
                        MethodType.methodType(ByteView.class, ByteView.class)).bindTo(field);
                MethodHandle copy = own.findVirtual(ByteView.class, "toByteArray", MethodType.methodType(byte[].class));
                accesses.add(new FieldBinding.Access(kind.alternative, MethodHandles.filterReturnValue(view, copy),
                        writer(own, kind, kind.alternative, field)));
            }
            if (kind.value == int.class && field.bitWidth() == 1) {
                // a one-bit field (a flag such as IPv4's dontFragment) may also be a boolean component
                MethodType toBoolean = MethodType.methodType(boolean.class, int.class);
                MethodType fromBoolean = MethodType.methodType(int.class, boolean.class);
                MethodHandle write = writer(own, kind, int.class, field);
                MethodHandle isSet = own.findStatic(FieldBindings.class, "isSet", toBoolean);
                accesses.add(new FieldBinding.Access(boolean.class, MethodHandles.filterReturnValue(reader, isSet),
                        MethodHandles.filterArguments(write, 1, own.findStatic(FieldBindings.class, "bit", fromBoolean)),
                        readerAt == null ? null : MethodHandles.filterReturnValue(readerAt, isSet)));
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new AssertionError(e);
        }
        boolean filledByCodec = field.isConstant() || field instanceof ChecksumField;
        return new FieldBinding(field.name(), "layout " + field.layoutName() + " field " + field.name(),
                field.typeName(), accesses, filledByCodec);
    }

    private static boolean isSet(int bit) {
        return bit != 0;
    }

    private static int bit(boolean set) {
        return set ? 1 : 0;
    }

    private static MethodHandle writer(MethodHandles.Lookup own, WireType.Kind kind, Class<?> type, LayoutField field)
            throws NoSuchMethodException, IllegalAccessException {
        return kind.writer == null ? null : own.findVirtual(kind.handle, kind.writer,
                MethodType.methodType(void.class, MutableByteView.class, type)).bindTo(field);
    }

}
