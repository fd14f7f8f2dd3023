package io.bufkit.pool;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A weak reference that tells the pool when what it watches became unreachable: the base of
 * {@link SlotWatch} (every tenancy of a slot, through a shared token) and {@link TenancyWatch} (one
 * tenancy, through its lease and buffer). The garbage collector enqueues a watch whose referent became
 * unreachable while the watch itself was still reachable; one daemon thread for every pool takes them off
 * the queue and calls {@link #unreachable()}. A watch that is itself unreachable by then is never enqueued.
 */
abstract class LeakWatch extends WeakReference<Object> {

    private static final ReferenceQueue<Object> UNREACHABLE = new ReferenceQueue<>();

    static {
        Thread detector = new Thread(LeakWatch::detect, "bufkit-pool-leak-detector");
        detector.setDaemon(true);
        detector.start();
    }

    LeakWatch(Object referent) {
        super(referent, UNREACHABLE);
    }

    /** Called on the detector thread, once, after the referent became unreachable. */
    abstract void unreachable();

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
