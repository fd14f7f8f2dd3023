package io.bufkit.message;

import io.bufkit.MutableByteView;
import java.util.List;

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
    /** The level this one is a part of (an element, a chosen alternative), or null for the message. */
    final LevelEncoding parent;
    final LevelValues values;
    final String root;
    /** Where the level lies in the message, for failures. */
    final LevelPath path;
    final int[] sizes;
    /** Per part: where it starts in the whole message. */
    private final int[] starts;
    /** The size pass this level is planned in; the same for every level of one encode call. */
    final EncodePass pass;
    /** Per part: what the part's first pass keeps for its second (sub-levels, bytes, a user value). */
    final Object[] children;
    /**
     * Three longs per {@linkplain MessageLayout#derivedSlot derived field} of the layout: the value a part
     * derived for the field, the index + 1 of that part (0: not derived yet) and the length it derived it
     * from (-1 for a count); made at the first derivation.
     */
    private long[] derived;
    private int size;

    private LevelEncoding(MessageLayout layout, LevelEncoding parent, LevelValues values, String root, LevelPath path,
            EncodePass pass) {
        this.layout = layout;
        this.parent = parent;
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
    static LevelEncoding plan(MessageLayout layout, LevelEncoding parent, LevelValues values, String root,
            LevelPath path, int start, EncodePass pass) {
        LevelEncoding e = new LevelEncoding(layout, parent, values, root, path, pass);
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
            int s = parts.get(i).size(e, i);
            if (layout.isDerivedPart(i)) {
                pass.foundWidth(e.partPath(i), s);
            }
            e.sizes[i] = s;
            total += s;
            if (total > Integer.MAX_VALUE - 8 || at > Integer.MAX_VALUE - 8) {
                throw e.fail(path.isRoot() ? layout.name() : path.toString(), "the message would be longer than "
                        + (Integer.MAX_VALUE - 8) + " bytes");
            }
        }
        e.size = (int) total;
        return e;
    }

    /** Plans a sub-level of this level (a chosen alternative, an element) that starts at {@code start}. */
    LevelEncoding plan(MessageLayout sub, LevelValues subValues, LevelPath subPath, int start) {
        return plan(sub, this, subValues, root, subPath, start, pass);
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

    /**
     * In the write pass, where part {@code part} was written, counted back from part {@code index} written
     * at {@code at}: exact, unlike the size pass's {@link #start}, which a derived varint wider than its
     * guessed width leaves short.
     */
    int writtenAt(int part, int index, int at) {
        int pos = at;
        for (int j = part; j < index; j++) {
            pos -= sizes[j];
        }
        return pos;
    }

    /** The second pass: writes the level from {@code at}, returns where it ends. */
    int write(MutableByteView out, int at) {
        List<Part> parts = layout.partList();
        int pos = at;
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).write(this, i, out, pos);
            pos += sizes[i];
        }
        return pos;
    }

    /** The path of part {@code index}, such as {@code answers[2].rr}; built for failures only. */
    String partPath(int index) {
        return path.of(layout.partList().get(index).name);
    }

    /** The path of a field another part depends on, such as {@code answers[2].rr.rdlength}. */
    String fieldPath(FieldRef ref) {
        return path.of(ref.path);
    }

    IllegalArgumentException fail(String at, String why) {
        return new IllegalArgumentException(root + ": " + at + ": " + why);
    }

    IllegalArgumentException missing(String at) {
        return fail(at, "no value given");
    }

    /** Whether a later part computed a value for the field. */
    boolean isDerived(FieldRef ref) {
        int slot = layout.derivedSlot(ref);
        return derived != null && slot >= 0 && derived[3 * slot + 1] != 0;
    }

    /** The value a later part computed for the field; only if {@link #isDerived}. */
    long derivedValue(FieldRef ref) {
        return derived[3 * layout.derivedSlot(ref)];
    }

    /**
     * Records the value part {@code by} computes for a field, from {@code length} bytes (or -1 for a count):
     * it must fit the field and agree with other parts.
     */
    void derive(FieldRef ref, long value, int by, long length) {
        if (value < ref.min() || value > ref.max()) {
            throw fail(fieldPath(ref), "cannot hold " + value + " (" + derivation(by, length) + "): " + ref.typeName()
                    + " holds " + ref.min() + " to " + ref.max());
        }
        if (derived == null) {
            derived = new long[3 * layout.derivedCount()];
        }
        int at = 3 * layout.derivedSlot(ref);   // every field a part derives has a slot
        if (derived[at + 1] != 0 && derived[at] != value) {
            throw fail(fieldPath(ref), "two parts need different values: " + derived[at] + " ("
                    + derivation((int) derived[at + 1] - 1, derived[at + 2]) + ") and " + value + " ("
                    + derivation(by, length) + ")");
        }
        if (derived[at + 1] == 0) {
            derived[at] = value;
            derived[at + 1] = by + 1;
            derived[at + 2] = length;
        }
    }

    /** What part {@code by} derived a field from, for failures: {@code "12 bytes of options"}. */
    private String derivation(int by, long length) {
        String what = layout.partList().get(by).derivation(this, by);
        return length < 0 ? what : length + " bytes of " + what;
    }

    /**
     * Derives the field of a {@link Size} from the {@code length} bytes of part {@code by}:
     * {@code (length − offset) / factor}, exactly.
     */
    void deriveSize(FieldRef ref, Size size, long length, int by) {
        long diff = length - size.constant();
        if (diff % size.factor() != 0) {
            throw fail(fieldPath(ref), "no value describes the " + derivation(by, length) + ": " + size
                    + " gives only lengths " + size.factor() + "×k" + (size.constant() < 0 ? "−" + -size.constant()
                    : size.constant() > 0 ? "+" + size.constant() : ""));
        }
        derive(ref, diff / size.factor(), by, length);
    }

    /**
     * Derives the field of a counted repeat's {@link Size} from its {@code n} elements:
     * {@code (n − offset) / factor}, exactly.
     */
    void deriveCount(FieldRef ref, Size count, long n, int by) {
        long diff = n - count.constant();
        if (diff % count.factor() != 0) {
            throw fail(fieldPath(ref), "no value describes " + n + " elements of " + partPath(by) + ": " + count
                    + " gives only counts " + count.factor() + "×k" + (count.constant() < 0 ? "−" + -count.constant()
                    : count.constant() > 0 ? "+" + count.constant() : ""));
        }
        derive(ref, diff / count.factor(), by, -1);
    }

    /** The value the user set for an integer field another part depends on (a condition, a discriminator). */
    int userInt(FieldRef ref, int dependent) {
        return userInt(ref, this, dependent);
    }

    /**
     * As {@link #userInt(FieldRef, int)}, for part {@code dependent} of level {@code of}, which may be a level
     * this one holds (a condition on a field of an enclosing level); its path is built only on failure.
     */
    int userInt(FieldRef ref, LevelEncoding of, int dependent) {
        if (isDerived(ref)) {
            return (int) derivedValue(ref);
        }
        Object v = !values.has(ref.section) ? null
                : ref.varint != null ? values.value(ref.section) : values.field(ref.section, ref.fieldIndex);
        if (v == null) {
            throw fail(fieldPath(ref), "no value given, and " + of.partPath(dependent) + " depends on it");
        }
        if (!(v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            throw fail(fieldPath(ref), "expected an Integer, not " + SectionFields.typeOf(v));
        }
        return ((Number) v).intValue();
    }
}
