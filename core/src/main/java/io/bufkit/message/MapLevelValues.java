package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.PacketLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@link LevelValues} over the generic value model of {@link MessageLayout}: maps, lists and bytes. */
final class MapLevelValues implements LevelValues {
    private final MessageLayout layout;
    private final Map<?, ?> values;
    private final String root;
    private final LevelPath path;
    private final Map<?, ?>[] sections;

    MapLevelValues(MessageLayout layout, Map<?, ?> values, String root, LevelPath path) {
        this.layout = layout;
        this.values = values;
        this.root = root;
        this.path = path;
        this.sections = new Map<?, ?>[layout.partList().size()];
        for (Object key : values.keySet()) {
            if (!(key instanceof String name) || !layout.hasPart(name)) {
                throw new IllegalArgumentException(root + ": " + (path.isRoot() ? "" : path + ": ") + layout.name()
                        + " has no part " + key + "; its parts are " + layout.partNames());
            }
        }
    }

    /** The path of part {@code part}, for failures. */
    private String path(int part) {
        return path.of(layout.partList().get(part).name);
    }

    private Object get(int part) {
        return values.get(layout.partList().get(part).name);
    }

    private IllegalArgumentException wrong(String at, String expected, Object actual) {
        return new IllegalArgumentException(root + ": " + at + ": expected " + expected + ", not "
                + (actual == null ? "null" : "a " + actual.getClass().getName()));
    }

    @Override
    public boolean has(int part) {
        return values.containsKey(layout.partList().get(part).name);
    }

    @Override
    public Object field(int part, int field) {
        if (((SectionPart) layout.partList().get(part)).single) {
            return get(part);   // a single field's value is the field's
        }
        Map<?, ?> section = sections[part];
        if (section == null) {
            Object v = get(part);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw wrong(path(part), "a Map of field name to value", v);
            }
            PacketLayout fields = ((SectionPart) layout.partList().get(part)).layout;
            for (Object key : m.keySet()) {
                if (!(key instanceof String name) || fields.fields().stream().noneMatch(f -> f.name().equals(name))) {
                    throw new IllegalArgumentException(root + ": " + path(part) + ": section " + fields.name()
                            + " has no field " + key);
                }
            }
            section = m;
            sections[part] = m;
        }
        LayoutField f = ((SectionPart) layout.partList().get(part)).layout.fields().get(field);
        return section.get(f.name());
    }

    @Override
    public ByteView bytes(int part) {
        Object v = get(part);
        if (v == null || v instanceof Map) {
            return null;
        }
        if (v instanceof Bytes b) {
            return b.view();
        } else if (v instanceof byte[] a) {
            return ByteView.wrap(a);
        } else if (v instanceof String s) {
            return ByteView.wrap(s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof ByteView view) {
            return view;
        }
        throw wrong(path(part), "Bytes, byte[] or a String", v);
    }

    @Override
    public LevelValues sub(int part, MessageLayout sub, LevelPath at) {
        Object v = get(part);
        if (!(v instanceof Map<?, ?> m)) {
            return null;
        }
        return new MapLevelValues(sub, m, root, at);
    }

    @Override
    public int count(int part) {
        Object v = get(part);
        if (v == null) {
            return -1;
        }
        if (!(v instanceof List<?> list)) {
            throw wrong(path(part), "a List of element values", v);
        }
        return list.size();
    }

    @Override
    public LevelValues element(int part, int index, MessageLayout element, LevelPath at) {
        Object v = ((List<?>) get(part)).get(index);
        if (!(v instanceof Map<?, ?> m)) {
            throw wrong(at.toString(), "a Map of part name to value", v);
        }
        return new MapLevelValues(element, m, root, at);
    }

    @Override
    public Object value(int part) {
        return get(part);
    }
}
