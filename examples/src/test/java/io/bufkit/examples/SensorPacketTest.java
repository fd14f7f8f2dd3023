package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import io.bufkit.layout.LayoutException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SensorPacketTest {

    private static final Bytes VECTOR =
            Bytes.fromHex("00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8 66 66");
    private static final SensorPacket EXPECTED =
            new SensorPacket(420, 1672531200000.0, 1, 5, 25, 50.0f, 100.2f);

    private static void assertIsTheVector(SensorPacket p) {
        assertEquals(420, p.sensorId());
        assertEquals(1672531200000.0, p.timestamp());
        assertEquals(1, p.sensorType());
        assertEquals(5, p.statusFlags());
        assertEquals(25, p.temperature());
        assertEquals(50.0f, p.humidity());
        assertEquals(100.19999694824219, (double) p.pressure());
    }

    @Test
    void decodesTheReferenceVector() {
        assertIsTheVector(SensorPacket.CODEC.decode(VECTOR.view()));
    }

    @Test
    void statusFlagsHaveBitsZeroAndTwoSet() {
        SensorPacket p = SensorPacket.CODEC.decode(VECTOR.view());
        assertTrue(p.flag("bit0"));
        assertFalse(p.flag("bit1"));
        assertTrue(p.flag("bit2"));
    }

    @Test
    void decodesFromASliceAtANonZeroOffsetOfALargerHeapBuffer() {
        byte[] big = new byte[100];
        java.util.Arrays.fill(big, (byte) 0xEE);
        VECTOR.view().copyTo(big, 37);
        assertIsTheVector(SensorPacket.CODEC.decode(ByteView.wrap(big).slice(37, 61)));
        assertIsTheVector(SensorPacket.CODEC.decode(ByteView.wrap(big, 37, 24)));
    }

    @Test
    void decodesFromASliceAtANonZeroOffsetOfALargerDirectBuffer() {
        ByteBuffer direct = ByteBuffer.allocateDirect(100);
        while (direct.hasRemaining()) {
            direct.put((byte) 0xEE);
        }
        direct.put(41, VECTOR.toByteArray());
        ByteView whole = ByteView.wrap(direct.clear());
        assertTrue(whole.isDirect());
        assertIsTheVector(SensorPacket.CODEC.decode(whole.slice(41, 65)));
        assertIsTheVector(SensorPacket.CODEC.decode(ByteView.wrap(direct.position(41).limit(65))));
    }

    @Test
    void encodesToTheReferenceVector() {
        MutableByteView out = MutableByteView.allocate(24);
        SensorPacket.CODEC.encode(EXPECTED, out);
        assertEquals(VECTOR, out.copy());
    }

    @Test
    void encodesIntoASliceOfADirectBufferWithoutTouchingTheRest() {
        ByteBuffer direct = ByteBuffer.allocateDirect(40);
        MutableByteView whole = MutableByteView.wrap(direct);
        SensorPacket.CODEC.encode(EXPECTED, whole.slice(8, 32));
        assertEquals(VECTOR, whole.slice(8, 32).copy());
        assertArrayEquals(new byte[8], whole.slice(0, 8).toByteArray());
        assertArrayEquals(new byte[8], whole.slice(32, 40).toByteArray());
    }

    @Test
    void decodeOfEncodeGivesTheSameRecord() {
        SensorPacket p = new SensorPacket(0xFFFF_FFFFL, -1.5, 65535, 0xFF, -128, Float.NaN, -0.0f);
        MutableByteView out = MutableByteView.allocate(SensorPacket.CODEC.size());
        SensorPacket.CODEC.encode(p, out);
        assertEquals(p, SensorPacket.CODEC.decode(out));
    }

    @Test
    void aShortPacketIsRejectedNamingExpectedAndActualLength() {
        LayoutException e = assertThrows(LayoutException.class, () -> SensorPacket.CODEC.decode(VECTOR.view().slice(0, 23)));
        assertEquals("24 bytes", e.expected());
        assertEquals("23 bytes", e.actual());
        assertEquals(Optional.empty(), e.field());
        assertTrue(e.getMessage().contains("23 bytes long, expected 24"), e.getMessage());
    }

    @Test
    void aLongPacketIsRejectedNamingExpectedAndActualLength() {
        byte[] longer = new byte[25];
        VECTOR.view().copyTo(longer, 0);
        LayoutException e = assertThrows(LayoutException.class, () -> SensorPacket.CODEC.decode(ByteView.wrap(longer)));
        assertEquals("24 bytes", e.expected());
        assertEquals("25 bytes", e.actual());
    }

    @Test
    void everyOtherLengthIsRejected() {
        byte[] big = new byte[64];
        for (int length = 0; length <= big.length; length++) {
            if (length == 24) {
                continue;
            }
            int n = length;
            LayoutException e = assertThrows(LayoutException.class,
                    () -> SensorPacket.CODEC.decode(ByteView.wrap(big, 0, n)), "length " + n);
            assertEquals(n + " bytes", e.actual());
        }
    }

    @Test
    void encodeRejectsAnOutOfRangeValueNamingTheField() {
        SensorPacket bad = new SensorPacket(1, 0, 70_000, 0, 0, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensorPacket.CODEC.encode(bad, MutableByteView.allocate(24)));
        assertTrue(e.getMessage().contains("field 'sensorType' (u16be at offset 12)"), e.getMessage());
    }

    @Test
    void encodeRejectsAViewShorterThanThePacket() {
        assertThrows(IndexOutOfBoundsException.class, () -> SensorPacket.CODEC.encode(EXPECTED, MutableByteView.allocate(23)));
    }

    @Test
    void decodingAStaleViewThrows() {
        Lease lease = Lease.open("socket read");
        ByteView v = lease.wrap(VECTOR.toByteArray());
        lease.endViews();
        assertThrows(StaleViewException.class, () -> SensorPacket.CODEC.decode(v));
    }

    @Test
    void theDecodedRecordOutlivesThePacketsLease() {
        Lease lease = Lease.open("socket read");
        SensorPacket p = SensorPacket.CODEC.decode(lease.wrap(VECTOR.toByteArray()));
        lease.close();
        assertEquals(EXPECTED, p);
    }
}
