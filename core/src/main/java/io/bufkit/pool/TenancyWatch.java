package io.bufkit.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * Watches one tenancy on its own: a weak reference to its lease — and, once {@link PooledLease#buffer()}
 * handed one out, a second watch on that {@code ByteBuffer}, since the buffer keeps the tenancy alive as
 * the lease does. When every watched object of the tenancy is unreachable, the pool reclaims the tenancy
 * with the acquisition site recorded here, if any; the slot's stamp decides, so a tenancy released
 * normally meanwhile is left alone.
 *
 * <p>Used where {@link SlotWatch} cannot do: for tenancies whose acquisition site is recorded
 * ({@link LeakDetection#PARANOID}, the sampled ones under {@link LeakDetection#SAMPLED}), whose buffer was
 * handed out, that were handed to a waiter, or of overflow buffers. The watch of a pooled tenancy is kept
 * reachable by its slot, that of an overflow tenancy by the pool's set of overflow watches, and a buffer
 * watch by its lease watch. The watch refers to neither the lease nor the buffer strongly, so it does not
 * keep what it watches alive; views refer to their lease, so a live view keeps the tenancy alive too.
 */
final class TenancyWatch extends LeakWatch {

    private static final VarHandle HOLDERS;

    static {
        try {
            HOLDERS = MethodHandles.lookup().findVarHandle(TenancyWatch.class, "holders", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Slot slot;
    final long stamp;
    /** Where the tenancy was acquired, when that was recorded; else {@code null}. */
    final Throwable acquiredAt;
    /** The lease watch of the tenancy: this, or the lease watch a buffer watch belongs to. */
    private final TenancyWatch tenancy;

    /** How many watched objects of the tenancy are still reachable; used on the lease watch only. */
    @SuppressWarnings("unused")
    private volatile int holders = 1;
    /** The watch on the tenancy's {@code ByteBuffer}, kept reachable here. */
    private volatile TenancyWatch bufferWatch;

    /** Watches {@code lease}, the tenancy {@code stamp} of {@code slot}. */
    TenancyWatch(PooledLease lease, Slot slot, long stamp, Throwable acquiredAt) {
        super(lease);
        this.slot = slot;
        this.stamp = stamp;
        this.acquiredAt = acquiredAt;
        this.tenancy = this;
    }

    private TenancyWatch(ByteBuffer buffer, TenancyWatch tenancy) {
        super(buffer);
        this.slot = tenancy.slot;
        this.stamp = tenancy.stamp;
        this.acquiredAt = tenancy.acquiredAt;
        this.tenancy = tenancy;
    }

    /** Also watches the buffer handed out for the tenancy; the caller keeps the lease reachable meanwhile. */
    void alsoWatch(ByteBuffer buffer) {
        HOLDERS.getAndAdd(this, 1);
        bufferWatch = new TenancyWatch(buffer, this);
    }

    /** Stops watching, for a tenancy taken back before anyone saw it or an overflow tenancy released. */
    void dispose() {
        clear();
        TenancyWatch b = bufferWatch;
        if (b != null) {
            b.clear();
        }
    }

    @Override
    void unreachable() {
        if ((int) HOLDERS.getAndAdd(tenancy, -1) == 1) {
            slot.pool.reclaimLeaked(tenancy);
        }
    }
}
