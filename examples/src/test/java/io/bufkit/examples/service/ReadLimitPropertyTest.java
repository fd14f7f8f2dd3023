package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.testkit.Chunking;
import io.bufkit.testkit.Chunkings;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule the server's acknowledgement queue relies on: a read of {@code n} bytes completes at most
 * {@code ceil(n / 3)} frames, so a read limited to {@code free * 3} bytes never completes more than
 * {@code free} frames, whatever frames came before and however the stream is cut.
 */
class ReadLimitPropertyTest {

    /** A stream of frames and a way of cutting it into reads. */
    record Case(Bytes stream, int frames, Chunking reads) {
    }

    private static final Gen<TlvFrame> FRAMES = Gen.zip(Gen.ints(1, 255),
            Gen.frequency(3, Gen.constant(new byte[0]), 1, Gen.bytes(0, SensorProtocol.MAX_VALUE_LENGTH)),
            (type, value) -> new TlvFrame(type, Bytes.of(value)));

    private static final Gen<Case> CASES = Gen.listOf(FRAMES, 0, 40).flatMap(frames -> {
        Bytes stream = new TlvWriter(SensorProtocol.FORMAT).encodeAll(frames);
        return Chunkings.any(stream.length()).map(reads -> new Case(stream, frames.size(), reads));
    });

    @Test
    void aReadOfNBytesCompletesAtMostOneFramePerThreeBytesRoundedUp() {
        Property.forAll(CASES).check(c -> {
            TlvDecoder decoder = new TlvDecoder(SensorProtocol.FORMAT);
            int[] completed = {0};
            int total = 0;
            for (ByteView read : c.reads().slices(c.stream().view())) {
                completed[0] = 0;
                decoder.feed(read, (type, value) -> completed[0]++);
                int n = read.length();
                assertTrue(completed[0] <= (n + SensorProtocol.MIN_FRAME_SIZE - 1) / SensorProtocol.MIN_FRAME_SIZE,
                        completed[0] + " frames completed by a read of " + n + " bytes");
                total += completed[0];
            }
            decoder.finish();
            assertEquals(c.frames(), total);
        });
    }
}
