package io.bufkit.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Netty's leak detector at PARANOID for every test of this module, with its reports collected so that a
 * test can assert there are none: installed as a launcher session listener, before any {@code ByteBuf}
 * class is loaded (Netty creates its detectors when its buffer classes initialise).
 */
public final class NettyLeaks implements LauncherSessionListener {

    private static final List<String> REPORTS = new ArrayList<>();

    /** Installs the collecting detector factory and sets the level to PARANOID. */
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    static synchronized void install() {
        if (ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.PARANOID
                && ResourceLeakDetectorFactory.instance() instanceof Collecting) {
            return;
        }
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new Collecting());
    }

    /** A factory of detectors that record their reports. */
    private static final class Collecting extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    record("LEAK: " + resourceType + records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    record("LEAK: " + resourceType + " (untraced)");
                }
            };
        }
    }

    private static synchronized void record(String report) {
        REPORTS.add(report);
    }

    /**
     * Collects garbage and lets the detectors look for buffers that became unreachable unreleased.
     *
     * @return the leak reports since the last call, then forgotten
     */
    static synchronized List<String> collect() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // detectors look at their reference queues when they track a new buffer
            for (ByteBufAllocator alloc : new ByteBufAllocator[] {ByteBufAllocator.DEFAULT,
                    PooledByteBufAllocator.DEFAULT}) {
                alloc.heapBuffer(8).release();
                alloc.directBuffer(8).release();
                ByteBuf composite = alloc.compositeBuffer();
                composite.release();
            }
        }
        List<String> out = List.copyOf(REPORTS);
        REPORTS.clear();
        return out;
    }

    /** Fails if Netty's leak detector reported a buffer that became unreachable unreleased. */
    static void assertNone() {
        List<String> reports = collect();
        if (!reports.isEmpty()) {
            throw new AssertionError(reports.size() + " Netty buffer leak(s):\n" + String.join("\n", reports));
        }
    }
}
