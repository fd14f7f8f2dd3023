/**
 * Pooled buffers: a {@link io.bufkit.pool.BufferPool} of pre-allocated heap or direct buffers, leased out
 * as {@link io.bufkit.pool.PooledLease}s.
 *
 * <p><b>Ownership rules.</b> The pool owns every buffer's memory for its whole life. A lease
 * <em>borrows</em> one buffer from acquisition until release; its views and its {@code ByteBuffer} are
 * borrowed too, and after the release the views throw {@link io.bufkit.StaleViewException} instead of
 * touching memory that belongs to the next tenant. Copy ({@link io.bufkit.ByteView#copy()}) whatever must
 * outlive the lease. A buffer is released exactly once, by its current tenant, through the lease or the
 * exact {@code ByteBuffer} object the lease handed out; a second release, a stale handle and a buffer the
 * pool did not hand out are all rejected with a specific exception and leave the pool unchanged. Overflow
 * buffers (allocated when the pool is empty) are owned by their lease and dropped on release; the pool
 * never grows. Leases that are dropped without a release are found through garbage collection (see
 * {@link io.bufkit.pool.LeakDetection}) and their buffers go back to the pool.
 */
package io.bufkit.pool;
