package io.bufkit.testkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.StaleViewException;
import io.bufkit.pool.BufferPool;
import io.bufkit.pool.DoubleReleaseException;
import io.bufkit.pool.ForeignBufferException;
import io.bufkit.pool.LeakDetection;
import io.bufkit.pool.PoolExhaustedException;
import io.bufkit.pool.PoolStats;
import io.bufkit.pool.PooledLease;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import io.bufkit.testsupport.CapturingLogger;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of pool operations checked step by step against a simple model of the pool: who holds
 * what, what is free, who waits, and every counter. Runs on the testkit's property harness: tries come from
 * {@code bufkit.tries}, seeds from {@code bufkit.seed}, and a failing sequence is shrunk before it is reported.
 */
class PoolModelPropertyTest {

    /**
     * A pool configuration and the operations run on it. The low three bits of an operation choose its
     * kind, the next two bits are choices it makes, and the rest picks which lease or waiter it acts on.
     */
    private record Scenario(int capacity, int maxWaiters, boolean direct, List<Integer> ops) {
    }

    private static final Gen<Scenario> SCENARIOS = Gen.zip(
            Gen.zip(Gen.ints(1, 4), Gen.ints(0, 2), (capacity, waiters) -> new int[] {capacity, waiters}),
            Gen.zip(Gen.booleans(), Gen.listOf(Gen.ints(0, 1 << 12), 0, 60), (direct, ops) -> Map.entry(direct, ops)),
            (config, rest) -> new Scenario(config[0], config[1], rest.getKey(), rest.getValue()));

    /** A lease the model knows about, with the token written into its buffer. */
    private record Held(PooledLease lease, byte token, ByteBuffer buffer, ByteView view) {
    }

    @Test
    void poolMatchesItsModelForRandomOperationSequences() {
        Property.forAll(SCENARIOS).check(PoolModelPropertyTest::run);
    }

    private static boolean choiceA(int op) {
        return (op & 8) != 0;
    }

    private static boolean choiceB(int op) {
        return (op & 16) != 0;
    }

    private static int pick(int op, int size) {
        return (op >>> 5) % size;
    }

