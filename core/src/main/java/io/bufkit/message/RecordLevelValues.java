package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * {@link LevelValues} over a record (or a single part's value held without one), read through its
 * {@link RecordLevel}'s bindings.
 */
final class RecordLevelValues implements LevelValues {
    private final RecordLevel level;
    private final Object record;
    private final String root;

    RecordLevelValues(RecordLevel level, Object record, String root) {
        this.level = level;
        this.record = record;
        this.root = root;
    }

    private Object component(int part) {
        int c = level.componentOf[part];
        return c < 0 ? null : level.component(record, c);
    }

    @Override
    public boolean has(int part) {
        int c = level.componentOf[part];
        return c >= 0 && level.bindings[part].has(level.component(record, c));
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
    public LevelValues sub(int part, MessageLayout layout, LevelPath at) {
        Object v = component(part);
        return v == null ? null : level.bindings[part].sub(v, layout, root, at);
    }

    @Override
    public int count(int part) {
        Object v = component(part);
        return v == null ? -1 : level.bindings[part].count(v);
    }

    @Override
    public LevelValues element(int part, int index, MessageLayout layout, LevelPath at) {
        return level.bindings[part].element(component(part), index, root, at);
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
