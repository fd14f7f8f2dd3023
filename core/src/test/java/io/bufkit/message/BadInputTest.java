package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.TestBytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input is a LayoutException naming layout, field path, offset and why; never an internal exception. */
class BadInputTest {
    static final PacketLayout COUNT = PacketLayout.builder("count").u8("n").build();
    static final PacketLayout LEN = PacketLayout.builder("len").u8("n").build();
    static final MessageLayout ITEM = MessageLayout.builder("item")
            .section("len", LEN).bytes("data", Size.of("len.n")).nulTerminated("label").build();
    static final MessageLayout LIST = MessageLayout.builder("list")
            .section("head", COUNT).repeat("items", "head.n", ITEM).build();

    static ByteView bytes(int... b) {
        return ByteView.wrap(TestBytes.of(b));
    }

    @Test
    void wellFormedDecodes() {
        Message m = LIST.decode(bytes(2, 1, 0xAA, 'a', 0, 0, 'b', 'c', 0));
        assertEquals(2, m.count("items"));
        assertEquals("a", m.element("items", 0).string("label"));
        assertEquals(0, m.element("items", 1).bytes("data").length());
        assertEquals("bc", m.element("items", 1).string("label"));
        assertEquals(6, m.element("items", 1).start("label"));
    }

    @Test
    void lengthPastTheEndNamesThePathAndOffset() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> LIST.decode(bytes(2, 1, 0xAA, 'a', 0, 9, 'b', 'c', 0)));
        assertEquals("list", e.layout());
        assertEquals("items[1].data", e.field().orElseThrow());
        assertEquals(6, e.offset());
        assertTrue(e.getMessage().contains("points past the end"), e.getMessage());
    }

    @Test
    void countNeedingMoreBytesThanTheMessageHasFailsBeforeAllocating() {
        LayoutException e = assertThrows(LayoutException.class, () -> LIST.decode(bytes(255, 0, 0)));
        assertEquals("items", e.field().orElseThrow());
        assertEquals(1, e.offset());
        assertTrue(e.getMessage().contains("count 255"), e.getMessage());
    }

    @Test
    void missingTerminator() {
        LayoutException e = assertThrows(LayoutException.class, () -> LIST.decode(bytes(1, 0, 'a', 'b')));
        assertEquals("items[0].label", e.field().orElseThrow());
        assertEquals(2, e.offset());
        assertTrue(e.getMessage().contains("NUL terminator never comes"), e.getMessage());
    }

    @Test
    void terminatorBeyondASizedChoiceDoesNotCount() {
        PacketLayout head = PacketLayout.builder("h").u8("type").u8("size").build();
        MessageLayout text = MessageLayout.builder("text").nulTerminated("s").build();
        MessageLayout outer = MessageLayout.builder("outer").section("head", head)
                .choice("body", "head.type", Size.of("head.size"), Map.of(1, text)).rest("tail").build();
        LayoutException e = assertThrows(LayoutException.class, () -> outer.decode(bytes(1, 2, 'a', 'b', 0)));
        assertEquals("body.s", e.field().orElseThrow());
        assertEquals("x", outer.decode(bytes(1, 2, 'x', 0, 0)).sub("body").string("s"));
    }

    @Test
    void aSizedSubLayoutMustFillItsSizeExactly() {
        MessageLayout text = MessageLayout.builder("text").nulTerminated("s").build();
        MessageLayout outer = MessageLayout.builder("outer").section("head", LEN)
                .sized("body", Size.of("head.n"), text).rest("tail").build();
        assertEquals("ab", outer.decode(bytes(3, 'a', 'b', 0, 'z')).sub("body").string("s"));
        assertEquals(4, outer.decode(bytes(3, 'a', 'b', 0, 'z')).start("tail"));
        LayoutException early = assertThrows(LayoutException.class, () -> outer.decode(bytes(3, 'a', 0, 'b', 'z')));
        assertEquals("body", early.field().orElseThrow());
        assertTrue(early.getMessage().contains("text ends before its head.n bytes do"), early.getMessage());
        LayoutException past = assertThrows(LayoutException.class, () -> outer.decode(bytes(9, 'a', 0)));
        assertTrue(past.getMessage().contains("points past the end"), past.getMessage());
        LayoutException inside = assertThrows(LayoutException.class, () -> outer.decode(bytes(2, 'a', 'b', 0)));
        assertEquals("body.s", inside.field().orElseThrow());
        assertTrue(outer.decode(bytes(3, 'a', 'b', 0)).describe().contains("body (3 bytes, head.n):"));
    }

    @Test
    void unknownDiscriminatorWithoutSizeAndLeftoverBytes() {
        PacketLayout head = PacketLayout.builder("h").u8("type").build();
        MessageLayout one = MessageLayout.builder("one").section("v", COUNT).build();
        MessageLayout outer = MessageLayout.builder("outer").section("head", head)
                .choice("body", "head.type", Map.of(1, one)).build();
        LayoutException e = assertThrows(LayoutException.class, () -> outer.decode(bytes(7, 0)));
        assertTrue(e.getMessage().contains("no alternative for head.type = 7"), e.getMessage());
        LayoutException left = assertThrows(LayoutException.class, () -> outer.decode(bytes(1, 5, 6)));
        assertEquals(2, left.offset());
    }

    @Test
    void randomBytesOnlyEverGiveLayoutExceptions() {
        Random random = new Random(Long.getLong("bufkit.seed", 14));
        int tries = Integer.getInteger("bufkit.tries", 2000);
        int decoded = 0;
        for (int t = 0; t < tries; t++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(6));
            }
            try {
                Message m = LIST.decode(ByteView.wrap(b));
                assertEquals(b.length, m.end());
                decoded++;
            } catch (LayoutException expected) {
                assertTrue(expected.offset() >= 0 && expected.offset() <= b.length, expected.getMessage());
            }
        }
        assertTrue(decoded > 0, "some random inputs should be well-formed");
    }

    @Test
    void declarationErrorsAreCaughtAtBuildTime() {
        assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("x").bytes("data", Size.of("len.n")));
        assertThrows(IllegalStateException.class,
                () -> MessageLayout.builder("x").rest("a").nulTerminated("b").build());
        assertThrows(IllegalArgumentException.class,
                () -> MessageLayout.builder("x").nulTerminated("a").nulTerminated("a"));
    }
}
