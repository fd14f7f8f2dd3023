package io.bufkit.testkit.shm;

import io.bufkit.MappedFile;
import io.bufkit.MutableByteView;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N threads run random atomic operations on random aligned offsets of one shared view, and the view and what
 * the threads saw agree with the sequential model of {@link AtomicWorkload}; on direct memory, on a view
 * that starts inside a larger direct buffer, and on a memory-mapped file.
 */
class AtomicViewPropertyTest {

    @TempDir
    Path dir;

    /** Where the shared view lives. */
    enum Memory { DIRECT, DIRECT_SLICE, MAPPED_FILE }

    /**
     * A workload and the memory it runs on.
     *
     * @param workload the slots and operations
     * @param memory the kind of memory
     */
    record Case(AtomicWorkload workload, Memory memory) {
    }

    private static final Gen<List<List<Integer>>> OPS = Gen.ints(2, 4).flatMap(threads ->
            Gen.listOf(Gen.listOf(Gen.ints(0, Integer.MAX_VALUE), 0, 400), threads, threads));

    private static final Gen<Case> CASES = Gen.zip(
            Gen.zip(Gen.listOf(Gen.ints(0, 15), 0, 6), OPS, (specs, ops) -> new Object[] {specs, ops}),
            Gen.zip(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), Gen.elements(Memory.values()),
                    (placement, memory) -> new Object[] {placement, memory}),
            AtomicViewPropertyTest::newCase);

    @SuppressWarnings("unchecked")
    private static Case newCase(Object[] slots, Object[] where) {
        return new Case(AtomicWorkload.of((List<Integer>) slots[0], (List<List<Integer>>) slots[1], (Long) where[0]),
                (Memory) where[1]);
    }

    @Test
    void threadsOfRandomAtomicOperationsAgreeWithTheSequentialModel() {
        Property.forAll(CASES).check(c -> {
            AtomicWorkload w = c.workload();
            if (c.memory() == Memory.MAPPED_FILE) {
                try (MappedFile file = MappedFile.readWrite(Files.createTempFile(dir, "atomic", ".bin"), 0, w.size())) {
                    runInThreads(w, file.mutableView());
                }
            } else {
                runInThreads(w, view(c.memory(), w.size()));
            }
        });
    }

    /** A zeroed direct view whose byte 0 is 8-byte aligned, alone or inside a larger buffer. */
    private static MutableByteView view(Memory memory, int size) {
        ByteBuffer b = ByteBuffer.allocateDirect(size + 32);
        int aligned = (8 - b.alignmentOffset(0, 8)) % 8 + (memory == Memory.DIRECT_SLICE ? 16 : 0);
        return MutableByteView.wrap(b).slice(aligned, aligned + size);
    }

    private static void runInThreads(AtomicWorkload w, MutableByteView view) throws InterruptedException {
        int n = w.ops().size();
        List<AtomicWorkload.Observations> seen = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            seen.add(null);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[n];
        for (int t = 0; t < n; t++) {
            int worker = t;
            MutableByteView mine = view.slice(0, view.length());   // each thread its own view of the memory
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                    AtomicWorkload.Observations o = w.run(mine, worker);
                    synchronized (seen) {
                        seen.set(worker, o);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker failed", failure.get());
        }
        w.check(view, seen);
    }

    @Test
    void theModelCatchesALostUpdate() throws IOException {
        // a self-check: a workload whose result is disturbed by one extra add must fail the model
        AtomicWorkload w = AtomicWorkload.of(List.of(0), List.of(List.of(8 << 9 | 0), List.of(8 << 9 | 0)), 1);
        MutableByteView v = view(Memory.DIRECT, w.size());
        List<AtomicWorkload.Observations> seen = List.of(w.run(v, 0), w.run(v, 1));
        w.check(v, seen);
        w.slots().get(0).getAndAdd(v, -1);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> w.check(v, seen));
    }
}
