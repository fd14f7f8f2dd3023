package io.bufkit.pool;

import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * One acquisition of a pooled buffer: a {@link Lease} that ends when the buffer goes back to its pool.
 *
 * <pre>{@code
 * try (PooledLease lease = pool.acquire()) {
 *     MutableByteView v = lease.view();          // borrowed, valid until the lease is released
 *     v.putU32be(0, 420);
 *     channel.write(lease.buffer().limit(4));    // the same memory, for NIO
 * }                                              // released: v now throws StaleViewException
 * }</pre>
 *
 * <p>Every acquisition gets a new lease object; handles are never recycled. Releasing — by
 * {@link #close()} or by passing {@link #buffer()} to {@link BufferPool#release(ByteBuffer)} — ends the
 * lease: its views, and slices of them, throw {@link StaleViewException} from then on instead of reading
 * or writing the next tenant's data. Releasing a second time throws {@link DoubleReleaseException}, and a
 * stale handle released after its buffer went to someone else throws it too, leaving the new owner's
 * buffer alone.
 *
 * <p>A lease is used by one thread at a time; to hand it to another thread, use something that orders
 * the two (a queue, a lock, a future). {@link #close()} may be called from any thread. {@link #endViews()}
 * (inherited) makes the views created so far stale and keeps the buffer leased.
 */
public final class PooledLease extends Lease {

    final Slot slot;
    /** The tenancy this lease holds: the slot's stamp while it is leased to this lease. */
    final long stamp;
    /** Set by the pool when the tenancy is watched on its own for leaks. */
    TenancyWatch watch;
    /** The slot's token while this lease is alive, under LeakDetection.SAMPLED (see SlotWatch); else null. */
    final Object token;
    /** Where this lease was released, when release tracking is on. */
    Throwable releaseSite;

    private MutableByteView view;
    private ByteBuffer buffer;

    PooledLease(Slot slot, long stamp, Object token) {
        super(slot.leaseName);
        this.slot = slot;
        this.stamp = stamp;
        this.token = token;
    }

    /**
     * A writable view of the whole buffer, {@code [0, capacity())}; created on first use and then the same
     * view on every call (a new one after {@link #endViews()}).
     *
     * @return a <em>borrowed</em> writable view, valid until this lease is released
     * @throws IllegalStateException if the lease was released
     */
    public MutableByteView view() {
        MutableByteView v = view;
        if (v == null || !v.isValid()) {
            checkLeased("view()");
            byte[] a = slot.array;
            v = a != null ? wrapMutable(a, 0, a.length) : wrapMutable(slot.memory);
            view = v;
        }
        return v;
    }

    /**
     * The buffer as a {@link ByteBuffer} over the same memory as {@link #view()}, for NIO channels:
     * position 0, limit and capacity {@link #capacity()}, big-endian. Created on first use, then the same
     * object on every call, so its position and limit are the caller's to move.
     *
     * <p>This object — not a duplicate or slice of it — may be passed to
     * {@link BufferPool#release(ByteBuffer)} instead of closing the lease. Unlike views, a
     * {@code ByteBuffer} cannot go stale: do not use it after the release. While the lease is watched for
     * leaks, the buffer, like the lease, keeps the tenancy alive; duplicates and slices of it do not.
     *
     * @return a <em>borrowed</em> buffer, valid until this lease is released
     * @throws IllegalStateException if the lease was released
     */
    public ByteBuffer buffer() {
        checkLeased("buffer()");
        ByteBuffer b = buffer;
        if (b == null) {
            byte[] a = slot.array;
            b = a != null ? ByteBuffer.wrap(a) : slot.memory.duplicate();
            TenancyWatch w = watch;
            if (w == null && token != null) {
                w = slot.pool.watchAlone(this, null);   // the buffer keeps the tenancy alive too, not the token
            }
            if (w != null) {
                w.alsoWatch(b);
            }
            slot.pool.registerHandout(b, this);
            buffer = b;
            Reference.reachabilityFence(this);
        }
        return b;
    }

    /**
     * The buffer's size in bytes: the pool's buffer size.
     *
     * @return the capacity
     */
    public int capacity() {
        return slot.capacity();
    }

    /**
     * Whether the buffer is an overflow buffer, allocated because the pool was empty and dropped on release.
     *
     * @return {@code true} for an overflow buffer
     */
    public boolean isOverflow() {
        return slot.isOverflow();
    }

    /**
     * The pool the buffer was acquired from.
     *
     * @return the pool
     */
    public BufferPool pool() {
        return slot.pool;
    }

    /**
     * Releases the buffer to its pool: every view of this lease goes stale, the buffer is zeroed if the
     * pool clears on release, and it goes to the oldest waiter or back to the pool (an overflow buffer is
     * dropped).
     *
     * @throws DoubleReleaseException if this lease, or its buffer, was already released
     */
    @Override
    public void close() {
        slot.pool.release(this);
    }

    /** Ends the lease for the pool, after the pool won the release of its tenancy. */
    void ended(Throwable site) {
        if (site != null) {
            releaseSite = site;
        }
        end();
    }

    private void checkLeased(String what) {
        if (!isOpen()) {
            throw new IllegalStateException(what + " on " + name() + " after it was released");
        }
    }

    /**
     * Describes the lease: its pool, slot and whether it is still leased.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "PooledLease[" + name() + (isOpen() ? ", leased" : ", released") + "]";
    }
}
