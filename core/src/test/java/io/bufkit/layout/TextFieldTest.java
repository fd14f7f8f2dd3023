package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFieldTest {

    private static final PacketLayout L = PacketLayout.builder("names")
            .text("c", 8, StandardCharsets.US_ASCII, TextPadding.NUL)
            .text("ibm", 6, StandardCharsets.ISO_8859_1, TextPadding.SPACE)
            .build();
    private static final TextField C = L.textField("c");
    private static final TextField IBM = L.textField("ibm");

    @Test
    void nulPaddedTextStopsAtTheFirstNul() {
        ByteView p = ByteView.wrap("ab\0zzzzzname  ".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("ab", C.string(p));
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), C.get(p).toByteArray());
        assertEquals("name", IBM.string(p));
        assertEquals(4, IBM.get(p).length());
    }

    @Test
    void writesPadTheRestAndRefuseTextThatDoesNotFit() {
        MutableByteView p = MutableByteView.allocate(14);
        p.fill((byte) 'x');
        C.set(p, "hi");
        IBM.set(p, "é");
        assertArrayEquals("hi\0\0\0\0\0\0\u00e9     ".getBytes(StandardCharsets.ISO_8859_1), p.toByteArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> C.set(p, "too long!"));
        assertTrue(e.getMessage().contains("field 'c' (text at offset 0)") && e.getMessage().contains("9 bytes"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> C.set(p, "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> IBM.set(p, "a "));
        assertEquals("hi", C.string(p));
    }

    @Test
    void describeShowsTheText() {
        MutableByteView p = MutableByteView.allocate(14);
        C.set(p, "hi");
        IBM.set(p, "abc");
        String text = L.describe(p);
        assertTrue(text.contains("c      text[8]  \"hi\""), text);
        assertTrue(text.contains("ibm    text[6]  \"abc\""), text);
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").text("x", 0,
                StandardCharsets.US_ASCII, TextPadding.NUL));
    }
}
