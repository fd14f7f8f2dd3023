package io.bufkit.message;

import io.bufkit.MutableByteView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of a message being encoded. The first pass ({@link #plan}) asks every part its size, in
 * {@link MessageLayout#sizingOrder()}, which derives the lengths and counts that earlier sections hold;
 * the second ({@link #write}) writes the parts in order. Each part keeps what its first pass found in
 * {@link #children} for its second.
 *
 * <p>The first pass sizes every part but derived varints and the level length in message order and knows
 * where each starts ({@link #start}), so that a {@link FieldKind} sizes its field where it will be
 * written; a varint that later parts derive is sized after them, so the parts after it are placed with the
 * width {@link EncodePass} guesses, and the level length takes no bytes.
 */
final class LevelEncoding {
    final MessageLayout layout;
    final LevelValues values;
    final String root;
    final String path;
    final int[] sizes;
    /** Per part: where it starts in the whole message. */
    private final int[] starts;
    /** The size pass this level is planned in; the same for every level of one encode call. */
    final EncodePass pass;
    /** Per part: what the part's first pass keeps for its second (sub-levels, bytes, a user value). */
    final Object[] children;
    private final Map<FieldRef, Long> derived = new HashMap<>();
    private final Map<FieldRef, String> derivedBy = new HashMap<>();
    private int size;

    private LevelEncoding(MessageLayout layout, LevelValues values, String root, String path, EncodePass pass) {
        this.layout = layout;
        this.values = values;
        this.root = root;
        this.path = path;
        this.pass = pass;
        this.sizes = new int[layout.partList().size()];
        this.starts = new int[sizes.length];
        this.children = new Object[sizes.length];
    }

    /**
     * The first pass over a level that starts at {@code start} of the message: every part's size and every
     * derived field's value.
     */
    static LevelEncoding plan(MessageLayout layout, LevelValues values, String root, String path, int start,
            EncodePass pass) {
        LevelEncoding e = new LevelEncoding(layout, values, root, path, pass);
        List<Part> parts = layout.partList();
        long total = 0;
        long at = start;
        int placed = 0;   // the parts before this one have added their bytes, or a derived varint its guess, to at
        // a derived varint is sized once its value is known, and a level length once what it counts is
        for (int i : layout.sizingOrder()) {
            boolean later = layout.isDerivedPart(i) || i == layout.lengthPart();
            if (!later) {   // these come first, in message order
                for (; placed < i; placed++) {
                    at += layout.isDerivedPart(placed) ? pass.guessedWidth(e.partPath(placed)) : e.sizes[placed];
                }
                e.starts[i] = (int) Math.min(Integer.MAX_VALUE, at);
            }
            int s = parts.get(i).size(e, i, e.partPath(i));
            if (layout.isDerivedPart(i)) {
                pass.foundWidth(e.partPath(i), s);
            }
            e.sizes[i] = s;
            total += s;
            if (total > Integer.MAX_VALUE - 8 || at > Integer.MAX_VALUE - 8) {
                throw e.fail(path.isEmpty() ? layout.name() : path, "the message would be longer than "
                        + (Integer.MAX_VALUE - 8) + " bytes");
            }
        }
        e.size = (int) total;
        return e;
    }

    /** Plans a sub-level of this level (a chosen alternative, an element) that starts at {@code start}. */
    LevelEncoding plan(MessageLayout sub, LevelValues subValues, String subPath, int start) {
        return plan(sub, subValues, root, subPath, start, pass);
    }

    /**
     * Where the first pass placed part {@code index} in the whole message: known for every part but derived
     * varints and the level length when it is sized, and exact once {@link EncodePass#unsettled()} is null.
     */
    int start(int index) {
        return starts[index];
    }

    int size() {
        return size;
    }

    /** The second pass: writes the level from {@code at}, returns where it ends. */
    int write(MutableByteView out, int at) {
        List<Part> parts = layout.partList();
        int pos = at;
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).write(this, i, out, pos, partPath(i));
            pos += sizes[i];
        }
        return pos;
    }

    String partPath(int index) {
        String name = layout.partList().get(index).name;
        return path.isEmpty() ? name : path + "." + name;
    }

    String fieldPath(FieldRef ref) {
        return path.isEmpty() ? ref.path : path + "." + ref.path;
    }

    IllegalArgumentException fail(String at, String why) {
        return new IllegalArgumentException(root + ": " + at + ": " + why);
    }

    IllegalArgumentException missing(String at) {
        return fail(at, "no value given");
    }

    /** The value a later part computed for a field, or null. */
    Long derived(FieldRef ref) {
        return derived.get(ref);
    }

    /** Records the value a part computes for a field: it must fit the field and agree with other parts. */
    void derive(FieldRef ref, long value, String by) {
        String at = fieldPath(ref);
        if (value < ref.min() || value > ref.max()) {
            throw fail(at, "cannot hold " + value + " (" + by + "): " + ref.typeName() + " holds "
                    + ref.min() + " to " + ref.max());
        }
        Long before = derived.putIfAbsent(ref, value);
        if (before != null && before != value) {
            throw fail(at, "two parts need different values: " + before + " (" + derivedBy.get(ref) + ") and "
                    + value + " (" + by + ")");
        }
        derivedBy.putIfAbsent(ref, by);
    }

    /** Derives the field of a {@link Size} from a length: {@code (length − offset) / factor}, exactly. */
    void deriveSize(FieldRef ref, Size size, long length, String of) {
        long diff = length - size.constant();
        if (diff % size.factor() != 0) {
            throw fail(fieldPath(ref), "no value describes the " + length + " bytes of " + of + ": " + size
                    + " gives only lengths " + size.factor() + "×k" + (size.constant() < 0 ? "−" + -size.constant()
                    : size.constant() > 0 ? "+" + size.constant() : ""));
        }
        derive(ref, diff / size.factor(), length + " bytes of " + of);
    }

    /** The value the user set for an integer field another part depends on (a condition, a discriminator). */
    int userInt(FieldRef ref, String dependent) {
        Long d = derived.get(ref);
        if (d != null) {
            return d.intValue();
        }
        Object v = !values.has(ref.section) ? null
                : ref.varint != null ? values.value(ref.section) : values.field(ref.section, ref.fieldIndex);
        if (v == null) {
            throw fail(fieldPath(ref), "no value given, and " + dependent + " depends on it");
        }
        if (!(v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            throw fail(fieldPath(ref), "expected an Integer, not " + SectionFields.typeOf(v));
        }
        return ((Number) v).intValue();
    }
}
