package io.bufkit.testkit.tlv;

import io.bufkit.Bytes;
import io.bufkit.testkit.ChunkProperty;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.TlvStreams;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frame streams in the reference format decode to exactly the frames written, however they are chunked:
 * one byte at a time, with empty chunks, cut around every header byte, or at random.
 */
class TlvChunkingPropertyTest {

    static final TlvFormat STANDARD = TlvFormat.STANDARD;
    /** PROTOCOLS.md §3: message1 then message2. */
    static final byte[] REFERENCE = Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 08 67 6f 6f 64 62 79 65 21").toByteArray();
    static final List<TlvFrame> REFERENCE_FRAMES = List.of(new TlvFrame(1, Bytes.utf8("hello")),
            new TlvFrame(2, Bytes.utf8("goodbye!")));

    /** Tries for properties over streams with 64 KiB values: a twentieth of {@code bufkit.tries}. */
    static int largeTries() {
        return Math.max(1, Integer.getInteger("bufkit.tries", 200) / 20);
    }

    static ChunkProperty<List<TlvFrame>> overViews(TlvFormat format) {
        return ChunkProperty.<List<TlvFrame>>ofViews(chunks -> TlvDecoding.views(format, chunks))
                .headerBytes(stream -> TlvStreams.headerOffsets(format, stream));
    }

    /** Checks that random streams in the reference format, chunked by {@code property}, decode to the frames written. */
    static void checkRandomStreams(ChunkProperty<List<TlvFrame>> property) {
        property.headerBytes(stream -> TlvStreams.headerOffsets(STANDARD, stream))
                .checkAll(TlvStreams.streams(STANDARD, 8, 300), frames -> TlvStreams.encode(STANDARD, frames),
                        frames -> frames);
    }

    @Test
    void referenceVectorDecodesToItsTwoFramesInAllChunkings() {
        overViews(STANDARD).exhaustiveUpTo(REFERENCE.length).check(REFERENCE, REFERENCE_FRAMES);
    }

    @Test
    void referenceVectorDecodesToItsTwoFramesFromArraysAndBuffers() {
        ChunkProperty.<List<TlvFrame>>ofArrays(chunks -> TlvDecoding.arrays(STANDARD, chunks)).check(REFERENCE, REFERENCE_FRAMES);
        ChunkProperty.<List<TlvFrame>>ofBuffers(chunks -> TlvDecoding.buffers(STANDARD, chunks)).check(REFERENCE, REFERENCE_FRAMES);
    }

    @Test
    void randomStreamsDecodeToTheFramesWrittenFromViews() {
        checkRandomStreams(ChunkProperty.<List<TlvFrame>>ofViews(chunks -> TlvDecoding.views(STANDARD, chunks)));
    }

    @Test
    void randomStreamsDecodeToTheFramesWrittenFromArrays() {
        checkRandomStreams(ChunkProperty.<List<TlvFrame>>ofArrays(chunks -> TlvDecoding.arrays(STANDARD, chunks)));
    }

    @Test
    void randomStreamsDecodeToTheFramesWrittenFromBuffers() {
        checkRandomStreams(ChunkProperty.<List<TlvFrame>>ofBuffers(chunks -> TlvDecoding.buffers(STANDARD, chunks)));
    }

    @Test
    void randomStreamsDecodeToTheFramesWrittenIntoOwnedFrames() {
        checkRandomStreams(ChunkProperty.<List<TlvFrame>>ofArrays(chunks -> TlvDecoding.owned(STANDARD, chunks, false)));
    }

    @Test
    void randomStreamsDecodeToTheFramesWrittenWhenOwnedAndBorrowingHandlersAlternate() {
        checkRandomStreams(ChunkProperty.<List<TlvFrame>>ofArrays(chunks -> TlvDecoding.owned(STANDARD, chunks, true)));
    }

    @Test
    void emptyAndMaximalValuesDecodeToTheFramesWritten() {
        Gen<TlvFrame> edgeFrame = Gen.zip(TlvStreams.types(STANDARD), Gen.elements(0, 65535, 0, 1, 65534),
                (type, length) -> new TlvFrame(type, Bytes.of(new byte[length])));
        overViews(STANDARD).tries(largeTries()).chunkingsPerInput(4)
                .checkAll(Gen.listOf(edgeFrame, 1, 3), frames -> TlvStreams.encode(STANDARD, frames), frames -> frames);
    }

    @Test
    void everyTypeDecodesToTheFrameWritten() {
        List<TlvFrame> frames = new ArrayList<>();
        for (int type = 1; type <= 255; type++) {
            frames.add(new TlvFrame(type, Bytes.of((byte) type, (byte) ~type)));
        }
        overViews(STANDARD).check(TlvStreams.encode(STANDARD, frames), frames);
    }
}
