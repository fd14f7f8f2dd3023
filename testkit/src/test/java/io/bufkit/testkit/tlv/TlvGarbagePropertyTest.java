package io.bufkit.testkit.tlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.testkit.ChunkProperty;
import io.bufkit.testkit.Chunking;
import io.bufkit.testkit.Chunkings;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import io.bufkit.testkit.TlvStreams;
import io.bufkit.tlv.MalformedFrameException;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvHandler;
import io.bufkit.tlv.TruncatedFrameException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random and corrupted input yields some frames and then, at most, one of the two documented exceptions —
 * with the same frames, exception and offsets however it is chunked — and never makes the decoder buffer
 * more than one maximal frame.
 */
class TlvGarbagePropertyTest {

    /** Every format variant, with a small value length limit so that too-long lengths are common. */
    static final Gen<TlvFormat> SMALL_FORMATS = TlvStreams.formats()
            .map(f -> f.toBuilder().maxValueLength(Math.min(100, f.maxValueLength())).build());

    record Input(TlvFormat format, byte[] bytes, Chunking chunking) {
        @Override
        public String toString() {
            return format + " " + chunking.describe(bytes, 16);
        }
    }

    /** Frames decoded, then how decoding ended: "end", or the exception with its numbers. */
    record Result(List<TlvFrame> frames, String end) {
    }

    static Gen<Input> inputs(Gen<TlvFormat> formats, boolean corrupted) {
        return formats.flatMap(f -> (corrupted ? TlvStreams.corruptedStreams(f, 6, 120) : Gen.bytes(0, 400))
                .flatMap(bytes -> Chunkings.any(bytes.length, TlvStreams.headerOffsets(f, bytes))
                        .map(chunking -> new Input(f, bytes, chunking))));
    }

    /**
     * Decodes chunk by chunk, checking the memory bound after every chunk; only the documented exceptions
     * are caught, so any other fails the property.
     */
    static Result decode(TlvFormat format, List<ByteView> chunks) {
        TlvDecoder decoder = new TlvDecoder(format);
        List<TlvFrame> frames = new ArrayList<>();
        TlvHandler handler = TlvHandler.owned(frames::add);
        int bound = format.headerSize() + format.maxValueLength();
        try {
            for (ByteView chunk : chunks) {
                decoder.feed(chunk, handler);
                assertTrue(decoder.bufferedBytes() < bound, "buffered " + decoder.bufferedBytes() + " of at most " + bound);
                assertTrue(decoder.retainedBytes() <= bound, "retains " + decoder.retainedBytes() + " of at most " + bound);
            }
        } catch (MalformedFrameException e) {
            assertEquals(0, decoder.bufferedBytes(), "nothing of a rejected frame stays buffered");
            assertTrue(decoder.isFailed());
            return new Result(frames, "malformed " + e.reason() + " at " + e.frameOffset() + " type " + e.type()
                    + " length " + e.valueLength());
        }
        try {
            decoder.finish();
            return new Result(frames, "end at " + decoder.streamOffset());
        } catch (TruncatedFrameException e) {
            assertTrue(decoder.isFailed());
            return new Result(frames, "truncated at " + e.frameOffset() + " received " + e.receivedBytes()
                    + " missing " + e.missingBytes() + (e.headerComplete() ? "" : "+"));
        }
    }

    static void check(Input in) {
        Result chunked = decode(in.format(), in.chunking().slices(ByteView.wrap(in.bytes())));
        Result whole = decode(in.format(), List.of(ByteView.wrap(in.bytes())));
        assertEquals(whole, chunked);
    }

    @Test
    void randomBytesYieldOnlyTheDocumentedExceptionsWithinOneFrameOfMemory() {
        Property.forAll(inputs(SMALL_FORMATS, false)).check(TlvGarbagePropertyTest::check);
    }

    @Test
    void randomBytesInDefaultFormatsYieldOnlyTheDocumentedExceptions() {
        Property.forAll(inputs(TlvStreams.formats(), false)).check(TlvGarbagePropertyTest::check);
    }

    @Test
    void corruptedStreamsYieldOnlyTheDocumentedExceptionsWithinOneFrameOfMemory() {
        Property.forAll(inputs(SMALL_FORMATS, true)).check(TlvGarbagePropertyTest::check);
    }

    @Test
    void corruptedStandardStreamsDecodeAlikeInEveryChunking() {
        TlvFormat f = TlvFormat.STANDARD;
        ChunkProperty.<Result>ofViews(chunks -> decode(f, chunks))
                .headerBytes(stream -> TlvStreams.headerOffsets(f, stream))
                .checkAll(TlvStreams.corruptedStreams(f, 6, 200));
    }
}
