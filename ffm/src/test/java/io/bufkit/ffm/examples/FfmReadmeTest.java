package io.bufkit.ffm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import io.bufkit.ffm.ArenaLease;
import io.bufkit.testsupport.ReadmeText;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Java 22+: bufkit-ffm" snippets, compiled and run here; the README must show the lines
 * between each pair of {@code README} markers verbatim.
 */
class FfmReadmeTest {

    @TempDir
    Path dir;

    @Test
    void arenaMemory() {
        MutableByteView kept;
        // README arena begin
        try (ArenaLease lease = ArenaLease.confined("frame")) {
            MemorySegment memory = lease.arena().allocate(4096, 8);   // freed when the lease closes
            MutableByteView view = lease.mutableView(memory);         // borrowed: stale once it closes
            view.putI32le(0, 41);
            view.getAndAddI32le(0, 1);                                // atomics work on segment views
            // README arena end
            assertEquals(42, view.i32le(0));
            kept = view;
        }
        assertThrows(StaleViewException.class, () -> kept.i32le(0));
    }

    @Test
    void largeMappedFile() throws IOException {
        Path logFile = dir.resolve("log.bin");
        try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "rw")) {
            raf.setLength(5L << 29);   // 2.5 GiB, sparse
        }
        ByteView kept;
        try {
            // README mapped begin
            try (ArenaLease lease = ArenaLease.shared("log")) {
                MemorySegment log = lease.map(logFile, FileChannel.MapMode.READ_ONLY);   // any size
                ByteView header = lease.view(log, 0, 64);                    // windows of at most 2 GiB
                ByteView tail = lease.view(log, log.byteSize() - 16, 16);
                // README mapped end
                assertEquals(5L << 29, log.byteSize());
                assertEquals(0, header.i64be(0) | tail.i64le(8));
                kept = tail;
            }   // unmapped here, not when the garbage collector finds the mapping unreachable
        } finally {
            Files.delete(logFile);
        }
        assertThrows(StaleViewException.class, () -> kept.u8(0));
    }

    @Test
    void readmeShowsEverySnippetVerbatim() {
        ReadmeText.assertStartsBlocksWithMarkedSnippets(Path.of("src/test/java/io/bufkit/ffm/examples/FfmReadmeTest.java"),
                "arena", "mapped");
    }
}
