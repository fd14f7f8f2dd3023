package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.testkit.Frames.Frame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

class ChunkPropertyTest {

    /** The reference TLV vector: (1, "hello"), (2, "goodbye!"). */
    static final byte[] TWO_FRAMES = Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 08 67 6f 6f 64 62 79 65 21").toByteArray();

    @Test
    void correctDecoderPassesForTheReferenceVector() {
        ChunkProperty.ofViews(Frames::decode).headerBytes(Frames::headerOffsets).check(TWO_FRAMES);
    }

    @Test
    void correctDecoderGivesTheExpectedFramesForEveryChunking() {
        List<Frame> expected = List.of(new Frame(1, Bytes.utf8("hello")), new Frame(2, Bytes.utf8("goodbye!")));
        ChunkProperty.<List<Frame>>ofViews(Frames::decode).check(TWO_FRAMES, expected);
    }

    @Test
    void correctDecoderPassesForGeneratedStreams() {
        ChunkProperty.<List<Frame>>ofViews(Frames::decode).headerBytes(Frames::headerOffsets)
                .checkAll(Frames.streams(), Frames::encode, frames -> frames);
    }

    @Test
    void correctDecoderPassesForArbitraryBytesIncludingMalformedOnes() {
        // outcomes include TruncatedException and MalformedException; their class must not depend on chunking
        ChunkProperty.ofViews(Frames::decode).checkAll(Gen.bytes(0, 64));
    }

    @Test
    void wrongExpectedResultFails() {
        ChunkProperty<List<Frame>> p = ChunkProperty.ofViews(Frames::decode);
        assertThrows(ChunkingFailure.class, () -> p.check(TWO_FRAMES, List.of()));
    }

