package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import org.junit.jupiter.api.Test;

class OddWidthFieldsTest {

    private static final PacketLayout L = PacketLayout.builder("odd")
            .u24be("a").i24le("b").u40le("c").i48be("d").u56be("e").i40be("f").u48le("g").i56le("h")
            .u24le("i").i24be("j").u40be("k").i40le("l").u48be("m").i48le("n").u56le("o").i56be("p")
            .build();

    @Test
    void oddWidthFieldsFollowEachOtherWithTheirWidths() {
        assertEquals(2 * (3 + 3 + 5 + 6 + 7 + 5 + 6 + 7), L.size());
        assertEquals(6, L.field("c").offset());
        assertEquals(WireType.U24BE, L.field("a").wireType());
        assertEquals("u56be", L.field("e").typeName());
    }

    @Test
    void handlesReadAndWriteAtTheEdgesOfEveryRange() {
        MutableByteView p = MutableByteView.allocate(L.size());
        for (LayoutField f : L.fields()) {
            WireType t = f.wireType();
            for (long v : new long[] {t.min(), t.min() + 1, -1, 0, 1, t.max() - 1, t.max()}) {
                if (!t.holds(v)) {
                    continue;
                }
                if (f instanceof IntField i) {
                    i.set(p, (int) v);
                    assertEquals(v, i.get(p), f.toString());
                } else {
                    LongField l = (LongField) f;
                    l.set(p, v);
                    assertEquals(v, l.get(p), f.toString());
                }
            }
        }
    }

    @Test
    void handlesReadTheSameBytesAsTheView() {
        byte[] bytes = new byte[L.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37 + 11);
        }
        ByteView v = ByteView.wrap(bytes);
        assertEquals(v.u24be(0), L.intField("a").get(v));
        assertEquals(v.i24le(3), L.intField("b").get(v));
        assertEquals(v.u40le(6), L.longField("c").get(v));
        assertEquals(v.i48be(11), L.longField("d").get(v));
        assertEquals(v.u56be(17), L.longField("e").get(v));
    }

    @Test
    void writesOutsideTheRangeNameTheFieldTypeAndValue() {
        MutableByteView p = MutableByteView.allocate(L.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> L.intField("a").set(p, 1 << 24));
        assertTrue(e.getMessage().contains("field 'a' (u24be at offset 0)") && e.getMessage().contains("16777216"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> L.longField("c").set(p, 1L << 40));
        assertThrows(IllegalArgumentException.class, () -> L.longField("d").set(p, 1L << 47));
    }

    @Test
    void expectChecksTheOddWidthRange() {
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").u24be("x").expect(1 << 24));
        PacketLayout l = PacketLayout.builder("t").u24be("len").expect(0x123456).build();
        MutableByteView p = MutableByteView.allocate(3);
        l.writeConstants(p);
        l.validate(p);
        assertEquals(0x123456, p.u24be(0));
    }

    @Test
    void shortPacketsAreRefusedNamingTheType() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> L.longField("c").get(ByteView.wrap(new byte[8])));
        assertTrue(e.getMessage().contains("u40le"), e.getMessage());
    }
}
