package io.bufkit.pool;

/**
 * What a {@link WaitQueue} needs from its pool: free buffers to hand to waiters, a way to give back one
 * that no waiter took, and the pool's description of a failed acquisition.
 */
interface FreeBuffers {

    /**
     * Leases a free pooled buffer for a waiter, watched for leaks whatever the pool's leak detection, so
     * that a buffer handed to a future nobody reads comes back.
     *
     * @return a new lease, or {@code null} when no buffer is free
     */
    PooledLease leaseForWaiter();

    /**
     * Takes back a lease from {@link #leaseForWaiter()} that never reached its waiter (it gave up first).
     *
     * @param unclaimed the lease, never seen by anyone else
     */
    void takeBack(PooledLease unclaimed);

    /**
     * Counts a failed acquisition and describes it, with the pool's name and usage.
     *
     * @param why what failed
     * @return the exception to throw or to complete a future with
     */
    PoolExhaustedException reject(String why);
}
