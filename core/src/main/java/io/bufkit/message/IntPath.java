package io.bufkit.message;

/**
 * An integer field of a section of a {@link MessageLayout}, resolved once: the message counterpart of
 * {@link io.bufkit.layout.IntField}. Keep paths in {@code static final} constants and read decoded
 * messages through them, without looking the path up on each read:
 *
 * <pre>{@code
 * static final IntPath TYPE = DnsMessage.RECORD.intPath("rr.type");
 * int type = TYPE.get(message.element("answers", 0));
 * }</pre>
 *
 * <p>Immutable and thread-safe; a read allocates nothing: it reads the field straight from the decoded view.
 * {@link PartPath} does the same for the parts that lead to the field (repeats, sub-messages).
 */
public final class IntPath {
    private final MessageLayout layout;
    private final FieldRef ref;

    IntPath(MessageLayout layout, FieldRef ref) {
        this.layout = layout;
        this.ref = ref;
    }

    /**
     * Reads the field from a message of the layout this path was resolved in.
     *
     * @param message a decoded message (or repeat element, or sub-level) of that layout
     * @return the field's value
     * @throws IllegalArgumentException if the message is of another layout
     * @throws io.bufkit.StaleViewException if the decoded view's lease ended
     */
    public int get(Message message) {
        if (message.layout() != layout) {
            throw message.readThroughAnotherLayout(this);
        }
        return ref.read(message.tape(), message.level());
    }

    /**
     * The path, such as {@code "rr.type"}.
     *
     * @return the path
     */
    public String path() {
        return ref.path;
    }

    /** The layout and the path, for example {@code "record.rr.type"}. */
    @Override
    public String toString() {
        return layout.name() + "." + ref.path;
    }
}