    @Test
    void decoderDroppingStraddledHeadersIsCaughtOnTheReferenceVector() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class,
                () -> ChunkProperty.ofViews(Frames::decodeDroppingStraddledHeaders).check(TWO_FRAMES));
        assertEquals(2, f.chunking().chunkCount(), f.getMessage());
    }

    @Test
    void decoderDroppingStraddledHeadersIsShrunkToOneEmptyFrameCutInItsHeader() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class,
                () -> ChunkProperty.<List<Frame>>ofViews(Frames::decodeDroppingStraddledHeaders)
                        .checkAll(Frames.streams(), Frames::encode, frames -> frames));
        // minimal: one frame of type 1 with an empty value, its header split once
        assertArrayEquals(new byte[] {1, 0, 0}, f.input(), f.getMessage());
        assertEquals(2, f.chunking().chunkCount(), f.getMessage());
        int cut = f.chunking().cuts()[0];
        assertTrue(cut == 1 || cut == 2, f.getMessage());
    }

    @Test
    void generatedByteInputsAreShrunkToAMinimalStream() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class, () -> ChunkProperty
                .ofViews(Frames::decodeDroppingStraddledHeaders).checkAll(Frames.streams().map(Frames::encode)));
        assertArrayEquals(new byte[] {1, 0, 0}, f.input(), f.getMessage());
        assertEquals(2, f.chunking().chunkCount(), f.getMessage());
    }

    @Test
    void failureReportNamesSeedInputChunksAndOutcomes() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class,
                () -> ChunkProperty.ofViews(Frames::decodeDroppingStraddledHeaders).seed(42).check(TWO_FRAMES));
        String m = f.getMessage();
        assertEquals(42, f.seed());
        assertTrue(m.contains("-Dbufkit.seed=42"), m);
        assertTrue(m.contains("input:    " + f.input().length + " bytes: " + Text.hex(f.input(), 0, 3, 3)), m);
        assertTrue(m.contains("chunks:   2: " + f.chunking().describe(f.input(), 64)), m);
        assertTrue(m.contains("expected: [Frame[type="), m);
        assertTrue(m.contains("actual:   []"), m);
        assertTrue(m.contains("from 19 bytes"), m);
    }

    @Test
    void reportedSeedReplaysTheSameFailure() {
        ChunkProperty<List<Frame>> p = ChunkProperty.ofViews(Frames::decodeDroppingStraddledHeaders);
        ChunkingFailure first = assertThrows(ChunkingFailure.class,
                () -> p.exhaustiveUpTo(0).checkAll(Frames.streams(), Frames::encode, frames -> frames));
        ChunkingFailure replay = assertThrows(ChunkingFailure.class,
                () -> p.exhaustiveUpTo(0).seed(first.seed()).checkAll(Frames.streams(), Frames::encode, frames -> frames));
        assertEquals(first.getMessage(), replay.getMessage());
    }

    @Test
    void exhaustiveModeDecodesEachOfTheTwoToTheNMinusOneChunkingsOfAShortInputOnce() throws Throwable {
        for (int n = 0; n <= 14; n++) {
            List<List<Integer>> decoded = new ArrayList<>();
            DynamicTest exhaustive = ChunkProperty.ofViews(chunks -> {
                List<Integer> sizes = new ArrayList<>();
                for (ByteView c : chunks) {
                    sizes.add(c.length());
                }
                decoded.add(sizes);
                return true;
            }).dynamicTests(new byte[n]).findFirst().orElseThrow();
            exhaustive.getExecutable().execute();
            List<List<Integer>> chunkings = decoded.subList(1, decoded.size()); // the first is the reference
            long expected = n <= 1 ? 1 : 1L << (n - 1);
            assertEquals(expected, chunkings.size(), "n=" + n);
            assertEquals(expected, new HashSet<>(chunkings).size(), "n=" + n);
            for (List<Integer> sizes : chunkings) {
                assertEquals(n, sizes.stream().mapToInt(Integer::intValue).sum(), "n=" + n);
                assertTrue(n == 0 || !sizes.contains(0), "no empty chunks: " + sizes);
            }
        }
    }

    @Test
    void resultKeepingABorrowedChunkViewFails() {
        ChunkProperty<List<ByteView>> p = ChunkProperty.ofViews(chunks -> chunks);
        assertThrows(ChunkingFailure.class, () -> p.check(new byte[] {1, 2, 3}));
    }

    @Test
    void resultKeepingABorrowedChunkViewIsExplainedInTheReport() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class, () -> ChunkProperty.ofViews(chunks -> chunks).check(new byte[3]));
        assertTrue(f.getMessage().contains("hint:     the result keeps a borrowed chunk view"), f.getMessage());
    }

    @Test
    void resultWithoutValueEqualityIsExplainedInTheReport() {
        class Opaque {
            @Override
            public String toString() {
                return "opaque";
            }
        }
        ChunkingFailure f = assertThrows(ChunkingFailure.class, () -> ChunkProperty.ofViews(chunks -> new Opaque())
                .check(new byte[3]));
        assertTrue(f.getMessage().contains("hint:     expected and actual print the same but are not equal"),
                f.getMessage());
    }

    @Test
    void resultKeepingAChunkArrayFails() {
        ChunkProperty<byte[]> p = ChunkProperty.ofArrays(chunks -> chunks.get(chunks.size() - 1));
        assertThrows(ChunkingFailure.class, () -> p.check(new byte[] {1, 2, 3}));
    }

    @Test
    void arrayChunksConcatenateToTheInput() {
        ChunkProperty.<Bytes>ofArrays(chunks -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            chunks.forEach(out::writeBytes);
            return Bytes.of(out.toByteArray());
        }).check(TWO_FRAMES, Bytes.of(TWO_FRAMES));
    }

    @Test
    void bufferChunksConcatenateToTheInputWhenReadThroughTheirPosition() {
        ChunkProperty.<Bytes>ofBuffers(chunks -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (ByteBuffer b : chunks) {
                byte[] a = new byte[b.remaining()];
                b.get(a);
                out.writeBytes(a);
            }
            return Bytes.of(out.toByteArray());
        }).check(TWO_FRAMES, Bytes.of(TWO_FRAMES));
    }

    @Test
    void bufferDecoderIgnoringPositionAndArrayOffsetIsCaught() {
        ChunkProperty<Bytes> p = ChunkProperty.ofBuffers(chunks -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (ByteBuffer b : chunks) {
                out.write(b.array(), 0, b.remaining());
            }
            return Bytes.of(out.toByteArray());
        });
        assertThrows(ChunkingFailure.class, () -> p.check(TWO_FRAMES, Bytes.of(TWO_FRAMES)));
    }

    @Test
    void exceptionOfTheSameClassAsTheReferenceIsTheSameOutcome() {
        byte[] truncated = Bytes.fromHex("01 00 05 68 65").toByteArray();
        ChunkProperty.ofViews(Frames::decode).check(truncated);
    }

    @Test
    void exceptionWhereTheReferenceReturnsIsAFailureWithTheExceptionAsCause() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class, () -> ChunkProperty.ofViews(chunks -> {
            if (chunks.size() > 1) {
                throw new IllegalStateException("cannot handle chunks");
            }
            return chunks.get(0).length();
        }).check(new byte[] {1, 2}));
        assertTrue(f.getCause() instanceof IllegalStateException, f.getMessage());
        assertTrue(f.getMessage().contains("actual:   threw java.lang.IllegalStateException: cannot handle chunks"),
                f.getMessage());
    }

    @Test
    void triesComeFromTheSetting() {
        int[] decodes = {0};
        byte[] input = new byte[100];
        ChunkProperty.ofArrays(chunks -> ++decodes[0] > 0).exhaustiveUpTo(0).tries(7).checkAll(Gen.constant(input));
        // per input: the whole input, one byte at a time, chunkingsPerInput random ones; plus the reference
        assertEquals(7 * (1 + 2 + ChunkProperty.DEFAULT_CHUNKINGS_PER_INPUT), decodes[0]);
    }

    @Test
    void exceptionMessagesAreIgnoredUnlessCompared() {
        ChunkDecoder<ByteView, Integer> chunkRelativeError = chunks -> {
            throw new IllegalArgumentException("bad byte at offset " + chunks.get(chunks.size() - 1).length());
        };
        ChunkProperty.ofViews(chunkRelativeError).check(new byte[] {1, 2, 3});
        ChunkingFailure f = assertThrows(ChunkingFailure.class,
                () -> ChunkProperty.ofViews(chunkRelativeError).compareExceptionMessages().check(new byte[] {1, 2, 3}));
        assertTrue(f.getMessage().contains("expected: threw java.lang.IllegalArgumentException: bad byte at offset"),
                f.getMessage());
    }

    @Test
    void listsOfByteArraysCompareByContent() {
        ChunkProperty.<List<byte[]>>ofArrays(chunks -> List.of(Frames.encode(List.of()), new byte[] {7}))
                .check(TWO_FRAMES, List.of(new byte[0], new byte[] {7}));
    }

    @Test
    void inputEnumeratedBeforeInTheSameRunIsNotEnumeratedAgain() {
        int[] decodes = {0};
        ChunkProperty.ofArrays(chunks -> ++decodes[0] > 0).tries(3).checkAll(Gen.constant(new byte[10]));
        // first try: reference, 2^9 chunkings, empty chunks everywhere; then reference, whole, one byte at a time
        assertEquals((1 + 512 + 1) + 2 * (1 + 2), decodes[0]);
    }

    @Test
    void withoutShrinkingTheFirstFailingCaseIsReported() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class, () -> ChunkProperty
                .ofViews(Frames::decodeDroppingStraddledHeaders).maxShrinkAttempts(0).check(TWO_FRAMES));
        assertEquals(0, f.shrinkSteps());
        assertEquals(Chunking.oneByteAtATime(TWO_FRAMES.length), f.chunking(), "the first check: one byte at a time");
    }

    @Test
    void invalidSettingsAreRejected() {
        ChunkProperty<Boolean> p = ChunkProperty.ofViews(chunks -> true);
        assertThrows(IllegalArgumentException.class, () -> p.tries(0));
        assertThrows(IllegalArgumentException.class, () -> p.exhaustiveUpTo(-1));
        assertThrows(IllegalArgumentException.class, () -> p.exhaustiveUpTo(Chunking.MAX_ENUMERABLE_LENGTH + 1));
        assertThrows(IllegalArgumentException.class, () -> p.chunkingsPerInput(-1));
        assertThrows(IllegalArgumentException.class, () -> p.maxShrinkAttempts(-1));
    }

    @Test
    void settingsReturnNewPropertiesAndLeaveTheOriginalUnchanged() {
        int[] decodes = {0};
        ChunkProperty<Boolean> base = ChunkProperty.ofArrays(chunks -> ++decodes[0] > 0);
        base.tries(1).exhaustiveUpTo(0);
        base.tries(5).checkAll(Gen.constant(new byte[3]));
        // the base kept exhaustiveUpTo 14: 5 x (reference + 4 chunkings + empty chunks), then repeats
        assertEquals((1 + 4 + 1) + 4 * (1 + 2), decodes[0]);
    }

    @Test
    void headerOffsetsOutsideTheInputOrAThrowingFunctionAreIgnored() {
        assertDoesNotThrow(() -> ChunkProperty.ofViews(Frames::decode).headerBytes(a -> new int[] {-1, 0, a.length, 99})
                .check(TWO_FRAMES));
        assertDoesNotThrow(() -> ChunkProperty.ofViews(Frames::decode).headerBytes(a -> {
            throw new IllegalStateException("cannot parse");
        }).check(TWO_FRAMES));
    }
}
