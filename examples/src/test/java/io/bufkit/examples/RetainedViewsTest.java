package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.testsupport.PrintedText;
import org.junit.jupiter.api.Test;

/**
 * The retained-views example measures what it claims. Only relationships that hold whatever the garbage
 * collector's timing are checked: memory that is still reachable is counted, and pinned bytes are exact.
 */
class RetainedViewsTest {

    private static final long FIFTY_MIB = 50L * 1024 * 1024;

    @Test
    void everyKeptViewOfAHeapBufferPinsTheWholeFiftyMiB() {
        RetainedViews.Measurement m = RetainedViews.measure(RetainedViews.Memory.HEAP);

        assertEquals(FIFTY_MIB, m.minPinnedPerView());
        assertTrue(m.withViews() >= FIFTY_MIB, "heap used while the views are kept: " + m.withViews());
    }

    @Test
    void unpinnedCopiesPinSixteenBytesEachAndKeepTheirContents() {
        RetainedViews.Measurement m = RetainedViews.measure(RetainedViews.Memory.HEAP);

        assertEquals(100_000L * 16, m.pinnedByCopies());
        assertTrue(m.copiesIntact());
    }

    @Test
    void keptViewsOfADirectBufferKeepItsFiftyMiBInTheDirectPool() {
        RetainedViews.Measurement m = RetainedViews.measure(RetainedViews.Memory.DIRECT);

        assertEquals(FIFTY_MIB, m.minPinnedPerView());
        assertTrue(m.withViews() >= FIFTY_MIB, "direct pool used while the views are kept: " + m.withViews());
        assertEquals(100_000L * 16, m.pinnedByCopies());
        assertTrue(m.copiesIntact());
    }

    @Test
    void runPrintsBothMemoriesSideBySideWithTheCauseAndTheFix() {
        String out = PrintedText.of(RetainedViews::run);
        assertTrue(out.contains("heap byte[]") && out.contains("direct ByteBuffer"), out);
        assertTrue(out.contains("keep 100,000 views"), out);
        assertTrue(out.contains("keep 100,000 unpinned() copies"), out);
        assertTrue(out.contains("pinnedBytes() is 52,428,800 B"), out);
        assertTrue(out.contains("pinnedBytes() 1,600,000 B for all"), out);
    }
}
