package io.bufkit.pool;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;

/**
 * The record of one {@code ByteBuffer} object handed out by {@link PooledLease#buffer()}: which slot and
 * which tenancy of it the buffer belongs to. It refers to the buffer weakly, so that it never keeps the
 * buffer (or the lease, or the leak watch's targets) alive; it stays in the registry while the caller can
 * still pass the buffer to {@link BufferPool#release(ByteBuffer)}, so a second or stale release of it is
 * recognised as such.
 */
final class Handout extends WeakReference<ByteBuffer> {

    final int hash;
    final Slot slot;
    final long stamp;
    /** The lease, to end its views when the buffer is released; weak so that leaks stay detectable. */
    private final WeakReference<PooledLease> lease;
    /** The lease's leak watch, or {@code null} when the tenancy is not watched. */
    final TenancyWatch watch;
    /** The next record in the same hash bucket. */
    Handout next;

    Handout(ByteBuffer buffer, ReferenceQueue<ByteBuffer> queue, int hash, PooledLease lease) {
        super(buffer, queue);
        this.hash = hash;
        this.slot = lease.slot;
        this.stamp = lease.stamp;
        this.lease = new WeakReference<>(lease);
        this.watch = lease.watch;
    }

    /** The lease, or {@code null} once it was garbage-collected. */
    PooledLease lease() {
        return lease.get();
    }
}
