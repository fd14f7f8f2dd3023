package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import java.nio.charset.StandardCharsets;

/**
 * A part of a {@link MessageLayout}, resolved once: the counterpart of {@link IntPath} for navigating and
 * reading parts. Keep paths in {@code static final} constants and read decoded messages through them,
 * without looking the part's name up on each read:
 *
 * <pre>{@code
 * static final PartPath ANSWERS = DnsMessage.LAYOUT.partPath("answers");
 * for (int i = 0; i < ANSWERS.count(message); i++) {
 *     Message answer = ANSWERS.element(message, i);
 * }
 * }</pre>
 *
 * <p>Each method reads a {@link Message} of the layout the path was resolved in, and applies to the parts
 * its by-name counterpart on {@code Message} applies to, with the same exceptions: the by-name methods
 * look the part up and then read through its path. A message of another layout is an
 * {@link IllegalArgumentException} naming both layouts.
 *
 * <p>Immutable and thread-safe; the path holds no state of any message. A read allocates nothing besides
 * what it returns: the {@code Message} of {@link #sub} and {@link #element}, the borrowed slice of
 * {@link #bytes}, the {@code String} of {@link #string}, what the field kind makes for {@link #value}.
 * Where the JIT inlines a read, it usually elides the first two.
 */
public final class PartPath {
    private final MessageLayout layout;
    private final Part part;
    /** Where in a level's record the part's sub-level or element table is, or -1 for a part holding none. */
    private final int child;
    /** The repeat's element layout, or null if the part is not a repeat. */
    private final MessageLayout element;

    PartPath(MessageLayout layout, Part part) {
        this.layout = layout;
        this.part = part;
        boolean holds = part.holdsLevel() || part instanceof RepeatPart;
        this.child = holds ? part.slot + 1 : -1;
        this.element = part instanceof RepeatPart r ? r.element : null;
    }

    /**
     * The part's name.
     *
     * @return the name, such as {@code "answers"}
     */
    public String name() {
        return part.name;
    }

    /**
     * The layout the part belongs to.
     *
     * @return the layout
     */
    public MessageLayout layout() {
        return layout;
    }

    /**
     * Where the part starts, relative to the decoded view; see {@link Message#start(String)}.
     *
     * @param message a decoded message (or repeat element, or sub-level) of this path's layout
     * @return the offset of its first byte (for a prefixed part, the first byte after the prefix)
     * @throws IllegalArgumentException if the message is of another layout
     */
    public int start(Message message) {
        check(message);
        return part.start(message.tape(), message.level());
    }

    /**
     * Where the part ends, relative to the decoded view, its terminator included; see
     * {@link Message#end(String)}.
     *
     * @param message a decoded message of this path's layout
     * @return the offset just past the part
     * @throws IllegalArgumentException if the message is of another layout
     */
    public int end(Message message) {
        check(message);
        return part.end(message.tape(), message.level()) + part.trailing();
    }

    /**
     * The part's bytes as a <em>borrowed</em> slice, without prefix or terminator; see
     * {@link Message#bytes(String)}.
     *
     * @param message a decoded message of this path's layout
     * @return a borrowed view under the decoded view's lease, or {@code null} for a
     *     {@linkplain MessageBuilder#nullablePrefixed nullable part} that is NULL
     * @throws IllegalArgumentException if the message is of another layout
     * @throws io.bufkit.StaleViewException if the decoded view's lease ended
     */
    public ByteView bytes(Message message) {
        check(message);
        return bytesOf(message);
    }

    /**
     * The part's bytes decoded as UTF-8 into an owned {@link String}; see {@link Message#string(String)}.
     *
     * @param message a decoded message of this path's layout
     * @return the text, or {@code null} for a {@linkplain MessageBuilder#nullablePrefixed nullable part}
     *     that is NULL
     * @throws IllegalArgumentException if the message is of another layout
     * @throws io.bufkit.StaleViewException if the decoded view's lease ended
     */
    public String string(Message message) {
        ByteView b = bytes(message);
        return b == null ? null : b.toString(StandardCharsets.UTF_8);
    }

    /**
     * The value of a field of a user-defined kind, read now through the kind; see
     * {@link Message#value(String, FieldKind)}.
     *
     * @param message a decoded message of this path's layout
     * @param kind the kind the part was declared with
     * @param <T> the value's type
     * @return the value
     * @throws IllegalArgumentException if the message is of another layout, or the part was not declared
     *     with this kind
     * @throws LayoutException if the kind finds the field malformed
     */
    public <T> T value(Message message, FieldKind<T> kind) {
        check(message);
        if (!(part instanceof CustomPart c) || c.kind != kind) {
            throw notOfKind(kind);
        }
        return c.read(message.tape(), message.level());
    }

    /**
     * How many elements a repeat holds; see {@link Message#count(String)}.
     *
     * @param message a decoded message of this path's layout
     * @return the count
     * @throws IllegalArgumentException if the message is of another layout, or the part is not a repeat
     */
    public int count(Message message) {
        checkRepeat(message);
        return countOf(message);
    }

