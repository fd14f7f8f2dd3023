package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.PacketLayout;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Field kinds that see the message being encoded: offsets in the whole message at every level, state per
 * kind for one pass of one encode call, and exact sizes after a derived varint whose width moves them.
 */
class EncodingContextTest {
    static final MessageLayout ITEMS = MessageLayout.builder("items")
            .section("header", PacketLayout.builder("header").u8("n").build())
            .repeat("items", "header.n", MessageLayout.builder("item")
                    .section("h", PacketLayout.builder("h").u8("kind").build())
                    .choice("body", "h.kind", Map.of(
                            1, MessageLayout.builder("shared").field("text", SharedText.KIND).build(),
                            2, MessageLayout.builder("aligned").field("text", AlignedText.KIND).build()))
                    .build())
            .build();

    static final MessageLayout FRAME = MessageLayout.builder("frame")
            .section("fixed", PacketLayout.builder("fixed").u8("type").build())
            .varint("remaining", 4)
            .sized("body", Size.of("remaining"), MessageLayout.builder("body")
                    .prefixed("payload", 2).field("text", AlignedText.KIND).build())
            .build();

    static final MessageLayout FRAME_WITH_REMAINING_LENGTH = MessageLayout.builder("frame-rl")
            .section("fixed", PacketLayout.builder("fixed").u8("type").build())
            .varint("remaining", 4).remainingLength(Size.of("remaining"))
            .prefixed("payload", 2).field("text", AlignedText.KIND)
            .build();

    static Map<String, Object> item(int kind, String text) {
        return Map.of("h", Map.of("kind", kind), "body", Map.of("text", text));
    }

    static final Map<String, Object> FOUR = Map.of("header", Map.of(),
            "items", List.of(item(2, "ab"), item(1, "x"), item(2, "cde"), item(1, "x")));

    @Test
    void fieldsSizeAndWriteAtTheirOffsetInTheWholeMessageAtEveryLevel() {
        byte[] wire = ITEMS.encode(FOUR);
        assertEquals("04"
                + "02" + "0000" + "616200"      // item 0: aligned text at 2, padded to 4
                + "01" + "0178"                 // item 1: "x" at 8
                + "02" + "00" + "63646500"      // item 2: aligned text at 11, padded to 12
                + "01" + "800008",              // item 3: "x" again, a reference to offset 8
                HexFormat.of().formatHex(wire));
        assertEquals(wire.length, ITEMS.encodedSize(FOUR));
        Message m = ITEMS.decode(ByteView.wrap(wire));
        assertEquals("x", m.element("items", 3).sub("body").value("text", SharedText.KIND));
        assertEquals("cde", m.element("items", 2).sub("body").value("text", AlignedText.KIND));
        assertArrayEquals(wire, ITEMS.encode(m.toValues()));
    }

    @Test
    void stateLivesForOneEncodeCall() {
        byte[] first = ITEMS.encode(FOUR);
        assertArrayEquals(first, ITEMS.encode(FOUR), "the second message refers to nothing of the first");
        Map<String, Object> one = Map.of("header", Map.of(), "items", List.of(item(1, "x")));
        assertEquals("01" + "01" + "0178", HexFormat.of().formatHex(ITEMS.encode(one)));
    }

    /** Elements of repeats that end with a terminator or with the message start where the last one ended. */
    @Test
    void elementsOfEveryRepeatStartWhereThePreviousEnded() {
        MessageLayout text = MessageLayout.builder("text").field("text", AlignedText.KIND).build();
        MessageLayout untilFf = MessageLayout.builder("until").repeatUntil("texts", 0xFF, text).build();
        MessageLayout toEnd = MessageLayout.builder("to-end")
                .section("h", PacketLayout.builder("h").u8("v").build()).repeatToEnd("texts", text).build();
        List<Map<String, Object>> texts = List.of(Map.of("text", "a"), Map.of("text", "bcd"), Map.of("text", "e"));
        byte[] until = untilFf.encode(Map.of("texts", texts));
        assertEquals("610000" + "00" + "62636400" + "6500" + "ff", HexFormat.of().formatHex(until));
        byte[] end = toEnd.encode(Map.of("h", Map.of("v", 9), "texts", texts));
        assertEquals("09" + "000000" + "6100" + "0000" + "62636400" + "6500", HexFormat.of().formatHex(end));
        assertEquals(texts, untilFf.decode(ByteView.wrap(until)).toValues().get("texts"));
        assertEquals(texts, toEnd.decode(ByteView.wrap(end)).toValues().get("texts"));
    }

    /**
     * The text's padding depends on the varint's width, which depends on the body's length: the size pass
     * runs again with the width found, and a length that needs one width with the other and the other
     * with the one is rejected.
     */
    @Test
    void aFieldAfterADerivedVarintIsSizedWhereTheVarintsWidthPutsIt() {
        int encoded = 0;
        for (MessageLayout layout : List.of(FRAME, FRAME_WITH_REMAINING_LENGTH)) {
            boolean nested = layout == FRAME;
            for (int payload = 100; payload <= 140; payload++) {
                Map<String, Object> body = Map.of("payload", new byte[payload], "text", "a");
                Map<String, Object> values = new java.util.HashMap<>(nested ? Map.of("body", body) : body);
                values.put("fixed", Map.of("type", 1));
                if (payload >= 121 && payload <= 123) {
                    // width 1 puts the text at 127 - (123 - payload), 1 to 3 bytes of padding, 128 bytes of
                    // body; width 2 takes one byte of padding away: 127 bytes, which width 1 holds
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> layout.encode(values));
                    assertTrue(e.getMessage().startsWith(layout.name() + ": remaining: no width of the varint fits"),
                            e.getMessage());
                    continue;
                }
                byte[] wire = layout.encode(values);
                Message m = layout.decode(ByteView.wrap(wire));
                Message b = nested ? m.sub("body") : m;
                int width = m.end("remaining") - m.start("remaining");
                assertEquals(payload > 123 ? 2 : 1, width, "payload " + payload);
                assertEquals(wire.length - 1 - width, m.intValue("remaining"));
                assertEquals("a", b.value("text", AlignedText.KIND), "payload " + payload);
                assertEquals('a', wire[AlignedText.align(b.end("payload"))], "payload " + payload);
                assertEquals(wire.length, layout.encodedSize(values));
                encoded++;
            }
        }
        assertEquals(2 * 38, encoded);
    }
}
