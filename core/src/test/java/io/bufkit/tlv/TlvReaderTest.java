package io.bufkit.tlv;

import io.bufkit.testsupport.ByteArrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TlvReaderTest {

    static List<TlvFrame> readAll(TlvReader reader) throws IOException {
        List<TlvFrame> frames = new ArrayList<>();
        for (TlvFrame f; (f = reader.read()) != null; ) {
            frames.add(f);
        }
        return frames;
    }

    @Test
    void readsOwnedFramesFromAnInputStream() throws IOException {
        try (TlvReader reader = TlvReader.of(new ByteArrayInputStream(TlvDecoderTest.STREAM), TlvFormat.STANDARD)) {
            assertEquals(TlvDecoderTest.EXPECTED, readAll(reader));
            assertNull(reader.read());
        }
    }

    @Test
    void readsFramesSplitAcrossTinyReads() throws IOException {
        for (int size = 1; size <= 20; size++) {
            TlvReader reader = TlvReader.of(new ByteArrayInputStream(TlvDecoderTest.STREAM), TlvFormat.STANDARD, size);
            assertEquals(TlvDecoderTest.EXPECTED, readAll(reader), "read size " + size);
        }
    }

    @Test
    void readsFromAChannel() throws IOException {
        TlvReader reader = TlvReader.of(Channels.newChannel(new ByteArrayInputStream(TlvDecoderTest.STREAM)), TlvFormat.STANDARD, 5);
        assertEquals(TlvDecoderTest.EXPECTED, readAll(reader));
    }

    @Test
    void iteratesFrames() {
        TlvReader reader = TlvReader.of(new ByteArrayInputStream(TlvDecoderTest.STREAM), TlvFormat.STANDARD);
        List<TlvFrame> frames = new ArrayList<>();
        reader.forEachRemaining(frames::add);
        assertEquals(TlvDecoderTest.EXPECTED, frames);
        assertFalse(reader.hasNext());
        assertThrows(NoSuchElementException.class, reader::next);
    }

    @Test
    void streamEndingInsideAFrameIsTruncated() throws IOException {
        byte[] cut = Arrays.copyOf(TlvDecoderTest.STREAM, 15);
        TlvReader reader = TlvReader.of(new ByteArrayInputStream(cut), TlvFormat.STANDARD);
        assertEquals(TlvDecoderTest.EXPECTED.get(0), reader.read());
        TruncatedFrameException e = assertThrows(TruncatedFrameException.class, reader::read);
        assertEquals(4, e.missingBytes());
        assertThrows(IllegalStateException.class, reader::read);
    }

    @Test
    void framesBeforeAMalformedHeaderAreReturnedFirst() throws IOException {
        byte[] bad = ByteArrays.concat(TlvDecoderTest.STREAM, new byte[] {0, 0, 0});
        TlvReader reader = TlvReader.of(new ByteArrayInputStream(bad), TlvFormat.STANDARD);
        assertEquals(TlvDecoderTest.EXPECTED.get(0), reader.read());
        assertEquals(TlvDecoderTest.EXPECTED.get(1), reader.read());
        MalformedFrameException e = assertThrows(MalformedFrameException.class, reader::read);
        assertEquals(19, e.frameOffset());
    }

    @Test
    void ioFailureReachesTheIteratorUnchecked() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        TlvReader reader = TlvReader.of(failing, TlvFormat.STANDARD);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, reader::hasNext);
        assertEquals("disk on fire", e.getCause().getMessage());
    }

    @Test
    void nonBlockingChannelIsRejected() throws IOException {
        Pipe pipe = Pipe.open();
        try {
            pipe.source().configureBlocking(false);
            assertThrows(IllegalArgumentException.class, () -> TlvReader.of(pipe.source(), TlvFormat.STANDARD));
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void sourceReturningNoBytesFailsInsteadOfSpinning() {
        InputStream silent = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return 0;
            }
        };
        TlvReader reader = TlvReader.of(silent, TlvFormat.STANDARD);
        assertThrows(IllegalStateException.class, reader::read);
    }

    @Test
    void closeClosesTheSource() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        TlvReader.of(in, TlvFormat.STANDARD).close();
        assertTrue(closed[0]);
    }

    @Test
    void nonPositiveReadSizeIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TlvReader.of(new ByteArrayInputStream(new byte[0]), TlvFormat.STANDARD, 0));
    }
}
