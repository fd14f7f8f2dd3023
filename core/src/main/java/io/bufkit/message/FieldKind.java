package io.bufkit.message;

import io.bufkit.ByteView;

/**
 * A field kind the library cannot know, implemented by users in a few lines: how far a field reaches in
 * place, how to read its value and how to describe it. Each method gets the <em>whole</em> message, so a
 * kind may follow references back into it (DNS names with compression pointers).
 *
 * <p>Implementations must be stateless and thread-safe, never read outside {@code [0, limit)} and report
 * bad input by throwing {@link FieldFault}; the layout turns that into a
 * {@link io.bufkit.layout.LayoutException} naming the layout and the field path.
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
}
