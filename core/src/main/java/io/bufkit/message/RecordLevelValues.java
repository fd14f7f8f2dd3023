package io.bufkit.message;

import io.bufkit.ByteView;

/** {@link LevelValues} over a record, read through its {@link RecordLevel}'s bindings. */
final class RecordLevelValues implements LevelValues {
    private final RecordLevel level;
    private final Object record;
    private final String root;
    private final String path;

    RecordLevelValues(RecordLevel level, Object record, String root, String path) {
        this.level = level;
        this.record = record;
        this.root = root;
        this.path = path;
    }

    private Object component(int part) {
        int c = level.componentOf[part];
        return c < 0 ? null : level.shape.get(record, c);
    }

    private String path(int part) {
        String name = level.layout.partList().get(part).name;
        return path.isEmpty() ? name : path + "." + name;
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
        return v == null ? null : level.bindings[part].sub(v, layout, root, path(part));
    }

    @Override
    public int count(int part) {
        Object v = component(part);
        return v == null ? -1 : level.bindings[part].count(v);
    }

    @Override
    public LevelValues element(int part, int index, MessageLayout layout) {
        return level.bindings[part].element(component(part), index, root, path(part) + "[" + index + "]");
    }

    @Override
    public Object value(int part) {
        Object v = component(part);
        return v == null ? null : level.bindings[part].value(v);
    }
}
