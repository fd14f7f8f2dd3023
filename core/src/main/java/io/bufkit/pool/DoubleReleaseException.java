package io.bufkit.pool;

/**
 * Thrown when a pooled buffer is released a second time — through {@link PooledLease#close()} or through
 * {@link BufferPool#release(java.nio.ByteBuffer)} — or when a stale lease handle is released after its
 * buffer was released and leased to someone else.
 *
 * <p>The second release is ignored: the buffer is not put back into the pool twice, and the current owner
 * of a re-leased buffer keeps it. When release tracking is on ({@link BufferPool.Builder#trackReleases(boolean)},
 * {@code -Dbufkit.trackLeases=true} or {@link LeakDetection#PARANOID}), the cause of this exception is a
 * {@link Throwable} whose stack trace shows where the buffer was first released.
 */
public final class DoubleReleaseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was released twice, and whether the buffer has a new owner since
     * @param firstRelease where the first release happened, or {@code null} when it was not recorded
     */
    public DoubleReleaseException(String message, Throwable firstRelease) {
        super(message, firstRelease);
    }
}
