package io.bufkit.examples.service;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps every record, for tests that check what was logged. */
final class CapturingLogger implements System.Logger {

    /** One logged record. */
    record Entry(Level level, String message, Throwable thrown) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** The records at {@code level}, in order. */
    List<Entry> at(Level level) {
        return entries.stream().filter(e -> e.level() == level).toList();
    }

    /** The records at {@code level} whose message contains {@code text}. */
    List<Entry> at(Level level, String text) {
        return entries.stream().filter(e -> e.level() == level && e.message().contains(text)).toList();
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
        entries.add(new Entry(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                null));
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
