package io.bufkit.examples;

import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import io.bufkit.pool.BufferPool;
import io.bufkit.pool.DoubleReleaseException;
import io.bufkit.pool.ForeignBufferException;
import io.bufkit.pool.PoolStats;
import io.bufkit.pool.PooledLease;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The buffer-pool walk-through of the protocol catalogue (scenario 4): a pool of 100 buffers of 64 KiB,
 * used correctly and then misused in every way the pool must catch.
 */
public final class PoolWalkthrough {

    private PoolWalkthrough() {
    }

    /**
     * Runs the walk-through, printing each step and what the pool said.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        out.println("== buffer pool (100 x 64 KiB) ==");
        BufferPool pool = BufferPool.builder().name("demo").bufferSize(65536).capacity(100).direct(true)
                .logger(new PrintingLogger(out)).build();

        List<PooledLease> leases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leases.add(pool.acquire());
        }
        out.printf("acquired 5: used=%d available=%d%n", pool.used(), pool.available());
        leases.forEach(PooledLease::close);
        leases.clear();
        out.printf("released 5: used=%d available=%d%n", pool.used(), pool.available());

        for (int i = 0; i < 102; i++) {
            leases.add(pool.acquire());
        }
        long overflow = leases.stream().filter(PooledLease::isOverflow).count();
        out.printf("acquired 102: used=%d available=%d overflow leases=%d%n", pool.used(), pool.available(), overflow);
        PooledLease extra = leases.remove(leases.size() - 1);
        extra.close();
        out.printf("released an overflow buffer (dropped): used=%d available=%d overflow dropped=%d%n",
                pool.used(), pool.available(), pool.stats().overflowDropped());

        try {
            pool.release(ByteBuffer.allocateDirect(65536));
            out.println("BUG: a foreign buffer was accepted");
        } catch (ForeignBufferException e) {
            out.println("foreign 64 KiB buffer rejected: " + e.getMessage());
        }

        PooledLease first = leases.remove(0);
        first.close();
        try {
            first.close();
            out.println("BUG: a double release was accepted");
        } catch (DoubleReleaseException e) {
            out.println("double release rejected: " + e.getMessage());
        }

        PooledLease tenant = leases.remove(0);
        MutableByteView stale = tenant.view();
        stale.putU32be(0, 1111);
        tenant.close();
        try (PooledLease next = pool.acquire()) {
            next.view().putU32be(0, 2222);
            try {
                out.println("BUG: stale view read " + stale.u32be(0));
            } catch (StaleViewException e) {
                out.println("stale view refused to read the next tenant's data: " + e.getClass().getSimpleName());
            }
        }

        leases.forEach(PooledLease::close);
        PoolStats s = pool.stats();
        out.printf("all released: used=%d available=%d acquired=%d released=%d overflow=%d/%d peak=%d"
                        + " double releases=%d foreign releases=%d%n",
                pool.used(), pool.available(), s.acquired(), s.released(), s.overflowAllocated(),
                s.overflowDropped(), s.peakUsed(), s.doubleReleases(), s.foreignReleases());
        out.println();
    }

    /**
     * Prints the pool's warnings next to the walk-through's own output, marked as expected: the walk-through
     * exhausts the pool on purpose, and a line starting {@code [WARNING]} would read as a build warning in
     * Maven's output.
     */
    private static final class PrintingLogger implements System.Logger {
        private final PrintStream out;

        PrintingLogger(PrintStream out) {
            this.out = out;
        }

        private static String line(Level level, String message) {
            return "  (expected pool log) " + level + ": " + message;
        }

        @Override
        public String getName() {
            return "io.bufkit.pool";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= Level.WARNING.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                out.println(line(level, msg));
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                out.println(line(level, params == null || params.length == 0 ? format
                        : java.text.MessageFormat.format(format, params)));
            }
        }
    }
}
