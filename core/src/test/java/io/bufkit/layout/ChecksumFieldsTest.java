package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.checksum.Crc;
import org.junit.jupiter.api.Test;

class ChecksumFieldsTest {

    private static final PacketLayout FRAME = PacketLayout.builder("frame")
            .u16be("type").u16be("length").internetChecksum("sum").u16be("value")
            .build();
    private static final PacketLayout TRAILED = PacketLayout.builder("trailed")
            .u16be("type").u16be("length").u16be("value").crc32le("crc")
            .build();

    @Test
    void fillChecksumsComputesEveryChecksumAfterTheOtherFields() {
        MutableByteView p = MutableByteView.allocate(FRAME.size());
        p.putU16be(0, 0x1234).putU16be(2, 8).putU16be(6, 0x0EEF);
        FRAME.fillChecksums(p);
        assertEquals(0xFFFF & ~(0x1234 + 8 + 0x0EEF), FRAME.checksumField("sum").get(p));
        assertEquals(8, FRAME.validate(p));
        MutableByteView t = MutableByteView.allocate(TRAILED.size());
        t.putU16be(0, 0x1234).putU16be(2, 8);
        TRAILED.fillChecksums(t);
        assertEquals(Crc.crc32(t.slice(0, 6)), TRAILED.checksumField("crc").get(t));
        assertEquals(10, TRAILED.validate(t));
    }

    @Test
    void validateNamesAWrongChecksumWithTheExpectedAndStoredValue() {
        MutableByteView p = MutableByteView.allocate(FRAME.size());
        p.putU16be(0, 1);
        FRAME.fillChecksums(p);
        p.putU16be(6, 2);   // a change after the checksums were filled
        LayoutException e = assertThrows(LayoutException.class, () -> FRAME.validate(p));
        assertTrue(e.getMessage().contains("field 'sum' (internetChecksum at offset 4): checksum expected 0xfffc but was 0xfffe"),
                e.getMessage());
        assertEquals("0xfffc", e.expected());
        assertEquals("0xfffe", e.actual());
        MutableByteView t = MutableByteView.allocate(TRAILED.size());
        TRAILED.fillChecksums(t);
        t.putU8(5, 1);
        e = assertThrows(LayoutException.class, () -> TRAILED.validate(t));
        assertTrue(e.getMessage().contains("field 'crc' (crc32le at offset 6): checksum expected 0x"), e.getMessage());
    }

    @Test
    void describeSaysOkOrExpectedButWas() {
        MutableByteView p = MutableByteView.allocate(FRAME.size());
        FRAME.fillChecksums(p);
        String ok = FRAME.describe(p);
        assertTrue(ok.contains("sum     internetChecksum  0xffff, ok"), ok);
        p.putU8(0, 1);
        String wrong = FRAME.describe(p);
        assertTrue(wrong.contains("sum     internetChecksum  expected 0xfeff but was 0xffff"), wrong);
    }

    @Test
    void pseudoHeaderChecksumsAreLeftToTheHandle() {
        PacketLayout udp = PacketLayout.builder("udp").u16be("sourcePort").u16be("destinationPort").u16be("length")
                .internetChecksumWithPseudoHeader("checksum").prefix().build();
        ChecksumField sum = udp.checksumField("checksum");
        assertTrue(sum.needsPseudoHeader());
        MutableByteView p = MutableByteView.allocate(10);
        p.putU16be(4, 10).putU16be(8, 0x4142);
        ByteView pseudo = ByteView.wrap(new byte[] {127, 0, 0, 1, 127, 0, 0, 1, 0, 17, 0, 10});
        udp.validate(p);   // not checked without the pseudo-header
        assertFalse(sum.verify(pseudo, p));
        sum.fill(pseudo, p);
        assertTrue(sum.verify(pseudo, p));
        assertThrows(IllegalStateException.class, () -> sum.verify(p));
        assertTrue(udp.describe(p).contains("checked with the pseudo-header"));
    }

    @Test
    void checksumsTakeNoConstantSitAtAnEvenOffsetAndComeOnePerLayout() {
        IllegalStateException two = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").internetChecksum("a").crc32be("b").build());
        assertTrue(two.getMessage().contains("at most one checksum field"), two.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").internetChecksum("s").expect(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").u8("a").internetChecksum("s").u8("b").build());
        assertTrue(e.getMessage().contains("odd offset"), e.getMessage());
    }

    @Test
    void prefixLayoutsAcceptAPayloadAndSayWhereItBegins() {
        PacketLayout head = PacketLayout.builder("head").u8("type").u16be("length").prefix().build();
        ByteView packet = ByteView.wrap(new byte[] {1, 0, 2, 'h', 'i'});
        assertTrue(head.isPrefix());
        assertEquals(3, head.validate(packet));
        assertArrayEquals(new byte[] {'h', 'i'}, head.rest(packet).toByteArray());
        LayoutException e = assertThrows(LayoutException.class, () -> head.validate(ByteView.wrap(new byte[2])));
        assertTrue(e.getMessage().contains("the packet is 2 bytes long, expected 3"), e.getMessage());
        PacketLayout exact = PacketLayout.builder("exact").u8("type").build();
        e = assertThrows(LayoutException.class, () -> exact.validate(packet));
        assertTrue(e.getMessage().contains("prefix()"), e.getMessage());
    }
}
