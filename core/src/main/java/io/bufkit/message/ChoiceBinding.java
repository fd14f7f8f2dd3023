package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.internal.codec.RecordShape;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A choice bound to a sealed interface whose permitted records are the alternatives, each matched to the
 * alternative layout of the same name (ignoring case and any character that is not a letter or digit:
 * layout {@code "mx"} is record {@code Mx} or {@code MX}). A permitted record matched to no alternative
 * whose one component is {@link Bytes} or {@code byte[]} holds the bytes of a sized choice whose
 * discriminator names no alternative.
 */
final class ChoiceBinding extends ComponentBinding {
    private final ChoicePart part;
    private final Map<MessageLayout, RecordLevel> levels;
    /** The record for raw bytes, or null. */
    final RecordShape raw;
    /** The record level of each alternative by the tag of a chosen level ({@link ChoicePart#levelLayout}). */
    final RecordLevel[] byTag;

    private ChoiceBinding(ChoicePart part, Map<MessageLayout, RecordLevel> levels, RecordShape raw) {
        this.part = part;
        this.levels = levels;
        this.raw = raw;
        this.byTag = new RecordLevel[part.alternativeCount()];
        for (int tag = 0; tag < byTag.length; tag++) {
            byTag[tag] = levels.get(part.levelLayout(tag));
        }
    }

    static ChoiceBinding bind(ChoicePart part, Class<?> type, MethodHandles.Lookup lookup, String where) {
        if (!type.isSealed() || !type.isInterface()) {
            throw new IllegalArgumentException(where + ": a choice maps to a sealed interface whose permitted records "
                    + "are its alternatives, not " + type.getSimpleName());
        }
        List<Class<?>> records = new ArrayList<>(List.of(type.getPermittedSubclasses()));
        Map<MessageLayout, RecordLevel> levels = new IdentityHashMap<>();
        for (MessageLayout alternative : part.alternatives.values()) {
            if (levels.containsKey(alternative)) {
                continue;
            }
            Class<?> match = null;
            for (Class<?> r : records) {
                if (r.isRecord() && key(r.getSimpleName()).equals(key(alternative.name()))) {
                    match = r;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException(where + ": alternative " + alternative.name() + " has no record of "
                        + "that name among " + type.getSimpleName() + "'s permitted types "
                        + records.stream().map(Class::getSimpleName).toList());
            }
            levels.put(alternative, RecordLevel.bind(alternative, match, lookup));
        }
        RecordShape raw = null;
        for (Class<?> r : records) {
            boolean bound = levels.values().stream().anyMatch(l -> l.shape.type() == r);
            if (!bound && r.isRecord() && r.getRecordComponents().length == 1) {
                Class<?> held = r.getRecordComponents()[0].getType();
                if (held == Bytes.class || held == byte[].class) {
                    raw = RecordShape.of(r, lookup);
                }
            }
        }
        return new ChoiceBinding(part, levels, raw);
    }

    private static String key(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    @Override
    Object decode(LevelTape t, int level, Part p) {
        int sub = t.child(level, part);
        if (sub >= 0) {
            return byTag[t.ints[sub + LevelTape.TAG]].decode(t, sub);
        }
        if (raw == null) {
            int key = part.discriminator.read(t, level);
            throw t.fail(t.pathOf(level, part), t.start(level, part), "no alternative for " + part.discriminator.path
                    + " = " + key + ", and the record type has no permitted record of raw bytes",
                    "one of " + part.alternatives.keySet(), Integer.toString(key));
        }
        ByteView b = t.bytes(level, part);
        Object held = raw.type(0) == byte[].class ? b.toByteArray() : Bytes.copyOf(b);
        return raw.construct(new Object[] {held});
    }

    @Override
    ByteView bytes(Object v) {
        if (raw == null || !raw.type().isInstance(v)) {
            return null;
        }
        Object held = raw.get(v, 0);
        return held instanceof byte[] a ? ByteView.wrap(a) : ((Bytes) held).view();
    }

    @Override
    LevelValues sub(Object v, MessageLayout layout, String root, LevelPath path) {
        RecordLevel level = levels.get(layout);
        if (level == null || !level.shape.type().isInstance(v)) {
            if (level != null && (raw == null || !raw.type().isInstance(v))) {
                throw new IllegalArgumentException(root + ": " + path + ": " + part.discriminator.path + " chooses "
                        + layout.name() + ", so the value must be a " + level.shape.simpleName() + ", not "
                        + SectionFields.typeOf(v));
            }
            return null;
        }
        return level.values(v, root);
    }
}
