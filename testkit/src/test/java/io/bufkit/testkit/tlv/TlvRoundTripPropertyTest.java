package io.bufkit.testkit.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.testkit.ChunkProperty;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import io.bufkit.testkit.TlvStreams;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvReader;
import io.bufkit.tlv.TlvWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What {@link TlvWriter} writes, in any format, {@link TlvDecoder} and {@link TlvReader} read back. */
class TlvRoundTripPropertyTest {

    record Case(TlvFormat format, List<TlvFrame> frames) {
    }

    static final Gen<Case> CASES = TlvStreams.formats().flatMap(f -> TlvStreams.streams(f, 6, 300).map(frames -> new Case(f, frames)));

    @TestFactory
    Stream<DynamicTest> writerToDecoderRoundTripsUnderEveryChunkingInEveryFormat() {
        return TlvStreams.formatVariants().stream().map(format -> dynamicTest(format.toString(), () ->
                ChunkProperty.<List<TlvFrame>>ofBuffers(chunks -> TlvDecoding.buffers(format, chunks))
                        .headerBytes(stream -> TlvStreams.headerOffsets(format, stream))
                        .chunkingsPerInput(2)
                        .checkAll(TlvStreams.streams(format, 5, 40), frames -> TlvStreams.encode(format, frames),
                                frames -> frames)));
    }

    @Test
    void everyWriterOutputIsTheSameStream() {
        Property.forAll(CASES).check(c -> {
            TlvWriter writer = new TlvWriter(c.format());
            byte[] all = writer.encodeAll(c.frames()).toByteArray();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(all.length);
            MutableByteView view = MutableByteView.allocate(all.length);
            int at = 0;
            for (TlvFrame f : c.frames()) {
                writer.write(f.type(), f.value().view(), stream);
                writer.write(f.type(), f.value().view(), buffer);
                at += writer.write(f.type(), f.value().view(), view, at);
            }
            assertArrayEquals(all, stream.toByteArray());
            assertArrayEquals(all, buffer.array());
            assertArrayEquals(all, view.toByteArray());
            assertEquals(all.length, at);
        });
    }

    @Test
    void decodeAllReturnsTheFramesWritten() {
        Property.forAll(CASES).check(c -> assertEquals(c.frames(),
                TlvDecoder.decodeAll(c.format(), ByteView.wrap(TlvStreams.encode(c.format(), c.frames())))));
    }

    @Test
    void readerReturnsTheFramesWrittenWhateverItsReadSize() {
        Property.forAll(Gen.zip(CASES, Gen.ints(1, 64), (c, readSize) -> new Object[] {c, readSize})).check(p -> {
            Case c = (Case) p[0];
            byte[] stream = TlvStreams.encode(c.format(), c.frames());
            try (TlvReader reader = TlvReader.of(new ByteArrayInputStream(stream), c.format(), (Integer) p[1])) {
                List<TlvFrame> read = new ArrayList<>();
                for (TlvFrame f; (f = reader.read()) != null; ) {
                    read.add(f);
                }
                assertEquals(c.frames(), read);
                assertNull(reader.read());
            }
        });
    }
}
