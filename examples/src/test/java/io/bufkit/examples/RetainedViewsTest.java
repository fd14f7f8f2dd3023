package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The retained-views example measures what it claims. Only relationships that hold whatever the garbage
 * collector's timing are checked: memory that is still reachable is counted, and pinned bytes are exact.
 */
class RetainedViewsTest {

    private static final long FIFTY_MIB = 50L * 1024 * 1024;
    /** The data the copies hold: 100,000 x 16 bytes. */
    private static final long PAYLOAD = 100_000L * 16;

    @Test
    void everyKeptViewOfAHeapBufferPinsTheWholeFiftyMiB() {
        RetainedViews.Measurement m = RetainedViews.measure(RetainedViews.Memory.HEAP);

        assertEquals(FIFTY_MIB, m.minPinnedPerView());
        assertTrue(m.withViews() >= FIFTY_MIB, "heap used while the views are kept: " + m.withViews());
    }

    @Test
    void compactCopiesPinSixteenBytesEachAndKeepTheirContents() {
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
    void copiesOnTheHeapReleaseTheParentAndRetainASmallMultipleOfTheirPayload() {
        RetainedViews.Measurement m = RetainedViews.measure(RetainedViews.Memory.HEAP);

        // a view object and a 16-byte array per copy (about 72 B for 16 B of data), and the array of them
        assertTrue(m.retainedByCopies() <= 6 * PAYLOAD, "heap retained by compact() copies: " + m.retainedByCopies());
        // one array of 1.6 MB and nothing per copy
        assertTrue(m.retainedByPacked() <= 2 * PAYLOAD, "heap retained by the packed store: " + m.retainedByPacked());
        assertEquals(PAYLOAD, m.pinnedByPacked());
        assertTrue(m.packedIntact());
    }

    @Test
    void copiesPackedInOneDirectStoreRetainTheirPayloadOfDirectMemory() {
        RetainedViews.Measurement m = RetainedViews.measure(RetainedViews.Memory.DIRECT);

        assertTrue(m.retainedByPacked() >= PAYLOAD, "direct pool used by the store: " + m.retainedByPacked());
        assertTrue(m.retainedByPacked() <= 2 * PAYLOAD, "direct pool used by the store: " + m.retainedByPacked());
        assertTrue(m.packedIntact());
    }

    @Test
    void runPrintsBothMemoriesSideBySideWithTheCauseAndTheFix() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RetainedViews.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("heap byte[]") && out.contains("direct ByteBuffer"), out);
        assertTrue(out.contains("keep 100,000 views"), out);
        assertTrue(out.contains("keep 100,000 compact() copies"), out);
        assertTrue(out.contains("pinnedBytes() is 52,428,800 B"), out);
        assertTrue(out.contains("pinnedBytes() 1,600,000 B for all"), out);
        assertTrue(out.contains("keep them packed in one store"), out);
        assertTrue(out.contains("(1,600,000 B in one array or buffer, no object per copy)"), out);
    }
}