    /**
     * One element of a repeat; see {@link Message#element(String, int)}.
     *
     * @param message a decoded message of this path's layout
     * @param index the element's index
     * @return the element, borrowing the same view
     * @throws IllegalArgumentException if the message is of another layout, or the part is not a repeat
     * @throws IndexOutOfBoundsException if the index is negative or not below {@link #count(Message)},
     *     naming the part and the count
     */
    public Message element(Message message, int index) {
        checkRepeat(message);
        return elementOf(message, index);
    }

    /**
     * Whether a conditional part, sized part or choice holds a decoded sub-message, a nullable part bytes
     * rather than NULL, or a nullable repeat elements (none, perhaps) rather than NULL; see
     * {@link Message#isPresent(String)}.
     *
     * @param message a decoded message of this path's layout
     * @return true if present (for a choice: if the discriminator named a known alternative; a sized part
     *     always is; a nullable part if it is not NULL)
     * @throws IllegalArgumentException if the message is of another layout, or the part is none of these
     */
    public boolean isPresent(Message message) {
        if (part instanceof BytesPart b && b.nullable()) {
            check(message);
            return !b.isNull(message.tape(), message.level());
        }
        if (part instanceof RepeatPart r && r.nullable) {
            check(message);
            return !r.isNull(message.tape(), message.level());
        }
        checkLevel(message);
        return message.tape().ints[message.level() + child] >= 0;
    }

    /**
     * The sub-message of a conditional part, sized part or choice; see {@link Message#sub(String)}.
     *
     * @param message a decoded message of this path's layout
     * @return the sub-message, borrowing the same view
     * @throws IllegalArgumentException if the message is of another layout, or the part holds no
     *     sub-message
     * @throws IllegalStateException if the part is absent
     */
    public Message sub(Message message) {
        checkLevel(message);
        LevelTape t = message.tape();
        int sub = t.ints[message.level() + child];
        if (sub < 0) {
            throw absent();
        }
        return levelAt(t, sub);
    }

    /** The layout and the part, for example {@code "dns.answers"}. */
    @Override
    public String toString() {
        return layout.name() + "." + part.name;
    }

    // The checks throw what a separate method builds, so that the reads stay small enough to inline.

    private void check(Message message) {
        if (message.layout() != layout) {
            throw message.readThroughAnotherLayout(this);
        }
    }

    private void checkRepeat(Message message) {
        check(message);
        if (element == null) {
            throw notARepeat();
        }
    }

    private void checkLevel(Message message) {
        check(message);
        if (element != null || child < 0) {
            throw notALevel();
        }
    }

    private IllegalArgumentException notARepeat() {
        return new IllegalArgumentException(part.name + " is not a repeat of " + layout.name());
    }

    private IllegalArgumentException notALevel() {
        return new IllegalArgumentException(part.name + " of " + layout.name()
                + " is not a conditional part, sized part or choice");
    }

    private IllegalArgumentException notOfKind(FieldKind<?> kind) {
        return new IllegalArgumentException(part.name + " of " + layout.name() + " is not a " + kind.name()
                + " field");
    }

    private IllegalStateException absent() {
        return new IllegalStateException(part.name + " of " + layout.name() + " is absent");
    }

    private IndexOutOfBoundsException noElement(int index, int count) {
        return new IndexOutOfBoundsException(part.name + " of " + layout.name() + " has " + count
                + (count == 1 ? " element" : " elements") + ", no element " + index);
    }

    // The reads below skip the checks: besides the public methods, the index-based reads of Message, with
    // which parts describe themselves, come here with a message and a part of the right kind.

    /** The part's bytes, a borrowed slice of the decoded view. */
    ByteView bytesOf(Message message) {
        return message.tape().bytes(message.level(), part);
    }

    /** The number of elements of a repeat. */
    int countOf(Message message) {
        LevelTape t = message.tape();
        int table = t.ints[message.level() + child];
        return table < 0 ? 0 : t.ints[table];   // a NULL repeat has no element table
    }

    /** Element {@code index} of a repeat, or a failure naming the part if there is no such element. */
    Message elementOf(Message message, int index) {
        LevelTape t = message.tape();
        int table = t.ints[message.level() + child];
        int n = table < 0 ? 0 : t.ints[table];
        if (index < 0 || index >= n) {
            throw noElement(index, n);
        }
        return new Message(element, t, t.ints[table + 1 + index]);
    }

    /** The sub-level of a conditional part, sized part or choice, or null if absent. */
    Message subOf(Message message) {
        LevelTape t = message.tape();
        int sub = t.ints[message.level() + child];
        return sub < 0 ? null : levelAt(t, sub);
    }

    /** The sub-level at index {@code sub} of the tape, of the layout its tag names. */
    private Message levelAt(LevelTape t, int sub) {
        return new Message(part.levelLayout(t.ints[sub + LevelTape.TAG]), t, sub);
    }
}
