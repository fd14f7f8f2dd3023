package io.bufkit;

/**
 * Thrown when a borrowed {@link ByteView} is used after the {@link Lease} it was created under ended.
 *
 * <p>A stale view would otherwise read (or write) memory that now belongs to someone else: the next
 * tenant of a pooled buffer, the next frame of a decoder, the next read of a reused socket buffer. The
 * message names the lease and, when {@code -Dbufkit.trackLeases=true} is set, the cause of this
 * exception is a {@link Throwable} whose stack trace shows where the lease ended.
 */
public final class StaleViewException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was used after which lease ended
     * @param endSite where the lease ended, or {@code null} when lease tracking is off
     */
    public StaleViewException(String message, Throwable endSite) {
        super(message, endSite);
    }
}
