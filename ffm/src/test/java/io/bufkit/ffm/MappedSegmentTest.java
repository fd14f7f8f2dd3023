package io.bufkit.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedSegmentTest {

    /** Beyond what one {@code MappedByteBuffer} or one view can hold. */
    static final long LARGE = (3L << 30) + 4096;

    @TempDir
    Path dir;

    @Test
    void mapsAFileLargerThan2GiBAndLendsWindowsAnywhereInIt() throws IOException {
        Path file = dir.resolve("large.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(LARGE);   // sparse: only the pages written below take disk space
        }
        long far = (5L << 29) + 12;   // 2.5 GiB + 12
        try {
            try (ArenaLease lease = ArenaLease.confined("large file")) {
                MemorySegment mapped = lease.map(file, FileChannel.MapMode.READ_WRITE);
                assertEquals(LARGE, mapped.byteSize());
                MutableByteView window = lease.mutableView(mapped, far, 64);
                window.putI64le(0, 0x1122334455667788L).putI32be(60, -7);
                lease.mutableView(mapped, LARGE - 8, 8).putI64be(0, 42L);
                mapped.force();
                assertTrue(isMapped(file), "mapped while the lease is open");
            }
            assertFalse(isMapped(file), "unmapped as soon as the lease closed");

            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                channel.read(b, far);
                assertEquals(0x1122334455667788L, b.getLong(0));
                assertEquals(-7, b.order(java.nio.ByteOrder.BIG_ENDIAN).getInt(60));
            }
            try (ArenaLease lease = ArenaLease.shared("read back")) {
                MemorySegment region = lease.map(file, FileChannel.MapMode.READ_ONLY, LARGE - 4096, 4096);
                assertTrue(region.isReadOnly());
                assertEquals(42L, lease.view(region).i64be(4088));
                assertThrows(IllegalArgumentException.class, () -> lease.mutableView(region));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void closingTheLeaseUnmapsSoTheFileCanBeTruncatedAndMappedAgain() throws IOException {
        Path file = dir.resolve("counter.bin");
        Files.write(file, new byte[8192]);
        ArenaLease lease = ArenaLease.confined("counter file");
        MemorySegment mapped = lease.map(file, FileChannel.MapMode.READ_WRITE, 4096, 4096);
        MutableByteView counter = lease.mutableView(mapped);
        counter.putI32le(0, 1);
        ByteView readOnly = counter.asReadOnly();
        lease.close();

        assertFalse(mapped.scope().isAlive(), "the segment is unmapped");
        assertFalse(isMapped(file), "no mapping of the file remains in this process");
        assertThrows(StaleViewException.class, () -> counter.i32le(0));
        assertThrows(StaleViewException.class, () -> readOnly.i32le(0));
        // the JDK refuses the unmapped segment too: nothing can touch the truncated file through it
        assertThrows(IllegalStateException.class, () -> mapped.get(java.lang.foreign.ValueLayout.JAVA_INT, 0));

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(4096);   // with a mapping left, touching its pages would now crash the JVM
        }
        assertEquals(4096, Files.size(file));
        try (ArenaLease again = ArenaLease.confined("again")) {
            MemorySegment remapped = again.map(file, FileChannel.MapMode.READ_WRITE, 4096, 4096);
            assertEquals(8192, Files.size(file), "a read-write mapping beyond the end grows the file");
            assertEquals(0, again.view(remapped).i32le(0), "the truncated page is new");
        }
        Files.delete(file);
        assertFalse(Files.exists(file));
    }

    @Test
    void mapRejectsNegativeRegionsAndClosedLeases() throws IOException {
        Path file = dir.resolve("small.bin");
        Files.write(file, new byte[16]);
        ArenaLease lease = ArenaLease.confined("small");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lease.map(file, FileChannel.MapMode.READ_ONLY, -1, 8));
        assertTrue(e.getMessage().contains("position -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lease.map(file, FileChannel.MapMode.READ_ONLY, 0, -8));
        lease.close();
        assertThrows(IllegalStateException.class, () -> lease.map(file, FileChannel.MapMode.READ_ONLY));
    }

    /** Whether this process maps {@code file}, from {@code /proc/self/maps} (Linux). */
    static boolean isMapped(Path file) throws IOException {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "needs /proc/self/maps");
        String name = file.toRealPath().toString();
        try (var lines = Files.lines(maps)) {
            return lines.anyMatch(line -> line.endsWith(name) || line.endsWith(name + " (deleted)"));
        }
    }
}
