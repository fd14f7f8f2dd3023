package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidateTest {

    private static final PacketLayout LEGACY = PacketLayout.builder("legacy")
            .u16be("signature").expect(0xCAFE).i32le("deviceId").f32be("voltage").u8("status").u8("checksum")
            .u32le("uptime").build();
    private static final Bytes VECTOR = Bytes.fromHex("ca fe ad de 00 00 40 a0 00 00 01 b5 80 51 01 00");

    @Test
    void aPacketOfTheRightLengthWithItsConstantsPasses() {
        assertDoesNotThrow(() -> LEGACY.validate(VECTOR.view()));
    }

    @Test
    void aShortPacketIsRejectedNamingExpectedAndActualLengthAndTheFieldItCuts() {
        LayoutException e = assertThrows(LayoutException.class, () -> LEGACY.validate(VECTOR.view().slice(0, 13)));
        assertEquals("layout 'legacy': the packet is 13 bytes long, expected 16 (it ends at offset 13, inside"
                + " field 'uptime' (u32le at offset 12))", e.getMessage());
        assertEquals("legacy", e.layout());
        assertEquals(Optional.empty(), e.field());
        assertEquals(13, e.offset());
        assertEquals("16 bytes", e.expected());
        assertEquals("13 bytes", e.actual());
    }

    @Test
    void aLongPacketIsRejectedNamingTheUnexpectedBytes() {
        byte[] longer = new byte[17];
        VECTOR.view().copyTo(longer, 0);
        LayoutException e = assertThrows(LayoutException.class, () -> LEGACY.validate(ByteView.wrap(longer)));
        assertTrue(e.getMessage().contains("17 bytes long, expected 16 (1 unexpected byte(s) from offset 16; declare the layout with prefix() if a payload follows it)"),
                e.getMessage());
        assertEquals(16, e.offset());
    }

    @Test
    void anEmptyPacketIsRejected() {
        LayoutException e = assertThrows(LayoutException.class, () -> LEGACY.validate(ByteView.empty()));
        assertEquals("0 bytes", e.actual());
    }

    @Test
    void aWrongConstantIsRejectedNamingFieldOffsetExpectedAndActual() {
        byte[] bad = VECTOR.toByteArray();
        bad[0] = (byte) 0xbe;
        bad[1] = (byte) 0xef;
        LayoutException e = assertThrows(LayoutException.class, () -> LEGACY.validate(ByteView.wrap(bad)));
        assertEquals("layout 'legacy', field 'signature' (u16be at offset 0): expected 51966 (0xcafe) but was"
                + " 48879 (0xbeef)", e.getMessage());
        assertEquals(Optional.of("signature"), e.field());
        assertEquals(0, e.offset());
        assertEquals("51966 (0xcafe)", e.expected());
        assertEquals("48879 (0xbeef)", e.actual());
    }

    @Test
    void constantsOfEveryHandleTypeAreChecked() {
        PacketLayout l = PacketLayout.builder("k")
                .i8("a").expect(-2).i64le("b").expect(-3).f32le("c").expect(1.5).f64be("d").expect(-0.25)
                .bytes("e", 2).expect(Bytes.fromHex("4d 5a")).flags16le("f", "x").expect(0x8001).build();
        MutableByteView good = MutableByteView.allocate(l.size());
        l.writeConstants(good);
        assertDoesNotThrow(() -> l.validate(good));
        for (LayoutField f : l.fields()) {
            MutableByteView bad = MutableByteView.allocate(l.size());
            l.writeConstants(bad);
            bad.putU8(f.offset(), bad.u8(f.offset()) ^ 0x40);
            LayoutException e = assertThrows(LayoutException.class, () -> l.validate(bad), f.name());
            assertEquals(Optional.of(f.name()), e.field());
            assertEquals(f.offset(), e.offset());
        }
    }

    @Test
    void aWrongFloatConstantNamesBothValues() {
        PacketLayout l = PacketLayout.builder("k").f32be("v").expect(1.5).build();
        LayoutException e = assertThrows(LayoutException.class,
                () -> l.validate(ByteView.wrap(new byte[] {0x40, 0, 0, 0})));
        assertEquals("1.5", e.expected());
        assertEquals("2.0", e.actual());
    }

    @Test
    void aWrongBytesConstantNamesBothInHex() {
        PacketLayout l = PacketLayout.builder("k").bytes("magic", 2).expect(Bytes.fromHex("4d5a")).build();
        LayoutException e = assertThrows(LayoutException.class, () -> l.validate(ByteView.wrap(new byte[] {0x7f, 0x45})));
        assertEquals("4d5a", e.expected());
        assertEquals("7f45", e.actual());
    }

    @Test
    void validatingAStaleViewThrowsStaleViewException() {
        Lease lease = Lease.open("read");
        ByteView v = lease.wrap(VECTOR.toByteArray());
        lease.close();
        assertThrows(StaleViewException.class, () -> LEGACY.validate(v));
    }

    @Test
    void aStaleViewOfTheWrongLengthReportsTheLeaseNotTheLength() {
        Lease lease = Lease.open("read");
        ByteView v = lease.wrap(new byte[3]);
        lease.close();
        assertThrows(StaleViewException.class, () -> LEGACY.validate(v));
    }

    @Test
    void writeConstantsWritesEveryConstantAndZeroesPaddingOnly() {
        PacketLayout l = PacketLayout.builder("k").u16be("sig").expect(0xCAFE).padding(2).u8("v").build();
        MutableByteView v = MutableByteView.wrap(new byte[] {9, 9, 9, 9, 9});
        l.writeConstants(v);
        assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe, 0, 0, 9}, v.toByteArray());
    }

    @Test
    void writeConstantsRejectsAViewShorterThanThePacket() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> LEGACY.writeConstants(MutableByteView.allocate(15)));
        assertTrue(e.getMessage().contains("layout 'legacy' needs 16 bytes but the view to write to is 15"), e.getMessage());
    }
}
