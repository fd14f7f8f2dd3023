package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.charset.Charset;

/**
 * A handle to a fixed-length text field: {@code length} bytes of text in a charset, padded with NUL bytes or
 * spaces ({@link TextPadding}). Immutable and thread-safe.
 */
public sealed interface TextField extends LayoutField permits TextHandle {

    /**
     * The text's bytes without the padding: up to the first NUL for {@link TextPadding#NUL}, without
     * trailing spaces for {@link TextPadding#SPACE}.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return a <em>borrowed</em> view of the text's bytes, under the packet's lease
     * @throws IndexOutOfBoundsException if the view is too short for the field
     */
    ByteView get(ByteView packet);

    /**
     * The text, decoded with the field's charset.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return an <em>owned</em> string (malformed input is replaced, as by {@link String#String(byte[], Charset)})
     * @throws IndexOutOfBoundsException if the view is too short for the field
     */
    String string(ByteView packet);

    /**
     * Writes the text, encoded with the field's charset, and pads the rest of the field.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @param text the text
     * @throws IllegalArgumentException if the encoded text is longer than the field, or holds the padding
     *         byte where a read would cut it (a NUL for NUL padding, a trailing space for space padding);
     *         nothing is written
     */
    void set(MutableByteView packet, String text);

    /**
     * The field's charset.
     *
     * @return the charset given at declaration
     */
    Charset charset();

    /**
     * The field's padding.
     *
     * @return the padding given at declaration
     */
    TextPadding padding();
}
