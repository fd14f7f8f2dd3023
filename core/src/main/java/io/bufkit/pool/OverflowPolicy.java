package io.bufkit.pool;

/**
 * What {@link BufferPool#acquire()} does when every pooled buffer is leased.
 */
public enum OverflowPolicy {
    /**
     * Allocates a new buffer of the pool's size outside the pool (an <em>overflow</em> buffer) and logs a
     * rate-limited warning. The overflow buffer is dropped on release, never added to the pool, so the
     * pool's memory stays bounded by its capacity. The default.
     */
    ALLOCATE,
    /** Throws {@link PoolExhaustedException} at once. */
    FAIL,
    /**
     * Waits, first in first out, for a pooled buffer to be released, up to
     * {@link BufferPool.Builder#maxWait(java.time.Duration)}; throws {@link PoolExhaustedException} at once
     * when {@link BufferPool.Builder#maxWaiters(int)} callers already wait.
     */
    WAIT
}
