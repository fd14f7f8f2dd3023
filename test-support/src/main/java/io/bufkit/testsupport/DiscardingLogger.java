package io.bufkit.testsupport;

import java.util.ResourceBundle;

/** A {@link System.Logger} that drops every record: for tests that provoke warnings on purpose. */
public final class DiscardingLogger implements System.Logger {

    /** The one instance; it keeps no state. */
    public static final DiscardingLogger INSTANCE = new DiscardingLogger();

    private DiscardingLogger() {
    }

    @Override
    public String getName() {
        return "discard";
    }

    @Override
    public boolean isLoggable(Level level) {
        return false;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    }
}
