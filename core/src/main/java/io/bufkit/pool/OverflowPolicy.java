package io.bufkit.pool;

/**
 * What {@link BufferPool#acquire()} does when every pooled buffer is leased (or older callers already
 * wait for one). Only {@link BufferPool#acquire()} follows the policy: {@link BufferPool#acquire(java.time.Duration)}
 * and {@link BufferPool#acquireAsync()} always wait for a pooled buffer, whatever the policy.
 */
public enum OverflowPolicy {
    /**
     * Allocates a new buffer of the pool's size outside the pool (an <em>overflow</em> buffer) and logs a
     * rate-limited warning. The overflow buffer is dropped on release, never added to the pool, so the
     * pool's memory stays bounded by its capacity. The default.
     */
    ALLOCATE {
        @Override
        PooledLease whenExhausted(BufferPool pool) {
            PooledLease lease = pool.takeBehindWaiters();
            return lease != null ? lease : pool.allocateOverflow();
        }
    },
    /** Throws {@link PoolExhaustedException} at once. */
    FAIL {
        @Override
        PooledLease whenExhausted(BufferPool pool) {
            PooledLease lease = pool.takeBehindWaiters();
            if (lease == null) {
                throw pool.reject("every buffer is leased and the overflow policy is FAIL");
            }
            return lease;
        }
    },
    /**
     * Waits, first in first out, for a pooled buffer to be released, up to
     * {@link BufferPool.Builder#maxWait(java.time.Duration)}; throws {@link PoolExhaustedException} at once
     * when {@link BufferPool.Builder#maxWaiters(int)} callers already wait, when the wait times out, or when
     * the thread is interrupted (its interrupt status is then set again).
     */
    WAIT {
        @Override
        PooledLease whenExhausted(BufferPool pool) {
            return pool.awaitForMaxWait();
        }
    };

    /** Leases a buffer for {@link BufferPool#acquire()} when none was free for the caller at once. */
    abstract PooledLease whenExhausted(BufferPool pool);
}
