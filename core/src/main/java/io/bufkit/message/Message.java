package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message decoded by a {@link MessageLayout}: where each part starts and ends, computed once while
 * decoding, plus the decoded repeats, conditional parts and chosen alternatives.
 *
 * <p>A message <em>borrows</em> the view it was decoded from: every {@link ByteView} it returns is a
 * borrowed slice of that view and goes stale with it; offsets are relative to the start of that view,
 * also for elements of repeats. Not thread-safe: a message makes the views of its sections when first asked for them; read it from the thread that decoded it, or publish it safely.
 */
public final class Message {
    private final MessageLayout layout;
    private final ByteView view;
    private final String root;
    /** Per part: where it starts at {@code 2i}, where it ends at {@code 2i + 1}. */
    private final int[] bounds;
    /**
     * Per part: its repeat elements, sub-level or nothing; for a section, its view once asked for (made
     * lazily, so that decoding allocates no view for a section nobody reads).
     */
    private final Object[] children;
    private int end;
    /** The level this one is part of, or null for the message itself. */
    private final Message parent;
    /** The index of the part of {@link #parent} this level is. */
    private final int parentPart;
    /** This level's index in a repeat, or -1. */
    private final int element;

    Message(MessageLayout layout, ByteView view, String root) {
        this(layout, view, root, null, -1, -1);
    }

    private Message(MessageLayout layout, ByteView view, String root, Message parent, int parentPart, int element) {
        this.layout = layout;
        this.view = view;
        this.root = root;
        this.parent = parent;
        this.parentPart = parentPart;
        this.element = element;
        int n = layout.partList().size();
        this.bounds = new int[2 * n];
        this.children = new Object[n];
    }

    /** A level inside part {@code part} of this one (element {@code element} of a repeat, else -1), undecoded. */
    Message subLevel(MessageLayout body, int part, int element) {
        return new Message(body, view, root, this, part, element);
    }

    int decodeFrom(int at, int limit) {
        int pos = at;
        var parts = layout.partList();
        int bounded = layout.lengthPart();
        for (int i = 0; i < parts.size(); i++) {
            pos = parts.get(i).decode(this, i, pos, limit);
            if (i == bounded) {   // the level's length ends it: the parts after it stop there
                limit = ((LevelLengthPart) parts.get(i)).bound(this, i, at, pos, limit);
            }
        }
        end = bounded < 0 ? pos : ((LevelLengthPart) parts.get(bounded)).filled(this, bounded, pos, limit);
        return end;
    }

    void record(int index, int start, int stop, Object child) {
        bounds[2 * index] = start;
        bounds[2 * index + 1] = stop;
        children[index] = child;
    }

