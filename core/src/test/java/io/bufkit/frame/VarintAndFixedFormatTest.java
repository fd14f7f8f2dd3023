package io.bufkit.frame;

import static io.bufkit.testsupport.ByteArrays.concat;
import static io.bufkit.frame.Framed.decode;
import static io.bufkit.frame.Framed.decodeCut;
import static io.bufkit.frame.Framed.hex;
import static io.bufkit.frame.Framed.hexes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Varint lengths (protobuf encoding, "Base 128 Varints" of the protobuf encoding guide) and fixed lengths. */
class VarintAndFixedFormatTest {

    @Test
    void oneAndTwoByteVarintsAreStrippedByDefault() {
        // 300 = ac 02 (the protobuf encoding guide's example)
        byte[] value = new byte[300];
        value[0] = 7;
        byte[] stream = concat(hex("02 aa bb"), hex("ac 02"), value, hex("00"));
        List<String> frames = decode(FrameFormat.varintLength().build(), stream, 2);
        assertEquals(3, frames.size());
        assertEquals("aabb", frames.get(0));
        assertEquals(600, frames.get(1).length());
        assertEquals("", frames.get(2));
    }

    @Test
    void everyCutOfAVarintFramedStreamGivesTheSameFrames() {
        byte[] stream = concat(hex("03 01 02 03"), hex("80 01"), new byte[128], hex("01 ff"));
        FrameFormat f = FrameFormat.varintLength().build();
        List<String> expected = decode(f, stream, stream.length);
        for (int i = 0; i <= stream.length; i++) {
            assertEquals(expected, decodeCut(f, stream, i, Math.min(stream.length, i + 1)), "cut " + i);
        }
    }

    @Test
    void fourByteVarintSplitAfterThreeBytesIsReadWhole() {
        // netty#17549: a length split after its third byte desynchronised ProtobufVarint32FrameDecoder
        FrameFormat f = FrameFormat.varintLength().maxFrameLength(1 << 22).build();
        int length = 1 << 21;   // 80 80 80 01
        byte[] stream = concat(hex("80 80 80 01"), new byte[length], hex("01 2a"));
        FrameDecoder d = new FrameDecoder(f);
        List<Integer> lengths = new java.util.ArrayList<>();
        d.feed(stream, 0, 3, x -> lengths.add(x.length()));
        d.feed(stream, 3, stream.length - 3, x -> lengths.add(x.length()));
        d.finish();
        assertEquals(List.of(length, 1), lengths);
    }

    @Test
    void mqttRemainingLengthAfterTheFixedHeaderByteIsKept() {
        // MQTT 3.1.1 §2.2.3: remaining length 321 = c1 02; PINGREQ c0 00
        FrameFormat f = FrameFormat.varintLength().lengthOffset(1).maxLengthBytes(4).stripHeader(false).build();
        byte[] publish = concat(hex("30 c1 02"), new byte[321]);
        byte[] stream = concat(publish, hex("c0 00"));
        List<String> frames = decode(f, stream, 1);
        assertEquals(2, frames.size());
        assertEquals(2 * (3 + 321), frames.get(0).length());
        assertEquals("c000", frames.get(1));
    }

    @Test
    void varintRunningPastItsMaximumBytesIsCorruptAtItsLastByte() {
        FrameFormat mqtt = FrameFormat.varintLength().lengthOffset(1).maxLengthBytes(4).build();
        FrameDecoder d = new FrameDecoder(mqtt);
        d.feed(hex("30 ff ff ff"), x -> { });
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> d.feed(hex("ff"), x -> { }));
        assertEquals(CorruptFrameException.Reason.MALFORMED_VARINT, e.reason());
        assertEquals(0, e.frameOffset());
        assertEquals(4, e.value());
    }

    @Test
    void fiveByteVarintAboveThirtyTwoBitsIsCorrupt() {
        FrameFormat f = FrameFormat.varintLength().maxFrameLength(Integer.MAX_VALUE - 16).build();
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> decode(f, hex("ff ff ff ff 1f"), 5));
        assertEquals(CorruptFrameException.Reason.MALFORMED_VARINT, e.reason());
    }

    @Test
    void varintLengthAboveTheMaximumIsTooLongAtTheHeader() {
        FrameFormat f = FrameFormat.varintLength().maxFrameLength(130).build();
        assertEquals(1, decode(f, concat(hex("80 01"), new byte[128]), 7).size());
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> decode(f, hex("81 01"), 7));
        assertEquals(131, e.frameLength());
    }

    @Test
    void fixedLengthFramesWhateverTheChunking() {
        FrameFormat f = FrameFormat.fixedLength(3);
        byte[] stream = hex("01 02 03 04 05 06 07 08 09");
        for (int i = 0; i <= stream.length; i++) {
            for (int j = i; j <= stream.length; j++) {
                assertEquals(hexes("010203", "040506", "070809"), decodeCut(f, stream, i, j));
            }
        }
        assertThrows(IncompleteFrameException.class, () -> decode(f, hex("01 02 03 04"), 2));
        assertThrows(IllegalArgumentException.class, () -> FrameFormat.fixedLength(0));
    }
}
