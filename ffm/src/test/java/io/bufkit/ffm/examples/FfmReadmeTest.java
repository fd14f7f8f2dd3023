package io.bufkit.ffm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import io.bufkit.ffm.ArenaLease;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void readmeShowsEverySnippetVerbatim() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String source = Files.readString(Path.of("src/test/java/io/bufkit/ffm/examples/FfmReadmeTest.java"));
        for (String name : List.of("arena", "mapped")) {
            Matcher m = Pattern.compile("\\n( *)// README " + name + " begin\\n(.*?)\\n *// README " + name + " end",
                    Pattern.DOTALL).matcher(source);
            assertTrue(m.find(), name);
            String snippet = m.group(2).replaceAll("(?m)^" + m.group(1), "") + "\n";
            assertFalse(snippet.isBlank(), name);
            assertTrue(readme.contains("```java\n" + snippet), "README.md must show the '" + name
                    + "' snippet of FfmReadmeTest verbatim:\n" + snippet);
        }
    }
}
