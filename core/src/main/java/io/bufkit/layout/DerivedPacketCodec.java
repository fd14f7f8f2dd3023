package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.internal.codec.FieldBinding;
import io.bufkit.internal.codec.LayoutBindings;
import io.bufkit.internal.codec.RecordMapping;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.Set;

/**
 * The codec {@link PacketCodec#of(PacketLayout, Class)} derives: a decoder {@code (ByteView)Object} and an
 * encoder {@code (MutableByteView, Object)void}, each composed once. A record, so that the JIT trusts its
 * final fields: a codec held in a {@code static final} constant has constant handles, and their
 * {@code invokeExact} is inlined.
 *
 * @param decoder validates, then calls the record's constructor with every component read from the packet
 * @param encoder writes the constants, every component, then the checksums
 * @param size the layout's size
 * @param description for {@link #toString()}
 * @param <R> the record type
 */
record DerivedPacketCodec<R>(MethodHandle decoder, MethodHandle encoder, int size, String description)
        implements PacketCodec<R> {

    private static final MethodType DECODER = MethodType.methodType(Object.class, ByteView.class);
    private static final MethodType ENCODER = MethodType.methodType(void.class, MutableByteView.class, Object.class);

    /** Derives the codec; see {@link PacketCodec#of(PacketLayout, Class, MethodHandles.Lookup)}. */
    static <R> PacketCodec<R> of(PacketLayout layout, Class<R> recordType, MethodHandles.Lookup lookup) {
        List<FieldBinding> fields = LayoutBindings.of(layout);
        RecordMapping<R> mapping = RecordMapping.of(recordType, lookup, "layout " + layout.name(), fields, Set.of());
        MethodHandles.Lookup own = MethodHandles.lookup();
        try {
            MethodHandle validate = own.findVirtual(PacketLayout.class, "validate",
                    MethodType.methodType(int.class, ByteView.class)).bindTo(layout);
            MethodType write = MethodType.methodType(void.class, MutableByteView.class);
            MethodHandle constants = own.findVirtual(PacketLayout.class, "writeConstants", write).bindTo(layout);
            MethodHandle checksums = own.findVirtual(PacketLayout.class, "fillChecksums", write).bindTo(layout);
            MethodHandle decoder = mapping.decoder(ByteView.class,
                    validate.asType(MethodType.methodType(void.class, ByteView.class))).asType(DECODER);
            MethodHandle encoder = mapping.encoder(MutableByteView.class, constants,
                    layout.fields().stream().anyMatch(f -> f instanceof ChecksumField) ? checksums : null).asType(ENCODER);
            return new DerivedPacketCodec<>(decoder, encoder, layout.size(),
                    "PacketCodec[layout " + layout.name() + " <-> " + recordType.getName() + "]");
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public R decode(ByteView packet) {
        try {
            return (R) (Object) decoder.invokeExact(packet);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    @Override
    public void encode(R value, MutableByteView out) {
        java.util.Objects.requireNonNull(value, "value");
        try {
            encoder.invokeExact(out, (Object) value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    /** The layout and the record type, for example {@code "PacketCodec[layout legacy <-> LegacyPacket]"}. */
    @Override
    public String toString() {
        return description;
    }
}
