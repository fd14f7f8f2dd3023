package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkingsTest {

    /** A length and a chunking generator for it. */
    private static Gen<Chunking> over(java.util.function.IntFunction<Gen<Chunking>> strategy) {
        return Gen.lengths(0, 2000).flatMap(strategy::apply);
    }

    private static boolean hasEmptyChunk(Chunking c) {
        return IntStream.range(0, c.chunkCount()).anyMatch(i -> c.chunkStart(i) == c.chunkEnd(i));
    }

    @Test
    void randomCutsStayStrictlyInsideTheStream() {
        Property.forAll(over(Chunkings::randomCuts)).check(c -> {
            for (int cut : c.cuts()) {
                assertTrue(cut > 0 && cut < c.length(), c.toString());
            }
        });
    }

    @Test
    void randomCutsVaryInNumber() {
        SplittableRandom r = new SplittableRandom(7);
        Gen<Chunking> g = Chunkings.randomCuts(1000);
        List<Integer> counts = IntStream.range(0, 300).mapToObj(i -> g.generate(r).chunkCount()).collect(Collectors.toList());
        assertTrue(counts.contains(2), "a single cut");
        assertTrue(counts.stream().anyMatch(n -> n > 500), "many cuts");
    }

    @Test
    void singleCutHasExactlyOneCutPoint() {
        Property.forAll(over(Chunkings::singleCut)).check(c -> assertEquals(2, c.chunkCount()));
    }

    @Test
    void withEmptyChunksProducesEmptyChunks() {
        Property.forAll(over(Chunkings::withEmptyChunks)).check(c -> assertTrue(hasEmptyChunk(c), c.toString()));
    }

    @Test
    void aroundBytesCutsNextToTheGivenBytesOnly() {
        int[] headers = {0, 1, 2, 10, 11, 12};
        Property.forAll(Chunkings.aroundBytes(20, headers)).check(c -> {
            for (int cut : c.cuts()) {
                assertTrue(IntStream.of(headers).anyMatch(h -> cut == h || cut == h + 1), c.toString());
            }
        });
    }

    @Test
    void anyMixesAllKindsOfChunking() {
        SplittableRandom r = new SplittableRandom(11);
        Gen<Chunking> g = Chunkings.any(50, 0, 1, 2);
        List<Chunking> cs = IntStream.range(0, 500).mapToObj(i -> g.generate(r)).collect(Collectors.toList());
        assertTrue(cs.contains(Chunking.oneByteAtATime(50)));
        assertTrue(cs.stream().anyMatch(ChunkingsTest::hasEmptyChunk));
        assertTrue(cs.stream().anyMatch(c -> c.chunkCount() == 2));
        assertTrue(cs.contains(Chunking.isolating(50, 0, 1, 2)));
    }

    @Test
    void generatedChunkingsShrinkByDroppingCutPoints() {
        PropertyFailure f = org.junit.jupiter.api.Assertions.assertThrows(PropertyFailure.class,
                () -> Property.forAll(Chunkings.randomCuts(100)).check(c -> assertTrue(c.chunkCount() < 4)));
        assertTrue(f.counterexample().startsWith("Chunking[100 bytes, 4 chunks"), f.getMessage());
    }

    @Test
    void shortStreamsHaveOnlyTheWholeChunking() {
        assertEquals(Chunking.whole(1), Chunkings.randomCuts(1).generate(new SplittableRandom(1)));
        assertEquals(Chunking.whole(0), Chunkings.aroundBytes(0).generate(new SplittableRandom(1)));
    }
}
