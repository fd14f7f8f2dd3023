package io.bufkit.testkit.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.TlvStreams;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The TLV generators shipped in the testkit. */
class TlvStreamsTest {

    @Test
    void formatVariantsAreAllEighteenDistinctFormatsStartingWithTheStandard() {
        List<TlvFormat> formats = TlvStreams.formatVariants();
        assertEquals(18, formats.size());
        assertEquals(18, new HashSet<>(formats).size());
        assertEquals(TlvFormat.STANDARD, formats.get(0));
        assertTrue(formats.stream().anyMatch(f -> f.typeWidth() == 4 && f.lengthWidth() == 1
                && f.byteOrder() == ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void typesCoverBothEndsOfTheTypeFieldAndNothingElse() {
        Gen<Integer> types = TlvStreams.types(TlvFormat.STANDARD);
        SplittableRandom r = new SplittableRandom(1);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            int t = types.generate(r);
            assertTrue(t >= 1 && t <= 255, "type " + t);
            seen.add(t);
        }
        assertTrue(seen.contains(1) && seen.contains(255));
    }

    @Test
    void fourByteTypesIncludeUnsignedTypesAboveIntMax() {
        Gen<Integer> types = TlvStreams.types(TlvFormat.builder().typeWidth(4).build());
        SplittableRandom r = new SplittableRandom(2);
        boolean negative = false;
        for (int i = 0; i < 2000; i++) {
            int t = types.generate(r);
            assertTrue(t != 0);
            negative |= t < 0;
        }
        assertTrue(negative);
    }

    @Test
    void framesRespectTheFormatsValueLimit() {
        TlvFormat narrow = TlvFormat.builder().lengthWidth(1).build();
        Gen<TlvFrame> frames = TlvStreams.frames(narrow, 10_000);
        SplittableRandom r = new SplittableRandom(3);
        boolean sawMax = false;
        for (int i = 0; i < 3000; i++) {
            int length = frames.generate(r).value().length();
            assertTrue(length <= 255);
            sawMax |= length == 255;
        }
        assertTrue(sawMax);
        assertThrows(IllegalArgumentException.class, () -> TlvStreams.frames(narrow, -1));
    }

    @Test
    void encodeWritesTheFramesInOrder() {
        List<TlvFrame> frames = List.of(new TlvFrame(1, Bytes.utf8("hello")), new TlvFrame(2, Bytes.utf8("goodbye!")));
        assertArrayEquals(Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 08 67 6f 6f 64 62 79 65 21").toByteArray(),
                TlvStreams.encode(TlvFormat.STANDARD, frames));
    }

    @Test
    void headerOffsetsNameTheTypeAndLengthBytesOfEveryFrame() {
        byte[] stream = Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 08 67").toByteArray();
        assertArrayEquals(new int[] {0, 1, 2, 8, 9, 10}, TlvStreams.headerOffsets(TlvFormat.STANDARD, stream));
        TlvFormat le = TlvFormat.builder().typeWidth(2).byteOrder(ByteOrder.LITTLE_ENDIAN).build();
        byte[] leStream = Bytes.fromHex("07 00 01 00 aa 09 00").toByteArray();
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6}, TlvStreams.headerOffsets(le, leStream));
    }

    @Test
    void headerOffsetsStopAtALengthAboveTheMaximum() {
        TlvFormat small = TlvFormat.builder().maxValueLength(4).build();
        byte[] stream = Bytes.fromHex("01 00 09 00 00 00 00 00 00 00 00 00").toByteArray();
        assertArrayEquals(new int[] {0, 1, 2}, TlvStreams.headerOffsets(small, stream));
    }

    @Test
    void generatedStreamsEncodeAndDecodeBack() {
        Gen<List<TlvFrame>> streams = TlvStreams.streams(TlvFormat.STANDARD, 5, 70);
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 300; i++) {
            List<TlvFrame> frames = streams.generate(r);
            assertTrue(frames.size() <= 5);
            assertEquals(frames, TlvDecoder.decodeAll(TlvFormat.STANDARD, TlvStreams.encode(TlvFormat.STANDARD, frames)));
        }
    }

    @Test
    void corruptedStreamsAreMostlyNotTheStreamTheyCameFrom() {
        Gen<byte[]> corrupted = TlvStreams.corruptedStreams(TlvFormat.STANDARD, 4, 50);
        SplittableRandom r = new SplittableRandom(5);
        int failing = 0;
        for (int i = 0; i < 500; i++) {
            try {
                TlvDecoder.decodeAll(TlvFormat.STANDARD, corrupted.generate(r));
            } catch (io.bufkit.tlv.TlvException e) {
                failing++;
            }
        }
        assertTrue(failing > 100, failing + " of 500 corrupted streams failed to decode");
    }
}
