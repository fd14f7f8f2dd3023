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
     * How many bytes {@link #write} takes for a value; called once per value before it is written.
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
}
