package io.bufkit.pool;

/**
 * How closely the pool watches for leases that are dropped without being released.
 *
 * <p>A tracked lease that becomes unreachable while still leased — together with the {@code ByteBuffer}
 * its {@link PooledLease#buffer()} returned, if any — is a leak: the pool reports it through
 * {@link System.Logger} at {@code ERROR} level, counts it in {@link PoolStats#leaks()} and takes the
 * buffer back, so that a leak does not shrink the pool for good. Detection relies on garbage collection,
 * so a leak is found some time after it happened, never at once.
 */
public enum LeakDetection {
    /** No tracking: a leaked pooled buffer is lost to the pool. Costs nothing. */
    NONE,
    /**
     * Tracks about one acquisition in {@link BufferPool.Builder#leakSampleInterval(int)} (128 by default),
     * spread pseudo-randomly, without recording where it happened. Costs little on average. The default.
     */
    SAMPLED,
    /**
     * Tracks every acquisition and records its stack trace, so a leak report shows where the leaked lease
     * was acquired; also records where each buffer was released. Costly: for tests and debugging.
     */
    PARANOID
}
