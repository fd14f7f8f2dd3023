package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.internal.codec.FieldBinding;
import io.bufkit.internal.codec.LayoutBindings;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A {@linkplain SectionPart#single single field} bound to a record component of one of the field's Java
 * types ({@code int} for a {@code u16be}, {@code long} for a {@code u32be}, as a section record's component
 * would be): decoding reads the field where it lies, through the field kinds' table; encoding gives the
 * component's value as the field's.
 */
final class SingleFieldBinding extends ComponentBinding {
    private static final MethodType DECODER = MethodType.methodType(Object.class, ByteView.class, int.class);
    private static final MethodHandle FROM;

    static {
        try {
            FROM = MethodHandles.lookup().findStatic(SingleFieldBinding.class, "from", DECODER.changeReturnType(
                    ByteView.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code (ByteView, int)Object}: the field's value, boxed, from the part's first byte. */
    private final MethodHandle decoder;
    /** Whether encoding needs the component's value: it is not derived, and a null one is missing. */
    private final boolean needed;

    private SingleFieldBinding(MethodHandle decoder, boolean needed) {
        this.decoder = decoder;
        this.needed = needed;
    }

    static SingleFieldBinding bind(SectionPart part, MessageLayout level, int index, Class<?> type, String where) {
        FieldBinding field = LayoutBindings.of(part.layout).get(0);
        StringBuilder types = new StringBuilder();
        for (FieldBinding.Access a : field.accesses()) {
            Class<?> boxed = MethodType.methodType(a.type()).wrap().returnType();
            if (a.type() == type || boxed == type) {
                MethodHandle read = a.readerAt() != null ? a.readerAt()
                        : MethodHandles.collectArguments(a.reader(), 0, FROM.asType(FROM.type()
                                .changeReturnType(a.reader().type().parameterType(0))));
                return new SingleFieldBinding(read.asType(DECODER), part.needsValue(level, index, 0));
            }
            types.append(types.length() == 0 ? "" : " or ").append(a.type().getSimpleName());
        }
        throw new IllegalArgumentException(where + ": a " + field.typeName() + " field maps to " + types
                + " (or its box), not " + type.getSimpleName());
    }

    /** The view from {@code at} on, for a field kind that reads only from a view's first byte. */
    private static ByteView from(ByteView view, int at) {
        return view.slice(at, view.length());
    }

    @Override
    Object decode(LevelTape t, int level, Part part) {
        return readAt(decoder, t, level, part);
    }

    @Override
    Object field(Object v, int field) {
        return v;
    }

    @Override
    int nullField(Object v) {
        return needed && v == null ? 0 : -1;
    }
}
