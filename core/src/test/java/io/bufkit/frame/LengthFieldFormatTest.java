package io.bufkit.frame;

import static io.bufkit.testsupport.ByteArrays.concat;
import static io.bufkit.frame.Framed.decode;
import static io.bufkit.frame.Framed.decodeCut;
import static io.bufkit.frame.Framed.hex;
import static io.bufkit.frame.Framed.hexes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Length-field framing, with the examples of the Javadoc of Netty 4.1's {@code LengthFieldBasedFrameDecoder}
 * (each named for the example's title there) and the boundaries of every parameter.
 */
class LengthFieldFormatTest {

    @Test
    void twoByteLengthAtOffsetZeroWithoutStripping() {
        // "2 bytes length field at offset 0, do not strip header": 0x000C "HELLO, WORLD"
        FrameFormat f = FrameFormat.lengthField().lengthWidth(2).build();
        byte[] frame = concat(hex("00 0c"), Framed.ascii("HELLO, WORLD"));
        assertEquals(hexes("000c48454c4c4f2c20574f524c44"), decode(f, frame, 100));
    }

    @Test
    void twoByteLengthStrippedLeavesTheContent() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
        byte[] frame = concat(hex("00 0c"), Framed.ascii("HELLO, WORLD"));
        assertEquals(hexes("48454c4c4f2c20574f524c44"), decode(f, frame, 3));
    }

    @Test
    void lengthThatCountsTheHeaderTakesANegativeAdjustment() {
        // "2 bytes length field at offset 0, do not strip header, the length field represents the length of the
        // whole message": 0x000E "HELLO, WORLD", lengthAdjustment -2
        FrameFormat f = FrameFormat.lengthField().lengthWidth(2).lengthAdjustment(-2).build();
        byte[] frame = concat(hex("00 0e"), Framed.ascii("HELLO, WORLD"));
        assertEquals(List.of(io.bufkit.Bytes.of(frame).toHex()), decode(f, frame, 5));
    }

    @Test
    void threeByteLengthAfterATwoByteHeader() {
        // "3 bytes length field at the end of 5 bytes header, do not strip header": 0xCAFE 0x00000C "HELLO, WORLD"
        FrameFormat f = FrameFormat.lengthField().lengthOffset(2).lengthWidth(3).build();
        byte[] frame = concat(hex("ca fe 00 00 0c"), Framed.ascii("HELLO, WORLD"));
        assertEquals(List.of(io.bufkit.Bytes.of(frame).toHex()), decode(f, frame, 1));
    }

    @Test
    void fieldsAfterTheLengthAreCountedByAPositiveAdjustment() {
        // "3 bytes length field at the beginning of 5 bytes header": 0x00000C 0xCAFE "HELLO, WORLD", adjustment 2
        FrameFormat f = FrameFormat.lengthField().lengthWidth(3).lengthAdjustment(2).build();
        byte[] frame = concat(hex("00 00 0c ca fe"), Framed.ascii("HELLO, WORLD"));
        assertEquals(List.of(io.bufkit.Bytes.of(frame).toHex()), decode(f, frame, 4));
    }

    @Test
    void offsetAdjustmentAndStripTogether() {
        // "2 bytes length field at offset 1 in the middle of 4 bytes header, strip the first header field and the
        // length field": 0xCA 0x000C 0xFE "HELLO, WORLD", adjustment 1, strip 3
        FrameFormat f = FrameFormat.lengthField().lengthOffset(1).lengthWidth(2).lengthAdjustment(1).stripBytes(3).build();
        byte[] frame = concat(hex("ca 00 0c fe"), Framed.ascii("HELLO, WORLD"));
        assertEquals(List.of(io.bufkit.Bytes.of(concat(hex("fe"), Framed.ascii("HELLO, WORLD"))).toHex()),
                decode(f, frame, 2));
    }

    @Test
    void lengthCountingTheWholeMessageWithOffsetAndStrip() {
        // the last example: 0xCA 0x0010 0xFE "HELLO, WORLD", adjustment -3, strip 3
        FrameFormat f = FrameFormat.lengthField().lengthOffset(1).lengthWidth(2).lengthAdjustment(-3).stripBytes(3).build();
        byte[] frame = concat(hex("ca 00 10 fe"), Framed.ascii("HELLO, WORLD"));
        assertEquals(List.of(io.bufkit.Bytes.of(concat(hex("fe"), Framed.ascii("HELLO, WORLD"))).toHex()),
                decode(f, frame, 7));
    }

    @Test
    void everyWidthReadsInBothByteOrders() {
        for (int width : new int[] {1, 2, 3, 4, 8}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                FrameFormat f = FrameFormat.lengthField().lengthWidth(width).byteOrder(order).stripBytes(width).build();
                byte[] header = new byte[width];
                int at = order == ByteOrder.BIG_ENDIAN ? width - 1 : 0;
                header[at] = 3;
                byte[] stream = concat(header, hex("0a 0b 0c"), header, hex("0d 0e 0f"));
                for (int i = 0; i <= stream.length; i++) {
                    assertEquals(hexes("0a0b0c", "0d0e0f"), decodeCut(f, stream, i, i), width + " " + order + " cut " + i);
                }
            }
        }
    }

    @Test
    void widthThreeReadsAllThreeBytes() {
        FrameFormat be = FrameFormat.lengthField().lengthWidth(3).stripBytes(3).maxFrameLength(1 << 20).build();
        byte[] value = new byte[0x010203];
        byte[] stream = concat(hex("01 02 03"), value);
        assertEquals(1, FrameDecoder.decodeAll(be, stream).size());
        FrameFormat le = FrameFormat.lengthField().lengthWidth(3).byteOrder(ByteOrder.LITTLE_ENDIAN).stripBytes(3)
                .maxFrameLength(1 << 20).build();
        assertEquals(0x010203, FrameDecoder.decodeAll(le, concat(hex("03 02 01"), value)).get(0).length());
    }

    @Test
    void frameOfExactlyTheMaximumIsAcceptedAndOneMoreIsRejectedAtItsHeader() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(2).maxFrameLength(10).build();
        assertEquals(1, decode(f, concat(hex("00 08"), new byte[8]), 3).size());
        FrameDecoder d = new FrameDecoder(f);
        d.feed(concat(hex("00 02 aa bb")), x -> { });
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> d.feed(hex("00 09"), x -> { }));
        assertEquals(4, e.frameOffset());
        assertEquals(11, e.frameLength());
        assertEquals(10, e.maxFrameLength());
        assertTrue(e.getMessage().contains("stream offset 4") && e.getMessage().contains("11"), e.getMessage());
        assertEquals(0, d.bufferedBytes());
        assertTrue(d.isFailed());
    }

    @Test
    void maximumCountsTheHeaderBeforeStripping() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).maxFrameLength(10).build();
        assertEquals(1, decode(f, concat(hex("00 08"), new byte[8]), 4).size());
        assertThrows(FrameTooLongException.class, () -> decode(f, concat(hex("00 09"), new byte[9]), 4));
    }

    @Test
    void maximumBelowTheHeaderIsRejectedAsNettyRejectsIt() {
        assertThrows(IllegalArgumentException.class, () -> FrameFormat.lengthField().lengthOffset(2).lengthWidth(4)
                .maxFrameLength(5).build());
        FrameFormat.lengthField().lengthOffset(2).lengthWidth(4).maxFrameLength(6).build();
    }

    @Test
    void adjustmentBelowTheHeaderIsValidAndItsFramesAreCorrupt() {
        // Netty accepts the configuration and rejects a frame whose adjusted length is below the header
        FrameFormat f = FrameFormat.lengthField().lengthWidth(4).lengthAdjustment(-10).build();
        assertEquals(hexes("0000000e01020304"), decode(f, hex("00 00 00 0e 01 02 03 04"), 3));
        FrameDecoder d = new FrameDecoder(f);
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> d.feed(hex("00 00 00 09"), x -> { }));
        assertEquals(CorruptFrameException.Reason.SHORTER_THAN_HEADER, e.reason());
        assertEquals(3, e.value());
        assertEquals(0, e.frameOffset());
    }

    @Test
    void negativeEightByteLengthIsCorrupt() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(8).build();
        CorruptFrameException e = assertThrows(CorruptFrameException.class,
                () -> decode(f, hex("ff ff ff ff ff ff ff fe"), 3));
        assertEquals(CorruptFrameException.Reason.NEGATIVE_LENGTH, e.reason());
        assertEquals(-2, e.value());
    }

    @Test
    void hugeEightByteLengthIsTooLongWithoutOverflow() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(8).lengthAdjustment(Integer.MAX_VALUE).build();
        FrameTooLongException e = assertThrows(FrameTooLongException.class,
                () -> decode(f, hex("7f ff ff ff ff ff ff ff"), 8));
        assertEquals(Long.MAX_VALUE, e.frameLength());
    }

    @Test
    void stripBeyondTheFrameIsCorruptAtTheHeader() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(1).stripBytes(4).build();
        FrameDecoder d = new FrameDecoder(f);
        d.feed(hex("03 aa bb cc"), x -> { });   // 4 bytes: exactly the strip
        CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> d.feed(hex("02"), x -> { }));
        assertEquals(CorruptFrameException.Reason.SHORTER_THAN_STRIP, e.reason());
        assertEquals(4, e.frameOffset());
        assertEquals(3, e.value());
    }

    @Test
    void aHeaderClaimingSixteenMebibytesReservesNothingBeyondItsBytes() {
        FrameFormat f = FrameFormat.lengthField().lengthOffset(2).lengthWidth(4).maxFrameLength(32 << 20).build();
        FrameDecoder d = new FrameDecoder(f);
        d.feed(hex("00 01 01 00 00 00"), x -> { });
        assertTrue(d.hasPartialFrame());
        assertEquals(6, d.retainedBytes());
        d.feed(new byte[1000], x -> { });
        assertTrue(d.retainedBytes() <= 2 * 1006, "retained " + d.retainedBytes());
    }

    @Test
    void accumulatorShrinksBackAfterALargeFrameAndKeepsASmallOne() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(4).stripBytes(4).build();
        FrameDecoder d = new FrameDecoder(f);
        byte[] big = concat(hex("00 03 00 00"), new byte[0x30000]);
        List<Integer> lengths = new ArrayList<>();
        for (int at = 0; at < big.length; at += 1460) {
            d.feed(big, at, Math.min(1460, big.length - at), x -> lengths.add(x.length()));
        }
        assertEquals(List.of(0x30000), lengths);
        assertEquals(4, d.retainedBytes());
        byte[] small = concat(hex("00 00 10 00"), new byte[0x1000]);
        for (int at = 0; at < small.length; at += 1460) {
            d.feed(small, at, Math.min(1460, small.length - at), x -> lengths.add(x.length()));
        }
        assertEquals(0x1004, d.retainedBytes());
    }

    @Test
    void strippedHeaderSplitFromItsBodyStillLendsTheBodyFromTheChunk() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
        FrameDecoder d = new FrameDecoder(f);
        d.feed(hex("00"), x -> { });
        byte[] rest = hex("03 61 62 63");
        List<Integer> seen = new ArrayList<>();
        d.feed(rest, frame -> {
            rest[1] = 'J';
            seen.add(frame.u8(0));
        });
        assertEquals(List.of((int) 'J'), seen);
    }

    @Test
    void failedDecoderRefusesUntilReset() {
        FrameFormat f = FrameFormat.lengthField().lengthWidth(1).maxFrameLength(4).build();
        FrameDecoder d = new FrameDecoder(f);
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> d.feed(hex("09"), x -> { }));
        assertSame(e, assertThrows(IllegalStateException.class, () -> d.feed(hex("01"), x -> { })).getCause());
        assertSame(e, assertThrows(IllegalStateException.class, d::finish).getCause());
        d.reset();
        assertFalse(d.isFailed());
        List<String> frames = new ArrayList<>();
        d.feed(hex("01 aa"), x -> frames.add(x.copy().toHex()));
        assertEquals(hexes("01aa"), frames);
    }

    @Test
    void postgresqlLengthCountsItselfAfterTheTypeByte() {
        // PostgreSQL protocol 3.0, §55.7 "Message Formats": Query ('Q', Int32 length counting itself, String)
        FrameFormat f = FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build();
        byte[] query = concat(hex("51 00 00 00 0d"), Framed.ascii("SELECT 1"), hex("00"));
        byte[] ready = hex("5a 00 00 00 05 49");   // ReadyForQuery, status 'I'
        byte[] stream = concat(query, ready, query);
        for (int i = 0; i <= stream.length; i++) {
            assertEquals(3, decodeCut(f, stream, i, Math.min(stream.length, i + 3)).size(), "cut " + i);
        }
    }
}
