package io.bufkit.testkit;

import io.bufkit.Bytes;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutField;
import io.bufkit.message.FieldKind;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.MessagePart;
import io.bufkit.message.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the generator of one level's values for {@link MessageLayouts#values()}: the sections first, with
 * discriminators drawn from the alternatives and every other field from its type's range, then each other
 * part from what the sections hold (a condition's field decides whether its part is present).
 */
final class MessageValueGen {
    private final Map<FieldKind<?>, Gen<?>> kinds;
    private final int maxElements;
    private final int maxBytes;
    /** The names of byte parts drawn as UTF-8 text. */
    private final Set<String> text;

    MessageValueGen(Map<FieldKind<?>, Gen<?>> kinds, int maxElements, int maxBytes, Set<String> text) {
        this.kinds = kinds;
        this.maxElements = maxElements;
        this.maxBytes = maxBytes;
        this.text = text;
    }

    /** The bytes of part {@code p}, {@code min} to {@code max} of them: UTF-8 text if it is one of {@link #text}. */
    private Gen<Object> bytesOf(MessagePart p, int min, int max) {
        return (text.contains(p.name()) ? Utf8Text.of(min, max) : Gen.bytes(min, max)).map(b -> (Object) Bytes.of(b));
    }

    /** The values of a level: a map from part name to value, in part order; absent conditional parts left out. */
    Gen<Map<String, Object>> level(MessageLayout layout) {
        return level(layout, List.of());
    }

    /**
     * As {@link #level(MessageLayout)}, for a level inside others whose sections' values are
     * {@code enclosing}, outermost first: what a condition on {@code "../section.field"} reads.
     */
    private Gen<Map<String, Object>> level(MessageLayout layout, List<Map<String, Object>> enclosing) {
        List<MessagePart> parts = layout.parts();
        Map<String, MessagePart> discriminators = new HashMap<>();
        for (MessagePart p : parts) {
            if (p.kind() == MessagePart.Kind.CHOICE) {
                discriminators.put(p.fieldPath(), p);
            }
        }
        Gen<Map<String, Object>> sections = Gen.constant(Map.of());
        for (MessagePart p : parts) {
            if (p.kind() == MessagePart.Kind.SECTION || p.kind() == MessagePart.Kind.FIXED_FIELD) {
                Gen<Map<String, Object>> one = section(p, discriminators);
                sections = Gen.zip(sections, one, (all, fields) -> with(all, p.name(), fields));
            }
        }
        return sections.flatMap(fixed -> rest(layout, fixed, enclosing));
    }

    private Gen<Map<String, Object>> section(MessagePart part, Map<String, MessagePart> discriminators) {
        Gen<Map<String, Object>> fields = Gen.constant(Map.of());
        for (LayoutField f : part.section().fields()) {
            if (!given(part, f)) {
                continue;
            }
            MessagePart choice = discriminators.get(fieldPath(part, f.name()));
            Gen<Object> value = choice == null ? PacketLayouts.fieldValues(f) : discriminatorValues((IntField) f, choice);
            fields = Gen.zip(fields, value, (all, v) -> with(all, f.name(), v));
        }
        return fields;
    }

    /** A known alternative's value, or for a sized choice now and then any value of the field (kept raw). */
    private static Gen<Object> discriminatorValues(IntField f, MessagePart choice) {
        List<Integer> keys = new ArrayList<>(choice.alternatives().keySet());
        keys.removeIf(k -> k < f.min() || k > f.max());
        keys.sort(null);
        Gen<Object> known = keys.isEmpty() ? null : Gen.elements(keys).map(k -> k);
        Gen<Object> any = Gen.ints(f.min(), f.max()).map(v -> v);
        if (choice.size() == null) {
            if (known == null) {
                throw new IllegalArgumentException(choice.name() + ": no alternative's value fits " + f);
            }
            return known;
        }
        return known == null ? any : Gen.frequency(4, known, 1, any);
    }

    private Gen<Map<String, Object>> rest(MessageLayout layout, Map<String, Object> sections,
            List<Map<String, Object>> enclosing) {
        List<Map<String, Object>> inner = new ArrayList<>(enclosing);
        inner.add(sections);
        Gen<Map<String, Object>> level = Gen.constant(Map.of());
        for (MessagePart p : layout.parts()) {
            Gen<Object> value = p.kind() == MessagePart.Kind.SECTION ? Gen.constant(sections.get(p.name()))
                    : p.kind() == MessagePart.Kind.FIXED_FIELD ? Gen.constant(single(sections, p.name()))
                    : part(layout, p, sections, inner);
            level = Gen.zip(level, value, (all, v) -> v == ABSENT ? all : with(all, p.name(), v));
        }
        return level;
    }

    /**
     * The path of field {@code field} of a section or single field: {@code "section.field"}, or the single
     * field's own name.
     */
    static String fieldPath(MessagePart part, String field) {
        return part.kind() == MessagePart.Kind.FIXED_FIELD ? part.name() : part.name() + "." + field;
    }

    /** A single field's drawn value, or {@link #ABSENT} if it is left to encoding (derived). */
    private static Object single(Map<String, Object> sections, String name) {
        Object v = ((Map<?, ?>) sections.get(name)).get(name);
        return v == null ? ABSENT : v;
    }

    /** Marks a conditional part whose condition fails: no entry in the level. */
    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    /**
     * The values of part {@code p} of a level, whose sections' values and those of its enclosing levels are
     * {@code scope}.
     */
    private Gen<Object> part(MessageLayout layout, MessagePart p, Map<String, Object> sections,
            List<Map<String, Object>> scope) {
        switch (p.kind()) {
            case SIZED_BYTES:
                return sized(layout, p.size()).flatMap(n -> bytesOf(p, n, n));
            case PREFIXED_BYTES:
            case NULLABLE_BYTES:
                boolean nullable = p.kind() == MessagePart.Kind.NULLABLE_BYTES;
                long most = (1L << (8 * p.prefixWidth() - (nullable ? 1 : 0))) - 1 - p.prefixCounts();
                Gen<Object> bytes = bytesOf(p, 0, (int) Math.min(maxBytes, most));
                return nullable ? Gen.frequency(1, Gen.constant(null), 4, bytes) : bytes;
            case COMPACT_BYTES:
            case NULLABLE_COMPACT_BYTES:
                Gen<Object> compact = bytesOf(p, 0, maxBytes);
                return p.kind() == MessagePart.Kind.COMPACT_BYTES ? compact
                        : Gen.frequency(1, Gen.constant(null), 4, compact);
            case NUL_TERMINATED_BYTES:
                return bytesOf(p, 0, maxBytes).map(b -> (Object) Bytes.of(withoutNul(((Bytes) b).toByteArray())));
            case REST_BYTES:
                return bytesOf(p, 0, maxBytes);
            case COUNTED_REPEAT:
                return counted(layout, p, scope);
            case NULLABLE_REPEAT:
                return Gen.frequency(1, Gen.constant(null), 4, counted(layout, p, scope));
            case REPEAT_UNTIL:
                return Gen.listOf(level(p.body(), scope).filter(e -> startsWithout(p.body(), e, p.terminator())), 0,
                                maxElements)
                        .map(l -> (Object) l);
            case REPEAT_TO_END:
            case SIZED_REPEAT:
                return Gen.listOf(level(p.body(), scope).filter(e -> startsWithout(p.body(), e, -1)), 0, maxElements)
                        .map(l -> (Object) l);
            case FIELD:
                Gen<?> kind = kinds.get(p.fieldKind());
                if (kind == null) {
                    throw new IllegalArgumentException(p.name() + " is a " + p.fieldKind().name()
                            + " field; register a generator of its values with withKind");
                }
                return kind.map(v -> (Object) v);
            case SIZED:
            case NESTED:
                return level(p.body(), scope).map(v -> (Object) v);
            case VARINT:
                // a varint a later part derives is left to encoding; one that only conditions is drawn
                long largest = range(layout, p.name())[1];
                return p.derivedFields().isEmpty() ? Gen.ints(0, (int) Math.min(largest, 1 << 20)).map(v -> (Object) v)
                        : Gen.constant(ABSENT);
            case REMAINING_LENGTH:
            case TOTAL_LENGTH:
            case CHECKSUM:
            case CHECKSUM_OVER:
            case PSEUDO_HEADER_CHECKSUM:
                return Gen.constant(ABSENT);   // no value: its field is derived or filled in
            case WHEN:
                Object drawn = conditionValue(p.fieldPath(), scope);
                if (!(drawn instanceof Integer)) {
                    throw new IllegalArgumentException(layout.name() + ": part " + p.name() + " is present when "
                            + p.fieldPath() + " says so, but that field is derived when encoding (a count or a "
                            + "length) and has no value until the message is encoded: values cannot be drawn for "
                            + "it; give the condition a field of its own");
                }
                int condition = (Integer) drawn;
                return p.condition().test(condition) ? level(p.body(), scope).map(v -> (Object) v)
                        : Gen.constant(ABSENT);
            case CHOICE:
                int key = (Integer) valueOf(sections, p.fieldPath());
                MessageLayout chosen = p.alternatives().get(key);
                return chosen != null ? level(chosen, scope).map(v -> (Object) v)
                        : Gen.bytes(0, maxBytes).map(b -> (Object) Bytes.of(b));
            default:
                throw new AssertionError(p.kind());
        }
    }

    /**
     * The elements of a counted repeat: as many as its field counts, to {@link #maxElements}; for a count
     * through a {@link Size} ({@code n − 1}), numbers of elements some value of the field describes.
     */
    private Gen<Object> counted(MessageLayout layout, MessagePart p, List<Map<String, Object>> scope) {
        long[] field = range(layout, p.fieldPath());
        Size count = p.size();
        long least = count == null ? 0 : Math.max(0, count.factor() * field[0] + count.constant());
        long most = count == null ? field[1] : count.factor() * field[1] + count.constant();
        int lo = (int) Math.min(least, Integer.MAX_VALUE);
        int hi = (int) Math.max(lo, Math.min(maxElements, most));
        Gen<List<Map<String, Object>>> elements = Gen.listOf(level(p.body(), scope), lo, hi);
        return (count == null ? elements : elements.filter(l -> (l.size() - count.constant()) % count.factor() == 0))
                .map(l -> (Object) l);
    }

    /** Lengths a {@link Size} describes: {@code constant + factor × k} for values k of its field, from 0 bytes up. */
    private Gen<Integer> sized(MessageLayout layout, Size size) {
        long[] f = range(layout, size.path());
        long kmin = Math.max(f[0], Math.floorDiv(-(long) size.constant() + size.factor() - 1, size.factor()));
        long kmax = Math.min(f[1], kmin + Math.max(0, maxBytes / size.factor()));
        if (kmin > kmax) {
            throw new IllegalArgumentException(size + " describes no length of 0 bytes or more");
        }
        return Gen.longs(kmin, kmax).map(k -> (int) (size.constant() + size.factor() * k));
    }

    /** The smallest and largest value of the integer a path names: a section's field, or a varint part. */
    private static long[] range(MessageLayout layout, String path) {
        if (path.indexOf('.') < 0 && !hasSingleField(layout, path)) {
            for (MessagePart p : layout.parts()) {
                if (p.kind() == MessagePart.Kind.VARINT && p.name().equals(path)) {
                    return new long[] {0, Math.min(Integer.MAX_VALUE, (1L << (7 * p.prefixWidth())) - 1)};
                }
            }
            throw new IllegalArgumentException(layout.name() + " has no varint part " + path);
        }
        IntField f = intField(layout, path);
        return new long[] {f.min(), f.max()};
    }

    private static boolean hasSingleField(MessageLayout layout, String name) {
        return layout.parts().stream().anyMatch(p -> p.kind() == MessagePart.Kind.FIXED_FIELD && p.name().equals(name));
    }

    /** The integer field a path names: {@code "section.field"}, or a single field's name. */
    private static IntField intField(MessageLayout layout, String path) {
        int dot = path.indexOf('.');
        String section = dot < 0 ? path : path.substring(0, dot);
        for (MessagePart p : layout.parts()) {
            if ((p.kind() == MessagePart.Kind.SECTION || p.kind() == MessagePart.Kind.FIXED_FIELD)
                    && p.name().equals(section)) {
                return p.section().intField(path.substring(dot + 1));
            }
        }
        throw new IllegalArgumentException(layout.name() + " has no section " + section);
    }

    /**
     * The value of the field a path names in a level's values: a section's map holds it, and a single field
     * holds it itself, or in a map of its one field as {@link #level} draws it.
     */
    static Object valueOf(Map<String, Object> values, String path) {
        int dot = path.indexOf('.');
        Object held = values.get(dot < 0 ? path : path.substring(0, dot));
        return held instanceof Map<?, ?> section ? section.get(path.substring(dot + 1)) : held;
    }

    /**
     * The value of a condition's field: {@code "section.field"} in the level's own sections, the last of
     * {@code scope}, or {@code "../section.field"} in an enclosing level's, one further up per {@code "../"}.
     */
    private static Object conditionValue(String path, List<Map<String, Object>> scope) {
        int up = 0;
        while (path.startsWith("../", 3 * up)) {
            up++;
        }
        return valueOf(scope.get(scope.size() - 1 - up), path.substring(3 * up));
    }

    /**
     * Whether an element takes at least one byte and does not start with the terminator (-1: any byte); not
     * known, and taken as true, for an element whose conditions read an enclosing level, which cannot be
     * encoded on its own.
     */
    private static boolean startsWithout(MessageLayout element, Map<String, Object> values, int terminator) {
        byte[] wire;
        try {
            wire = element.encode(values);
        } catch (IllegalArgumentException cannotEncode) {
            return false;
        } catch (IllegalStateException readsAnEnclosingLevel) {
            return true;
        }
        return wire.length > 0 && (wire[0] & 0xFF) != terminator;
    }

    private static byte[] withoutNul(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = 1;
            }
        }
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(map);
        out.put(key, value);
        return out;
    }

    /** Whether a caller gives a section field's value: not for constants, checksums and derived fields. */
    static boolean given(MessagePart part, LayoutField f) {
        return !(f.isConstant() || f instanceof ChecksumField || part.derivedFields().contains(f.name()));
    }
}
