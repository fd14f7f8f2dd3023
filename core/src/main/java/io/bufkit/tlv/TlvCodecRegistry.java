package io.bufkit.tlv;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.PacketCodec;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Maps frame types to {@link PacketCodec}s, so that a service receives typed messages — usually records —
 * instead of raw frames, and sends them back as frames.
 *
 * <pre>{@code
 * TlvCodecRegistry registry = TlvCodecRegistry.builder(TlvFormat.STANDARD)
 *         .register(1, Sensor.class, SENSOR_CODEC)
 *         .register(2, Legacy.class, LEGACY_CODEC)
 *         .build();
 * decoder.feed(chunk, registry.dispatcher(message -> {
 *     if (message instanceof Sensor s) { ... } else if (message instanceof Legacy l) { ... }
 * }));
 * Bytes frame = registry.encode(new Sensor(...));   // owned frame bytes, type 1
 * }</pre>
 *
 * <p>Every codec has a fixed size, so a frame whose value length differs from the size of the codec of its
 * type is rejected with {@link FrameLengthMismatchException} before the codec sees it; a type without a
 * codec is rejected with {@link UnknownFrameTypeException} unless a fallback handler is given. Codecs get
 * the <em>borrowed</em> frame value and must not keep it (see {@link PacketCodec#decode(ByteView)}).
 *
 * <p>Immutable and thread-safe when its codecs are.
 */
public final class TlvCodecRegistry {

    private final TlvFormat format;
    private final TlvWriter writer;
    /** Bindings of types 0 to 255, indexed by type; the common case, looked up without boxing. */
    private final Binding<?>[] smallTypes = new Binding<?>[256];
    private final Map<Integer, Binding<?>> largeTypes;
    private final Map<Class<?>, Binding<?>> byClass;

    /** A type, the class of its messages and their codec. */
    private static final class Binding<T> {
        final int type;
        final Class<T> messageClass;
        final PacketCodec<T> codec;

        Binding(int type, Class<T> messageClass, PacketCodec<T> codec) {
            this.type = type;
            this.messageClass = messageClass;
            this.codec = codec;
        }

        int write(TlvWriter writer, Object message, MutableByteView out, int at) {
            int size = codec.size();
            int header = writer.format().headerSize();
            if (at < 0 || at > out.length() - header - size) {
                throw new IndexOutOfBoundsException("a frame of " + (header + size) + " byte(s) at offset " + at
                        + " does not fit in a view of length " + out.length());
            }
            writer.writeHeader(type, size, out, at);
            codec.encode(messageClass.cast(message), out.slice(at + header, at + header + size));
            return header + size;
        }
    }

    private TlvCodecRegistry(Builder builder) {
        this.format = builder.format;
        this.writer = new TlvWriter(format);
        Map<Integer, Binding<?>> large = new HashMap<>();
        for (Binding<?> b : builder.byType.values()) {
            if (b.type >= 0 && b.type < smallTypes.length) {
                smallTypes[b.type] = b;
            } else {
                large.put(b.type, b);
            }
        }
        this.largeTypes = large;
        this.byClass = new HashMap<>(builder.byClass);
    }

    /**
     * Starts a registry for frames in {@code format}.
     *
     * @param format the format of the frames
     * @return a new builder
     */
    public static Builder builder(TlvFormat format) {
        return new Builder(Objects.requireNonNull(format, "format"));
    }

    /**
     * The format of the frames.
     *
     * @return the format
     */
    public TlvFormat format() {
        return format;
    }

    /**
     * The registered types, in ascending unsigned order.
     *
     * @return an unmodifiable set of the types
     */
    public Set<Integer> types() {
        Set<Integer> types = new TreeSet<>(Integer::compareUnsigned);
        for (Binding<?> b : byClass.values()) {
            types.add(b.type);
        }
        return Collections.unmodifiableSet(types);
    }

    /**
     * Whether a codec is registered for {@code type}.
     *
     * @param type the frame type
     * @return {@code true} if frames of this type can be decoded
     */
    public boolean isRegistered(int type) {
        return binding(type) != null;
    }

    /**
     * Decodes a frame's value with the codec registered for its type.
     *
     * @param type the frame's type
     * @param value the frame's value, borrowed for the duration of the call
     * @return the decoded message, as the codec returns it (holding no reference to {@code value})
     * @throws UnknownFrameTypeException if no codec is registered for {@code type}; its
     *     {@link UnknownFrameTypeException#frameOffset() frameOffset()} stays -1 (unknown), even when it
     *     leaves a {@link TlvDecoder}'s {@code feed}, since the value need not be the frame being handled
     * @throws FrameLengthMismatchException if the value's length is not the codec's size; its
     *     {@link FrameLengthMismatchException#frameOffset() frameOffset()} stays -1 (unknown), as above
     * @throws RuntimeException whatever the codec throws for a malformed packet
     */
    public Object decode(int type, ByteView value) {
        return decode(type, value, false);
    }

    /**
     * Decodes as {@link #decode(int, ByteView)}; {@code wholeFrame} says that {@code type} and {@code value}
     * are the frame a decoder delivered to a dispatcher, so that its exceptions may take that frame's
     * stream offset.
     */
    private Object decode(int type, ByteView value, boolean wholeFrame) {
        Binding<?> b = binding(type);
        if (b == null) {
            throw new UnknownFrameTypeException(type, value.length(), types().toString(), wholeFrame);
        }
        return decode(b, type, value, wholeFrame);
    }

    /**
     * Decodes a frame's value that must be a message of the given class.
     *
     * @param <T> the message type
     * @param type the frame's type
     * @param value the frame's value, borrowed for the duration of the call
     * @param messageClass the class registered for {@code type}
     * @return the decoded message
     * @throws UnknownFrameTypeException if no codec is registered for {@code type}
     * @throws FrameLengthMismatchException if the value's length is not the codec's size
     * @throws ClassCastException if {@code type} is registered for another class
     */
    public <T> T decode(int type, ByteView value, Class<T> messageClass) {
        return messageClass.cast(decode(type, value));
    }

    /**
     * A handler for a {@link TlvDecoder} that decodes every frame and passes the message on.
     *
     * <p>The handler only sees a frame's type and value, so its exceptions cannot know where the frame is;
     * the decoder whose {@code feed} they leave gives them the frame's stream offset
     * ({@link UnknownFrameTypeException#frameOffset()}, {@link FrameLengthMismatchException#frameOffset()}),
     * which their message then names.
     *
     * @param messages receives each decoded message, which it may keep
     * @return the dispatching handler; it throws {@link UnknownFrameTypeException} for unregistered types
     *     and {@link FrameLengthMismatchException} for values of the wrong length, each naming the frame's
     *     stream offset once it leaves the decoder's {@code feed}
     */
    public TlvHandler dispatcher(Consumer<Object> messages) {
        Objects.requireNonNull(messages, "messages");
        return (type, value) -> messages.accept(decode(type, value, true));
    }

    /**
     * A handler for a {@link TlvDecoder} that decodes every frame of a registered type and passes the
     * message on, and hands frames of other types to {@code unknownTypes} unchanged.
     *
     * <p>As with {@link #dispatcher(Consumer)}, the decoder whose {@code feed} a
     * {@link FrameLengthMismatchException} leaves gives it the frame's stream offset
     * ({@link FrameLengthMismatchException#frameOffset()}).
     *
     * @param messages receives each decoded message, which it may keep
     * @param unknownTypes receives the frames of unregistered types, with their values borrowed
     * @return the dispatching handler; it throws {@link FrameLengthMismatchException} for values of the
     *     wrong length, naming the frame's stream offset once it leaves the decoder's {@code feed}
     */
    public TlvHandler dispatcher(Consumer<Object> messages, TlvHandler unknownTypes) {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(unknownTypes, "unknownTypes");
        return (type, value) -> {
            Binding<?> b = binding(type);
            if (b == null) {
                unknownTypes.onFrame(type, value);
            } else {
                messages.accept(decode(b, type, value, true));
            }
        };
    }

    /**
     * A check for {@link TlvDecoder#TlvDecoder(TlvFormat, TlvHeaderCheck)} that rejects a frame at its
     * header when its value length differs from the fixed size of the codec registered for its type, so that
     * a peer cannot make the decoder buffer a value that no message of that type has. Frames of unregistered
     * types pass (a {@link #dispatcher dispatcher} deals with them once they arrive).
     *
     * @return the check; it throws {@link FrameLengthMismatchException}, which names the frame's stream
     *     offset once it leaves the decoder's {@code feed}
     */
    public TlvHeaderCheck headerCheck() {
        return (type, valueLength) -> {
            Binding<?> b = binding(type);
            if (b != null && b.codec.size() != valueLength) {
                throw new FrameLengthMismatchException(type, b.codec.size(), valueLength, b.messageClass.getSimpleName(),
                        false);
            }
        };
    }

    /**
     * The size of the frame that carries {@code message}.
     *
     * @param message a message of a registered class
     * @return header size plus the codec's size
     * @throws IllegalArgumentException if no codec is registered for the message's class
     */
    public int frameSize(Object message) {
        return format.headerSize() + bindingFor(message).codec.size();
    }

    /**
     * Writes the frame of a message — header with its registered type, then the codec's encoding — at
     * {@code out[at, at + frameSize(message))}.
     *
     * @param message a message of a registered class
     * @param out the destination
     * @param at where the frame starts
     * @return the number of bytes written
     * @throws IllegalArgumentException if no codec is registered for the message's class
     * @throws IndexOutOfBoundsException if the frame does not fit; nothing is written
     * @throws io.bufkit.StaleViewException if {@code out}'s lease ended
     */
    public int write(Object message, MutableByteView out, int at) {
        return bindingFor(message).write(writer, message, out, at);
    }

    /**
     * Encodes the frame of a message into new memory.
     *
     * @param message a message of a registered class
     * @return the frame's bytes, owned
     * @throws IllegalArgumentException if no codec is registered for the message's class
     */
    public Bytes encode(Object message) {
        MutableByteView out = MutableByteView.allocate(frameSize(message));
        write(message, out, 0);
        return out.copy();
    }

    /**
     * Describes the registry: its format and its types with their message classes.
     *
     * @return the description
     */
    @Override
    public String toString() {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (Integer t : types()) {
            names.put(t, binding(t).messageClass.getSimpleName());
        }
        return "TlvCodecRegistry[" + format + ", " + names + "]";
    }

    private Binding<?> binding(int type) {
        return type >= 0 && type < smallTypes.length ? smallTypes[type] : largeTypes.get(type);
    }

    private Binding<?> bindingFor(Object message) {
        Objects.requireNonNull(message, "message");
        Binding<?> b = byClass.get(message.getClass());
        if (b == null) {
            for (Binding<?> candidate : byClass.values()) {
                if (candidate.messageClass.isInstance(message)) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("no codec is registered for messages of " + message.getClass().getName()
                    + "; registered: " + byClass.keySet());
        }
        return b;
    }

    private static Object decode(Binding<?> b, int type, ByteView value, boolean wholeFrame) {
        int size = b.codec.size();
        if (value.length() != size) {
            throw new FrameLengthMismatchException(type, size, value.length(), b.messageClass.getSimpleName(),
                    wholeFrame);
        }
        return b.codec.decode(value);
    }

    /**
     * Builds a {@link TlvCodecRegistry}. Not thread-safe.
     */
    public static final class Builder {
        private final TlvFormat format;
        private final Map<Integer, Binding<?>> byType = new LinkedHashMap<>();
        private final Map<Class<?>, Binding<?>> byClass = new LinkedHashMap<>();

        private Builder(TlvFormat format) {
            this.format = format;
        }

        /**
         * Registers the codec of a frame type.
         *
         * @param <T> the message type
         * @param type the frame type, valid in the registry's format
         * @param messageClass the class of the codec's messages, used to find the type when encoding
         * @param codec the codec; its size must be a value length the format can carry
         * @return this builder
         * @throws IllegalArgumentException if the type is invalid or already registered, the class is
         *     already registered, or the format cannot carry the codec's size
         */
        public <T> Builder register(int type, Class<T> messageClass, PacketCodec<T> codec) {
            Objects.requireNonNull(messageClass, "messageClass");
            Objects.requireNonNull(codec, "codec");
            format.checkType(type);
            format.checkValueLength(codec.size());
            if (byType.containsKey(type)) {
                throw new IllegalArgumentException("type " + Integer.toUnsignedString(type) + " is already registered for "
                        + byType.get(type).messageClass.getName());
            }
            if (byClass.containsKey(messageClass)) {
                throw new IllegalArgumentException(messageClass.getName() + " is already registered for type "
                        + Integer.toUnsignedString(byClass.get(messageClass).type));
            }
            Binding<T> b = new Binding<>(type, messageClass, codec);
            byType.put(type, b);
            byClass.put(messageClass, b);
            return this;
        }

        /**
         * Builds the registry.
         *
         * @return the registry
         */
        public TlvCodecRegistry build() {
            return new TlvCodecRegistry(this);
        }
    }
}
