package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.OverflowException;
import java.lang.invoke.MethodHandles;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decodes messages of a {@link MessageLayout} into records and encodes records back, derived from a record
 * type whose components are named like the layout's parts:
 *
 * <table class="striped">
 *   <caption>How parts map to record components</caption>
 *   <tr><th>part</th><th>component type</th></tr>
 *   <tr><td>{@code section}</td><td>a record whose components are named like the section's fields, in their
 *       natural types ({@code int}, {@code long}, {@code float}, {@code double}, {@code Bytes} or
 *       {@code byte[]}, {@code String}); it may leave out constants, checksums and the lengths and counts
 *       that later parts derive, and the record may leave out a section with no other field</td></tr>
 *   <tr><td>{@code bytes}, {@code prefixed}, {@code nulTerminated}, {@code rest}</td><td>{@code Bytes},
 *       {@code byte[]} or {@code String} (UTF-8)</td></tr>
 *   <tr><td>{@code nullablePrefixed}</td><td>{@code Bytes}, {@code byte[]} or {@code String} (UTF-8) that is
 *       {@code null} for NULL, or an {@code Optional} of one of them, empty for NULL</td></tr>
 *   <tr><td>{@code field(name, WireType)}</td><td>the field's Java type ({@code int}, {@code long},
 *       {@code float}, {@code double}) or its box; may be left out when a later part derives it</td></tr>
 *   <tr><td>{@code repeat}, {@code repeatUntil}, {@code repeatToEnd}, {@code repeatSized}</td><td>{@code List<E>}
 *       of a record {@code E} for the element layout, or, for an element layout of one part, of that part's
 *       type ({@code List<String>})</td></tr>
 *   <tr><td>{@code sized}</td><td>a record {@code B} for the sub-layout</td></tr>
 *   <tr><td>{@code when}</td><td>{@code Optional<B>} or a record {@code B} that is {@code null} when absent;
 *       for a body of one part, also an {@code Optional} of that part's type or the value itself,
 *       {@code null} when absent; the component may also be left out</td></tr>
 *   <tr><td>{@code choice}</td><td>a sealed interface whose permitted records are named like the alternative
 *       layouts (ignoring case and characters other than letters and digits); one more permitted record
 *       with a single {@code Bytes} or {@code byte[]} component holds a sized choice's unknown
 *       alternatives</td></tr>
 *   <tr><td>{@code field} of a {@link FieldKind}</td><td>the kind's {@link FieldKind#valueType()}</td></tr>
 *   <tr><td>{@code varint}</td><td>{@code int} or {@code Integer}; may be left out when a later part or the
 *       level's length derives it</td></tr>
 *   <tr><td>{@code remainingLength}, {@code totalLength}</td><td>no component: they have no value, and the
 *       field they name is derived</td></tr>
 *   <tr><td>{@code checksumUpToHere}</td><td>no component: it has no value, and encoding fills the checksum
 *       in (the section record may hold the checksum field, which decoding fills and encoding does not
 *       use)</td></tr>
 * </table>
 *
 * <p>Every mismatch is reported when the codec is built, naming the layout's part and the record's
 * component. Encoding fills in every length, count, prefix, terminator, constant and checksum, exactly as
 * {@link MessageLayout#encode(java.util.Map)} does (the values a record gives for derived fields are not
 * used); encode then decode gives an equal record. Records are read and made through method handles
 * looked up once, never through reflection per call.
 *
 * <p>For the hot path, {@link DecoderSource} writes a decoder of straight-line Java from a codec; the codec
 * {@link #withDecoder(GeneratedDecoder) with it} decodes through that code first, and through its own decoder
 * whenever the generated code gives up (a malformed message among others), so both decode alike.
 *
 * <p>Thread-safe. Between decodes a codec keeps one scratch array of at most 64 KiB, which refers to no
 * decoded bytes, so that {@link #decode(ByteView)} does not make a new one for every message.
 *
 * @param <R> the record type
 */
public final class MessageCodec<R extends Record> {
    private final MessageLayout layout;
    private final Class<R> type;
    private final RecordLevel level;
    /** The decoder generated for this codec, tried first; or null. */
    private final GeneratedDecoder<R> generated;
    /**
     * A tape kept from one {@link #decode(ByteView)} to the next, so that decoding into records does not
     * make a new one each time: taken by one decode at a time (a decode that finds none makes its own),
     * holding no reference to decoded bytes while kept, and not kept beyond {@link #MOST_KEPT_INTS}.
     */
    private final AtomicReference<LevelTape> spare = new AtomicReference<>();
    /** The largest tape kept between decodes: 64 KiB. */
    private static final int MOST_KEPT_INTS = 1 << 14;

    private MessageCodec(MessageLayout layout, Class<R> type, MethodHandles.Lookup lookup) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.type = Objects.requireNonNull(type, "type");
        layout.requireStandalone();
        this.level = RecordLevel.bind(layout, type, Objects.requireNonNull(lookup, "lookup"));
        this.generated = null;
    }

    private MessageCodec(MessageCodec<R> codec, GeneratedDecoder<R> generated) {
        this.layout = codec.layout;
        this.type = codec.type;
        this.level = codec.level;
        this.generated = generated;
    }

    /**
     * Derives a codec for a public record type.
     *
     * @param layout the message layout
     * @param type the record type
     * @param <R> the record type
     * @return the codec
     * @throws IllegalArgumentException if the record does not match the layout, naming both sides
     * @throws IllegalStateException if a condition of the layout reads a field of an enclosing level
     *     ({@code "../fixed.qos"}): derive the codec of a layout that holds it
     */
    public static <R extends Record> MessageCodec<R> of(MessageLayout layout, Class<R> type) {
        return new MessageCodec<>(layout, type, MethodHandles.publicLookup());
    }

    /**
     * Derives a codec for a record type that {@code lookup} can access (pass {@code MethodHandles.lookup()}
     * for a record that is not public).
     *
     * @param layout the message layout
     * @param type the record type
     * @param lookup a lookup with access to the record, its nested records and their constructors
     * @param <R> the record type
     * @return the codec
     * @throws IllegalArgumentException if the record does not match the layout, naming both sides, or the
     *     lookup cannot access it
     * @throws IllegalStateException if a condition of the layout reads a field of an enclosing level
     */
    public static <R extends Record> MessageCodec<R> of(MessageLayout layout, Class<R> type,
            MethodHandles.Lookup lookup) {
        return new MessageCodec<>(layout, type, lookup);
    }

    /**
     * The layout this codec reads and writes.
     *
     * @return the layout
     */
    public MessageLayout layout() {
        return layout;
    }

    /**
     * Decodes a message that fills the whole view.
     *
     * @param message the message, <em>borrowed</em> for the call; the record owns copies of every byte it holds
     * @return the record
     * @throws io.bufkit.layout.LayoutException if the message is malformed, naming the field path, the offset
     *     and why
     */
    public R decode(ByteView message) {
        if (generated != null) {
            R r = generated.decode(message);
            if (r != null) {
                return r;
            }
        }
        LevelTape t = layout.decodeWhole(message, spare.getAndSet(null));
        try {
            return type.cast(level.decode(t, 0));
        } finally {
            t.release();
            if (t.capacity() <= MOST_KEPT_INTS) {
                spare.lazySet(t);   // a release store: the next getAndSet sees the tape whole
            }
        }
    }

    /**
     * A codec that decodes through a decoder {@link DecoderSource} generated for this codec, and through its own
     * decoder every message the generated code leaves to it (malformed messages among them, so failures are
     * the same {@link io.bufkit.layout.LayoutException}s). Encoding is unchanged.
     *
     * @param decoder the generated decoder
     * @return a new codec; this one is unchanged
     * @throws IllegalArgumentException if the decoder was generated from another layout or record type (its
     *     fingerprint is not this codec's): generate it again
     */
    public MessageCodec<R> withDecoder(GeneratedDecoder<R> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        String expected = DecoderSource.fingerprint(level);
        if (!expected.equals(decoder.fingerprint())) {
            throw new IllegalArgumentException(decoder.getClass().getName() + " was generated from another layout or "
                    + "record type than " + this + " has now (fingerprint " + decoder.fingerprint() + ", not "
                    + expected + "); generate it again with DecoderSource");
        }
        return new MessageCodec<>(this, decoder);
    }

    /**
     * This codec without a generated decoder: one that decodes every message with its own decoder, which
     * reads the layout itself. For comparing the two, and for measuring.
     *
     * @return a codec without a generated decoder; this one if it has none
     */
    public MessageCodec<R> withoutDecoder() {
        return generated == null ? this : new MessageCodec<>(this, null);
    }

    /** The binding of the layout's top level to the record type. */
    RecordLevel level() {
        return level;
    }

    /**
     * Decodes one decoded message into a record.
     *
     * @param message a message of this codec's layout
     * @return the record, owning copies of every byte it holds
     * @throws IllegalArgumentException if the message is of another layout
     */
    public R decode(Message message) {
        if (message.layout() != layout) {
            throw new IllegalArgumentException("a " + message.layout().name() + " message given to the codec of "
                    + layout.name());
        }
        return type.cast(level.decode(message.tape(), message.level()));
    }

    /**
     * The number of bytes {@link #encode(Record)} writes for a record.
     *
     * @param value the record
     * @return the size in bytes
     * @throws IllegalArgumentException if a value does not fit, naming the field path and why
     */
    public int encodedSize(R value) {
        return layout.plan(values(value)).size();
    }

    /**
     * Encodes a record.
     *
     * @param value the record
     * @return the message, a new <em>owned</em> array
     * @throws IllegalArgumentException if a value does not fit or contradicts a condition, naming the field
     *     path and why
     */
    public byte[] encode(R value) {
        return layout.encode(values(value));
    }

    /**
     * Encodes a record into a view, from its first byte.
     *
     * @param value the record
     * @param out where the message is written, <em>borrowed</em> for the call
     * @return the number of bytes written
     * @throws OverflowException if the message does not fit the view, naming the bytes needed; nothing is
     *     written
     * @throws IllegalArgumentException as {@link #encode(Record)} does
     */
    public int encode(R value, MutableByteView out) {
        return layout.encode(values(value), out);
    }

    private LevelValues values(R value) {
        return level.values(type.cast(Objects.requireNonNull(value, "value")), layout.name());
    }

    @Override
    public String toString() {
        return "MessageCodec " + layout.name() + " <-> " + type.getSimpleName();
    }
}
