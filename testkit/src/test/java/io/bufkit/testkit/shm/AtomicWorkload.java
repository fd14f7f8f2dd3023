package io.bufkit.testkit.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.MutableByteView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random atomic operations of several workers (threads or processes) on slots at random aligned offsets of
 * one shared view, and the sequential model they must agree with, whatever the interleaving:
 * <ul>
 *   <li>an {@code ADD} slot ends at the sum of every worker's deltas (added with {@code getAndAdd} or with a
 *       {@code compareAndSet} retry loop, each of which succeeds exactly once);</li>
 *   <li>a {@code SWAP} slot's {@code getAndSet} calls neither lose nor duplicate a value: the values they
 *       returned plus the final value are the initial 0 plus every value written;</li>
 *   <li>a {@code CLAIM} slot is claimed by exactly one {@code compareAndSet(0, worker + 1)} of all attempts;</li>
 *   <li>each worker's private slot, written with {@code setVolatile}/{@code setRelease} and read back with
 *       {@code getVolatile}/{@code getAcquire}, always holds the worker's last write.</li>
 * </ul>
 * An operation is an {@code int}: bits 0-2 pick the worker's private slot (7) or a shared slot (0-6, then
 * bits 3-7 pick which), bit 8 a variant, and bits 9-30 an operand.
 *
 * @param slots the shared slots
 * @param privates each worker's private slot
 * @param ops each worker's operations
 * @param size the view's size in bytes
 */
record AtomicWorkload(List<Slot> slots, List<Slot> privates, List<List<Integer>> ops, int size) {

    /** What a slot is used for. */
    enum Kind { ADD, SWAP, CLAIM, PRIVATE }

    /**
     * One value in the view.
     *
     * @param offset its offset, a multiple of its width
     * @param width 4 or 8
     * @param bigEndian its byte order
     * @param kind how the workers use it
     */
    record Slot(int offset, int width, boolean bigEndian, Kind kind) {

        long getAndAdd(MutableByteView v, long delta) {
            if (width == 4) {
                return bigEndian ? v.getAndAddI32be(offset, (int) delta) : v.getAndAddI32le(offset, (int) delta);
            }
            return bigEndian ? v.getAndAddI64be(offset, delta) : v.getAndAddI64le(offset, delta);
        }

        long getAndSet(MutableByteView v, long value) {
            if (width == 4) {
                return bigEndian ? v.getAndSetI32be(offset, (int) value) : v.getAndSetI32le(offset, (int) value);
            }
            return bigEndian ? v.getAndSetI64be(offset, value) : v.getAndSetI64le(offset, value);
        }

        boolean compareAndSet(MutableByteView v, long expected, long value) {
            if (width == 4) {
                return bigEndian ? v.compareAndSetI32be(offset, (int) expected, (int) value)
                        : v.compareAndSetI32le(offset, (int) expected, (int) value);
            }
            return bigEndian ? v.compareAndSetI64be(offset, expected, value) : v.compareAndSetI64le(offset, expected, value);
        }

        long getVolatile(MutableByteView v) {
            if (width == 4) {
                return bigEndian ? v.getVolatileI32be(offset) : v.getVolatileI32le(offset);
            }
            return bigEndian ? v.getVolatileI64be(offset) : v.getVolatileI64le(offset);
        }

        long getAcquire(MutableByteView v) {
            if (width == 4) {
                return bigEndian ? v.getAcquireI32be(offset) : v.getAcquireI32le(offset);
            }
            return bigEndian ? v.getAcquireI64be(offset) : v.getAcquireI64le(offset);
        }

        void setVolatile(MutableByteView v, long value) {
            if (width == 4) {
                if (bigEndian) {
                    v.setVolatileI32be(offset, (int) value);
                } else {
                    v.setVolatileI32le(offset, (int) value);
                }
            } else if (bigEndian) {
                v.setVolatileI64be(offset, value);
            } else {
                v.setVolatileI64le(offset, value);
            }
        }

        void setRelease(MutableByteView v, long value) {
            if (width == 4) {
                if (bigEndian) {
                    v.setReleaseI32be(offset, (int) value);
                } else {
                    v.setReleaseI32le(offset, (int) value);
                }
            } else if (bigEndian) {
                v.setReleaseI64be(offset, value);
            } else {
                v.setReleaseI64le(offset, value);
            }
        }

