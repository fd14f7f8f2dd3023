package io.bufkit.frame;

import static io.bufkit.frame.Framed.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer computes lengths and appends delimiters so that the decoder of the same format reads the frames back. */
class FrameWriterTest {

    @Test
    void postgresqlMessageLengthCountsItself() {
        FrameFormat f = FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build();
        Bytes frame = new FrameWriter(f).encode(ByteView.wrap(hex("51")), Bytes.fromHex("53 45 4c 45 43 54 20 31 00").view());
        assertEquals(Bytes.fromHex("51 00 00 00 0d 53 45 4c 45 43 54 20 31 00"), frame);
    }

    @Test
    void http2HeaderLengthCountsOnlyThePayload() {
        // RFC 9113 §4.1: Length (24), Type (8), Flags (8), R + Stream Identifier (32), payload
        FrameFormat f = FrameFormat.lengthField().lengthWidth(3).lengthAdjustment(6).build();
        Bytes frame = new FrameWriter(f).encode(Bytes.fromHex("04 00 00 00 00 00 00 03 00 00 00 64"));
        assertEquals(Bytes.fromHex("00 00 06 04 00 00 00 00 00 00 03 00 00 00 64"), frame);
        assertEquals(List.of(frame), FrameDecoder.decodeAll(f, frame.toByteArray()));
    }

    @Test
    void varintLengthIsWrittenInAsFewBytesAsPossible() {
        FrameWriter w = new FrameWriter(FrameFormat.varintLength().build());
        assertEquals(Bytes.fromHex("ac 02"), Bytes.of(w.encode(new byte[300]).toByteArray(), 0, 2));
        assertEquals(Bytes.fromHex("00"), w.encode(new byte[0]));
        FrameWriter mqtt = new FrameWriter(FrameFormat.varintLength().lengthOffset(1).maxLengthBytes(4).stripHeader(false).build());
        assertEquals(Bytes.fromHex("c0 00"), mqtt.encode(ByteView.wrap(hex("c0")), ByteView.empty()));
    }

    @Test
    void linesEndInCrlfAndAContentWithALineEndIsRejected() {
        FrameWriter w = new FrameWriter(FrameFormat.lines().build());
        assertEquals(Bytes.utf8("QUIT\r\n"), w.encode(Bytes.utf8("QUIT")));
        assertEquals(Bytes.utf8("a\r\r\n"), w.encode(Bytes.utf8("a\r")));
        assertThrows(IllegalArgumentException.class, () -> w.encode(Bytes.utf8("a\nb")));
        assertEquals(List.of(Bytes.utf8("a\r")), FrameDecoder.decodeAll(w.format(), w.encode(Bytes.utf8("a\r")).toByteArray()));
    }

    @Test
    void frameTheFormatCannotCarryIsRejectedBeforeWriting() {
        FrameWriter oneByte = new FrameWriter(FrameFormat.lengthField().lengthWidth(1).maxFrameLength(1000).build());
        assertThrows(IllegalArgumentException.class, () -> oneByte.encode(new byte[256]));
        FrameWriter small = new FrameWriter(FrameFormat.lengthField().lengthWidth(2).maxFrameLength(10).build());
        assertThrows(IllegalArgumentException.class, () -> small.encode(new byte[9]));
        assertThrows(IllegalArgumentException.class, () -> small.encode(ByteView.wrap(hex("01")), ByteView.empty()));
        FrameWriter counted = new FrameWriter(FrameFormat.lengthField().lengthWidth(2).lengthAdjustment(3).build());
        assertThrows(IllegalArgumentException.class, () -> counted.encode(new byte[2]), "the length field would be -1");
        assertThrows(IllegalArgumentException.class, () -> new FrameWriter(FrameFormat.fixedLength(3)).encode(new byte[2]));
        MutableByteView out = MutableByteView.allocate(4);
        assertThrows(IndexOutOfBoundsException.class, () -> small.write(ByteView.wrap(new byte[3]), out, 0));
        assertEquals(0, out.u8(0));
    }

    @Test
    void bufferTooSmallNamesTheRoom() {
        FrameWriter w = new FrameWriter(FrameFormat.lengthField().lengthWidth(2).build());
        ByteBuffer dst = ByteBuffer.allocate(4);
        FrameOverflowException e = assertThrows(FrameOverflowException.class,
                () -> w.write(ByteView.empty(), ByteView.wrap(new byte[3]), dst));
        assertEquals(5, e.needed());
        assertEquals(4, e.available());
        w.write(ByteView.empty(), ByteView.wrap(new byte[2]), dst);
        assertArrayEquals(hex("00 02 00 00"), dst.array());
    }

    @Test
    void encodeAllWritesAStreamTheDecoderSplitsBack() {
        FrameFormat f = FrameFormat.delimited(Bytes.utf8("||")).build();
        List<Bytes> frames = List.of(Bytes.utf8("a"), Bytes.empty(), Bytes.utf8("b|c"));
        assertEquals(frames, FrameDecoder.decodeAll(f, new FrameWriter(f).encodeAll(frames).toByteArray()));
    }
}
