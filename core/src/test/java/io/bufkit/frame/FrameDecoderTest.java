package io.bufkit.frame;

import static io.bufkit.frame.Framed.ascii;
import static io.bufkit.testsupport.ByteArrays.concat;
import static io.bufkit.frame.Framed.hex;
import static io.bufkit.frame.Framed.hexes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder's contract, common to every format: borrowing, staleness, failure, handler exceptions, switching. */
class FrameDecoderTest {

    static final FrameFormat U16 = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
    static final byte[] STREAM = hex("00 03 61 62 63 00 02 64 65");

    @Test
    void frameInsideTheChunkIsAViewOfTheChunk() {
        byte[] chunk = STREAM.clone();
        List<Integer> seen = new ArrayList<>();
        new FrameDecoder(U16).feed(chunk, frame -> {
            chunk[2] = 'J';
            seen.add(frame.u8(0));
        });
        assertEquals(List.of((int) 'J', (int) 'd'), seen);
    }

    @Test
    void frameOfADirectBufferIsAViewOfTheBufferAndGoesStale() {
        ByteBuffer chunk = ByteBuffer.allocateDirect(STREAM.length).put(STREAM).flip();
        List<ByteView> kept = new ArrayList<>();
        new FrameDecoder(U16).feed(chunk, frame -> {
            assertTrue(frame.isDirect());
            kept.add(frame);
        });
        assertEquals(STREAM.length, chunk.position());
        assertEquals(2, kept.size());
        assertThrows(StaleViewException.class, () -> kept.get(0).u8(0));
    }

    @Test
    void frameOfAViewChunkIsAViewOfTheSameMemory() {
        byte[] memory = concat(hex("ff ff"), STREAM);
        List<String> seen = new ArrayList<>();
        new FrameDecoder(U16).feed(ByteView.wrap(memory, 2, STREAM.length), frame -> {
            memory[4] = 'Z';
            seen.add(frame.toString(java.nio.charset.StandardCharsets.US_ASCII));
        });
        assertEquals(List.of("Zbc", "de"), seen);
    }

    @Test
    void splitFrameIsGatheredAndGoesStaleAfterItsHandler() {
        FrameDecoder d = new FrameDecoder(U16);
        byte[] first = java.util.Arrays.copyOfRange(STREAM, 0, 4);
        d.feed(first, f -> { });
        first[2] = 'X';
        List<ByteView> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        d.feed(java.util.Arrays.copyOfRange(STREAM, 4, STREAM.length), f -> {
            kept.add(f);
            seen.add(f.copy().toHex());
        });
        assertEquals(hexes("616263", "6465"), seen);
        assertThrows(StaleViewException.class, () -> kept.get(0).u8(0));
    }

    @Test
    void handlerExceptionPropagatesAndLeavesTheDecoderRightAfterThatFrame() {
        FrameDecoder d = new FrameDecoder(U16);
        RuntimeException boom = new RuntimeException("boom");
        ByteBuffer chunk = ByteBuffer.wrap(STREAM);
        assertSame(boom, assertThrows(RuntimeException.class, () -> d.feed(chunk, f -> {
            throw boom;
        })));
        assertFalse(d.isFailed());
        assertFalse(d.hasPartialFrame());
        assertEquals(5, d.streamOffset());
        assertEquals(5, chunk.position());
        List<String> rest = new ArrayList<>();
        d.feed(chunk, f -> rest.add(f.copy().toHex()));
        assertEquals(hexes("6465"), rest);
    }

    @Test
    void handlerExceptionOnAGatheredFrameLeavesNothingBuffered() {
        FrameDecoder d = new FrameDecoder(U16);
        d.feed(STREAM, 0, 3, f -> { });
        assertThrows(IllegalStateException.class, () -> d.feed(STREAM, 3, 2, f -> {
            throw new IllegalStateException("handler");
        }));
        assertEquals(5, d.streamOffset());
        assertFalse(d.hasPartialFrame());
        assertFalse(d.isFailed());
    }

    @Test
    void reentrantCallsFromAHandlerAreRejected() {
        FrameDecoder d = new FrameDecoder(U16);
        List<Class<?>> errors = new ArrayList<>();
        d.feed(STREAM, f -> {
            try {
                d.feed(STREAM, g -> { });
            } catch (IllegalStateException e) {
                errors.add(e.getClass());
            }
            try {
                d.reset();
            } catch (IllegalStateException e) {
                errors.add(e.getClass());
            }
        });
        assertEquals(4, errors.size());
    }

    @Test
    void switchFormatInsideAHandlerFramesTheNextFrameInTheNewFormat() {
        // PostgreSQL §55.2.10: SSLRequest (Int32 8, Int32 80877103) is answered with the single byte 'N'
        FrameFormat typed = FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build();
        byte[] stream = concat(hex("4e"), hex("52 00 00 00 08 00 00 00 00"));
        FrameDecoder d = new FrameDecoder(FrameFormat.fixedLength(1));
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            d.feed(stream, i, 1, f -> {
                frames.add(f.copy().toHex());
                if (d.format().equals(FrameFormat.fixedLength(1))) {
                    d.switchFormat(typed);
                }
            });
        }
        d.finish();
        assertEquals(hexes("4e", "520000000800000000"), frames);
        assertEquals(typed, d.format());
    }

    @Test
    void switchFormatInsideAFrameIsRejected() {
        FrameDecoder d = new FrameDecoder(U16);
        d.feed(STREAM, 0, 3, f -> { });
        assertThrows(IllegalStateException.class, () -> d.switchFormat(FrameFormat.lines().build()));
    }

    @Test
    void finishInsideALengthPrefixedFrameNamesTheMissingBytes() {
        FrameDecoder d = new FrameDecoder(U16);
        d.feed(STREAM, 0, 7, f -> { });
        IncompleteFrameException e = assertThrows(IncompleteFrameException.class, d::finish);
        assertEquals(5, e.frameOffset());
        assertEquals(2, e.receivedBytes());
        assertEquals(2, e.missingBytes());
        assertTrue(e.lengthKnown());
        assertTrue(d.isFailed());
        FrameDecoder header = new FrameDecoder(U16);
        header.feed(STREAM, 0, 1, f -> { });
        IncompleteFrameException h = assertThrows(IncompleteFrameException.class, header::finish);
        assertEquals(1, h.missingBytes());
        assertFalse(h.lengthKnown());
    }

    @Test
    void decodeAllReturnsOwnedFrames() {
        assertEquals(2, FrameDecoder.decodeAll(U16, STREAM).size());
        assertEquals("abc", ascii(FrameDecoder.decodeAll(U16, STREAM).get(0)));
    }

    @Test
    void toStringNamesFormatAndState() {
        FrameDecoder d = new FrameDecoder(U16);
        d.feed(STREAM, 0, 3, f -> { });
        assertTrue(d.toString().contains("partial frame of 3 byte(s)"), d.toString());
        assertTrue(d.toString().contains("width 2"), d.toString());
    }

    @Test
    void formatsCompareByValue() {
        assertEquals(FrameFormat.lines().build(), FrameFormat.lines().build());
        assertEquals(FrameFormat.lines().build().hashCode(), FrameFormat.lines().build().hashCode());
        assertFalse(FrameFormat.lines().build().equals(FrameFormat.lines().stripDelimiter(false).build()));
    }
}
