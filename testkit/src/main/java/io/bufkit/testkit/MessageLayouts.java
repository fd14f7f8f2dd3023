package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bufkit.ByteView;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameWriter;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.FieldKind;
import io.bufkit.message.GeneratedDecoder;
import io.bufkit.message.Message;
import io.bufkit.message.MessageCodec;
import io.bufkit.message.MessageLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Generators and properties for any {@link MessageLayout}: valid values and encoded messages, what a peer
 * might send instead, the encode/decode round trip, and chunk boundaries of frame + message pipelines.
 *
 * <pre>{@code
 * static final MessageLayouts DNS = MessageLayouts.of(DnsMessage.LAYOUT)
 *         .withKind(DnsName.KIND, dnsNames).withKind(DnsName.UNCOMPRESSED, dnsNames);
 *
 * @Test void roundTrip()        { DNS.checkRoundTrip(); }           // encode, decode, toValues: the same values
 * @Test void hostileMessages()  { DNS.checkArbitraryMessages(); }   // decoded, or a LayoutException with a path
 * @Test void postgresPipeline() {                                   // messages carry their own length
 *     MessageLayouts.of(BACKEND).checkSelfFramedChunks(
 *             FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build());
 * }
 * }</pre>
 *
 * <p><b>Values</b> are valid by construction, in the value model of {@link MessageLayout}: section fields
 * anywhere in their type's range, edge-biased (constants, checksums and derived fields are left to
 * encoding); a discriminator is one of its choice's alternatives (for a sized choice, now and then a value
 * without one, whose part is then raw bytes); a condition's field is generated first and its part is present
 * exactly when the condition holds; repeats hold 0 to {@link #maxElements(int)} elements (never more than
 * their count field holds), byte parts 0 to {@link #maxBytes(int)} bytes, sized ones a length their
 * {@link io.bufkit.message.Size} describes, nullable ones ({@code nullablePrefixed}, {@code nullableCompact})
 * {@code null} (NULL) about one time in five; a level's remaining or total length has no value, and its
 * field is left to encoding. A user-defined field's values come from the generator registered
 * with {@link #withKind(FieldKind, Gen)}. A condition on a field of an enclosing level
 * ({@code "../fixed.qos"}) reads the values drawn for that level. Everything shrinks.
 *
 * <p>Not covered: a field derived by two parts (the generator picks each part's length on its own),
 * conditions or discriminators read from derived fields, and elements of a repeat to the end or until a
 * terminator whose conditions read an enclosing level (an element cannot be encoded on its own to check that
 * it takes a byte and does not start with the terminator). Instances are immutable; each setting returns a new
 * one. Tries and seeds come from {@code bufkit.tries} and {@code bufkit.seed}, as for {@link Property}.
 */
public final class MessageLayouts {
    /** The default of {@link #maxElements(int)}. */
    public static final int DEFAULT_MAX_ELEMENTS = 3;
    /** The default of {@link #maxBytes(int)}. */
    public static final int DEFAULT_MAX_BYTES = 24;
    /** How long decoding one message may take before the hostile-input property calls it a hang. */
    static final Duration HANG = Duration.ofSeconds(10);

    private final MessageLayout layout;
    private final Map<FieldKind<?>, Gen<?>> kinds;
    private final int maxElements;
    private final int maxBytes;
    /** The names of byte parts drawn as UTF-8 text. */
    private final Set<String> text;

    private MessageLayouts(MessageLayout layout, Map<FieldKind<?>, Gen<?>> kinds, int maxElements, int maxBytes,
            Set<String> text) {
        this.layout = layout;
        this.kinds = kinds;
        this.maxElements = maxElements;
        this.maxBytes = maxBytes;
        this.text = text;
    }

    /**
     * Generators and properties for a layout, with default settings.
     *
     * @param layout the layout
     * @return the generators
     */
    public static MessageLayouts of(MessageLayout layout) {
        return new MessageLayouts(Objects.requireNonNull(layout, "layout"), Map.of(), DEFAULT_MAX_ELEMENTS,
                DEFAULT_MAX_BYTES, Set.of());
    }

    /**
     * Registers the values of a user-defined field kind, for every field of that kind at any level.
     *
     * @param kind the field kind
     * @param values valid values of the kind, each of which {@link FieldKind#size(Object)} accepts
     * @param <T> the kind's value type
     * @return new generators with the kind registered
     */
    public <T> MessageLayouts withKind(FieldKind<T> kind, Gen<? extends T> values) {
        Map<FieldKind<?>, Gen<?>> more = new HashMap<>(kinds);
        more.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(values, "values"));
        return new MessageLayouts(layout, Map.copyOf(more), maxElements, maxBytes, text);
    }

    /**
     * Draws the byte parts of these names, at any level, as valid UTF-8 text (of the lengths their kind
     * allows, never holding U+0000) instead of any bytes: for a record codec that maps them to
     * {@code String}, whose round trip any bytes would not survive (a byte that is no UTF-8 decodes to
     * U+FFFD and encodes to three others). {@code MessageLayouts.of(MQTT).withText("clientId", "topic")}.
     *
     * @param partNames the names of byte parts
     * @return new generators with those parts drawn as text
     */
    public MessageLayouts withText(String... partNames) {
        Set<String> more = new HashSet<>(text);
        for (String name : partNames) {
            more.add(Objects.requireNonNull(name, "partName"));
        }
        return new MessageLayouts(layout, kinds, maxElements, maxBytes, Set.copyOf(more));
    }

    /**
     * Sets the most elements a generated repeat holds.
     *
     * @param max at least 0
     * @return new generators with that setting
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public MessageLayouts maxElements(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxElements " + max + " is negative");
        }
        return new MessageLayouts(layout, kinds, max, maxBytes, text);
    }

    /**
     * Sets the most bytes a generated byte part holds (a sized one: about that many).
     *
     * @param max at least 0
     * @return new generators with that setting
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public MessageLayouts maxBytes(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxBytes " + max + " is negative");
        }
        return new MessageLayouts(layout, kinds, maxElements, max, text);
    }

    /**
     * Valid values of the layout's messages, as {@link MessageLayout#encode(Map)} takes them; every one
     * encodes.
     *
     * @return the generator of new, <em>owned</em> maps
     * @throws IllegalArgumentException (from the generator) if the layout has a field kind without a
     *     registered generator
     */
    public Gen<Map<String, Object>> values() {
        return new MessageValueGen(kinds, maxElements, maxBytes, text).level(layout).filter(this::encodes);
    }

    private boolean encodes(Map<String, Object> values) {
        try {
            layout.encode(values);
            return true;
        } catch (IllegalArgumentException notDescribable) {
            return false;   // say a sized choice whose content no value of its Size describes
        }
    }

    /**
     * Valid encoded messages: {@link #values()} encoded.
     *
     * @return the generator of new, <em>owned</em> arrays
     */
    public Gen<byte[]> messages() {
        return values().map(layout::encode);
    }

    /**
     * What a peer might send in place of a message: valid messages; messages cut short; a count or length
     * field (a derived varint too, such as a remaining length) or a byte part's length prefix bumped (mostly
     * past the end) or shrunk by a few (below what its parts take; a nullable part's prefix to a negative
     * length other than NULL's -1); a terminator removed; one to three bytes changed anywhere; bytes
     * appended. A decoder must decode each or reject it with a {@link LayoutException}.
     *
     * @return the generator of new, <em>owned</em> arrays
     */
    public Gen<byte[]> arbitraryMessages() {
        return MessageMutations.of(messages().map(wire -> MessageAnatomy.of(layout, wire)));
    }

    /**
     * Checks the round trip of the layout's own encoding: for generated values, encoding, decoding and
     * {@link Message#toValues()} give the same values (see {@link #sameValues(Object, Object)}; what encoding
     * computes — constants, checksums, derived fields — is left out of the comparison), and encoding those
     * decoded values gives the same bytes.
     *
     * @throws PropertyFailure for the first failing values, shrunk, with the seed to replay them
     */
    public void checkRoundTrip() {
        Property.forAll(values()).check(v -> {
            byte[] wire = layout.encode(v);
            Message m = layout.decode(ByteView.wrap(wire));
            Map<String, Object> back = m.toValues();
            Map<String, Object> given = MessageValueEquality.given(layout, back);
            if (!sameValues(v, given)) {
                throw new AssertionError("decoded values differ\n  given:   " + v + "\n  decoded: " + given);
            }
            assertArrayEquals(wire, layout.encode(back), "encoding the decoded values gives other bytes");
        });
    }

    /**
     * Checks the round trip of any codec, such as a record codec over this library's layouts: for generated
     * values, decoding the encoding gives the same value by {@link #sameValues(Object, Object)}.
     *
     * @param values the values to encode
     * @param encode the codec's encoding, returning an <em>owned</em> array
     * @param decode the codec's decoding of a whole message, <em>borrowed</em> for the call
     * @param <T> the value type
     * @throws PropertyFailure for the first failing value, shrunk, with the seed to replay it
     */
    public static <T> void checkRoundTrip(Gen<T> values, Function<? super T, byte[]> encode,
            Function<? super ByteView, ? extends T> decode) {
        Property.forAll(values).check(v -> {
            T back = decode.apply(ByteView.wrap(encode.apply(v)));
            if (!sameValues(v, back)) {
                throw new AssertionError("decoded value differs\n  given:   " + v + "\n  decoded: " + back);
            }
        });
    }

    /**
     * Checks a record codec of this layout against the layout's own encoding: for generated values, the
     * codec decodes the encoded message into a record, encodes that record into the same bytes, and decodes
     * those bytes into an equal record (compared by {@link #sameValues(Object, Object)} when a record holds
     * arrays). So every part the codec maps survives both directions, and the record carries everything the
     * message says.
     *
     * @param codec the record codec, derived for this layout
     * @param <R> the record type
     * @throws IllegalArgumentException if the codec is of another layout
     * @throws PropertyFailure for the first failing values, shrunk, with the seed to replay them
     */
    public <R extends Record> void checkRecordRoundTrip(MessageCodec<R> codec) {
        if (codec.layout() != layout) {
            throw new IllegalArgumentException("the codec is of layout " + codec.layout().name() + ", not "
                    + layout.name());
        }
        Property.forAll(values()).check(v -> {
            byte[] wire = layout.encode(v);
            R record = codec.decode(ByteView.wrap(wire));
            byte[] again = codec.encode(record);
            assertArrayEquals(wire, again, "encoding the decoded record " + record + " gives other bytes");
            R back = codec.decode(ByteView.wrap(again));
            if (!record.equals(back) && !sameValues(record, back)) {
                throw new AssertionError("decoded record differs\n  first:  " + record + "\n  second: " + back);
            }
        });
    }

    /**
     * Checks a decoder {@link io.bufkit.message.DecoderSource} generated for a record codec of this layout
     * against the codec's own decoder: every valid message ({@link #messages()}) takes the generated path and
     * gives an equal record; of {@link #arbitraryMessages()}, the generated code gives up ({@code null}) on
     * every message the codec rejects, and any record it gives equals the codec's; and the codec with the
     * decoder rejects what it rejects without it, with the same message.
     *
     * @param codec the record codec of this layout, with or without the decoder
     * @param decoder the generated decoder
     * @param <R> the record type
     * @throws IllegalArgumentException if the codec is of another layout, or the decoder was generated for
     *     another codec
     * @throws PropertyFailure for the first failing message, shrunk, with the seed to replay it
     */
    public <R extends Record> void checkGeneratedDecoder(MessageCodec<R> codec, GeneratedDecoder<R> decoder) {
        if (codec.layout() != layout) {
            throw new IllegalArgumentException("the codec is of layout " + codec.layout().name() + ", not "
                    + layout.name());
        }
        MessageCodec<R> own = codec.withoutDecoder();
        MessageCodec<R> generated = own.withDecoder(decoder);
        Property.forAll(messages()).check(wire -> {
            R expected = own.decode(ByteView.wrap(wire));
            R got = decoder.decode(ByteView.wrap(wire));
            if (got == null) {
                throw new AssertionError("the generated decoder gave up on a valid message; the codec decodes "
                        + expected);
            }
            if (!got.equals(expected) && !sameValues(got, expected)) {
                throw new AssertionError("records differ\n  generated: " + got + "\n  codec:     " + expected);
            }
        });
        Property.forAll(arbitraryMessages()).check(wire -> assertTimeoutPreemptively(HANG, () -> {
            R expected = null;
            LayoutException rejected = null;
            try {
                expected = own.decode(ByteView.wrap(wire));
            } catch (LayoutException e) {
                rejected = e;
            }
            R got = decoder.decode(ByteView.wrap(wire));
            if (rejected != null) {
                if (got != null) {
                    throw new AssertionError("the generated decoder gave " + got + " for a message the codec "
                            + "rejects: " + rejected.getMessage());
                }
                LayoutException again = assertThrows(LayoutException.class,
                        () -> generated.decode(ByteView.wrap(wire)));
                assertEquals(rejected.getMessage(), again.getMessage());
            } else if (got != null && !got.equals(expected) && !sameValues(got, expected)) {
                throw new AssertionError("records differ\n  generated: " + got + "\n  codec:     " + expected);
            }
        }));
    }

    /**
     * Checks a reader written by {@link io.bufkit.message.ReaderSource} for this layout against the layout's own
     * decoding. For every {@linkplain #messages() valid message}, every getter of every level the reader hands
     * out gives what the decoded {@link Message} holds (sections' fields, bytes, counts, elements, presence,
     * alternatives, varints and user-defined fields). For every {@linkplain #arbitraryMessages() message a peer
     * might send}, the reader throws the same {@link LayoutException} as {@link MessageLayout#decode} or, if
     * that decodes it, reads as the message does; never a hang (10 seconds per message).
     *
     * @param reader the generated reader's {@code read} method, as {@code reader::read}
     * @throws PropertyFailure for the first failing input, shrunk, with the seed to replay it
     */
    public void checkGeneratedReader(Function<ByteView, ?> reader) {
        Property.forAll(messages()).check(wire -> GeneratedReaders.compare(reader.apply(ByteView.wrap(wire)),
                layout.decode(ByteView.wrap(wire)), layout.name()));
        Property.forAll(arbitraryMessages()).check(wire -> assertTimeoutPreemptively(HANG, () -> {
            Message expected;
            try {
                expected = layout.decode(ByteView.wrap(wire));
            } catch (LayoutException rejected) {
                LayoutException again = assertThrows(LayoutException.class, () -> reader.apply(ByteView.wrap(wire)));
                assertEquals(rejected.getMessage(), again.getMessage());
                return;
            }
            GeneratedReaders.compare(reader.apply(ByteView.wrap(wire)), expected, layout.name());
        }));
    }

    /**
     * Checks decoding of {@link #arbitraryMessages()}: each decodes (and its {@link Message#toValues()} and
     * {@link Message#describe()} work) or is rejected with a {@link LayoutException} that names a field
     * path; never another exception, never a hang (10 seconds per message).
     *
     * @throws PropertyFailure for the first failing input, shrunk, with the seed to replay it
     */
    public void checkArbitraryMessages() {
        Property.forAll(arbitraryMessages()).check(bytes -> assertTimeoutPreemptively(HANG, () -> {
            try {
                Message m = layout.decode(ByteView.wrap(bytes));
                m.toValues();
                m.describe();
            } catch (LayoutException rejected) {
                if (rejected.field().isEmpty()) {
                    throw new AssertionError("rejected without a field path: " + rejected.getMessage(), rejected);
                }
            }
        }));
    }

    /**
     * Checks a pipeline that frames each message in {@code format} (a format that hands out the frame's body
     * alone, as {@link FrameWriter#encode(io.bufkit.Bytes)} wrote it): streams of generated messages, framed,
     * fed to a {@link FrameDecoder} in every chunking {@link ChunkProperty} checks, each frame decoded with the
     * layout, give the values of decoding each message in one piece.
     *
     * @param format the framing
     * @throws ChunkingFailure for the first failing stream and chunking, shrunk, with the seed to replay it
     */
    public void checkFramedChunks(FrameFormat format) {
        FrameWriter writer = new FrameWriter(format);
        checkChunks(format, wire -> writer.encode(wire).toByteArray());
    }

    /**
     * Checks a pipeline whose messages carry their own framing (PostgreSQL's type byte and self-counting
     * length): streams of generated messages, back to back, fed to a {@link FrameDecoder} of {@code format}
     * in every chunking {@link ChunkProperty} checks, each frame decoded with the layout, give the values of
     * decoding each message in one piece.
     *
     * @param format the framing the messages' own headers follow, handing out whole messages
     * @throws ChunkingFailure for the first failing stream and chunking, shrunk, with the seed to replay it
     */
    public void checkSelfFramedChunks(FrameFormat format) {
        checkChunks(format, wire -> wire);
    }

    private void checkChunks(FrameFormat format, Function<byte[], byte[]> frame) {
        Objects.requireNonNull(format, "format");
        ChunkProperty.<List<Map<String, Object>>>ofFeeds(() -> new MessageFeed(layout, format))
                .checkAll(Gen.listOf(values(), 0, 4), list -> {
                    List<byte[]> frames = new ArrayList<>();
                    for (Map<String, Object> v : list) {
                        frames.add(frame.apply(layout.encode(v)));
                    }
                    return MessageMutations.concat(frames);
                }, list -> {
                    List<Map<String, Object>> expected = new ArrayList<>();
                    for (Map<String, Object> v : list) {
                        expected.add(layout.decode(ByteView.wrap(layout.encode(v))).toValues());
                    }
                    return expected;
                });
    }

    /**
     * Equality of message values, careful where {@code equals} is not: {@code byte[]}, {@link io.bufkit.Bytes}
     * and {@link ByteView}s are equal when their bytes are; floats and doubles when their raw bits are (so
     * NaN payloads and {@code -0.0} count); maps, lists and records (component by component) when their
     * contents are by this rule; everything else by {@link Object#equals(Object)}.
     *
     * @param a a value, or {@code null}
     * @param b a value, or {@code null}
     * @return whether they are the same values
     */
    public static boolean sameValues(Object a, Object b) {
        return Objects.equals(MessageValueEquality.normal(a), MessageValueEquality.normal(b));
    }
}
