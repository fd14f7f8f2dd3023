package io.bufkit.message;

/**
 * A condition's field in an enclosing level, named {@code "../fixed.qos"}: field {@code qos} of section
 * {@code fixed} of the level that holds this one (the level whose choice, repeat, conditional or sized part
 * this level is), one level further up per further {@code "../"}. MQTT's PUBLISH body carries a packet id
 * only when the QoS of the fixed header before it is above 0; HTTP/2's HEADERS payload a pad length only when
 * the frame header's PADDED flag is set.
 *
 * <p>A layout is declared on its own, so where the field lies is known only once a layout holds it: every
 * layout that holds one with such a condition checks, when it is built, that it declares the field before
 * the part holding it ({@link MessageBuilder#build()}), or passes the need one level further up. Reads find
 * the field through the layout of the enclosing level, resolved by name once per layout and kept.
 */
final class EnclosingField {
    private static final String UP = "../";

    /** The path as declared, {@code "../fixed.qos"}. */
    final String path;
    /** The field's path in the enclosing level, {@code "fixed.qos"}. */
    final String field;
    /** How many levels up the field is: 1 for the level holding this one. */
    final int up;
    /** The last layout the field was resolved in, and its ref there; racy by design, as any value is correct. */
    private Resolved last;

    private record Resolved(MessageLayout layout, FieldRef ref) {
    }

    /**
     * A layout's need for a field of a level enclosing it: {@code field}, {@code up} levels above the layout's
     * own level, read by the part at {@code reader} ({@code "PUBLISH-body.packetId"}).
     */
    record Need(EnclosingField field, int up, String reader) {
    }

    private EnclosingField(String path, String field, int up) {
        this.path = path;
        this.field = field;
        this.up = up;
    }

    /** Whether a declared path names a field of an enclosing level. */
    static boolean names(String path) {
        return path.startsWith(UP);
    }

    /** Parses {@code "../"}... {@code "section.field"}; the caller checked {@link #names}. */
    static EnclosingField of(String layout, String path) {
        int up = 0;
        int at = 0;
        while (path.startsWith(UP, at)) {
            up++;
            at += UP.length();
        }
        if (at == path.length() || path.indexOf("..", at) >= 0) {
            throw new IllegalArgumentException(layout + ": " + path + " names no field after its \"../\"");
        }
        return new EnclosingField(path, path.substring(at), up);
    }

    /** The field's ref in {@code layout}, the layout of the enclosing level; checked there when it was built. */
    FieldRef in(MessageLayout layout) {
        Resolved r = last;
        if (r == null || r.layout != layout) {
            r = new Resolved(layout, layout.ref(field));
            last = r;
        }
        return r.ref;
    }

    /** Reads the field for a part of level {@code level} of a tape, from the enclosing level it names. */
    int read(LevelTape t, int level) {
        int at = level;
        for (int i = 0; i < up; i++) {
            at = t.ints[at + LevelTape.PARENT];
        }
        return in(t.layoutOf(at)).read(t, at);
    }

    /** The value the user set for the field, for part {@code dependent} of the level {@code e} encodes. */
    int userInt(LevelEncoding e, int dependent) {
        LevelEncoding at = enclosing(e);
        return at.userInt(in(at.layout), e, dependent);
    }

    /** The field's full path in the message being encoded, for failures ({@code fixed.qos}). */
    String pathIn(LevelEncoding e) {
        LevelEncoding at = enclosing(e);
        return at.fieldPath(in(at.layout));
    }

    /** The encoding of the level {@link #up} levels above {@code e}, which holds the field. */
    private LevelEncoding enclosing(LevelEncoding e) {
        LevelEncoding at = e;
        for (int i = 0; i < up; i++) {
            at = at.parent;
        }
        return at;
    }
}
