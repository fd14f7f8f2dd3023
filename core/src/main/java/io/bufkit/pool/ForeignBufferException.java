package io.bufkit.pool;

/**
 * Thrown by {@link BufferPool#release(java.nio.ByteBuffer)} for a buffer the pool did not lease out: a
 * buffer allocated elsewhere (even one of the pool's buffer size), a buffer of another pool, or a
 * duplicate or slice of a pooled buffer instead of the exact object {@link PooledLease#buffer()} returned.
 *
 * <p>The buffer is not added to the pool; the pool's state is unchanged.
 */
public final class ForeignBufferException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message which buffer was rejected by which pool, and why
     */
    public ForeignBufferException(String message) {
        super(message);
    }
}
