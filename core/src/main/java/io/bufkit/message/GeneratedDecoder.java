package io.bufkit.message;

import io.bufkit.ByteView;
import java.util.List;

/**
 * A decoder written by {@link DecoderSource} for one {@link MessageCodec}: straight-line Java that reads the
 * layout's fields where they lie and makes the records directly, with no interpretation of the layout per
 * message. A codec given one through {@link MessageCodec#withDecoder} tries it first and leaves to its own
 * decoder every message the generated code does not take, so the two decode alike: the generated code
 * returns a record only for a message the codec decodes into an equal record, and {@code null} for every
 * other (a malformed message among them, which the codec then rejects with its exception naming the field
 * path, offset and why).
 *
 * <p>Implementations are generated, not written by hand; they are immutable and thread-safe.
 *
 * @param <R> the record type
 */
public interface GeneratedDecoder<R extends Record> {

    /**
     * The fingerprint of the codec the decoder was generated from: its layouts' declarations and its records'
     * components. {@link MessageCodec#withDecoder} refuses a decoder whose fingerprint is not its own, so a
     * decoder generated before a layout or record changed fails loudly until it is generated again.
     *
     * @return the fingerprint, a hexadecimal SHA-256
     */
    String fingerprint();

    /**
     * Decodes a message that fills the whole view into a record, or gives up.
     *
     * @param message the message, <em>borrowed</em> for the call; the record owns copies of every byte it
     *     holds
     * @return the record, equal to the one the codec's own decoder makes, or {@code null} if the message is
     *     malformed or takes a path the generated code leaves to the codec
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    R decode(ByteView message);

    /**
     * The list a decoded repeat holds, as a codec's own decoder gives it: unmodifiable, equal to any list of
     * equal elements, and made without copying the array. For generated code.
     *
     * @param elements the elements, from index 0; taken over: the caller must not keep or change the array
     * @param count how many elements of the array the list holds
     * @param <E> the element type
     * @return the list
     */
    @SuppressWarnings("unchecked")
    static <E> List<E> elements(Object[] elements, int count) {
        if (count == 0) {
            return List.of();
        }
        return (List<E>) new ElementList(elements, count);
    }
}
