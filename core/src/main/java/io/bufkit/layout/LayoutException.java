package io.bufkit.layout;

import java.util.Optional;

/**
 * Thrown when a packet does not match its {@link PacketLayout}: it has the wrong length, or a field
 * declared with {@code expect(...)} holds another value. This is bad input, not a programming error.
 *
 * <p>The message names the layout, the field (if any), the offset, the expected and the actual value;
 * each is also available on its own. Codecs may throw it for their own checks of a packet.
 */
public final class LayoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The layout's name. */
    private final String layout;
    /** The field's name, or {@code null} when the problem is the packet's length. */
    private final String field;
    /** The offset in the packet where the mismatch is. */
    private final int offset;
    /** What the layout requires, as text. */
    private final String expected;
    /** What the packet holds, as text. */
    private final String actual;

    /**
     * Creates an exception.
     *
     * @param message the full message for people; should name layout, field, offset, expected and actual
     * @param layout the layout's name
     * @param field the field's name, or {@code null} when the problem is the packet's length
     * @param offset the offset in the packet where the mismatch is
     * @param expected what the layout requires, as text
     * @param actual what the packet holds, as text
     */
    public LayoutException(String message, String layout, String field, int offset, String expected, String actual) {
        super(message);
        this.layout = layout;
        this.field = field;
        this.offset = offset;
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * The name of the layout the packet did not match.
     *
     * @return the layout's name
     */
    public String layout() {
        return layout;
    }

    /**
     * The field that holds a wrong value.
     *
     * @return the field's name, or empty when the problem is the packet's length
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /**
     * Where in the packet the mismatch is: the field's offset, or for a wrong length the offset where the
     * packet ends too early or goes on too long (the smaller of the two lengths).
     *
     * @return the offset in bytes
     */
    public int offset() {
        return offset;
    }

    /**
     * What the layout requires: the constant, or the length as {@code "24 bytes"}.
     *
     * @return the expected value as text
     */
    public String expected() {
        return expected;
    }

    /**
     * What the packet holds.
     *
     * @return the actual value as text
     */
    public String actual() {
        return actual;
    }
}
