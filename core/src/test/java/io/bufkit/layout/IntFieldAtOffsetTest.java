package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IntField#get(ByteView, int)}: the field of a packet inside a larger view, read without a slice. */
class IntFieldAtOffsetTest {

    /** Every int wire type, bit fields and odd widths among them. */
    private static final PacketLayout L = PacketLayout.builder("every-int")
            .u8("a").i8("b").u16be("c").u16le("d").i16be("e").i16le("f").i32be("g").i32le("h")
            .u24be("i").u24le("j").i24be("k").i24le("l").bits("m", 3).bits("n", 13)
            .u16be("p").build();

    @Test
    void readsWhatAReadOfTheSliceReads() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[L.size() + 40];
            random.nextBytes(bytes);
            ByteView whole = ByteView.wrap(bytes);
            int at = random.nextInt(41);
            ByteView packet = whole.slice(at, at + L.size());
            for (LayoutField f : L.fields()) {
                if (f instanceof IntField i) {
                    assertEquals(i.get(packet), i.get(whole, at), f + " at " + at);
                }
            }
        }
    }

    @Test
    void anOffsetOutsideTheViewOrAFieldPastItsEndIsRefused() {
        ByteView whole = ByteView.wrap(new byte[L.size() + 2]);
        IntField last = (IntField) L.field("p");
        assertEquals(0, last.get(whole, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> last.get(whole, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> last.get(whole, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> last.get(whole, Integer.MAX_VALUE));
        IntField first = (IntField) L.field("a");
        assertThrows(IndexOutOfBoundsException.class, () -> first.get(whole, whole.length()));
    }
}