    private static void run(Scenario scenario) {
        int capacity = scenario.capacity();
        int maxWaiters = scenario.maxWaiters();
        boolean direct = scenario.direct();
        // the sequences provoke overflow warnings on purpose
        BufferPool pool = BufferPool.builder().name("model").bufferSize(16).capacity(capacity).direct(direct)
                .maxWaiters(maxWaiters).leakDetection(LeakDetection.NONE).logger(CapturingLogger.discarding()).build();
        List<Held> held = new ArrayList<>();
        List<Held> released = new ArrayList<>();
        ArrayDeque<CompletableFuture<PooledLease>> waiters = new ArrayDeque<>();
        long acquired = 0;
        long releasedCount = 0;
        long overflow = 0;
        long dropped = 0;
        long doubles = 0;
        long foreign = 0;
        long rejections = 0;
        long waits = 0;
        int peak = 0;
        byte nextToken = 1;
        for (int op : scenario.ops()) {
            int pooledHeld = (int) held.stream().filter(h -> !h.lease().isOverflow()).count();
            switch (op & 7) {
                case 0 -> {   // acquire
                    boolean expectOverflow = pooledHeld == capacity || !waiters.isEmpty();
                    PooledLease lease = pool.acquire();
                    assertEquals(expectOverflow, lease.isOverflow());
                    acquired++;
                    if (expectOverflow) {
                        overflow++;
                    }
                    held.add(write(lease, nextToken++, choiceB(op)));
                }
                case 1, 2 -> {   // release a held lease, through the lease or the buffer
                    if (held.isEmpty()) {
                        continue;
                    }
                    Held h = held.remove(pick(op, held.size()));
                    check(h);
                    if (h.buffer() != null && choiceA(op)) {
                        pool.release(h.buffer());
                    } else {
                        h.lease().close();
                    }
                    releasedCount++;
                    released.add(h);
                    if (h.lease().isOverflow()) {
                        dropped++;
                    } else {
                        CompletableFuture<PooledLease> next = waiters.pollFirst();
                        if (next != null) {
                            assertTrue(next.isDone(), "the oldest waiter did not get the released buffer");
                            acquired++;
                            held.add(write(next.join(), nextToken++, choiceB(op)));
                        }
                    }
                }
                case 3 -> {   // release an already released lease again
                    if (released.isEmpty()) {
                        continue;
                    }
                    Held h = released.get(pick(op, released.size()));
                    if (h.buffer() != null && choiceA(op)) {
                        assertThrows(DoubleReleaseException.class, () -> pool.release(h.buffer()));
                    } else {
                        assertThrows(DoubleReleaseException.class, h.lease()::close);
                    }
                    doubles++;
                }
                case 4 -> {   // release a buffer the pool did not hand out
                    ByteBuffer alien = choiceA(op) ? ByteBuffer.allocate(16) : ByteBuffer.allocateDirect(16);
                    assertThrows(ForeignBufferException.class, () -> pool.release(alien));
                    foreign++;
                }
                case 5 -> {   // wait asynchronously
                    boolean free = pooledHeld < capacity && waiters.isEmpty();
                    if (!free && waiters.size() == maxWaiters) {
                        assertThrows(PoolExhaustedException.class, pool::acquireAsync);
                        rejections++;
                        continue;
                    }
                    CompletableFuture<PooledLease> f = pool.acquireAsync();
                    assertEquals(free, f.isDone());
                    if (free) {
                        acquired++;
                        held.add(write(f.join(), nextToken++, choiceB(op)));
                    } else {
                        waits++;
                        waiters.addLast(f);
                    }
                }
                case 6 -> {   // give up waiting
                    if (waiters.isEmpty()) {
                        continue;
                    }
                    List<CompletableFuture<PooledLease>> list = new ArrayList<>(waiters);
                    CompletableFuture<PooledLease> f = list.get(pick(op, list.size()));
                    assertTrue(f.cancel(false));
                    waiters.remove(f);
                }
                default -> {   // a stale view of a released lease must not read the current bytes
                    if (released.isEmpty()) {
                        continue;
                    }
                    Held h = released.get(pick(op, released.size()));
                    assertThrows(StaleViewException.class, () -> h.view().u8(0));
                    assertThrows(StaleViewException.class, () -> h.view().slice(1, 3));
                    assertThrows(IllegalStateException.class, h.lease()::view);
                    assertFalse(h.lease().isOpen());
                }
            }
            int pooledNow = (int) held.stream().filter(h -> !h.lease().isOverflow()).count();
            peak = Math.max(peak, pooledNow);
            for (Held h : held) {
                check(h);
            }
            PoolStats s = pool.stats();
            assertEquals(pooledNow, pool.used(), "used");
            assertEquals(capacity - pooledNow, pool.available(), "available");
            assertEquals(waiters.size(), pool.waiting(), "waiting");
            assertEquals(acquired, s.acquired(), "acquired");
            assertEquals(releasedCount, s.released(), "released");
            assertEquals(overflow, s.overflowAllocated(), "overflowAllocated");
            assertEquals(dropped, s.overflowDropped(), "overflowDropped");
            assertEquals(doubles, s.doubleReleases(), "doubleReleases");
            assertEquals(foreign, s.foreignReleases(), "foreignReleases");
            assertEquals(rejections, s.rejections(), "rejections");
            assertEquals(waits, s.waits(), "waits");
            assertEquals(peak, s.peakUsed(), "peakUsed");
            assertEquals(held.size(), s.outstanding(), "outstanding");
        }
    }

    /** Fills a new lease with its token; sometimes through its ByteBuffer, which registers the buffer. */
    private static Held write(PooledLease lease, byte token, boolean throughBuffer) {
        ByteBuffer buffer = throughBuffer ? lease.buffer() : null;
        lease.view().fill(token);
        return new Held(lease, token, buffer, lease.view().slice(0, 8));
    }

    /** Checks that a held lease still sees only its own token: no one else writes its memory. */
    private static void check(Held h) {
        ByteView v = h.lease().view();
        for (int i = 0; i < v.length(); i++) {
            if (v.i8(i) != h.token()) {
                throw new AssertionError(h.lease().name() + " byte " + i + " is " + v.i8(i) + ", not its token "
                        + h.token());
            }
        }
    }
}