    /** The full path of part {@code index} of this level, such as {@code answers[2].name}. */
    String pathOf(int index) {
        String name = layout.partList().get(index).name;
        String path = path();
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The path of this level, such as {@code answers[2]}; empty for the message itself. */
    String path() {
        if (parent == null) {
            return "";
        }
        String p = parent.pathOf(parentPart);
        return element >= 0 ? p + "[" + element + "]" : p;
    }

    Object child(int index) {
        return children[index];
    }

    ByteView sectionView(int index) {
        Object section = children[index];
        if (section == null) {
            section = view.slice(bounds[2 * index], bounds[2 * index + 1]);
            children[index] = section;
        }
        return (ByteView) section;
    }

    ByteView view() {
        return view;
    }

    String root() {
        return root;
    }

    int start(int index) {
        return bounds[2 * index];
    }

    int end(int index) {
        return bounds[2 * index + 1];
    }

    ByteView bytes(int index) {
        return view.slice(bounds[2 * index], bounds[2 * index + 1]);
    }

    /**
     * The end of a part of {@code length} bytes from {@code from}, or a failure naming the path if the
     * length is negative or reaches past {@code limit}.
     */
    int sizedEnd(int index, int partStart, int from, long length, int limit, Size size) {
        if (length < 0 || from + length > limit) {
            String why = size != null ? size + " = " + length : "prefix " + length;
            throw fail(pathOf(index), partStart, "length " + length + " (" + why + ") points past the end",
                    "at most " + (limit - from) + " bytes", length + " bytes");
        }
        return (int) (from + length);
    }

    /**
     * Decodes a sub-layout of this message from {@code at} that must end exactly at {@code end} (a sized
     * choice or sized part), or a failure naming the path and the size it should have filled.
     */
    Message decodeExactly(MessageLayout body, int index, int at, int end, Size size) {
        Message sub = subLevel(body, index, -1);
        int subEnd = sub.decodeFrom(at, end);
        if (subEnd != end) {
            throw fail(pathOf(index), subEnd, body.name() + " ends before its " + size + " bytes do", (end - at) + " bytes",
                    (subEnd - at) + " bytes");
        }
        return sub;
    }

    LayoutException fail(String path, int offset, String why, String expected, String actual) {
        return new LayoutException(root + ": " + path + " at offset " + offset + ": " + why, root, path, offset,
                expected, actual);
    }

    /**
     * The layout this message was decoded with.
     *
     * @return the layout
     */
    public MessageLayout layout() {
        return layout;
    }

    /**
     * The offset just past this message's last part, relative to the decoded view.
     *
     * @return the end offset
     */
    public int end() {
        return end;
    }

    /**
     * Where a part starts, relative to the decoded view.
     *
     * @param part the part's name
     * @return the offset of its first byte (for a prefixed part, the first byte after the prefix)
     * @throws IllegalArgumentException if the layout has no such part
     */
    public int start(String part) {
        return bounds[2 * layout.indexOf(part)];
    }

    /**
     * Where a part ends, relative to the decoded view: just past its last byte, its terminator included.
     *
     * @param part the part's name
     * @return the offset just past the part
     * @throws IllegalArgumentException if the layout has no such part
     */
    public int end(String part) {
        int i = layout.indexOf(part);
        Part p = layout.partList().get(i);
        if (p instanceof BytesPart b && b.kind == BytesPart.Kind.NUL_TERMINATED) {
            return bounds[2 * i + 1] + 1;
        }
        return bounds[2 * i + 1];
    }

    /**
     * The bytes of a section or byte part, as a <em>borrowed</em> slice (without prefix or terminator).
     *
     * @param part the part's name
     * @return a borrowed view under the decoded view's lease
     * @throws IllegalArgumentException if the layout has no such part
     */
    public ByteView bytes(String part) {
        return bytes(layout.indexOf(part));
    }

    /**
     * The bytes of a part decoded as UTF-8 into an owned {@link String}.
     *
     * @param part the part's name
     * @return the text
     * @throws IllegalArgumentException if the layout has no such part
     */
    public String string(String part) {
        return bytes(part).toString(StandardCharsets.UTF_8);
    }

    /**
     * The value of an integer field of a fixed section.
     *
     * @param path {@code "section.field"}
     * @return the value
     * @throws IllegalArgumentException if there is no such section or integer field
     */
    public int intValue(String path) {
        return layout.ref(path).read(this);
    }

    /**
     * The value of a field of a user-defined kind, read now through the kind.
     *
     * @param part the part's name
     * @param kind the kind the part was declared with
     * @param <T> the value's type
     * @return the value
     * @throws IllegalArgumentException if the part was not declared with this kind
     * @throws LayoutException if the kind finds the field malformed
     */
    public <T> T value(String part, FieldKind<T> kind) {
        int i = layout.indexOf(part);
        if (!(layout.partList().get(i) instanceof CustomPart c) || c.kind != kind) {
            throw new IllegalArgumentException(part + " of " + layout.name() + " is not a " + kind.name() + " field");
        }
        return c.read(this, i);
    }

    /**
     * How many elements a repeat holds.
     *
     * @param part the repeat's name
     * @return the count
     * @throws IllegalArgumentException if the part is not a repeat
     */
    public int count(String part) {
        return elements(part).length;
    }

    /**
     * One element of a repeat.
     *
     * @param part the repeat's name
     * @param index the element's index
     * @return the element, borrowing the same view
     * @throws IllegalArgumentException if the part is not a repeat
     * @throws IndexOutOfBoundsException if the index is not below {@link #count(String)}
     */
    public Message element(String part, int index) {
        return elements(part)[index];
    }

    private Message[] elements(String part) {
        int i = layout.indexOf(part);
        if (!(layout.partList().get(i) instanceof RepeatPart)) {
            throw new IllegalArgumentException(part + " is not a repeat of " + layout.name());
        }
        return (Message[]) children[i];
    }

    /**
     * Whether a conditional part or a choice holds a decoded sub-message.
     *
     * @param part the part's name
     * @return true if present (for a choice: if the discriminator named a known alternative)
     */
    public boolean isPresent(String part) {
        return children[layout.indexOf(part)] instanceof Message;
    }

    /**
     * The sub-message of a conditional part or a choice.
     *
     * @param part the part's name
     * @return the sub-message, borrowing the same view
     * @throws IllegalStateException if the part is absent
     */
    public Message sub(String part) {
        Object c = children[layout.indexOf(part)];
        if (!(c instanceof Message)) {
            throw new IllegalStateException(part + " of " + layout.name() + " is absent");
        }
        return (Message) c;
    }

    /**
     * The message's values in the generic value model that {@link MessageLayout#encode(Map)} takes (see
     * {@link MessageLayout}): a map from part name to value, in part order. Every section's fields are
     * there, derived ones and checksums included; an absent conditional part has no entry. Encoding the
     * values gives a message that decodes to equal values.
     *
     * @return a new map, <em>owned</em>: byte parts and byte fields are copies ({@link io.bufkit.Bytes}),
     *     safe to keep after the decoded view goes stale
     * @throws LayoutException if a user-defined field is malformed
     */
    public Map<String, Object> toValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        var parts = layout.partList();
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).putValue(this, i, out);
        }
        return out;
    }

    /**
     * The whole message for people: sections with their fields, repeats element by element and the chosen
     * alternatives, indented.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder out = new StringBuilder(layout.name()).append(" (").append(end).append(" bytes)\n");
        describeInto(out, "  ");
        return out.toString();
    }

    void describeInto(StringBuilder out, String indent) {
        var parts = layout.partList();
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).describe(this, i, out, indent);
        }
    }

    @Override
    public String toString() {
        return layout.name() + " message of " + end + " bytes";
    }
}
