package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import org.junit.jupiter.api.Test;

class FlagsFieldTest {

    private static final PacketLayout LAYOUT = PacketLayout.builder("t")
            .flags8("status", "ready", null, "error")
            .flags16be("be16", "lo").flags16le("le16", "lo")
            .flags32be("be32").flags32le("le32")
            .build();
    private static final FlagsField STATUS = LAYOUT.flagsField("status");

    @Test
    void namedBitsAreReadByName() {
        ByteView v = ByteView.wrap(new byte[] {0b101, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertTrue(STATUS.isSet(v, "ready"));
        assertTrue(STATUS.isSet(v, "error"));
        assertEquals(5, STATUS.get(v));
    }

    @Test
    void maskIsOneShiftedByTheBitPosition() {
        assertEquals(1, STATUS.mask("ready"));
        assertEquals(4, STATUS.mask("error"));
    }

    @Test
    void anUnknownBitNameIsRejectedListingTheNamedBits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> STATUS.mask("busy"));
        assertTrue(e.getMessage().contains("field 'status' (flags8 at offset 0) has no bit named 'busy'"), e.getMessage());
        assertTrue(e.getMessage().contains("[0=ready, 2=error]"), e.getMessage());
    }

    @Test
    void unnamedBitsHaveNoName() {
        assertNull(STATUS.bitName(1));
        assertNull(STATUS.bitName(7));
        assertEquals("error", STATUS.bitName(2));
        assertEquals(8, STATUS.bitCount());
        assertThrows(IndexOutOfBoundsException.class, () -> STATUS.bitName(8));
    }

    @Test
    void settingOneBitLeavesTheOthers() {
        MutableByteView v = MutableByteView.allocate(LAYOUT.size());
        STATUS.set(v, 0b1000_0010);
        STATUS.set(v, "ready", true);
        assertEquals(0b1000_0011, STATUS.get(v));
        STATUS.set(v, "ready", false);
        assertEquals(0b1000_0010, STATUS.get(v));
        assertFalse(STATUS.isSet(v, "error"));
    }

    @Test
    void sixteenAndThirtyTwoBitFlagsUseTheirByteOrder() {
        MutableByteView v = MutableByteView.allocate(LAYOUT.size());
        LAYOUT.flagsField("be16").set(v, 0x0102);
        LAYOUT.flagsField("le16").set(v, 0x0102);
        LAYOUT.flagsField("be32").set(v, 0x8000_0001);
        LAYOUT.flagsField("le32").set(v, 0x8000_0001);
        assertArrayEquals(new byte[] {0, 1, 2, 2, 1, (byte) 0x80, 0, 0, 1, 1, 0, 0, (byte) 0x80}, v.toByteArray());
        assertEquals(0x8000_0001, LAYOUT.flagsField("le32").get(v));
        assertFalse(LAYOUT.flagsField("le16").isSet(v, "lo"));
        assertEquals(32, LAYOUT.flagsField("be32").bitCount());
    }

    @Test
    void bitsBeyondTheFieldsWidthAreRejected() {
        MutableByteView v = MutableByteView.allocate(LAYOUT.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> STATUS.set(v, 0x100));
        assertTrue(e.getMessage().contains("field 'status'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.flagsField("le16").set(v, 0x1_0000));
        assertThrows(IllegalArgumentException.class, () -> STATUS.set(v, -1));
    }
}
