package io.bufkit.testkit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.bufkit.Bytes;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.testkit.ChunkProperty;
import io.bufkit.testkit.FrameStreams;
import io.bufkit.testkit.FramedStream;
import io.bufkit.testkit.Property;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What {@code FrameWriter} writes, in every format variant, {@link FrameDecoder} splits back under every chunking. */
class FrameRoundTripPropertyTest {

    @TestFactory
    Stream<DynamicTest> arrayChunksYieldTheFramesWrittenInEveryFormat() {
        return FrameStreams.formatVariants().stream().map(format -> dynamicTest(format.toString(), () ->
                ChunkProperty.<List<Bytes>>ofArrays(chunks -> FrameDecoding.arrays(format, chunks))
                        .chunkingsPerInput(3)
                        .checkAll(FrameStreams.streams(format, 5, 40), FramedStream::toByteArray, FramedStream::frames)));
    }

    @TestFactory
    Stream<DynamicTest> bufferChunksYieldTheFramesWrittenInEveryFormat() {
        return FrameStreams.formatVariants().stream().map(format -> dynamicTest(format.toString(), () ->
                ChunkProperty.<List<Bytes>>ofBuffers(chunks -> FrameDecoding.buffers(format, chunks))
                        .chunkingsPerInput(2)
                        .checkAll(FrameStreams.streams(format, 4, 40), FramedStream::toByteArray, FramedStream::frames)));
    }

    @TestFactory
    Stream<DynamicTest> viewChunksCuttingHeadersYieldTheFramesWrittenInEveryFormat() {
        return FrameStreams.formatVariants().stream().map(format -> dynamicTest(format.toString(), () ->
                Property.forAll(FrameStreams.streams(format, 4, 40)).check(s ->
                        ChunkProperty.<List<Bytes>>ofViews(chunks -> FrameDecoding.views(format, chunks))
                                .headerBytes(stream -> s.headerOffsets(10))
                                .chunkingsPerInput(2)
                                .check(s.toByteArray(), s.frames()))));
    }

    @Test
    void decodeAllReturnsTheFramesWritten() {
        Property.forAll(FrameStreams.formats().flatMap(f -> FrameStreams.streams(f, 8, 300)))
                .check(s -> assertEquals(s.frames(), FrameDecoder.decodeAll(s.format(), s.toByteArray())));
    }
}
