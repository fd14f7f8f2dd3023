package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FloatingHandlesTest {

    private static final PacketLayout LAYOUT = PacketLayout.builder("t")
            .u8("pad").f32be("fbe").f32le("fle").f64be("dbe").f64le("dle").build();
    private static final FloatField FBE = LAYOUT.floatField("fbe");
    private static final FloatField FLE = LAYOUT.floatField("fle");
    private static final DoubleField DBE = LAYOUT.doubleField("dbe");
    private static final DoubleField DLE = LAYOUT.doubleField("dle");

    @Test
    void readsFloatsAndDoublesInBothByteOrders() {
        ByteBuffer b = ByteBuffer.allocate(LAYOUT.size());
        b.order(ByteOrder.BIG_ENDIAN).putFloat(1, 100.2f);
        b.order(ByteOrder.LITTLE_ENDIAN).putFloat(5, -3.5f);
        b.order(ByteOrder.BIG_ENDIAN).putDouble(9, 1672531200000.0);
        b.order(ByteOrder.LITTLE_ENDIAN).putDouble(17, Math.PI);
        ByteView v = ByteView.wrap(b.array());
        assertEquals(100.2f, FBE.get(v));
        assertEquals(-3.5f, FLE.get(v));
        assertEquals(1672531200000.0, DBE.get(v));
        assertEquals(Math.PI, DLE.get(v));
    }

    @Test
    void writesFloatsAndDoublesInBothByteOrders() {
        MutableByteView v = MutableByteView.allocate(LAYOUT.size());
        FBE.set(v, 100.2f);
        FLE.set(v, -3.5f);
        DBE.set(v, 1672531200000.0);
        DLE.set(v, Math.PI);
        ByteBuffer b = ByteBuffer.wrap(v.toByteArray());
        assertEquals(100.2f, b.order(ByteOrder.BIG_ENDIAN).getFloat(1));
        assertEquals(-3.5f, b.order(ByteOrder.LITTLE_ENDIAN).getFloat(5));
        assertEquals(1672531200000.0, b.order(ByteOrder.BIG_ENDIAN).getDouble(9));
        assertEquals(Math.PI, b.order(ByteOrder.LITTLE_ENDIAN).getDouble(17));
        assertEquals(0, b.get(0));
    }

    @Test
    void writesKeepNaNPayloadsAndNegativeZero() {
        MutableByteView v = MutableByteView.allocate(LAYOUT.size());
        float nan = Float.intBitsToFloat(0x7fc0_1234);
        double dnan = Double.longBitsToDouble(0x7ff8_0000_0000_abcdL);
        FLE.set(v, nan);
        DBE.set(v, dnan);
        DLE.set(v, -0.0);
        assertEquals(0x7fc0_1234, Float.floatToRawIntBits(FLE.get(v)));
        assertEquals(0x7ff8_0000_0000_abcdL, Double.doubleToRawLongBits(DBE.get(v)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(DLE.get(v)));
    }

    @Test
    void readsFromDirectMemory() {
        ByteBuffer direct = ByteBuffer.allocateDirect(LAYOUT.size());
        direct.order(ByteOrder.BIG_ENDIAN).putDouble(9, -1.25e300);
        direct.order(ByteOrder.LITTLE_ENDIAN).putFloat(5, 7.0f);
        ByteView v = ByteView.wrap(direct);
        assertEquals(-1.25e300, DBE.get(v));
        assertEquals(7.0f, FLE.get(v));
    }

    @Test
    void aViewTooShortThrowsIndexOutOfBounds() {
        ByteView v = ByteView.wrap(new byte[20]);
        assertThrows(IndexOutOfBoundsException.class, () -> DLE.get(v));
        assertEquals(0.0, DBE.get(v));
    }

    @Test
    void aStaleViewThrows() {
        Lease lease = Lease.open("test");
        MutableByteView v = lease.wrapMutable(new byte[LAYOUT.size()]);
        lease.endViews();
        assertThrows(StaleViewException.class, () -> FBE.get(v));
        assertThrows(StaleViewException.class, () -> DLE.set(v, 1.0));
    }
}
