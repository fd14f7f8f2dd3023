package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import org.junit.jupiter.api.Test;

class BitFieldsTest {

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
        }
    }

    /** The first 8 bytes of an IPv4 header (RFC 791 §3.1): 4+4, 6+2 and 3+13 bit fields. */
    private static final PacketLayout HEAD = PacketLayout.builder("ipv4head")
            .bits("version", 4).bits("ihl", 4)
            .bits("dscp", 6).bits("ecn", 2)
            .u16be("totalLength").u16be("identification")
            .bit("reserved").bit("dontFragment").bit("moreFragments").bits("fragmentOffset", 13)
            .build();

    private static final IntField VERSION = HEAD.intField("version");
    private static final IntField IHL = HEAD.intField("ihl");
    private static final IntField DSCP = HEAD.intField("dscp");
    private static final IntField ECN = HEAD.intField("ecn");
    private static final IntField DF = HEAD.intField("dontFragment");
    private static final IntField MF = HEAD.intField("moreFragments");
    private static final IntField FRAGMENT_OFFSET = HEAD.intField("fragmentOffset");

    private static byte[] bytes(int... values) {
        return io.bufkit.TestBytes.of(values);
    }

    @Test
    void bitFieldsAreReadMostSignificantBitFirst() {
        ByteView p = ByteView.wrap(bytes(0x45, 0xb9, 0x00, 0x73, 0x12, 0x34, 0x60, 0x05));
        assertEquals(4, VERSION.get(p));
        assertEquals(5, IHL.get(p));
        assertEquals(0x2e, DSCP.get(p));
        assertEquals(1, ECN.get(p));
        assertEquals(0, HEAD.intField("reserved").get(p));
        assertEquals(1, DF.get(p));
        assertEquals(1, MF.get(p));
        assertEquals(5, FRAGMENT_OFFSET.get(p));
        assertEquals(8, HEAD.size());
    }

    @Test
    void bitFieldsKnowTheirBytesAndBits() {
        assertEquals(0, VERSION.offset());
        assertEquals(0, VERSION.bitOffset());
        assertEquals(4, IHL.bitOffset());
        assertEquals(4, IHL.bitWidth());
        assertEquals(6, FRAGMENT_OFFSET.offset());
        assertEquals(3, FRAGMENT_OFFSET.bitOffset());
        assertEquals(2, FRAGMENT_OFFSET.width());
        assertEquals("bits:13", FRAGMENT_OFFSET.typeName());
        assertEquals(WireType.BITS, FRAGMENT_OFFSET.wireType());
        assertEquals(8191, FRAGMENT_OFFSET.max());
    }

    @Test
    void writesChangeOnlyTheFieldsBits() {
        MutableByteView p = MutableByteView.allocate(8);
        p.fill((byte) 0xFF);
        FRAGMENT_OFFSET.set(p, 0);
        assertEquals(0xE0, p.u8(6));
        assertEquals(0x00, p.u8(7));
        MF.set(p, 0);
        assertEquals(0xC0, p.u8(6));
        VERSION.set(p, 6);
        assertEquals(0x6F, p.u8(0));
        ECN.set(p, 2);
        assertEquals(0xFE, p.u8(1));
    }

    @Test
    void aValueThatDoesNotFitIsRejectedNamingFieldWidthAndValueAndNothingChanges() {
        MutableByteView p = MutableByteView.allocate(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FRAGMENT_OFFSET.set(p, 0x2000));
        assertMentions(e.getMessage(), "field 'fragmentOffset'", "bits:13", "8192", "0 to 8191");
        assertEquals(0, MF.get(p));
        assertThrows(IllegalArgumentException.class, () -> VERSION.set(p, 16));
        assertThrows(IllegalArgumentException.class, () -> VERSION.set(p, -1));
        assertEquals(0, p.u8(0));
    }

    @Test
    void leastSignificantBitFirstRunsAreLittleEndianRegisters() {
        PacketLayout reg = PacketLayout.builder("reg")
                .bitsLsb("enable", 1).bitsLsb("mode", 3).bitsLsb("divider", 12)
                .build();
        MutableByteView p = MutableByteView.allocate(2);
        p.putU16le(0, 0xABC5);   // divider 0xABC, mode 2, enable 1
        assertEquals(1, reg.intField("enable").get(p));
        assertEquals(2, reg.intField("mode").get(p));
        assertEquals(0xABC, reg.intField("divider").get(p));
        reg.intField("mode").set(p, 7);
        assertEquals(0xABCF, p.u16le(0));
        assertEquals(4, reg.intField("divider").offset() * 8 + reg.intField("divider").bitOffset());
    }

    @Test
    void signedBitFieldsAreTwosComplement() {
        PacketLayout l = PacketLayout.builder("s").sbits("a", 3).sbits("b", 5).sbitsLsb("c", 4).sbitsLsb("d", 4)
                .build();
        MutableByteView p = MutableByteView.allocate(2);
        IntField a = l.intField("a");
        IntField b = l.intField("b");
        IntField c = l.intField("c");
        IntField d = l.intField("d");
        a.set(p, -4);
        b.set(p, 15);
        c.set(p, -1);
        d.set(p, 7);
        assertEquals(0x8F, p.u8(0));
        assertEquals(0x7F, p.u8(1));
        assertEquals(-4, a.get(p));
        assertEquals(15, b.get(p));
        assertEquals(-1, c.get(p));
        assertEquals(7, d.get(p));
        assertEquals(-4, a.min());
        assertEquals(3, a.max());
        assertThrows(IllegalArgumentException.class, () -> a.set(p, 4));
    }

    @Test
    void wideBitFieldsAreLongFieldsUpTo64Bits() {
        PacketLayout l = PacketLayout.builder("w").bits("flag", 1).bits("big", 63).sbits("all", 64)
                .bits("x", 4).bits("u36", 36).build();
        LongField big = l.longField("big");
        LongField all = l.longField("all");
        LongField u36 = l.longField("u36");
        MutableByteView p = MutableByteView.allocate(l.size());
        big.set(p, Long.MAX_VALUE);
        all.set(p, Long.MIN_VALUE);
        u36.set(p, (1L << 36) - 1);
        l.intField("flag").set(p, 0);
        assertEquals(Long.MAX_VALUE, big.get(p));
        assertEquals(Long.MIN_VALUE, all.get(p));
        assertEquals((1L << 36) - 1, u36.get(p));
        assertEquals(0, l.intField("x").get(p));
        assertEquals(0x7F, p.u8(0));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").bits("u64", 64));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").bits("zero", 0));
    }

    @Test
    void fieldsThatTouchThreeBytesAreReadByteByByte() {
        PacketLayout l = PacketLayout.builder("odd").bits("hi", 4).bits("mid", 18).bits("lo", 2).build();
        ByteView p = ByteView.wrap(bytes(0xA1, 0x23, 0x47));
        assertEquals(0xA, l.intField("hi").get(p));
        assertEquals(0x048D1, l.intField("mid").get(p));
        assertEquals(3, l.intField("lo").get(p));
        MutableByteView m = MutableByteView.allocate(3);
        l.intField("mid").set(m, 0x3FFFF);
        assertEquals(0x0FFFFC, m.u24be(0));
    }

    @Test
    void aRunThatDoesNotFillWholeBytesIsRejectedAtBuild() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").bits("version", 4).u8("next").build());
        assertMentions(e.getMessage(), "bit field 'version'", "cover 4 bits", "bits(\"reserved\", 4)");
    }

    @Test
    void bitFieldsAfterAtStartANewRunAndOverlapsAreFound() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").u16be("a").at(1).bits("b", 8).build());
        assertMentions(e.getMessage(), "overlap");
    }

    @Test
    void bitFieldsTakeConstantsInTheirRange() {
        PacketLayout l = PacketLayout.builder("t").bits("version", 4).expect(4).bits("ihl", 4).build();
        MutableByteView p = MutableByteView.allocate(1);
        l.writeConstants(p);
        assertEquals(0x40, p.u8(0));
        l.validate(p);
        p.putU8(0, 0x65);
        LayoutException e = assertThrows(LayoutException.class, () -> l.validate(p));
        assertMentions(e.getMessage(), "version", "expected 4");
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").bits("v", 4).expect(16));
    }

    @Test
    void describeShowsBitFieldsBitByBit() {
        String text = HEAD.describe(ByteView.wrap(bytes(0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00)));
        assertEquals("""
                layout 'ipv4head', 8 bytes
                offset  bytes  field           type     value
                     0  45     version         bits:4   0100 .... = 4
                               ihl             bits:4   .... 0101 = 5
                     1  00     dscp            bits:6   0000 00.. = 0
                               ecn             bits:2   .... ..00 = 0
                     2  00 73  totalLength     u16be    115
                     4  00 00  identification  u16be    0
                     6  40 00  reserved        bits:1   0... .... .... .... = 0
                               dontFragment    bits:1   .1.. .... .... .... = 1
                               moreFragments   bits:1   ..0. .... .... .... = 0
                               fragmentOffset  bits:13  ...0 0000 0000 0000 = 0
                """, text);
    }

    @Test
    void describeShowsLeastSignificantBitFirstFieldsWhereTheirBitsAre() {
        PacketLayout reg = PacketLayout.builder("reg").bitsLsb("enable", 1).bitsLsb("mode", 3).bitsLsb("rest", 4)
                .build();
        String text = reg.describe(ByteView.wrap(bytes(0x35)));
        assertMentions(text, "enable  bitsLsb:1  .... ...1 = 1", "mode    bitsLsb:3  .... 010. = 2",
                "rest    bitsLsb:4  0011 .... = 3");
    }

    @Test
    void toStringListsBitFields() {
        assertMentions(HEAD.toString(), "version bits:4, ihl bits:4 @0", "fragmentOffset bits:13 @6");
    }
}
