package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message decoded by a {@link MessageLayout}: where each part starts and ends, computed once while
 * decoding, plus the decoded repeats, conditional parts and chosen alternatives.
 *
 * <p>A message <em>borrows</em> the view it was decoded from: every {@link ByteView} it returns is a
 * borrowed slice of that view and goes stale with it; offsets are relative to the start of that view,
 * also for elements of repeats. A message is not modified once decoded: once published safely, any thread
 * may read it.
 *
 * <p>Decoding records every level of the message in one flat structure; the {@code Message} of a
 * sub-level ({@link #sub(String)}, {@link #element(String, int)}) is made when asked for, so two calls may
 * return distinct objects for one level. They are {@linkplain #equals(Object) equal}.
 *
 * <p>Reads by name look the name up on every call. For reads in a hot loop, resolve parts and integer
 * fields once into constants, {@link MessageLayout#partPath(String)} and {@link MessageLayout#intPath(String)}:
 * the methods here read through the same paths.
 */
public final class Message {
    private final MessageLayout layout;
    /** The decoded message this level is part of; shared by every {@code Message} of one decode. */
    private final LevelTape tape;
    /** This level's index in {@link #tape}. */
    private final int level;

    Message(MessageLayout layout, LevelTape tape, int level) {
        this.layout = layout;
        this.tape = tape;
        this.level = level;
    }

    LevelTape tape() {
        return tape;
    }

    int level() {
        return level;
    }

    /** The sub-level that part {@code index} holds (a conditional part, sized part or chosen alternative), or null. */
    Message subLevel(int index) {
        return layout.partPath(index).subOf(this);
    }

    /** The number of elements of repeat part {@code index}. */
    int count(int index) {
        return layout.partPath(index).countOf(this);
    }

    /** Element {@code k} of repeat part {@code index}. */
    Message element(int index, int k) {
        return layout.partPath(index).elementOf(this, k);
    }

    /**
     * The failure for {@code path}, resolved in another layout, read from this message; built apart from
     * the reads so that they stay small enough to inline.
     */
    IllegalArgumentException readThroughAnotherLayout(Object path) {
        return new IllegalArgumentException(path + " read from a " + layout.name() + " message");
    }

    ByteView view() {
        return tape.view;
    }

    int start(int index) {
        return tape.start(level, layout.partArray()[index]);
    }

    /** Where the contents of part {@code index} end, before its terminator. */
    int end(int index) {
        return tape.end(level, layout.partArray()[index]);
    }

    ByteView bytes(int index) {
        return layout.partPath(index).bytesOf(this);
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
        Part[] parts = layout.partArray();
        return parts.length == 0 ? tape.ints[level + LevelTape.START]
                : tape.ints[level + parts[parts.length - 1].slot];
    }

    /**
     * Where a part starts, relative to the decoded view.
     *
     * @param part the part's name
     * @return the offset of its first byte (for a prefixed part, the first byte after the prefix)
     * @throws IllegalArgumentException if the layout has no such part
     */
    public int start(String part) {
        return layout.partPath(part).start(this);
    }

    /**
     * Where a part ends, relative to the decoded view: just past its last byte, its terminator included.
     *
     * @param part the part's name
     * @return the offset just past the part
     * @throws IllegalArgumentException if the layout has no such part
     */
    public int end(String part) {
        return layout.partPath(part).end(this);
    }

    /**
     * The bytes of a part (a section, a byte part, or any other), as a <em>borrowed</em> slice (without
     * prefix or terminator).
     *
     * @param part the part's name
     * @return a borrowed view under the decoded view's lease, or {@code null} for a
     *     {@linkplain MessageBuilder#nullablePrefixed nullable part} that is NULL (an empty value is an empty
     *     view)
     * @throws IllegalArgumentException if the layout has no such part
     */
    public ByteView bytes(String part) {
        return layout.partPath(part).bytes(this);
    }

    /**
     * The bytes of a part decoded as UTF-8 into an owned {@link String}.
     *
     * @param part the part's name
     * @return the text, or {@code null} for a {@linkplain MessageBuilder#nullablePrefixed nullable part}
     *     that is NULL
     * @throws IllegalArgumentException if the layout has no such part
     */
    public String string(String part) {
        return layout.partPath(part).string(this);
    }

    /**
     * The value of an integer field: of a fixed section of this level ({@code "ip.ttl"}), a single field or a
     * varint ({@code "kind"}), or such a field inside the sub-level a part holds, named by the part first:
     * {@code "transport.tcp.srcPort"} reads through the chosen alternative of choice {@code transport},
     * {@code "body.packetId.id"} through two levels. A field of this level is found first; repeats are not
     * gone through (use {@link #element(String, int)}).
     *
     * @param path the field's path
     * @return the value
     * @throws IllegalArgumentException if there is no such field, here or in any layout the part the path goes
     *     through may hold
     * @throws IllegalStateException if a sub-level on the way is absent, or holds a layout without the field
     *     (a choice holding another alternative)
     */
    public int intValue(String path) {
        FieldRef ref = layout.findRef(path);
        return ref != null ? ref.read(tape, level) : layout.intPath(path).get(this);
    }

    /**
     * The value of an integer field of any width, unsigned 32-bit ({@code u32be}, which {@link #intValue}
     * does not read) and 33- to 64-bit fields and 32-bit checksums included, by the same paths as
     * {@link #intValue(String)}: {@code "payload.setting.value"}, a single field's name.
     *
     * @param path the field's path
     * @return the value; an unsigned field's is never negative, except a {@code u64} one's above
     *     {@link Long#MAX_VALUE}
     * @throws IllegalArgumentException if there is no such integer field, here or in any layout the part the
     *     path goes through may hold
     * @throws IllegalStateException if a sub-level on the way is absent
     */
    public long longValue(String path) {
        FieldRef ref = layout.findRef(path);
        if (ref != null) {
            return ref.read(tape, level);
        }
        int dot = path.indexOf('.');
        String part = dot < 0 ? path : path.substring(0, dot);
        String field = dot < 0 ? path : path.substring(dot + 1);
        if (layout.hasPart(part)) {
            Part p = layout.partArray()[layout.indexOf(part)];
            if (p instanceof SectionPart s) {
                for (LayoutField f : s.layout.fields()) {
                    if (!f.name().equals(field)) {
                        continue;
                    }
                    if (f instanceof LongField l) {
                        return l.get(bytes(part));
                    }
                    if (f instanceof ChecksumField c) {
                        return c.get(bytes(part));
                    }
                }
            } else if (dot > 0 && p.holdsLevel()) {
                return sub(part).longValue(field);
            }
        }
        throw new IllegalArgumentException(layout.name() + " has no integer field " + path);
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
        return layout.partPath(part).value(this, kind);
    }

    /**
     * How many elements a repeat holds.
     *
     * @param part the repeat's name
     * @return the count
     * @throws IllegalArgumentException if the part is not a repeat
     */
    public int count(String part) {
        return layout.partPath(part).count(this);
    }

    /**
     * One element of a repeat.
     *
     * @param part the repeat's name
     * @param index the element's index
     * @return the element, borrowing the same view
     * @throws IllegalArgumentException if the part is not a repeat
     * @throws IndexOutOfBoundsException if the index is negative or not below {@link #count(String)},
     *     naming the part and the count
     */
    public Message element(String part, int index) {
        return layout.partPath(part).element(this, index);
    }

    /**
     * Whether a conditional part, sized part or choice holds a decoded sub-message, or a
     * {@linkplain MessageBuilder#nullablePrefixed nullable part} holds bytes rather than NULL.
     *
     * @param part the part's name
     * @return true if present (for a choice: if the discriminator named a known alternative; a sized part
     *     always is; for a nullable part: if it is not NULL)
     * @throws IllegalArgumentException if the layout has no such part, or the part is none of these
     */
    public boolean isPresent(String part) {
        return layout.partPath(part).isPresent(this);
    }

    /**
     * The sub-message of a conditional part, sized part or choice.
     *
     * @param part the part's name
     * @return the sub-message, borrowing the same view
     * @throws IllegalArgumentException if the layout has no such part, or the part is not a conditional
     *     part, sized part or choice
     * @throws IllegalStateException if the part is absent
     */
    public Message sub(String part) {
        return layout.partPath(part).sub(this);
    }

    /**
     * The message's values in the generic value model that {@link MessageLayout#encode(Map)} takes (see
     * {@link MessageLayout}): a map from part name to value, in part order. Every section's fields are
     * there, derived ones and checksums included; an absent conditional part has no entry, and a NULL
     * {@linkplain MessageBuilder#nullablePrefixed nullable part} has the value {@code null}. Encoding the
     * values gives a message that decodes to equal values.
     *
     * @return a new map, <em>owned</em>: byte parts and byte fields are copies ({@link io.bufkit.Bytes}),
     *     safe to keep after the decoded view goes stale
     * @throws LayoutException if a user-defined field is malformed
     */
    public Map<String, Object> toValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Part p : layout.partArray()) {
            p.putValue(this, p.index, out);
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
        StringBuilder out = new StringBuilder(layout.name()).append(" (").append(end()).append(" bytes)\n");
        describeInto(out, "  ");
        return out.toString();
    }

    void describeInto(StringBuilder out, String indent) {
        for (Part p : layout.partArray()) {
            p.describe(this, p.index, out, indent);
        }
    }

    /**
     * Whether {@code o} is a {@code Message} of the same level of the same decoded message.
     *
     * @param o the object to compare with
     * @return true for the same level of one decode
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.tape == tape && m.level == level;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return System.identityHashCode(tape) * 31 + level;
    }

    @Override
    public String toString() {
        return layout.name() + " message of " + end() + " bytes";
    }
}
