package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChunkingTest {

    private static final byte[] DATA = {10, 11, 12, 13, 14, 15, 16, 17};

    private static byte[] concat(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void splitsAtTheCutPoints() {
        List<byte[]> chunks = Chunking.of(8, 2, 5).split(DATA);
        assertEquals(3, chunks.size());
        assertArrayEquals(new byte[] {10, 11}, chunks.get(0));
        assertArrayEquals(new byte[] {12, 13, 14}, chunks.get(1));
        assertArrayEquals(new byte[] {15, 16, 17}, chunks.get(2));
    }

    @Test
    void repeatedAndEndCutPointsMakeEmptyChunks() {
        List<Integer> sizes = Chunking.of(8, 0, 3, 3, 8).split(DATA).stream().map(a -> a.length).collect(Collectors.toList());
        assertEquals(List.of(0, 3, 0, 5, 0), sizes);
    }

    @Test
    void chunksOfAnyGeneratedChunkingConcatenateToTheInput() {
        Gen<byte[]> inputs = Gen.bytes(0, 300);
        Property.forAll(inputs.flatMap(a -> Chunkings.any(a.length).map(c -> new Object[] {a, c})))
                .check(pair -> {
                    byte[] a = (byte[]) pair[0];
                    Chunking c = (Chunking) pair[1];
                    assertArrayEquals(a, concat(c.split(a)));
                });
    }

    @Test
    void slicesAndBuffersShowTheSameChunksAsSplit() {
        Chunking c = Chunking.of(8, 1, 1, 6);
        List<byte[]> arrays = c.split(DATA);
        List<ByteView> slices = c.slices(ByteView.wrap(DATA));
        List<ByteBuffer> buffers = c.buffers(DATA);
        for (int i = 0; i < c.chunkCount(); i++) {
            assertArrayEquals(arrays.get(i), slices.get(i).toByteArray());
            byte[] b = new byte[buffers.get(i).remaining()];
            buffers.get(i).get(b);
            assertArrayEquals(arrays.get(i), b);
        }
    }

    @Test
    void rejectsCutPointsOutOfOrderOrRange() {
        assertThrows(IllegalArgumentException.class, () -> Chunking.of(8, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Chunking.of(8, 9));
        assertThrows(IllegalArgumentException.class, () -> Chunking.of(8, -1));
        assertThrows(IllegalArgumentException.class, () -> Chunking.of(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Chunking.of(8, 2).split(new byte[7]));
        assertEquals("this chunking splits 8 bytes, not 7", e.getMessage());
    }

    @Test
    void chunkBoundsAreChecked() {
        Chunking c = Chunking.of(8, 2);
        assertEquals(2, c.chunkStart(1));
        assertEquals(8, c.chunkEnd(1));
        assertThrows(IndexOutOfBoundsException.class, () -> c.chunkStart(2));
        assertThrows(IndexOutOfBoundsException.class, () -> c.chunkEnd(-1));
    }

    @Test
    void allEnumeratesTwoToTheNMinusOneDistinctChunkings() {
        for (int n = 0; n <= 16; n++) {
            List<Chunking> all = Chunking.all(n).collect(Collectors.toList());
            assertEquals(n <= 1 ? 1 : 1 << (n - 1), all.size(), "n=" + n);
            assertEquals(all.size(), all.stream().distinct().count(), "n=" + n);
            assertEquals(Chunking.whole(n), all.get(0));
            assertEquals(Chunking.oneByteAtATime(n), all.get(all.size() - 1));
        }
        assertThrows(IllegalArgumentException.class, () -> Chunking.all(Chunking.MAX_ENUMERABLE_LENGTH + 1));
    }

    @Test
    void everySingleCutIncludesBothEnds() {
        List<Chunking> cuts = Chunking.everySingleCut(3).collect(Collectors.toList());
        assertEquals(List.of(Chunking.of(3, 0), Chunking.of(3, 1), Chunking.of(3, 2), Chunking.of(3, 3)), cuts);
    }

    @Test
    void emptyChunksEverywherePutsAnEmptyChunkAroundEveryByte() {
        List<Integer> sizes = Chunking.emptyChunksEverywhere(2).split(new byte[2]).stream().map(a -> a.length)
                .collect(Collectors.toList());
        assertEquals(List.of(0, 0, 1, 0, 1, 0, 0), sizes);
    }

    @Test
    void isolatingPutsEachGivenByteInAChunkOfItsOwn() {
        Chunking c = Chunking.isolating(8, 0, 1, 2, 5);
        assertArrayEquals(new int[] {1, 2, 3, 5, 6}, c.cuts());
        assertThrows(IllegalArgumentException.class, () -> Chunking.isolating(8, 8));
    }

    @Test
    void simplerChunkingsHaveFewerCutPointsStartingWithNone() {
        Chunking c = Chunking.of(8, 1, 2, 3, 4);
        List<Chunking> simpler = c.simpler().collect(Collectors.toList());
        assertEquals(Chunking.whole(8), simpler.get(0));
        assertTrue(simpler.stream().allMatch(s -> s.cuts().length < c.cuts().length));
        assertTrue(simpler.contains(Chunking.of(8, 1, 2, 4)));
        assertEquals(0, Chunking.whole(8).simpler().count());
    }

    @Test
    void clampingMovesCutPointsPastTheEndToTheEnd() {
        assertEquals(Chunking.of(4, 2, 4, 4), Chunking.of(8, 2, 5, 7).clampedTo(4));
    }

    @Test
    void describeShowsEveryChunkInHex() {
        assertEquals("[0a 0b] [] [0c 0d 0e 0f 10 11]", Chunking.of(8, 2, 2).describe(DATA, 64));
        assertEquals("[0a … (1 more)] [0c … (5 more)]", Chunking.of(8, 2).describe(DATA, 1).replace("0c", "0c"));
    }

    @Test
    void equalityIsByLengthAndCutPoints() {
        assertEquals(Chunking.of(8, 2), Chunking.of(8, 2));
        assertEquals(Chunking.of(8, 2).hashCode(), Chunking.of(8, 2).hashCode());
        assertNotEquals(Chunking.of(8, 2), Chunking.of(9, 2));
        assertNotEquals(Chunking.of(8, 2), Chunking.of(8, 3));
        assertEquals("Chunking[8 bytes, 3 chunks, cuts 2 5]", Chunking.of(8, 2, 5).toString());
    }

    @Test
    void cutsReturnsACopy() {
        Chunking c = Chunking.of(8, 2);
        c.cuts()[0] = 5;
        assertArrayEquals(new int[] {2}, c.cuts());
    }
}
