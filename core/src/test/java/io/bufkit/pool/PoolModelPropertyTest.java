package io.bufkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.bufkit.ByteView;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of pool operations checked step by step against a simple model of the pool: who holds
 * what, what is free, who waits, and every counter. Tries come from {@code bufkit.tries}; a failure names
 * the seed to replay with {@code -Dbufkit.seed=...}.
 */
class PoolModelPropertyTest {

    private static final int TRIES = Integer.getInteger("bufkit.tries", 200);
    private static final Long SEED = Long.getLong("bufkit.seed");
    private static final int STEPS = 60;

    /** A lease the model knows about, with the token written into its buffer. */
    private record Held(PooledLease lease, byte token, ByteBuffer buffer, ByteView view) {
    }

    @Test
    void poolMatchesItsModelForRandomOperationSequences() {
        long base = SEED != null ? SEED : new Random().nextLong();
        for (int t = 0; t < TRIES; t++) {
            long seed = base + t;
            try {
                runOne(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                fail("property failed for seed " + seed + " (replay with -Dbufkit.seed=" + seed
                        + " -Dbufkit.tries=1): " + e, e);
            }
        }
    }

    private static void runOne(Random rnd) {
        int capacity = 1 + rnd.nextInt(4);
        int maxWaiters = rnd.nextInt(3);
        boolean direct = rnd.nextBoolean();
        BufferPool pool = BufferPool.builder().name("model").bufferSize(16).capacity(capacity).direct(direct)
                .maxWaiters(maxWaiters).leakDetection(LeakDetection.NONE).logger(new CapturingLogger()).build();
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
        for (int step = 0; step < STEPS; step++) {
            int pooledHeld = (int) held.stream().filter(h -> !h.lease().isOverflow()).count();
            switch (rnd.nextInt(8)) {
                case 0 -> {   // acquire
                    boolean expectOverflow = pooledHeld == capacity || !waiters.isEmpty();
                    PooledLease lease = pool.acquire();
                    assertEquals(expectOverflow, lease.isOverflow());
                    acquired++;
                    if (expectOverflow) {
                        overflow++;
                    }
                    held.add(write(lease, nextToken++, rnd));
                }
                case 1, 2 -> {   // release a held lease, through the lease or the buffer
                    if (held.isEmpty()) {
                        continue;
                    }
                    Held h = held.remove(rnd.nextInt(held.size()));
                    check(h);
                    if (h.buffer() != null && rnd.nextBoolean()) {
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
                            held.add(write(next.join(), nextToken++, rnd));
                        }
                    }
                }
                case 3 -> {   // release an already released lease again
                    if (released.isEmpty()) {
                        continue;
                    }
                    Held h = released.get(rnd.nextInt(released.size()));
                    if (h.buffer() != null && rnd.nextBoolean()) {
                        assertThrows(DoubleReleaseException.class, () -> pool.release(h.buffer()));
                    } else {
                        assertThrows(DoubleReleaseException.class, h.lease()::close);
                    }
                    doubles++;
                }
                case 4 -> {   // release a buffer the pool did not hand out
                    ByteBuffer alien = rnd.nextBoolean() ? ByteBuffer.allocate(16) : ByteBuffer.allocateDirect(16);
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
                        held.add(write(f.join(), nextToken++, rnd));
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
                    CompletableFuture<PooledLease> f = list.get(rnd.nextInt(list.size()));
                    assertTrue(f.cancel(false));
                    waiters.remove(f);
                }
                default -> {   // a stale view of a released lease must not read the current bytes
                    if (released.isEmpty()) {
                        continue;
                    }
                    Held h = released.get(rnd.nextInt(released.size()));
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
    private static Held write(PooledLease lease, byte token, Random rnd) {
        ByteBuffer buffer = rnd.nextBoolean() ? lease.buffer() : null;
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
