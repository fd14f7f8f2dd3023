package io.bufkit.testkit.tlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvHandler;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes chunk lists with a {@link TlvDecoder} into owned frames, checking on every chunk that the decoder
 * buffers at most one partial frame and that every value it lent is stale once its handler returned.
 */
final class TlvDecoding {

    private TlvDecoding() {
    }

    /** Collects owned frames and the borrowed views it was lent, to check them after the handler returned. */
    private static final class Collector implements TlvHandler {
        final List<TlvFrame> frames = new ArrayList<>();
        final List<ByteView> lent = new ArrayList<>();

        @Override
        public void onFrame(int type, ByteView value) {
            assertTrue(value.isValid(), "a value is valid inside its handler");
            frames.add(new TlvFrame(type, value.copy()));
            lent.add(value);
        }

        void checkAfterFeed(TlvDecoder decoder) {
            for (ByteView v : lent) {
                assertFalse(v.isValid(), "a value must be stale once its handler returned");
            }
            lent.clear();
            TlvFormat f = decoder.format();
            assertTrue(decoder.bufferedBytes() < f.headerSize() + f.maxValueLength() || decoder.bufferedBytes() == 0,
                    "buffered " + decoder.bufferedBytes() + " bytes: more than one partial frame");
            assertTrue(decoder.retainedBytes() <= f.headerSize() + (long) f.maxValueLength(),
                    "retains " + decoder.retainedBytes() + " bytes: more than one maximal frame");
        }
    }

    static List<TlvFrame> views(TlvFormat format, List<ByteView> chunks) {
        TlvDecoder decoder = new TlvDecoder(format);
        Collector c = new Collector();
        for (ByteView chunk : chunks) {
            decoder.feed(chunk, c);
            c.checkAfterFeed(decoder);
        }
        decoder.finish();
        return c.frames;
    }

    static List<TlvFrame> arrays(TlvFormat format, List<byte[]> chunks) {
        TlvDecoder decoder = new TlvDecoder(format);
        Collector c = new Collector();
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, c);
            c.checkAfterFeed(decoder);
        }
        decoder.finish();
        return c.frames;
    }

    /**
     * Decodes with a {@link TlvHandler#owned} handler; when {@code alternate}, the chunks go alternately to
     * an owned handler and to a borrowing one, so that frames begun for one kind of handler are completed
     * for the other.
     */
    static List<TlvFrame> owned(TlvFormat format, List<byte[]> chunks, boolean alternate) {
        TlvDecoder decoder = new TlvDecoder(format);
        Collector c = new Collector();
        TlvHandler owned = TlvHandler.owned(c.frames::add);
        boolean ownedNext = true;
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, ownedNext ? owned : c);
            c.checkAfterFeed(decoder);
            ownedNext = !alternate || !ownedNext;
        }
        decoder.finish();
        return c.frames;
    }

    static List<TlvFrame> buffers(TlvFormat format, List<ByteBuffer> chunks) {
        TlvDecoder decoder = new TlvDecoder(format);
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
