package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import org.junit.jupiter.api.Test;

class IntPathTest {
    static final IntPath TYPE = EveryPartLayouts.ALL.intPath("head.type");
    static final IntPath KEY = EveryPartLayouts.ITEM.intPath("k.key");

    @Test
    void readsWhatIntValueReads() {
        for (int type : new int[] {1, 2, 9}) {
            Message m = EveryPartLayouts.ALL.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(
                    EveryPartLayouts.values(type, true))));
            assertEquals(type, TYPE.get(m));
            assertEquals(m.intValue("head.type"), TYPE.get(m));
            assertEquals(7, KEY.get(m.element("items", 0)));
            assertEquals(8, KEY.get(m.element("items", 1)));
        }
        assertEquals("head.type", TYPE.path());
        assertEquals("all.head.type", TYPE.toString());
    }

    @Test
    void aMessageOfAnotherLayoutOrAnUnknownPathIsRefused() {
        Message m = EveryPartLayouts.ALL.decode(ByteView.wrap(EveryPartLayouts.ALL.encode(
                EveryPartLayouts.values(1, false))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KEY.get(m));
        assertTrue(e.getMessage().contains("item.k.key") && e.getMessage().contains("all"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EveryPartLayouts.ALL.intPath("head.nothing"));
        assertThrows(IllegalArgumentException.class, () -> EveryPartLayouts.ALL.intPath("data"));
    }
}
