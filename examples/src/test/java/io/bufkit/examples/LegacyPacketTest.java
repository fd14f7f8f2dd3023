package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyPacketTest {

    private static final Bytes VECTOR = Bytes.fromHex("ca fe ad de 00 00 40 a0 00 00 01 b5 80 51 01 00");
    private static final LegacyPacket EXPECTED = new LegacyPacket(57005, 5.0f, 1, 181, 86400);

    @Test
    void decodesTheReferenceVector() {
        assertEquals(EXPECTED, LegacyPacket.CODEC.decode(VECTOR.view()));
    }

    @Test
    void theSignatureFieldHoldsCafe() {
        assertEquals(51966, LegacyPacket.LAYOUT.intField("signature").get(VECTOR.view()));
        assertEquals(0xCAFE, LegacyPacket.SIGNATURE);
    }

    @Test
    void decodesFromASliceAtANonZeroOffsetOfALargerHeapBuffer() {
        byte[] big = new byte[64];
        VECTOR.view().copyTo(big, 5);
        assertEquals(EXPECTED, LegacyPacket.CODEC.decode(ByteView.wrap(big).slice(5, 21)));
    }

    @Test
    void decodesFromASliceAtANonZeroOffsetOfALargerDirectBuffer() {
        ByteBuffer direct = ByteBuffer.allocateDirect(64);
        direct.put(13, VECTOR.toByteArray());
        assertEquals(EXPECTED, LegacyPacket.CODEC.decode(ByteView.wrap(direct).slice(13, 29)));
    }

    @Test
    void encodesToTheReferenceVectorIncludingTheSignature() {
        MutableByteView out = MutableByteView.wrap(new byte[16]);
        LegacyPacket.CODEC.encode(EXPECTED, out);
        assertEquals(VECTOR, out.copy());
    }

    @Test
    void aWrongSignatureIsRejectedNamingFieldExpectedAndActual() {
        byte[] bad = VECTOR.toByteArray();
        bad[1] = (byte) 0xfd;
        LayoutException e = assertThrows(LayoutException.class, () -> LegacyPacket.CODEC.decode(ByteView.wrap(bad)));
        assertEquals(Optional.of("signature"), e.field());
        assertEquals(0, e.offset());
        assertEquals("51966 (0xcafe)", e.expected());
        assertEquals("51965 (0xcafd)", e.actual());
        assertTrue(e.getMessage().contains("field 'signature'"), e.getMessage());
    }

    @Test
    void aWrongLengthIsRejectedBeforeTheSignatureIsRead() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> LegacyPacket.CODEC.decode(ByteView.wrap(new byte[15])));
        assertEquals("16 bytes", e.expected());
        assertEquals("15 bytes", e.actual());
    }

    @Test
    void describeShowsEveryFieldAndTheSignatureCheck() {
        assertEquals("""
                layout 'legacy', 16 bytes
                offset  bytes        field      type   value
                     0  ca fe        signature  u16be  51966 (0xcafe), as expected
                     2  ad de 00 00  deviceId   i32le  57005
                     6  40 a0 00 00  voltage    f32be  5.0
                    10  01           status     u8     1
                    11  b5           checksum   u8     181
                    12  80 51 01 00  uptime     u32le  86400
                """, LegacyPacket.LAYOUT.describe(VECTOR.view()));
    }
}
