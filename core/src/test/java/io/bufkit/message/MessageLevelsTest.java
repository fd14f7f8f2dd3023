package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The levels of a decoded message: made on navigation, equal for one level, with paths for failures. */
class MessageLevelsTest {

    private static Message decode(int type, boolean option) {
        return EveryPartLayouts.ALL.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(
                EveryPartLayouts.values(type, option))));
    }

    @Test
    void navigatingToALevelTwiceGivesEqualMessagesAndOtherLevelsDiffer() {
        Message m = decode(2, true);
        assertEquals(m.element("items", 1), m.element("items", 1));
        assertEquals(m.element("items", 1).hashCode(), m.element("items", 1).hashCode());
        assertNotEquals(m.element("items", 0), m.element("items", 1));
        assertEquals(m.sub("body"), m.sub("body"));
        assertNotEquals(m.sub("body"), m.sub("opt"));
        assertNotEquals(m.element("items", 0), decode(2, true).element("items", 0));
        assertEquals(m, m);
    }

    @Test
    void everyLevelKeepsItsBoundsAndValuesAfterLaterLevelsAreDecoded() {
        Message m = decode(2, true);
        assertEquals(2, m.count("items"));
        assertEquals(2, m.count("entries"));
        assertEquals(2, m.count("tail"));
        assertEquals("seven", m.element("items", 0).string("s"));
        assertEquals("boom", m.element("entries", 0).string("value"));
        assertEquals(m.end("entries"), m.start("opt"));
        assertEquals(513, m.sub("opt").intValue("o.x"));
        assertEquals(-2, m.sub("body").intValue("p.a"));
        assertEquals("xy", m.element("tail", 0).string("b"));
        assertEquals(m.end(), m.element("tail", 1).end());
        assertThrows(IndexOutOfBoundsException.class, () -> m.element("tail", 2));
        assertThrows(IllegalStateException.class, () -> decode(2, false).sub("opt"));
        assertEquals(EveryPartLayouts.ALL.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(
                EveryPartLayouts.values(2, true)))).toValues(), m.toValues());
    }

    /** Repeats to the end nested in repeats to the end: the element tables follow each element's sub-levels. */
    @Test
    void nestedRepeatsToTheEndKeepTheirElementsApart() {
        MessageLayout inner = MessageLayout.builder("inner")
                .section("v", PacketLayout.builder("v").u8("kind").u8("n").build())
                .when("more", "v.kind", k -> k == 1, MessageLayout.builder("more")
                        .section("w", PacketLayout.builder("w").u8("x").build()).build())
                .build();
        MessageLayout group = MessageLayout.builder("group")
                .section("g", PacketLayout.builder("g").u8("len").build())
                .sized("items", Size.of("g.len"), MessageLayout.builder("items").repeatToEnd("item", inner).build())
                .build();
        MessageLayout all = MessageLayout.builder("groups").repeatToEnd("group", group).build();
        byte[] wire = {5, 1, 10, 99, 0, 11, /**/ 2, 0, 12, /**/ 0};
        Message m = all.decode(ByteView.wrap(wire));
        assertEquals(3, m.count("group"));
        Message first = m.element("group", 0).sub("items");
        assertEquals(2, first.count("item"));
        assertEquals(10, first.element("item", 0).intValue("v.n"));
        assertEquals(99, first.element("item", 0).sub("more").intValue("w.x"));
        assertEquals(11, first.element("item", 1).intValue("v.n"));
        assertEquals(12, m.element("group", 1).sub("items").element("item", 0).intValue("v.n"));
        assertEquals(0, m.element("group", 2).sub("items").count("item"));
        assertEquals(List.of(Map.of("g", Map.of("len", 0), "items", Map.of("item", List.of()))).get(0),
                m.element("group", 2).toValues());

        byte[] bad = {5, 1, 10, 99, 0, 11, /**/ 2, 1, 12};
        LayoutException e = assertThrows(LayoutException.class, () -> all.decode(ByteView.wrap(bad)));
        assertEquals("group[1].items.item[0].more.w", e.field().orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().startsWith("groups: group[1].items.item[0].more.w at offset 9"), e.getMessage());
    }
}