        /** The value with plain reads, in the slot's byte order. */
        long plain(MutableByteView v) {
            if (width == 4) {
                return bigEndian ? v.i32be(offset) : v.i32le(offset);
            }
            return bigEndian ? v.i64be(offset) : v.i64le(offset);
        }

        /** {@code value} as the slot holds it: truncated to 32 bits and sign-extended for a 4-byte slot. */
        long narrow(long value) {
            return width == 4 ? (int) value : value;
        }
    }

    /**
     * Builds a workload: shared slots from {@code specs} (each: bits 0-1 the kind, bit 2 the width, bit 3 the
     * order), one private slot per worker, every slot in its own 8-byte cell at a random place.
     */
    static AtomicWorkload of(List<Integer> specs, List<List<Integer>> ops, long placement) {
        int workers = ops.size();
        int cells = specs.size() + workers;
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < cells * 2; c++) {
            order.add(c);
        }
        SplittableRandom random = new SplittableRandom(placement);
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        List<Slot> slots = new ArrayList<>();
        List<Slot> privates = new ArrayList<>();
        for (int s = 0; s < cells; s++) {
            int spec = s < specs.size() ? specs.get(s) : random.nextInt(16);
            int width = (spec & 4) != 0 ? 8 : 4;
            int offset = order.get(s) * 8 + (width == 4 && random.nextBoolean() ? 4 : 0);
            Kind kind = s < specs.size() ? Kind.values()[(spec & 3) % 3] : Kind.PRIVATE;
            (s < specs.size() ? slots : privates).add(new Slot(offset, width, (spec & 8) != 0, kind));
        }
        return new AtomicWorkload(slots, privates, ops, cells * 16);
    }

    /** A random workload, for runs without shrinking. */
    static AtomicWorkload random(SplittableRandom random, int workers, int opsPerWorker) {
        List<Integer> specs = new ArrayList<>();
        for (int s = 1 + random.nextInt(6); s > 0; s--) {
            specs.add(random.nextInt(16));
        }
        List<List<Integer>> ops = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < opsPerWorker; i++) {
                mine.add(random.nextInt() & Integer.MAX_VALUE);
            }
            ops.add(mine);
        }
        return of(specs, ops, random.nextLong());
    }

    /** Which slot an operation acts on. */
    private Slot target(int worker, int op) {
        return (op & 7) == 7 || slots.isEmpty() ? privates.get(worker) : slots.get((op >>> 3 & 31) % slots.size());
    }

    private static boolean variant(int op) {
        return (op & 256) != 0;
    }

    private static long operand(int op) {
        return (op >>> 9) - (1 << 21);   // -2^21 to 2^21 - 1
    }

    /** The value written by {@code worker}'s {@code index}th operation to a swap or private slot: unique, never 0. */
    private static long token(int worker, int index, Slot slot) {
        long t = (long) (worker + 1) << 24 | (index + 1);
        return slot.width == 8 ? t << 24 | 0xABCDEF : t;
    }

    /**
     * What one worker saw: for each swap slot the values its {@code getAndSet} calls returned, for each
     * claim slot its successful claims, and for each add slot its {@code compareAndSet} additions that
     * succeeded.
     */
    static final class Observations {
        final Map<Integer, List<Long>> swapped = new HashMap<>();
        final Map<Integer, Integer> claims = new HashMap<>();
        final Map<Integer, Integer> casAdds = new HashMap<>();

        /** One line of text, for a worker in another process to report. */
        String encode() {
            StringBuilder sb = new StringBuilder("observed");
            claims.forEach((s, n) -> sb.append(" c").append(s).append(':').append(n));
            casAdds.forEach((s, n) -> sb.append(" a").append(s).append(':').append(n));
            swapped.forEach((s, values) -> values.forEach(v -> sb.append(" s").append(s).append(':').append(v)));
            return sb.toString();
        }

        static Observations decode(String line) {
            Observations o = new Observations();
            String[] parts = line.trim().split(" ");
            for (int i = 1; i < parts.length; i++) {
                int colon = parts[i].indexOf(':');
                int slot = Integer.parseInt(parts[i].substring(1, colon));
                String value = parts[i].substring(colon + 1);
                if (parts[i].charAt(0) == 'c') {
                    o.claims.put(slot, Integer.parseInt(value));
                } else if (parts[i].charAt(0) == 'a') {
                    o.casAdds.put(slot, Integer.parseInt(value));
                } else {
                    o.swapped.computeIfAbsent(slot, k -> new ArrayList<>()).add(Long.parseLong(value));
                }
            }
            return o;
        }
    }

    /** Runs {@code worker}'s operations on {@code view}; checks its private slot as it goes. */
    Observations run(MutableByteView view, int worker) {
        Observations seen = new Observations();
        List<Integer> mine = ops.get(worker);
        long lastPrivate = 0;
        for (int i = 0; i < mine.size(); i++) {
            int op = mine.get(i);
            Slot slot = target(worker, op);
            int s = slots.indexOf(slot);
            switch (slot.kind) {
                case ADD -> {
                    if (variant(op)) {
                        long before;
                        do {
                            before = slot.getVolatile(view);
                        } while (!slot.compareAndSet(view, before, slot.narrow(before + operand(op))));
                        seen.casAdds.merge(s, 1, Integer::sum);
                    } else {
                        slot.getAndAdd(view, operand(op));
                    }
                }
                case SWAP -> seen.swapped.computeIfAbsent(s, k -> new ArrayList<>())
                        .add(slot.getAndSet(view, slot.narrow(token(worker, i, slot))));
                case CLAIM -> {
                    if (slot.compareAndSet(view, 0, worker + 1)) {
                        seen.claims.merge(s, 1, Integer::sum);
                    }
                }
                case PRIVATE -> {
                    long read = variant(op) ? slot.getAcquire(view) : slot.getVolatile(view);
                    assertEquals(lastPrivate, read, "worker " + worker + "'s private slot at offset " + slot.offset);
                    lastPrivate = slot.narrow(token(worker, i, slot));
                    if (variant(op)) {
                        slot.setRelease(view, lastPrivate);
                    } else {
                        slot.setVolatile(view, lastPrivate);
                    }
                }
            }
        }
        return seen;
    }

    /** Checks the view's final state and what the workers saw against the sequential model. */
    void check(MutableByteView view, List<Observations> seen) {
        for (int s = 0; s < slots.size(); s++) {
            Slot slot = slots.get(s);
            long actual = slot.getVolatile(view);
            assertEquals(actual, slot.plain(view), "plain and volatile reads of " + slot);
            long sum = 0;
            int casAdds = 0;
            int attempts = 0;
            List<Long> written = new ArrayList<>(List.of(0L));
            for (int w = 0; w < ops.size(); w++) {
                List<Integer> mine = ops.get(w);
                for (int i = 0; i < mine.size(); i++) {
                    int op = mine.get(i);
                    if (target(w, op) != slot) {
                        continue;
                    }
                    sum += operand(op);
                    casAdds += variant(op) ? 1 : 0;
                    attempts++;
                    written.add(slot.narrow(token(w, i, slot)));
                }
            }
            final int slotIndex = s;
            switch (slot.kind) {
                case ADD -> assertEquals(slot.narrow(sum), actual, "sum of every delta in " + slot);
                case SWAP -> {
                    List<Long> returned = new ArrayList<>(List.of(actual));
                    seen.forEach(o -> returned.addAll(o.swapped.getOrDefault(slotIndex, List.of())));
                    Collections.sort(returned);
                    Collections.sort(written);
                    assertEquals(written, returned, "values returned by getAndSet plus the final value of " + slot);
                }
                case CLAIM -> {
                    int claims = seen.stream().mapToInt(o -> o.claims.getOrDefault(slotIndex, 0)).sum();
                    assertEquals(attempts > 0 ? 1 : 0, claims, "successful claims of " + slot);
                    int winner = -1;
                    for (int w = 0; w < seen.size(); w++) {
                        winner = seen.get(w).claims.getOrDefault(slotIndex, 0) > 0 ? w : winner;
                    }
                    assertEquals(winner + 1, actual, "the claimant of " + slot);
                }
                default -> throw new AssertionError(slot);
            }
            if (slot.kind == Kind.ADD) {
                // every compareAndSet loop ends with exactly one success, counted by the workers
                int succeeded = seen.stream().mapToInt(o -> o.casAdds.getOrDefault(slotIndex, 0)).sum();
                assertEquals(casAdds, succeeded, "successful compareAndSet additions to " + slot);
            }
        }
        for (int w = 0; w < privates.size(); w++) {
            Slot slot = privates.get(w);
            long last = 0;
            List<Integer> mine = ops.get(w);
            for (int i = 0; i < mine.size(); i++) {
                if (target(w, mine.get(i)) == slot) {
                    last = slot.narrow(token(w, i, slot));
                }
            }
            assertEquals(last, slot.getVolatile(view), "worker " + w + "'s last write to its private " + slot);
        }
    }
}
