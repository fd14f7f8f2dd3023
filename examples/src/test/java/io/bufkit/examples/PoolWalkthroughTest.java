package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.testsupport.PrintedText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoolWalkthroughTest {

    private static String output;

    @BeforeAll
    static void runWalkthrough() {
        output = PrintedText.of(PoolWalkthrough::run);
    }

    @Test
    void countsUsedBuffersWhileLeased() {
        assertTrue(output.contains("acquired 5: used=5 available=95"), output);
        assertTrue(output.contains("released 5: used=0 available=100"), output);
    }

    @Test
    void handsOutOverflowBuffersBeyondCapacityWithAWarning() {
        assertTrue(output.contains("acquired 102: used=100 available=0 overflow leases=2"), output);
        assertTrue(output.contains("(expected pool log) WARNING: pool 'demo'"), output);
        assertFalse(output.contains("[WARNING]"), "reads as a build warning in Maven's output:\n" + output);
    }

    @Test
    void dropsAReleasedOverflowBuffer() {
        assertTrue(output.contains("released an overflow buffer (dropped): used=100 available=0 overflow dropped=1"),
                output);
    }

    @Test
    void rejectsAForeignBufferOfTheSameSize() {
        assertTrue(output.contains("foreign 64 KiB buffer rejected: pool 'demo'"), output);
    }

    @Test
    void rejectsADoubleRelease() {
        assertTrue(output.contains("double release rejected: lease of pool 'demo' buffer #"), output);
    }

    @Test
    void staleViewRefusesToReadTheNextTenantsData() {
        assertTrue(output.contains("stale view refused to read the next tenant's data: StaleViewException"), output);
    }

    @Test
    void endsWithEveryBufferBackAndExactCounters() {
        assertTrue(output.contains("all released: used=0 available=100 acquired=108 released=108 overflow=2/2"
                + " peak=100 double releases=1 foreign releases=1"), output);
    }

    @Test
    void neverReportsABug() {
        assertFalse(output.contains("BUG"), output);
    }
}
