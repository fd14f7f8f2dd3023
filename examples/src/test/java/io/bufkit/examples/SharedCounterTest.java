package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared counter of PROTOCOLS.md §7, between threads and between processes. */
class SharedCounterTest {

    @Test
    void twoThreadsTimesAMillionAtomicAddsGiveExactlyTwoMillion() throws InterruptedException {
        assertEquals(2_000_000, SharedCounter.atomicThreads(2, 1_000_000));
    }

    @Test
    @Timeout(120)
    void twoProcessesTimesAMillionAtomicAddsOnOneMappedFileGiveTheExactSum() throws IOException, InterruptedException {
        SharedCounterProcesses.Result r = SharedCounterProcesses.run(1_000_000, Duration.ofSeconds(60));

        assertEquals(1_000_000, r.theirs(), "the second process reports its own increments");
        assertEquals(2_000_000, r.total());
    }

    @Test
    @Timeout(120)
    void theDemoPrintsTheAtomicAndThePlainCountsSideBySide() throws IOException, InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SharedCounter.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("getAndAddI32le(0, 1):          2,000,000 (expected 2,000,000)"), out);
        assertTrue(out.contains("putI32le(0, i32le(0) + 1):     "), out);   // its count is whatever the race left
        assertTrue(out.contains("2 processes, one mapped file:  2,000,000 (expected 2,000,000; this process 1,000,000,"
                + " the other 1,000,000)"), out);
    }
}
