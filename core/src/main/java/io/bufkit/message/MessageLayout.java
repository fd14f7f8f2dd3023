package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import java.util.List;
import java.util.Map;

/**
 * A declared variable-length message: fixed {@link io.bufkit.layout.PacketLayout} sections, byte runs
 * sized by earlier fields, prefixes, NUL terminators or the message's end, counted repeats, conditional
 * parts and choices of sub-layout, in order. Declare one with {@link #builder(String)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageLayout {
    private final String name;
    private final List<Part> parts;
    private final Map<String, Integer> index;
    private final Map<String, FieldRef> refs;
    private final int minSize;

    MessageLayout(String name, List<Part> parts, Map<String, Integer> index, Map<String, FieldRef> refs) {
        this.name = name;
        this.parts = List.copyOf(parts);
        this.index = Map.copyOf(index);
        this.refs = Map.copyOf(refs);
        int min = 0;
        for (Part p : parts) {
            min += p.minSize();
        }
        this.minSize = min;
    }

    /**
     * Starts declaring a message layout.
     *
     * @param name the layout's name, used in error messages and descriptions
     * @return a builder
     */
    public static MessageBuilder builder(String name) {
        return new MessageBuilder(name);
    }

    /**
     * The layout's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The fewest bytes a well-formed message of this layout takes.
     *
     * @return the minimum size in bytes
     */
    public int minSize() {
        return minSize;
    }

    /**
     * Decodes a message that fills the whole view, walking it once.
     *
     * @param message the message; <em>borrowed</em> by the returned {@link Message}
     * @return the decoded message
     * @throws LayoutException if a length or count points past the end, a terminator never comes, a
     *     discriminator names no alternative, or bytes are left over
     */
    public Message decode(ByteView message) {
        Message m = decodePrefix(message);
        if (m.end() != message.length()) {
            throw m.fail("(end)", m.end(), (message.length() - m.end()) + " bytes left over after the message",
                    m.end() + " bytes", message.length() + " bytes");
        }
        return m;
    }

    /**
     * Decodes a message at the start of a view that may go on after it; {@link Message#end()} says where.
     *
     * @param message the bytes; <em>borrowed</em> by the returned {@link Message}
     * @return the decoded message
     * @throws LayoutException if a length or count points past the end, a terminator never comes or a
     *     discriminator names no alternative
     */
    public Message decodePrefix(ByteView message) {
        Message m = new Message(this, message, name);
        m.decodeFrom(0, message.length(), "");
        return m;
    }

    List<Part> parts() {
        return parts;
    }

    int indexOf(String part) {
        Integer i = index.get(part);
        if (i == null) {
            throw new IllegalArgumentException(name + " has no part " + part + "; it has " + index.keySet());
        }
        return i;
    }

    FieldRef ref(String path) {
        FieldRef r = refs.get(path);
        if (r == null) {
            throw new IllegalArgumentException(name + " has no integer field " + path);
        }
        return r;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MessageLayout ").append(name).append(" {");
        for (Part p : parts) {
            s.append("\n  ").append(p.declaration());
        }
        return s.append("\n}").toString();
    }
}
