package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * A field kind the library cannot know, implemented by users in a few lines: how far a field reaches in
 * place, how to read its value and how to describe it, and for encoding how many bytes a value takes and
 * how to write it. Each decoding method gets the <em>whole</em> message, so a kind may follow references
 * back into it (DNS names with compression pointers).
 *
 * <p>Implementations must be stateless and thread-safe, never read outside {@code [0, limit)} and report
 * bad input by throwing {@link FieldFault}; the layout turns that into a
 * {@link io.bufkit.layout.LayoutException} naming the layout and the field path. A value that cannot be
 * written is rejected by {@link #size(Object)} with an {@link IllegalArgumentException}; the layout adds
 * the field path. Encoding a value and reading it back gives an equal value.
 *
 * <p><b>Fields that depend on the message being encoded.</b> A kind whose bytes depend on what the message
 * holds before the field, or on where the field is (a DNS name written as a pointer to an earlier copy of
 * its suffix, RFC 1035 §4.1.4; padding to an alignment), overrides {@link #size(Object, EncodingContext)}
 * and {@link #write(Object, MutableByteView, EncodingContext)}. The layout encodes in two passes over the
 * fields in message order, and calls the kind once per field in each:
 * <ol>
 *   <li>the size pass calls {@code size(value, context)}, where {@link EncodingContext#offset()} is the
 *       offset at which the field will be written, counted from the message's first byte, and
 *       {@link EncodingContext#state} is the kind's state for this pass, which earlier fields of the kind
 *       may have changed. The sizes make the message's derived lengths (a DNS {@code rdlength} of RDATA
 *       holding a compressed name) before anything is written;</li>
 *   <li>the write pass calls {@code write(value, out, context)} for the same fields with the same values,
 *       in the same order, at the same offsets, with a state that starts fresh again. The kind must write
 *       exactly the number of bytes its size pass gave for that field, from {@code context.offset()} on.</li>
 * </ol>
 * A kind that decides from its state, the value and the offset alone, and updates its state the same way
 * in both passes, meets this. The state lives for one encode call: nothing is shared between messages, and
 * {@link MessageLayout#encodedSize} runs the size pass only. The size pass may run more than once for one
 * message, each time with fresh state: when a varint whose value a later part derives comes before the
 * field, its width is known only once the parts after it are sized, so they are placed with a guessed
 * width and, if a kind asked for its offset and the guess was wrong, sized again with the width found.
 * Kinds that ignore the context implement only {@link #size(Object)} and
 * {@link #write(Object, MutableByteView, int)}; the context-taking methods default to them.
 *
 * @param <T> the type of the decoded value
 */
public interface FieldKind<T> {
    /**
     * A short name for declarations and descriptions, such as {@code "dns-name"}.
     *
     * @return the kind's name
     */
    String name();

    /**
     * Where the field that starts at {@code at} ends in place.
     *
     * @param message the whole message, <em>borrowed</em> for the call
     * @param at the field's first byte
     * @param limit the offset the field must not reach past
     * @return the offset just past the field, between {@code at} and {@code limit}
     * @throws FieldFault if the bytes are not a well-formed field
     */
    int end(ByteView message, int at, int limit);

    /**
     * Reads the field's value; called only for a field whose {@link #end} succeeded.
     *
     * @param message the whole message, <em>borrowed</em> for the call
     * @param at the field's first byte
     * @return the value, which must not keep the view
     * @throws FieldFault if the bytes are not a well-formed field
     */
    T read(ByteView message, int at);

    /**
     * The field's value for people, used by {@link Message#describe()}.
     *
     * @param message the whole message, <em>borrowed</em> for the call
     * @param at the field's first byte
     * @return the text
     */
    default String describe(ByteView message, int at) {
        return String.valueOf(read(message, at));
    }

    /**
     * The type of the values this kind reads and writes, so that encoders can check a value's type before
     * writing it.
     *
     * @return the value class, such as {@code String.class}
     */
    Class<T> valueType();

    /**
     * How many bytes {@link #write(Object, MutableByteView, int)} takes for a value written on its own;
     * called once per value before it is written, unless the kind overrides
     * {@link #size(Object, EncodingContext)}.
     *
     * @param value the value, {@code null} only if the kind reads {@code null} values
     * @return the encoded size in bytes
     * @throws IllegalArgumentException if the value cannot be written (the message says why)
     */
    int size(T value);

    /**
     * Writes a value whose {@link #size(Object)} was asked first, exactly that many bytes from {@code at}.
     *
     * @param value the value
     * @param out the message being written, <em>borrowed</em> for the call
     * @param at where the field's first byte goes
     */
    void write(T value, MutableByteView out, int at);

    /**
     * How many bytes the field takes in the message being encoded, where the context says it starts; the
     * encoder's size pass calls this once per field, in message order (see the class description). The
     * default is {@link #size(Object)}.
     *
     * @param value the value, {@code null} only if the kind reads {@code null} values
     * @param context the field's offset in the message and the kind's state for this pass, valid during the
     *     call
     * @return the encoded size in bytes
     * @throws IllegalArgumentException if the value cannot be written (the message says why)
     */
    default int size(T value, EncodingContext context) {
        return size(value);
    }

    /**
     * Writes the field at {@code context.offset()} of the message being encoded: exactly as many bytes as
     * {@link #size(Object, EncodingContext)} gave for this field in the size pass. The encoder's write pass
     * calls this once per field, in message order (see the class description). The default is
     * {@link #write(Object, MutableByteView, int)} at the context's offset.
     *
     * @param value the value
     * @param out the whole message being written, <em>borrowed</em> for the call; its offset 0 is the
     *     message's first byte
     * @param context the field's offset in the message and the kind's state for this pass, valid during the
     *     call
     */
    default void write(T value, MutableByteView out, EncodingContext context) {
        write(value, out, context.offset());
    }
}
