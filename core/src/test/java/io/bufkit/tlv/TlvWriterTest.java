package io.bufkit.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlvWriterTest {

    private final TlvWriter writer = new TlvWriter(TlvFormat.STANDARD);

    @Test
    void encodesTheReferenceMessagesExactly() {
        assertEquals(Bytes.fromHex("01 00 05 68 65 6c 6c 6f"), writer.encode(1, Bytes.utf8("hello").view()));
        assertEquals(Bytes.of(TlvDecoderTest.STREAM), writer.encodeAll(TlvDecoderTest.EXPECTED));
    }

    @Test
    void writesIntoAViewAtAnOffset() {
        MutableByteView out = MutableByteView.allocate(12);
        assertEquals(8, writer.write(1, Bytes.utf8("hello").view(), out, 2));
        assertEquals(Bytes.fromHex("00 00 01 00 05 68 65 6c 6c 6f 00 00"), out.copy());
    }

    @Test
    void writesLittleEndianWideHeaders() {
        TlvWriter w = new TlvWriter(TlvFormat.builder().typeWidth(2).lengthWidth(4).byteOrder(ByteOrder.LITTLE_ENDIAN).build());
        assertEquals(Bytes.fromHex("34 12 03 00 00 00 61 62 63"), w.encode(0x1234, Bytes.utf8("abc").view()));
    }

    @Test
    void fourByteTypeIsWrittenUnsigned() {
        TlvWriter w = new TlvWriter(TlvFormat.builder().typeWidth(4).lengthWidth(1).build());
        assertEquals(Bytes.fromHex("ff ff ff fe 00"), w.encode(-2, ByteView.empty()));
    }

    @Test
    void typeZeroIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.encode(0, ByteView.empty()));
        assertTrue(e.getMessage().contains("type 0"), e.getMessage());
    }

    @Test
    void typeAboveTheTypeFieldIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.encode(256, ByteView.empty()));
        assertTrue(e.getMessage().contains("type 256") && e.getMessage().contains("1 to 255"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> writer.encode(-1, ByteView.empty()));
    }

    @Test
    void valueLongerThanTheFormatsMaximumIsRejected() {
        ByteView big = ByteView.wrap(new byte[65536]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.encode(1, big));
        assertTrue(e.getMessage().contains("value length 65536"), e.getMessage());
        TlvWriter small = new TlvWriter(TlvFormat.builder().maxValueLength(4).build());
        assertThrows(IllegalArgumentException.class, () -> small.encode(1, Bytes.utf8("hello").view()));
    }

    @Test
    void frameThatDoesNotFitWritesNothing() {
        MutableByteView out = MutableByteView.allocate(7);
        assertThrows(IndexOutOfBoundsException.class, () -> writer.write(1, Bytes.utf8("hello").view(), out, 0));
        assertEquals(Bytes.of(new byte[7]), out.copy());
    }

    @Test
    void writeHeaderLeavesRoomForTheValue() {
        MutableByteView out = MutableByteView.allocate(5);
        assertEquals(3, writer.writeHeader(7, 2, out, 0));
        out.putU16be(3, 0xBEEF);
        assertEquals(List.of(new TlvFrame(7, Bytes.fromHex("be ef"))), TlvDecoder.decodeAll(TlvFormat.STANDARD, out));
        assertThrows(IndexOutOfBoundsException.class, () -> writer.writeHeader(7, 2, out, 3));
    }

    @Test
    void writesToAByteBufferAndAdvancesItsPosition() {
        ByteBuffer dst = ByteBuffer.allocate(20);
        writer.write(1, Bytes.utf8("hello").view(), dst);
        writer.write(2, Bytes.utf8("goodbye!").view(), dst);
        assertEquals(19, dst.position());
        assertArrayEquals(TlvDecoderTest.STREAM, java.util.Arrays.copyOf(dst.array(), 19));
    }

    @Test
    void byteBufferWithoutRoomOverflowsAndWritesNothing() {
        ByteBuffer dst = ByteBuffer.allocate(7);
        assertThrows(BufferOverflowException.class, () -> writer.write(1, Bytes.utf8("hello").view(), dst));
        assertEquals(0, dst.position());
    }

    @Test
    void writesToAnOutputStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(1, Bytes.utf8("hello").view(), out);
        writer.write(9, ByteView.empty(), out);
        byte[] large = new byte[20_000];
        large[19_999] = 42;
        writer.write(2, ByteView.wrap(large), out);
        List<TlvFrame> frames = TlvDecoder.decodeAll(TlvFormat.STANDARD, out.toByteArray());
        assertEquals(List.of(FrameRecorder.frame(1, "hello"), new TlvFrame(9, Bytes.empty()), new TlvFrame(2, Bytes.of(large))), frames);
    }

    @Test
    void unencodableFrameWritesNothingToAStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> writer.write(300, ByteView.empty(), out));
        assertEquals(0, out.size());
    }
}
