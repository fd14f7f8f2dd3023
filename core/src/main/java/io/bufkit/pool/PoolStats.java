package io.bufkit.pool;

/**
 * A snapshot of a {@link BufferPool}'s counters, from {@link BufferPool#stats()}.
 *
 * <p>Counters are exact: no update is ever lost, however many threads acquire and release at once. A
 * snapshot taken while other threads use the pool reads each counter at a slightly different moment, so
 * relations between counters hold exactly only once the pool is quiet. Then
 * {@code acquired() == released() + leaks() + outstanding()}.
 *
 * @param capacity the number of pooled buffers
 * @param used pooled buffers leased out (or on their way back) when the snapshot was taken
 * @param acquired leases handed out, pooled and overflow
 * @param released leases released by their holders (through the lease or the buffer), pooled and overflow
 * @param overflowAllocated overflow buffers allocated because the pool was empty (included in {@code acquired})
 * @param overflowDropped overflow buffers released and dropped (included in {@code released})
 * @param peakUsed the highest number of pooled buffers leased at once
 * @param doubleReleases releases rejected with {@link DoubleReleaseException}
 * @param foreignReleases releases rejected with {@link ForeignBufferException}
 * @param leaks leases found unreachable while still leased (see {@link LeakDetection})
 * @param waits acquisitions that had to queue for a buffer
 * @param rejections acquisitions that failed with {@link PoolExhaustedException}
 */
public record PoolStats(int capacity, int used, long acquired, long released, long overflowAllocated,
        long overflowDropped, int peakUsed, long doubleReleases, long foreignReleases, long leaks, long waits,
        long rejections) {

    /**
     * Leases handed out and neither released nor found leaked: pooled and overflow leases still held.
     *
     * @return {@code acquired() - released() - leaks()}
     */
    public long outstanding() {
        return acquired - released - leaks;
    }
}
