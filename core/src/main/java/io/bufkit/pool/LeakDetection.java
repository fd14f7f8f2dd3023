package io.bufkit.pool;

/**
 * How closely the pool watches for leases that are dropped without being released.
 *
 * <p>A watched lease that becomes unreachable while still leased — together with the {@code ByteBuffer}
 * its {@link PooledLease#buffer()} returned, if any, and every view of it — is a leak: the pool reports it
 * through {@link System.Logger} at {@code ERROR} level, counts it in {@link PoolStats#leaks()} and takes the
 * buffer back (an overflow buffer is dropped), so that a leak does not shrink the pool for good. Under
 * {@code SAMPLED} and {@code PARANOID} every lease is watched; they differ only in how many reports say
 * where the leaked lease was acquired. Detection relies on garbage collection, so a leak is found some
 * time after it happened, never at once.
 */
public enum LeakDetection {
    /**
     * No watching, except of leases handed to waiters: any other leaked pooled buffer is lost to the pool
     * for good. Costs nothing.
     */
    NONE,
    /**
     * Watches every acquisition, so every leaked buffer comes back, counted and reported; records where it
     * happened for about one acquisition in {@link BufferPool.Builder#leakSampleInterval(int)} (1024 by
     * default), spread pseudo-randomly. Costs one small object per acquisition. The default.
     */
    SAMPLED,
    /**
     * Watches every acquisition and records its stack trace, so every leak report shows where the leaked
     * lease was acquired; also records where each buffer was released. Costly: for tests and debugging.
     */
    PARANOID
}
