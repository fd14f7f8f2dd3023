package io.bufkit.pool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;

/**
 * Watches one tracked tenancy: when its lease and the {@code ByteBuffer} handed out for it (if any) have
 * all become unreachable, and the tenancy was never released, the pool reclaims the buffer as a leak.
 *
 * <p>The guard refers to neither the lease nor the buffer, only to the pool, the slot and the tenancy's
 * stamp, so it does not keep what it watches alive. Views refer to their lease, so a live view keeps the
 * tenancy alive too. A normal release disposes of the guard: its registrations are cleaned at once and
 * the reclaim finds the tenancy already ended.
 */
final class LeakGuard implements Runnable {

    private static final VarHandle HOLDERS;

    static {
        try {
            HOLDERS = MethodHandles.lookup().findVarHandle(LeakGuard.class, "holders", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The daemon thread that runs guards; started by the first tracked acquisition. */
    private static final class Detector {
        static final Cleaner CLEANER = Cleaner.create(r -> {
            Thread t = new Thread(r, "bufkit-pool-leak-detector");
            t.setDaemon(true);
            return t;
        });
    }

    final BufferPool pool;
    final Slot slot;
    final long stamp;
    /** Where the tenancy was acquired ({@link LeakDetection#PARANOID}), else {@code null}. */
    final Throwable acquiredAt;

    /** How many watched objects are still reachable. */
    @SuppressWarnings("unused")
    private volatile int holders = 1;
    private final Cleaner.Cleanable onLease;
    private volatile Cleaner.Cleanable onBuffer;

    LeakGuard(BufferPool pool, PooledLease lease, Throwable acquiredAt) {
        this.pool = pool;
        this.slot = lease.slot;
        this.stamp = lease.stamp;
        this.acquiredAt = acquiredAt;
        this.onLease = Detector.CLEANER.register(lease, this);
    }

    /** Also watches the buffer handed out for the tenancy; the caller keeps the lease reachable meanwhile. */
    void alsoWatch(ByteBuffer buffer) {
        HOLDERS.getAndAdd(this, 1);
        onBuffer = Detector.CLEANER.register(buffer, this);
    }

    /** Runs once per watched object: when it became unreachable, or when the guard is disposed of. */
    @Override
    public void run() {
        if ((int) HOLDERS.getAndAdd(this, -1) == 1) {
            pool.reclaimLeaked(this);
        }
    }

    /** Stops watching after a normal release. */
    void dispose() {
        onLease.clean();
        Cleaner.Cleanable b = onBuffer;
        if (b != null) {
            b.clean();
        }
    }
}
