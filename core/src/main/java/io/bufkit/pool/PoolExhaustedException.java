package io.bufkit.pool;

/**
 * Thrown when the pool cannot hand out a buffer and the caller may not wait for one: the pool is empty
 * under {@link OverflowPolicy#FAIL}, the bounded queue of waiters is full, a wait timed out, or a waiting
 * thread was interrupted under {@link OverflowPolicy#WAIT} (its interrupt status is then set again).
 *
 * <p>This is backpressure, not a bug: the caller should shed or delay work. The message names the pool,
 * its capacity, how many buffers are in use and how many callers are waiting.
 */
public final class PoolExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message which pool was exhausted and why the caller could not wait
     */
    public PoolExhaustedException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message which pool was exhausted and why the caller could not wait
     * @param cause what ended the wait, for example an {@link InterruptedException}
     */
    public PoolExhaustedException(String message, Throwable cause) {
        super(message, cause);
    }
}
