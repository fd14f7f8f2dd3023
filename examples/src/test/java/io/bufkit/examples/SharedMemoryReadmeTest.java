package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MappedFile;
import io.bufkit.MisalignedAccessException;
import io.bufkit.MutableByteView;
import io.bufkit.testsupport.ReadmeText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Shared memory" snippets, compiled and run here; the README must show the lines between each
 * pair of {@code README} markers verbatim.
 */
class SharedMemoryReadmeTest {

    @TempDir
    Path dir;

    @Test
    void atomicsOnADirectView() {
        // README atomics begin
        MutableByteView counters = MutableByteView.wrap(ByteBuffer.allocateDirect(64));   // direct memory
        int before = counters.getAndAddI32le(0, 1);        // atomic add: no increment is lost
        boolean swapped = counters.compareAndSetI64be(8, 0L, 42L);   // true if it was 0; now 42
        counters.setReleaseI32le(16, 1);                   // publish: writes before it are visible ...
        int ready = counters.getAcquireI32le(16);          // ... to a thread that reads the 1 here
        // counters.getAndAddI32le(2, 1) throws MisalignedAccessException: offset 2 is not a multiple of 4
        // README atomics end
        assertEquals(0, before);
        assertTrue(swapped);
        assertEquals(1, ready);
        assertEquals(1, counters.i32le(0));
        assertEquals(42, counters.i64be(8));
        assertThrows(MisalignedAccessException.class, () -> counters.getAndAddI32le(2, 1));
    }

    @Test
    void aCounterInAMappedFile() throws IOException {
        Path counterFile = dir.resolve("counter.bin");
        // README mapped begin
        try (MappedFile file = MappedFile.readWrite(counterFile, 0, 64)) {
            MutableByteView shared = file.mutableView();   // borrowed: stale once the file is closed
            shared.getAndAddI32le(0, 1);                   // atomic for every process mapping the file
            file.force();                                  // written back to the storage device
        }
        // README mapped end
        assertEquals(1, ByteView.wrap(Files.readAllBytes(counterFile)).i32le(0));
    }

    @Test
    void manySmallCopiesPackedInOneStore() {
        MutableByteView big = MutableByteView.allocate(1 << 20);
        ByteView[] views = new ByteView[1000];
        for (int i = 0; i < views.length; i++) {
            views[i] = big.putI64be(i * 1000, i).slice(i * 1000, i * 1000 + 16);
        }
        // README packed begin
        MutableByteView store = MutableByteView.allocate(views.length * 16);   // one owned array
        for (int i = 0; i < views.length; i++) {
            store.put(i * 16, views[i]);                                       // copy i at 16 * i
        }
        ByteView copy7 = store.slice(7 * 16, 8 * 16);      // borrowed from the store when needed, not kept
        // README packed end
        assertEquals(7, copy7.i64be(0));
        assertEquals(views.length * 16L, store.pinnedBytes());
    }

    @Test
    void readmeShowsEverySnippetVerbatim() {
        ReadmeText.assertShowsMarkedSnippets(Path.of("src/test/java/io/bufkit/examples/SharedMemoryReadmeTest.java"),
                "atomics", "mapped", "packed");
    }
}
