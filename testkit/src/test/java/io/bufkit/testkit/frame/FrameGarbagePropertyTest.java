package io.bufkit.testkit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.frame.CorruptFrameException;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameHandler;
import io.bufkit.frame.FrameTooLongException;
import io.bufkit.frame.IncompleteFrameException;
import io.bufkit.testkit.Chunking;
import io.bufkit.testkit.Chunkings;
import io.bufkit.testkit.FrameStreams;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random and corrupted input yields some frames and then, at most, one of the documented exceptions — the
 * same frames and exception however it is chunked — and never makes a decoder hold more than one maximal frame.
 */
class FrameGarbagePropertyTest {

    /** Every format variant with a small maximum, so that too-long frames are common. */
    static final Gen<FrameFormat> SMALL_FORMATS = Gen.elements(FrameStreams.formatVariants(100));

    record Input(FrameFormat format, byte[] bytes, Chunking chunking) {
        @Override
        public String toString() {
            return format + " " + chunking.describe(bytes, 16);
        }
    }

    /** Frames decoded, then how decoding ended: "end", or the exception with its numbers. */
    record Result(List<Bytes> frames, String end) {
    }

    static Gen<Input> inputs(Gen<FrameFormat> formats, boolean corrupted) {
        return formats.flatMap(f -> (corrupted ? FrameStreams.corruptedStreams(f, 6, 120) : Gen.bytes(0, 400))
                .flatMap(bytes -> Chunkings.any(bytes.length, new int[0]).map(chunking -> new Input(f, bytes, chunking))));
    }

    /** Decodes chunk by chunk, checking the memory bound; only the documented exceptions are caught. */
    static Result decode(FrameFormat format, List<ByteView> chunks) {
        FrameDecoder decoder = new FrameDecoder(format);
        List<Bytes> frames = new ArrayList<>();
        FrameHandler handler = FrameHandler.owned(frames::add);
        long bound = FrameDecoding.bound(format);
        try {
            for (ByteView chunk : chunks) {
                decoder.feed(chunk, handler);
                assertTrue(decoder.bufferedBytes() <= bound, "buffered " + decoder.bufferedBytes() + " of at most " + bound);
                assertTrue(decoder.retainedBytes() <= bound, "retains " + decoder.retainedBytes() + " of at most " + bound);
            }
        } catch (FrameTooLongException e) {
            assertEquals(0, decoder.bufferedBytes(), "nothing of a rejected frame stays buffered");
            assertTrue(decoder.isFailed());
            return new Result(frames, "too long at " + e.frameOffset() + " length " + e.frameLength());
        } catch (CorruptFrameException e) {
            assertEquals(0, decoder.bufferedBytes());
            assertTrue(decoder.isFailed());
            return new Result(frames, "corrupt " + e.reason() + " at " + e.frameOffset() + " value " + e.value());
        }
        try {
            decoder.finish();
            return new Result(frames, "end at " + decoder.streamOffset());
        } catch (IncompleteFrameException e) {
            assertTrue(decoder.isFailed());
            return new Result(frames, "incomplete at " + e.frameOffset() + " received " + e.receivedBytes()
                    + " missing " + e.missingBytes() + (e.lengthKnown() ? "" : "+"));
        }
    }

    static void check(Input in) {
        Result chunked = decode(in.format(), in.chunking().slices(ByteView.wrap(in.bytes())));
        Result whole = decode(in.format(), List.of(ByteView.wrap(in.bytes())));
        assertEquals(whole, chunked);
    }

    @Test
    void randomBytesYieldOnlyTheDocumentedExceptionsWithinOneFrameOfMemory() {
        Property.forAll(inputs(SMALL_FORMATS, false)).check(FrameGarbagePropertyTest::check);
    }

    @Test
    void corruptedStreamsYieldOnlyTheDocumentedExceptionsWithinOneFrameOfMemory() {
        Property.forAll(inputs(SMALL_FORMATS, true)).check(FrameGarbagePropertyTest::check);
    }

    @Test
    void randomBytesInDefaultFormatsYieldOnlyTheDocumentedExceptions() {
        Property.forAll(inputs(FrameStreams.formats(), false)).check(FrameGarbagePropertyTest::check);
    }
}
