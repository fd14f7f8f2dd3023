package io.bufkit.pool;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A {@link System.Logger} that keeps every record, for assertions on what the pool logged. */
final class CapturingLogger implements System.Logger {

    /** One logged record. */
    record Entry(Level level, String message, Throwable thrown) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    List<Entry> at(Level level) {
        return entries.stream().filter(e -> e.level() == level).toList();
    }

    @Override
    public String getName() {
        return "capture";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        entries.add(new Entry(level, msg, thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(new Entry(level, params == null || params.length == 0 ? format
                : MessageFormat.format(format, params), null));
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        entries.add(new Entry(level, msgSupplier.get(), null));
    }
}
