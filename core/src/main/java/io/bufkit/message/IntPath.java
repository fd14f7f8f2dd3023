package io.bufkit.message;

/**
 * An integer field of a section of a {@link MessageLayout}, resolved once: the message counterpart of
 * {@link io.bufkit.layout.IntField}. Keep paths in {@code static final} constants and read decoded
 * messages through them, without looking the path up on each read:
 *
 * <pre>{@code
 * static final IntPath TYPE = DnsMessage.RECORD.intPath("rr.type");
 * int type = TYPE.get(message.element("answers", 0));
 * static final IntPath SRC_PORT = Ipv4Packet.LAYOUT.intPath("transport.tcp.srcPort");   // through the choice
 * }</pre>
 *
 * <p>A path may go through the sub-levels parts hold (a choice's alternatives, a conditional, nested or sized
 * part), resolved in each layout the part may hold; a read then goes to the sub-level the message holds,
 * without making a {@link Message} for it.
 *
 * <p>Immutable and thread-safe; a read allocates nothing: it reads the field straight from the decoded view.
 * {@link PartPath} does the same for the parts that lead to the field (repeats, sub-messages).
 */
public final class IntPath {
    private final MessageLayout layout;
    private final String path;
    /** The field, at this level; null when the path goes through {@link #through}. */
    private final FieldRef ref;
    /** The part whose sub-level the path goes through, or null. */
    private final Part through;
    /** The rest of the path in each layout {@link #through} may hold, by the sub-level's tag; null where absent. */
    private final IntPath[] rest;

    private IntPath(MessageLayout layout, String path, FieldRef ref, Part through, IntPath[] rest) {
        this.layout = layout;
        this.path = path;
        this.ref = ref;
        this.through = through;
        this.rest = rest;
    }

    /**
     * Resolves {@code path} in {@code layout}: a field of the level itself first, else a part holding a
     * sub-level and the rest of the path in the layouts it may hold.
     *
     * @throws IllegalArgumentException if neither finds an integer field
     */
    static IntPath resolve(MessageLayout layout, String path) {
        IntPath found = find(layout, path);
        if (found != null) {
            return found;
        }
        int dot = path.indexOf('.');
        String name = dot < 0 ? null : path.substring(0, dot);
        boolean throughLevel = name != null && layout.hasPart(name)
                && layout.partArray()[layout.indexOf(name)].holdsLevel();
        throw new IllegalArgumentException(layout.name() + " has no integer field " + path
                + (throughLevel ? " (nor has any layout " + name + " holds)" : ""));
    }

    /** As {@link #resolve}, or null where it fails. */
    private static IntPath find(MessageLayout layout, String path) {
        FieldRef ref = layout.findRef(path);
        if (ref != null) {
            return new IntPath(layout, path, ref, null, null);
        }
        int dot = path.indexOf('.');
        String name = dot < 0 ? null : path.substring(0, dot);
        Part part = name != null && layout.hasPart(name) ? layout.partArray()[layout.indexOf(name)] : null;
        if (part == null || !part.holdsLevel()) {
            return null;
        }
        MessageLayout[] held = part.heldLayouts();
        IntPath[] rest = new IntPath[held.length];
        boolean found = false;
        for (int tag = 0; tag < held.length; tag++) {
            // null where an alternative has no such field: a read of a message holding it fails
            rest[tag] = find(held[tag], path.substring(dot + 1));
            found |= rest[tag] != null;
        }
        return found ? new IntPath(layout, path, null, part, rest) : null;
    }

    /**
     * Reads the field from a message of the layout this path was resolved in.
     *
     * @param message a decoded message (or repeat element, or sub-level) of that layout
     * @return the field's value
     * @throws IllegalArgumentException if the message is of another layout
     * @throws IllegalStateException if a sub-level on the way is absent, or is of a layout without the field
     *     (a choice holding another alternative)
     * @throws io.bufkit.StaleViewException if the decoded view's lease ended
     */
    public int get(Message message) {
        if (message.layout() != layout) {
            throw message.readThroughAnotherLayout(this);
        }
        return read(message.tape(), message.level());
    }

    /** Reads the field from level {@code level} of a tape, a level of {@link #layout}. */
    private int read(LevelTape t, int level) {
        if (ref != null) {
            return ref.read(t, level);
        }
        int sub = t.ints[level + through.slot + 1];
        if (sub < 0) {
            throw new IllegalStateException(layout.name() + ": " + through.name + " is absent, so " + path
                    + " cannot be read");
        }
        IntPath next = rest[rest.length == 1 ? 0 : t.ints[sub + LevelTape.TAG]];
        if (next == null) {
            throw new IllegalStateException(layout.name() + ": " + through.name + " holds "
                    + through.levelLayout(t.ints[sub + LevelTape.TAG]).name() + ", which has no integer field "
                    + path.substring(through.name.length() + 1));
        }
        return next.read(t, sub);
    }

    /**
     * The path, such as {@code "rr.type"}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /** The layout and the path, for example {@code "record.rr.type"}. */
    @Override
    public String toString() {
        return layout.name() + "." + path;
    }
}
