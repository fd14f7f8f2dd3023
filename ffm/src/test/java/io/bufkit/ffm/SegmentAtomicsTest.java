package io.bufkit.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.MisalignedAccessException;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The atomic and ordered accesses of {@link MutableByteView} on views of segments. */
class SegmentAtomicsTest {

    static final int THREADS = 4;
    static final int ADDS = 250_000;

    @TempDir
    Path dir;

    @Test
    void getAndAddOnASharedSegmentLosesNoIncrement() throws Exception {
        try (ArenaLease lease = ArenaLease.shared("counter")) {
            MemorySegment memory = lease.arena().allocate(16, 8);
            MutableByteView counters = lease.mutableView(memory);
            runThreads(() -> {
                for (int i = 0; i < ADDS; i++) {
                    counters.getAndAddI32le(0, 1);
                    counters.getAndAddI64be(8, 2);
                }
            });
            assertEquals(THREADS * ADDS, counters.getVolatileI32le(0));
            assertEquals(2L * THREADS * ADDS, counters.getAcquireI64be(8));
            assertEquals(THREADS * ADDS, memory.get(ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN), 0));
        }
    }

    @Test
    void compareAndSetAndOrderedAccessesOnAMappedFileWindow() throws IOException {
        Path file = dir.resolve("cursor.bin");
        Files.write(file, new byte[4096]);
        try (ArenaLease lease = ArenaLease.confined("cursor")) {
            MemorySegment mapped = lease.map(file, FileChannel.MapMode.READ_WRITE);
            MutableByteView cursor = lease.mutableView(mapped, 64, 16);
            assertTrue(cursor.compareAndSetI64le(0, 0L, 10L));
            assertEquals(10L, cursor.getAndSetI64le(0, 11L));
            assertEquals(false, cursor.compareAndSetI64le(0, 10L, 12L));
            cursor.setReleaseI32be(8, 5).setVolatileI32le(12, 6);
            assertEquals(5, cursor.getAcquireI32be(8));
            assertEquals(6, cursor.getAndAddI32le(12, 1));
            assertEquals(11L, lease.view(mapped).i64le(64));
            assertEquals(7, lease.view(mapped).i32le(76));
        }
    }

    @Test
    void misalignedAndStaleAtomicAccessesAreRefused() {
        MutableByteView view;
        try (ArenaLease lease = ArenaLease.confined("aligned")) {
            view = lease.mutableView(lease.arena().allocate(32, 8));
            MisalignedAccessException e = assertThrows(MisalignedAccessException.class, () -> view.getAndAddI32le(2, 1));
            assertTrue(e.getMessage().contains("offset 2"), e.getMessage());
            assertThrows(MisalignedAccessException.class, () -> view.compareAndSetI64be(4, 0, 1));
            assertEquals(0, view.getAndAddI64le(8, 1));
        }
        assertThrows(StaleViewException.class, () -> view.getAndAddI32le(0, 1));
    }

    static void runThreads(Runnable work) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().start(work));
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
