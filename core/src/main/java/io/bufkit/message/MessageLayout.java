package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.OverflowException;
import io.bufkit.layout.LayoutException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declared variable-length message: fixed {@link io.bufkit.layout.PacketLayout} sections, byte runs
 * sized by earlier fields, prefixes, NUL terminators or the message's end, counted repeats, conditional
 * parts, sized sub-layouts and choices of sub-layout, in order, and optionally the length of the level or
 * of its remaining parts. Declare one with {@link #builder(String)}; decode with
 * {@link #decode(ByteView)}, encode with {@link #encode(Map)}.
 *
 * <p><b>Values.</b> Encoding takes, and {@link Message#toValues()} gives, a message's values in a generic
 * model. A level (the message, an element of a repeat, a conditional part, a chosen alternative) is a
 * {@code Map<String, ?>} from part name to the part's value:
 * <ul>
 *   <li>a section: a {@code Map<String, ?>} from field name to value, in the field's natural type —
 *       {@link Integer} for int and flag fields, {@link Long} for {@code u32}/64-bit fields, {@link Float},
 *       {@link Double}, {@link io.bufkit.Bytes} for byte fields, {@link String} for text fields. Constant
 *       fields may be omitted (their constant is written; a given value must equal it); checksum fields
 *       may be omitted and are filled in over the section once it is written (a checksum over a
 *       pseudo-header, which the section alone cannot give, is written as given, else 0); fields that a later part's
 *       {@link Size}, count or choice size, or the level's remaining or total length, derives may be omitted
 *       and are ignored if given: encoding computes them. Every other field must be given.</li>
 *   <li>a byte part: {@link io.bufkit.Bytes} (also {@code byte[]}, or a {@link String} written as UTF-8),
 *       without its prefix or terminator.</li>
 *   <li>a nullable byte part ({@link MessageBuilder#nullablePrefixed}): as a byte part, or {@code null} for
 *       NULL (an omitted value is NULL too).</li>
 *   <li>a repeat: a {@code List} of element levels; a counted repeat's count is derived from its size.</li>
 *   <li>a conditional part: its level when present; absent or {@code null} otherwise. The condition's
 *       field is the user's to set, and must agree.</li>
 *   <li>a choice: the chosen alternative's level (the discriminator is the section field the user sets),
 *       or {@link io.bufkit.Bytes} for a sized choice whose discriminator names no alternative.</li>
 *   <li>a sized sub-layout: its level; the size field is derived.</li>
 *   <li>a user-defined field: a value of its {@link FieldKind#valueType()}.</li>
 *   <li>a varint: an {@link Integer}; omitted (and ignored if given) when a later part derives it.</li>
 *   <li>a remaining or total length: no value; it takes no bytes, and the field it names is derived.</li>
 *   <li>the end of a checksum's coverage ({@link MessageBuilder#checksumUpToHere}): no value; it takes no
 *       bytes, and the checksum field it names is filled in.</li>
 * </ul>
 * Encoding fills in lengths, counts, prefixes, terminators, constants and checksums from the contents; a
 * length that no value of its field describes ({@code Size.of("ip.ihl").times(4).plus(-20)} for options that
 * are not a multiple of 4 bytes), a derived value that does not fit its field, two parts needing different
 * values of one field, a missing value or one of the wrong type is an {@link IllegalArgumentException}
 * naming the full path ({@code answers[2].rr.rdlength}), the value and why.
 *
 * <pre>{@code
 * byte[] wire = DNS.encode(Map.of(
 *         "header", Map.of("id", 7, "flags", 0x0100),                        // qd, an, ns, ar derived
 *         "questions", List.of(Map.of("name", "bufkit.test", "q", Map.of("type", 1, "class", 1))),
 *         "answers", List.of(), "authority", List.of(), "additional", List.of()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageLayout {
    private final String name;
    private final List<Part> parts;
    private final int minSize;
    /** Per section part, per field: the field's ref if a later part derives the field when encoding, else null. */
    private final FieldRef[][] derived;
    /** Per part: whether it is a varint that a later part derives when encoding. */
    private final boolean[] derivedPart;
    /** Per part: the ref of a varint that a later part derives, else null. */
    private final FieldRef[] derivedPartRef;
    private final List<MessagePart> descriptions;
    private final Part[] partArray;
    /** Part names to part indexes, for reads by name. */
    private final NameIndex partIndex;
    /** Integer field paths to their positions in {@link #refArray}, for reads by path. */
    private final NameIndex refIndex;
    private final FieldRef[] refArray;
    /** Per part, its resolved path: what reads by name and by {@link PartPath} go through. */
    private final PartPath[] partPaths;
    /** One more than the largest {@link FieldRef#id} of the layout's refs. */
    /**
     * Per {@link FieldRef#id}: the field's slot among the fields some part of this level derives when
     * encoding (where an encoder keeps what it derived), or -1.
     */
    private final int[] derivedSlot;
    /** The number of fields parts of this level derive. */
    private final int derivedCount;
    /** The ints a level of this layout takes in a {@link LevelTape}. */
    private final int recordSize;
    /**
     * The size of the tape of the last message decoded with this layout: where the next decode's tape
     * starts, so that a run of similar messages allocates each tape once, at its size. Only a hint: racy
     * by design, as any value is correct.
     */
    private int tapeHint = 64;
    /** The index of the level's remaining or total length, or -1. */
    private final int lengthPart;
    /** The order the encoder sizes parts in; see {@link #sizingOrder()}. */
    private final int[] sizingOrder;

    /** What conditions of this level and the levels it holds need from enclosing levels; empty for most. */
    private final List<EnclosingField.Need> enclosingNeeds;

    MessageLayout(String name, List<Part> parts, Map<String, FieldRef> refs, int refCount, int recordSize,
            List<EnclosingField.Need> enclosingNeeds) {
        this.name = name;
        this.enclosingNeeds = enclosingNeeds;
        this.parts = List.copyOf(parts);
        this.partArray = parts.toArray(new Part[0]);
        this.partIndex = new NameIndex(parts.stream().map(p -> p.name).toList());
        List<String> paths = List.copyOf(refs.keySet());
        this.refIndex = new NameIndex(paths);
        this.refArray = paths.stream().map(refs::get).toArray(FieldRef[]::new);
        this.recordSize = recordSize;
        this.partPaths = new PartPath[partArray.length];
        for (int i = 0; i < partArray.length; i++) {
            partPaths[i] = new PartPath(this, partArray[i]);
        }
        int min = 0;
        this.derived = new FieldRef[parts.size()][];
        this.derivedPart = new boolean[parts.size()];
        this.derivedPartRef = new FieldRef[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            min += p.minSize();
            if (p instanceof SectionPart s) {
                derived[i] = new FieldRef[s.layout.fields().size()];
            }
        }
        this.derivedSlot = new int[refCount];
        java.util.Arrays.fill(derivedSlot, -1);
        int slots = 0;
        for (Part p : parts) {
            FieldRef r = p.derives();
            if (r != null && derivedSlot[r.id] < 0) {
                derivedSlot[r.id] = slots++;
            }
            if (r != null && r.varint != null) {
                derivedPart[r.section] = true;
                derivedPartRef[r.section] = r;
            } else if (r != null) {
                derived[r.section][r.fieldIndex] = r;
            }
        }
        this.derivedCount = slots;
        this.minSize = min;
        int length = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof LevelLengthPart) {
                length = i;
            }
        }
        this.lengthPart = length;
        this.sizingOrder = sizingOrder(this.parts, derivedPart, length);
        List<MessagePart> described = new java.util.ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            if (derivedPart[i]) {
                names.add(parts.get(i).name);
            } else if (parts.get(i) instanceof SectionPart s) {
                for (int k = 0; k < derived[i].length; k++) {
                    if (derived[i][k] != null) {
                        names.add(s.layout.fields().get(k).name());
                    }
                }
            }
            described.add(parts.get(i).describePart(names));
        }
        this.descriptions = List.copyOf(described);
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
     * Decodes a message that fills the whole view, walking it once. A message whose layout declares its
     * length ({@link MessageBuilder#totalLength}, {@link MessageBuilder#remainingLength}) must end where its
     * length says and fill the view too; to read one followed by other bytes (IPv4 in an Ethernet frame
     * padded to 60 bytes, MQTT packets back to back), use {@link #decodePrefix(ByteView)}.
     *
     * @param message the message; <em>borrowed</em> by the returned {@link Message}
     * @return the decoded message
     * @throws LayoutException if a length or count points past the end, a terminator never comes, a
     *     discriminator names no alternative, a section's constant or checksum (one that needs no
     *     pseudo-header) is wrong, or bytes are left over; each names the field's path and offset
     * @throws IllegalStateException if a condition of the layout reads a field of an enclosing level
     *     ({@code "../fixed.qos"}): such a layout is decoded and encoded inside one that holds it
     */
    public Message decode(ByteView message) {
        return new Message(this, decodeWhole(message), 0);
    }

    /** Decodes a message that fills the whole view into a tape whose level 0 is the message. */
    LevelTape decodeWhole(ByteView message) {
        return decodeWhole(message, null);
    }

    /**
     * Decodes a message that fills the whole view into {@code reuse}, emptied first, or into a new tape if
     * {@code reuse} is null.
     */
    LevelTape decodeWhole(ByteView message, LevelTape reuse) {
        LevelTape t = decodeTape(message, reuse);
        if (t.end != message.length()) {
            String declared = lengthPart < 0 ? "" : ", where " + ((LevelLengthPart) parts.get(lengthPart)).size
                    + " ends it";
            throw t.fail("(end)", t.end, (message.length() - t.end) + " bytes left over after the message"
                    + declared, t.end + " bytes", message.length() + " bytes");
        }
        return t;
    }

    /**
     * Decodes a message at the start of a view that may go on after it; {@link Message#end()} says where
     * (for a layout that declares its length, where that length ends it).
     *
     * @param message the bytes; <em>borrowed</em> by the returned {@link Message}
     * @return the decoded message
     * @throws LayoutException if a length or count points past the end, a terminator never comes, a
     *     discriminator names no alternative, or a section's constant or checksum (one that needs no
     *     pseudo-header) is wrong; each names the field's path and offset
     * @throws IllegalStateException if a condition of the layout reads a field of an enclosing level
     *     ({@code "../fixed.qos"}): such a layout is decoded and encoded inside one that holds it
     */
    public Message decodePrefix(ByteView message) {
        return new Message(this, decodeTape(message), 0);
    }

    /** Decodes a message at the start of a view into a tape whose level 0 is the message. */
    LevelTape decodeTape(ByteView message) {
        return decodeTape(message, null);
    }

    /** {@link #decodeTape(ByteView)} into {@code reuse}, a tape of this layout, if it is not null. */
    LevelTape decodeTape(ByteView message, LevelTape reuse) {
        requireStandalone();
        LevelTape t = reuse != null ? reuse.restart(message)
                : new LevelTape(this, message, Math.min(tapeHint, 64 + 16 * message.length()));
        int root = t.open(this, -1, -1, -1, 0);
        t.end = decodeLevel(t, root, 0, message.length());
        tapeHint = t.size;
        return t;
    }

    /**
     * Decodes the parts of level {@code level} of the tape, a level of this layout, from {@code at}, not
     * reading at or past {@code limit}; returns where the level ends.
     */
    int decodeLevel(LevelTape t, int level, int at, int limit) {
        int pos = at;
        Part[] ps = partArray;
        for (int i = 0; i < ps.length; i++) {
            Part p = ps[i];
            pos = p.decode(t, level, pos, limit);
            t.ints[level + p.slot] = pos;
            if (i == lengthPart) {   // the level's length ends it: the parts after it stop there
                limit = ((LevelLengthPart) p).bound(t, level, at, pos, limit);
            }
        }
        t.ints[level + LevelTape.EXTENT] = t.size;
        return lengthPart < 0 ? pos : ((LevelLengthPart) ps[lengthPart]).filled(t, level, pos, limit);
    }

    /**
     * Encodes a message from its values, filling in lengths, counts, prefixes, terminators, constants and
     * checksums (see the class description for the value model).
     *
     * @param values the message's values, read during the call and not kept
     * @return the encoded message, a new <em>owned</em> array
     * @throws IllegalArgumentException if a value is missing, of the wrong type or does not fit, naming the
     *     full path and why
     * @throws IllegalStateException if a condition of the layout reads a field of an enclosing level
     *     ({@code "../fixed.qos"}): such a layout is decoded and encoded inside one that holds it
     */
    public byte[] encode(Map<String, ?> values) {
        return encode(mapValues(values));
    }

    /**
     * The number of bytes {@link #encode(Map)} writes for these values, computed without writing.
     *
     * @param values the message's values, read during the call and not kept
     * @return the encoded size in bytes
     * @throws IllegalArgumentException as {@link #encode(Map)} does, for every problem found before writing
     * @throws IllegalStateException if a condition of the layout reads a field of an enclosing level
     *     ({@code "../fixed.qos"}): such a layout is decoded and encoded inside one that holds it
     */
    public int encodedSize(Map<String, ?> values) {
        return plan(mapValues(values)).size();
    }

    /**
     * Encodes a message from its values into a view, from its first byte.
     *
     * @param values the message's values, read during the call and not kept
     * @param out where the message is written, <em>borrowed</em> for the call; on an exception its bytes may
     *     hold part of the message
     * @return the number of bytes written
     * @throws OverflowException if the message does not fit the view, naming the bytes needed; nothing is
     *     written
     * @throws IllegalArgumentException as {@link #encode(Map)} does
     * @throws IllegalStateException if a condition of the layout reads a field of an enclosing level
     *     ({@code "../fixed.qos"}): such a layout is decoded and encoded inside one that holds it
     */
    public int encode(Map<String, ?> values, MutableByteView out) {
        return encode(mapValues(values), out);
    }

    private LevelValues mapValues(Map<String, ?> values) {
        return new MapLevelValues(this, Objects.requireNonNull(values, "values"), name, LevelPath.ROOT);
    }

    /**
     * Encodes values read through any {@link LevelValues}, such as a typed codec's: the one encoder behind
     * {@link #encode(Map)}.
     */
    byte[] encode(LevelValues values) {
        LevelEncoding plan = plan(values);
        byte[] out = new byte[plan.size()];
        plan.pass.startWriting();
        plan.write(MutableByteView.wrap(out), 0);
        return out;
    }

    /** Encodes values read through any {@link LevelValues} into a view; see {@link #encode(Map, MutableByteView)}. */
    int encode(LevelValues values, MutableByteView out) {
        LevelEncoding plan = plan(values);
        if (plan.size() > out.length()) {
            throw new OverflowException("a " + name + " message", 0, plan.size(), out.length());
        }
        plan.pass.startWriting();
        return plan.write(out, 0);
    }

    /**
     * The encoder's first pass over values read through any {@link LevelValues}: sizes and derived fields,
     * run again while a field kind that asked where its field is was placed after a derived varint whose
     * width was guessed wrong.
     */
    LevelEncoding plan(LevelValues values) {
        requireStandalone();
        EncodePass pass = EncodePass.first();
        for (int run = 1; ; run++) {
            LevelEncoding plan = LevelEncoding.plan(this, null, values, name, LevelPath.ROOT, 0, pass);
            String unsettled = pass.unsettled();
            if (unsettled == null) {
                return plan;
            }
            if (run == EncodePass.MOST_SIZE_PASSES) {
                throw new IllegalArgumentException(name + ": " + unsettled + ": no width of the varint fits: the "
                        + "field kinds after it take a length that needs another width wherever they start");
            }
            pass = pass.next();
        }
    }

    /** What conditions of this level and the levels it holds need from the levels enclosing it. */
    List<EnclosingField.Need> enclosingNeeds() {
        return enclosingNeeds;
    }

    /**
     * Fails unless the layout can be decoded and encoded on its own: its conditions, and those of the levels it
     * holds, read no field of a level enclosing it.
     *
     * @throws IllegalStateException naming the first part whose condition reads an enclosing level
     */
    void requireStandalone() {
        if (!enclosingNeeds.isEmpty()) {
            EnclosingField.Need n = enclosingNeeds.get(0);
            throw new IllegalStateException(name + ": " + n.reader() + " reads " + n.field().path + ", a field of a "
                    + "level enclosing " + name + "; decode and encode " + name + " inside a layout that holds it");
        }
    }

    /**
     * The parts in declaration order, as read-only descriptions: for code that works on any layout, such
     * as the testkit's generators.
     *
     * @return an unmodifiable list
     */
    public List<MessagePart> parts() {
        return descriptions;
    }

    List<Part> partList() {
        return parts;
    }

    /** The parts in declaration order; not to be modified. */
    Part[] partArray() {
        return partArray;
    }

    int recordSize() {
        return recordSize;
    }

    /** The index of the level's remaining or total length part, or -1 if it declares none. */
    int lengthPart() {
        return lengthPart;
    }

    /**
     * The order the encoder sizes parts in: every part but derived varints and the level length, then the
     * varints other parts derive, then the level length (every part it counts is sized by then), then the
     * varint it derives (MQTT's remaining length takes 2 bytes from 128 on).
     */
    int[] sizingOrder() {
        return sizingOrder;
    }

    private static int[] sizingOrder(List<Part> parts, boolean[] derivedPart, int lengthPart) {
        int lengthVarint = lengthPart >= 0 && parts.get(lengthPart).derives().varint != null
                ? parts.get(lengthPart).derives().section : -1;
        int[] order = new int[parts.size()];
        int n = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (!derivedPart[i] && i != lengthPart) {
                order[n++] = i;
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            if (derivedPart[i] && i != lengthVarint) {
                order[n++] = i;
            }
        }
        if (lengthPart >= 0) {
            order[n++] = lengthPart;
        }
        if (lengthVarint >= 0) {
            order[n++] = lengthVarint;
        }
        return order;
    }

    /** Whether field {@code field} of section part {@code part} is computed by a later part when encoding. */
    boolean isDerived(int part, int field) {
        return derived[part] != null && derived[part][field] != null;
    }

    /** The ref of field {@code field} of section part {@code part} if a later part derives it, else null. */
    FieldRef derivedRef(int part, int field) {
        return derived[part] == null ? null : derived[part][field];
    }

    /** The ref of varint part {@code part} if a later part derives it, else null. */
    FieldRef derivedPartRef(int part) {
        return derivedPartRef[part];
    }

    /** Whether part {@code part} is a varint that a later part derives when encoding. */
    boolean isDerivedPart(int part) {
        return derivedPart[part];
    }

    boolean hasPart(String part) {
        return partIndex.get(part) >= 0;
    }

    List<String> partNames() {
        return parts.stream().map(p -> p.name).toList();
    }

    int indexOf(String part) {
        int i = partIndex.get(part);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no part " + part + "; it has " + partNames());
        }
        return i;
    }

    /**
     * Resolves an integer field of this layout once, for reading many messages without a path lookup per
     * read: of a section ({@code "ip.ttl"}), a single field or varint, or inside the sub-levels parts hold
     * ({@code "transport.tcp.srcPort"}), as {@link Message#intValue(String)} takes them.
     *
     * @param path the field's path
     * @return the resolved path
     * @throws IllegalArgumentException if there is no such integer field, here or in any layout the part
     *     the path goes through may hold
     */
    public IntPath intPath(String path) {
        return IntPath.resolve(this, path);
    }

    /**
     * Resolves a part of this layout once, for navigating and reading many messages without a name lookup
     * per read: the counterpart of {@link #intPath(String)} for repeats, sub-messages, byte parts and
     * user-defined fields.
     *
     * @param part the part's name
     * @return the resolved path; the same instance on every call for one part
     * @throws IllegalArgumentException if the layout has no such part
     */
    public PartPath partPath(String part) {
        return partPaths[indexOf(part)];
    }

    /** The path of part {@code index}. */
    PartPath partPath(int index) {
        return partPaths[index];
    }

    /** The slot of a field some part of this level derives, or -1; see {@link LevelEncoding#derive}. */
    int derivedSlot(FieldRef ref) {
        return derivedSlot[ref.id];
    }

    /** The number of fields parts of this level derive. */
    int derivedCount() {
        return derivedCount;
    }

    FieldRef ref(String path) {
        FieldRef r = findRef(path);
        if (r == null) {
            throw new IllegalArgumentException(name + " has no integer field " + path);
        }
        return r;
    }

    /** The ref of an integer field of this level, {@code "section.field"} or a single field's name, or null. */
    FieldRef findRef(String path) {
        int i = refIndex.get(path);
        return i < 0 ? null : refArray[i];
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
