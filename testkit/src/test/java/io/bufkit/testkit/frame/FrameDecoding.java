package io.bufkit.testkit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameHandler;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes chunk lists with a {@link FrameDecoder} into owned frames, checking after every chunk that every
 * frame it lent is stale and that it holds at most one partial frame of at most one maximal frame.
 */
final class FrameDecoding {

    private FrameDecoding() {
    }

    /** The most bytes a decoder of {@code format} may hold: one maximal frame, with its delimiter. */
    static long bound(FrameFormat format) {
        return format.maxFrameLength() + 8L;
    }

    /** Collects owned frames and the borrowed views it was lent, to check them after the handler returned. */
    static final class Collector implements FrameHandler {
        final List<Bytes> frames = new ArrayList<>();
        final List<ByteView> lent = new ArrayList<>();

        @Override
        public void onFrame(ByteView frame) {
            assertTrue(frame.isValid(), "a frame is valid inside its handler");
            frames.add(frame.copy());
            lent.add(frame);
        }

        void checkAfterFeed(FrameDecoder decoder) {
            for (ByteView v : lent) {
                assertFalse(v.isValid(), "a frame must be stale once its handler returned");
            }
            lent.clear();
            long bound = bound(decoder.format());
            assertTrue(decoder.bufferedBytes() <= bound, "buffered " + decoder.bufferedBytes() + " of at most " + bound);
            assertTrue(decoder.retainedBytes() <= bound, "retains " + decoder.retainedBytes() + " of at most " + bound);
        }
    }

    static List<Bytes> arrays(FrameFormat format, List<byte[]> chunks) {
        FrameDecoder decoder = new FrameDecoder(format);
        Collector c = new Collector();
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, c);
            c.checkAfterFeed(decoder);
        }
        decoder.finish();
        return c.frames;
    }

    static List<Bytes> views(FrameFormat format, List<ByteView> chunks) {
        FrameDecoder decoder = new FrameDecoder(format);
        Collector c = new Collector();
        for (ByteView chunk : chunks) {
            decoder.feed(chunk, c);
            c.checkAfterFeed(decoder);
        }
        decoder.finish();
        return c.frames;
    }

    static List<Bytes> buffers(FrameFormat format, List<ByteBuffer> chunks) {
        FrameDecoder decoder = new FrameDecoder(format);
        Collector c = new Collector();
        for (ByteBuffer chunk : chunks) {
            int limit = chunk.limit();
            decoder.feed(chunk, c);
            assertEquals(limit, chunk.position(), "the decoder consumes the whole buffer");
            c.checkAfterFeed(decoder);
        }
        decoder.finish();
        return c.frames;
    }
}
