package io.bufkit.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.frame.FrameOverflowException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The writer's {@code Bytes} and {@code byte[]} overloads, its overflow exception, and frames of type 0. */
class TlvWriterOverloadsTest {

    private final TlvWriter writer = new TlvWriter(TlvFormat.STANDARD);
    private final byte[] hello = Bytes.utf8("hello").toByteArray();
    private final byte[] expected = Bytes.fromHex("01 00 05 68 65 6c 6c 6f").toByteArray();

    @Test
    void everyValueTypeEncodesTheSameFrame() throws IOException {
        assertArrayEquals(expected, writer.encode(1, hello).toByteArray());
        assertArrayEquals(expected, writer.encode(1, Bytes.of(hello)).toByteArray());
        MutableByteView out = MutableByteView.allocate(10);
        assertEquals(8, writer.write(1, hello, out, 1));
        assertEquals(8, writer.write(1, Bytes.of(hello), out, 2));
        assertArrayEquals(expected, out.slice(2, 10).toByteArray());
        ByteBuffer dst = ByteBuffer.allocate(16);
        writer.write(1, hello, dst);
        writer.write(1, Bytes.of(hello), dst);
        assertEquals(16, dst.position());
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        writer.write(1, hello, stream);
        writer.write(1, Bytes.of(hello), stream);
        assertEquals(16, stream.size());
    }

    @Test
    void overflowNamesPositionNeededAndAvailable() {
        ByteBuffer dst = ByteBuffer.allocate(10).position(4);
        FrameOverflowException e = assertThrows(FrameOverflowException.class, () -> writer.write(1, hello, dst));
        assertTrue(e instanceof BufferOverflowException);
        assertEquals(4, e.position());
        assertEquals(8, e.needed());
        assertEquals(6, e.available());
        assertTrue(e.getMessage().contains("8 byte(s)") && e.getMessage().contains("position 4")
                && e.getMessage().contains("only 6"), e.getMessage());
        assertEquals(4, dst.position(), "nothing is written");
    }

    @Test
    void frameOfTypeZeroIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TlvFrame(0, Bytes.empty()));
        assertEquals(-1, new TlvFrame(-1, Bytes.empty()).type(), "four-byte types above Integer.MAX_VALUE stay valid");
    }
}
