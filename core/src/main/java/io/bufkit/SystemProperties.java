package io.bufkit;

/**
 * The names of the system properties that bufkit reads, each once, when the first view, lease or pool is
 * created. Set them on the command line ({@code -Dbufkit.trackLeases=true}); a value set later in the
 * same JVM has no effect.
 *
 * <p>bufkit logs the values in effect at {@link System.Logger.Level#DEBUG} through the
 * {@link System.Logger} named {@code io.bufkit} when it reads them.
 */
public final class SystemProperties {

    /**
     * {@value}: whether every access through a view checks that the view's lease has not ended. Default
     * {@code true}; any value other than {@code false} (ignoring case) keeps the checks on. With
     * {@code false}, views never go stale ({@link ByteView#isValid()} still reports the truth): use it only
     * once a workload is proven correct.
     */
    public static final String CHECK_LEASES = "bufkit.checkLeases";

    /**
     * {@value}: whether ending a lease records a stack trace, which a later {@link StaleViewException}
     * carries as its cause, and whether buffer pools record where each buffer was released by default.
     * Default {@code false}; {@code true} (ignoring case) turns it on.
     */
    public static final String TRACK_LEASES = "bufkit.trackLeases";

    private SystemProperties() {
    }
}
