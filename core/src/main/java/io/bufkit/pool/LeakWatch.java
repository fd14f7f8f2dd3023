package io.bufkit.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;

/**
 * Watches one tenancy for a leak: a weak reference to its lease — and, once {@link PooledLease#buffer()}
 * handed one out, a second watch on that {@code ByteBuffer} — that the garbage collector enqueues when
 * the object becomes unreachable. When every watched object of a tenancy is unreachable, the leak
 * detector thread asks the pool to reclaim the tenancy; the slot's stamp decides, so a tenancy released
 * normally meanwhile is left alone.
 *
 * <p>A watch costs one small object per acquisition, with no lock and no shared list, and nothing at
 * release. The watch of a pooled tenancy is kept reachable by its {@link Slot} (which the pool keeps) until
 * the slot's next tenancy replaces it; an unreachable watch is never enqueued, so a released tenancy's
 * watch either vanishes with it or — if its lease dies first — is enqueued and ignored, because the slot's
 * stamp has moved on: at most one spurious wake-up per buffer and collection. The watch of an overflow
 * tenancy is kept reachable by the pool's set of overflow watches and is {@link #dispose() disposed of} at
 * release, and a buffer watch by its lease watch. The watch refers to neither the lease nor the
 * buffer strongly, so it does not keep what it watches alive; views refer to their lease, so a live view
 * keeps the tenancy alive too.
 */
final class LeakWatch extends WeakReference<Object> {

    private static final VarHandle HOLDERS;
    private static final ReferenceQueue<Object> UNREACHABLE = new ReferenceQueue<>();

    static {
        try {
            HOLDERS = MethodHandles.lookup().findVarHandle(LeakWatch.class, "holders", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        Thread detector = new Thread(LeakWatch::detect, "bufkit-pool-leak-detector");
        detector.setDaemon(true);
        detector.start();
    }

    final Slot slot;
    final long stamp;
    /** Where the tenancy was acquired, when that was recorded; else {@code null}. */
    final Throwable acquiredAt;
    /** The lease watch of the tenancy: this, or the lease watch a buffer watch belongs to. */
    private final LeakWatch tenancy;

    /** How many watched objects of the tenancy are still reachable; used on the lease watch only. */
    @SuppressWarnings("unused")
    private volatile int holders = 1;
    /** The watch on the tenancy's {@code ByteBuffer}, kept reachable here. */
    private volatile LeakWatch bufferWatch;

    /** Watches {@code lease}, the tenancy {@code stamp} of {@code slot}. */
    LeakWatch(PooledLease lease, Slot slot, long stamp, Throwable acquiredAt) {
        super(lease, UNREACHABLE);
        this.slot = slot;
        this.stamp = stamp;
        this.acquiredAt = acquiredAt;
        this.tenancy = this;
    }

    private LeakWatch(ByteBuffer buffer, LeakWatch tenancy) {
        super(buffer, UNREACHABLE);
        this.slot = tenancy.slot;
        this.stamp = tenancy.stamp;
        this.acquiredAt = tenancy.acquiredAt;
        this.tenancy = tenancy;
    }

    /** Also watches the buffer handed out for the tenancy; the caller keeps the lease reachable meanwhile. */
    void alsoWatch(ByteBuffer buffer) {
        HOLDERS.getAndAdd(this, 1);
        bufferWatch = new LeakWatch(buffer, this);
    }

    /** Stops watching, for a tenancy taken back before anyone saw it or an overflow tenancy released. */
    void dispose() {
        clear();
        LeakWatch b = bufferWatch;
        if (b != null) {
            b.clear();
        }
    }

    /** Called once per watched object that became unreachable. */
    private void unreachable() {
        if ((int) HOLDERS.getAndAdd(tenancy, -1) == 1) {
            slot.pool.reclaimLeaked(tenancy);
        }
    }

    private static void detect() {
        for (;;) {
            try {
                ((LeakWatch) UNREACHABLE.remove()).unreachable();
            } catch (InterruptedException e) {
                // a daemon thread nobody else knows of: keep watching
            } catch (RuntimeException | Error e) {
                // one failed reclaim must not stop the detection of every later leak
            }
        }
    }
}
