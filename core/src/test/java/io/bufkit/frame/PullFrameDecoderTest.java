package io.bufkit.frame;

import static io.bufkit.frame.Framed.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PullFrameDecoder}: frames taken one at a time, borrowed until the next call. */
class PullFrameDecoderTest {

    static final FrameFormat U16 = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
    /** Three frames: "hello", "", "goodbye!". */
    static final byte[] STREAM = hex("00 05 68 65 6c 6c 6f 00 00 00 08 67 6f 6f 64 62 79 65 21");

    @Test
    void framesComeOutOneAtATimeThenNullAsksForMoreBytes() {
        PullFrameDecoder frames = new PullFrameDecoder(U16);
        assertTrue(frames.needsInput());
        assertNull(frames.next());
        frames.offer(ByteView.wrap(STREAM, 0, 12));
        assertEquals(Bytes.utf8("hello"), frames.next().copy());
        assertEquals(Bytes.empty(), frames.next().copy());
        assertNull(frames.next(), "the third frame is partial");
        assertEquals(3, frames.bufferedBytes());
        frames.offer(ByteView.wrap(STREAM, 12, STREAM.length - 12));
        assertEquals(Bytes.utf8("goodbye!"), frames.next().copy());
        assertNull(frames.next());
        frames.finish();
        assertEquals(STREAM.length, frames.streamOffset());
    }

    @Test
    void aFrameIsBorrowedUntilTheNextCall() {
        PullFrameDecoder frames = new PullFrameDecoder(U16);
        frames.offer(ByteView.wrap(STREAM));
        ByteView first = frames.next();
        assertEquals('h', first.u8(0));
        ByteView second = frames.next();
        assertThrows(StaleViewException.class, () -> first.u8(0));
        assertEquals(0, second.length());
        ByteView third = frames.next();
        assertNull(frames.next());
        assertThrows(StaleViewException.class, () -> third.u8(0));
    }

    @Test
    void framesInsideTheChunkAreViewsOfItsMemory() {
        byte[] stream = STREAM.clone();
        PullFrameDecoder frames = new PullFrameDecoder(U16);
        frames.offer(ByteView.wrap(stream));
        ByteView hello = frames.next();
        stream[2] = 'j';
        assertEquals('j', hello.u8(0), "zero copy: the frame is the chunk's memory");
    }

    @Test
    void aFrameSplitAcrossChunksSurvivesUntilTheNextCallEvenIfTheChunkIsReused() {
        byte[] buffer = new byte[8];
        Lease read = Lease.open("read");
        PullFrameDecoder frames = new PullFrameDecoder(U16);
        List<Bytes> out = new ArrayList<>();
        for (int at = 0; at < STREAM.length; at += 8) {
            int n = Math.min(8, STREAM.length - at);
            System.arraycopy(STREAM, at, buffer, 0, n);
            frames.offer(read.wrap(buffer, 0, n));
            for (ByteView f; (f = frames.next()) != null; ) {
                out.add(f.copy());
            }
            read.endViews();
            Arrays.fill(buffer, (byte) 0x55);
        }
        frames.finish();
        assertEquals(List.of(Bytes.utf8("hello"), Bytes.empty(), Bytes.utf8("goodbye!")), out);
    }

    @Test
    void offeringBeforeTheChunkIsUsedUpIsRefused() {
        PullFrameDecoder frames = new PullFrameDecoder(U16);
        frames.offer(ByteView.wrap(STREAM));
        frames.next();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> frames.offer(ByteView.wrap(STREAM)));
        assertTrue(e.getMessage().contains("12 byte(s)"), e.getMessage());
        assertThrows(IllegalStateException.class, frames::finish);
    }

    @Test
    void aMalformedFrameThrowsWithItsOffsetAndFailsTheDecoder() {
        FrameFormat small = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).maxFrameLength(4).build();
        PullFrameDecoder frames = new PullFrameDecoder(small);
        frames.offer(ByteView.wrap(hex("00 01 41 00 09 00")));
        assertEquals('A', frames.next().u8(0));
        FrameTooLongException e = assertThrows(FrameTooLongException.class, frames::next);
        assertEquals(3, e.frameOffset());
        assertTrue(frames.needsInput());
        assertThrows(IllegalStateException.class, () -> {
            frames.offer(ByteView.wrap(STREAM));
            frames.next();
        });
        frames.reset();
        frames.offer(ByteView.wrap(hex("00 01 42")));
        assertEquals('B', frames.next().u8(0));
    }

    @Test
    void aStreamEndingInsideAFrameIsIncomplete() {
        PullFrameDecoder frames = new PullFrameDecoder(U16);
        frames.offer(ByteView.wrap(STREAM, 0, 4));
        assertNull(frames.next());
        IncompleteFrameException e = assertThrows(IncompleteFrameException.class, frames::finish);
        assertEquals(0, e.frameOffset());
    }

    @Test
    void randomChunkingsGiveTheFramesOfThePushDecoder() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 200; run++) {
            ByteBuffer stream = ByteBuffer.allocate(4096);
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                byte[] value = new byte[random.nextInt(300)];
                random.nextBytes(value);
                stream.putShort((short) value.length).put(value);
            }
            byte[] bytes = Arrays.copyOf(stream.array(), stream.position());
            List<Bytes> expected = FrameDecoder.decodeAll(U16, bytes);
            PullFrameDecoder frames = new PullFrameDecoder(U16);
            List<Bytes> actual = new ArrayList<>();
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, random.nextInt(1, 200));
                ByteBuffer direct = ByteBuffer.allocateDirect(n).put(bytes, at, n).flip();
                frames.offer(run % 2 == 0 ? ByteView.wrap(bytes, at, n) : ByteView.wrap(direct));
                for (ByteView f; (f = frames.next()) != null; ) {
                    actual.add(f.copy());
                }
                at += n;
            }
            frames.finish();
            assertEquals(expected, actual);
        }
    }
}
