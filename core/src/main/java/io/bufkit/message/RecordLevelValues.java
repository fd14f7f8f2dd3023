package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/** {@link LevelValues} over a record, read through its {@link RecordLevel}'s bindings. */
final class RecordLevelValues implements LevelValues {
    private final RecordLevel level;
    private final Object record;
    private final String root;
    private final LevelPath path;

    RecordLevelValues(RecordLevel level, Object record, String root, LevelPath path) {
        this.level = level;
        this.record = record;
        this.root = root;
        this.path = path;
    }

    private Object component(int part) {
        int c = level.componentOf[part];
        return c < 0 ? null : level.shape.get(record, c);
    }

    private String name(int part) {
        return level.layout.partList().get(part).name;
    }

    @Override
    public boolean has(int part) {
        int c = level.componentOf[part];
        return c >= 0 && level.bindings[part].has(level.shape.get(record, c));
    }

    @Override
    public Object field(int part, int field) {
        Object v = component(part);
        return v == null ? null : level.bindings[part].field(v, field);
    }

    @Override
    public ByteView bytes(int part) {
        Object v = component(part);
        return v == null ? null : level.bindings[part].bytes(v);
    }

    @Override
    public LevelValues sub(int part, MessageLayout layout) {
        Object v = component(part);
        return v == null ? null : level.bindings[part].sub(v, layout, root, path.sub(name(part)));
    }

    @Override
    public int count(int part) {
        Object v = component(part);
        return v == null ? -1 : level.bindings[part].count(v);
    }

    @Override
    public LevelValues element(int part, int index, MessageLayout layout) {
        return level.bindings[part].element(component(part), index, root,
                path.element(name(part), index));
    }

    @Override
    public boolean writeSection(int part, MutableByteView section) {
        Object v = component(part);
        return v != null && level.bindings[part].writeSection(v, section);
    }

    @Override
    public int nullField(int part) {
        Object v = component(part);
        return v == null ? -3 : level.bindings[part].nullField(v);
    }

    @Override
    public Object value(int part) {
        Object v = component(part);
        return v == null ? null : level.bindings[part].value(v);
    }
}
