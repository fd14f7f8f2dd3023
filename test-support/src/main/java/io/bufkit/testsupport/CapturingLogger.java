package io.bufkit.testsupport;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A {@link System.Logger} that keeps every record, for tests that check what was logged, or none
 * ({@link #discarding()}), for tests that provoke warnings on purpose. Thread-safe.
 */
public final class CapturingLogger implements System.Logger {

    /**
     * One logged record.
     *
     * @param level the level it was logged at
     * @param message the message, with its parameters filled in
     * @param thrown the throwable logged with it, or {@code null}
     */
    public record Entry(Level level, String message, Throwable thrown) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final boolean keeps;

    /** Creates a logger that keeps every record and has captured nothing yet. */
    public CapturingLogger() {
        this(true);
    }

    private CapturingLogger(boolean keeps) {
        this.keeps = keeps;
    }

    /**
     * A logger that keeps no record: no level is loggable.
     *
     * @return a new logger that drops everything
     */
    public static CapturingLogger discarding() {
        return new CapturingLogger(false);
    }

    /**
     * Every record so far, in order.
     *
     * @return a snapshot of the records
     */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The records at {@code level}, in order.
     *
     * @param level the level
     * @return the records logged at exactly that level
     */
    public List<Entry> at(Level level) {
        return entries.stream().filter(e -> e.level() == level).toList();
    }

    /**
     * The records at {@code level} whose message contains {@code text}, in order.
     *
     * @param level the level
     * @param text what the message must contain
     * @return the matching records
     */
    public List<Entry> at(Level level, String text) {
        return entries.stream().filter(e -> e.level() == level && e.message().contains(text)).toList();
    }

    @Override
    public String getName() {
        return "capture";
    }

    @Override
    public boolean isLoggable(Level level) {
        return keeps;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (keeps) {
            entries.add(new Entry(level, msg, thrown));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (keeps) {
            entries.add(new Entry(level, params == null || params.length == 0 ? format
                    : MessageFormat.format(format, params), null));
        }
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        if (keeps) {
            entries.add(new Entry(level, msgSupplier.get(), null));
        }
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
