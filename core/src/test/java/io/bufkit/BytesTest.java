package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Bytes} is an owned, immutable value. */
class BytesTest {

    private static Bytes bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return Bytes.of(b);
    }

    @Test
    void equalContentsAreEqualWithEqualHashCodes() {
        Bytes a = bytes(1, 2, 3);
        Bytes b = Bytes.fromHex("010203");

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
    }

    @Test
    void differentContentsOrLengthsAreNotEqual() {
        assertNotEquals(bytes(1, 2, 3), bytes(1, 2, 4));
        assertNotEquals(bytes(1, 2, 3), bytes(1, 2));
        assertNotEquals(bytes(), bytes(0));
        assertNotEquals(bytes(1), ByteView.wrap(new byte[] {1}));
    }

    @Test
    void compareToIsUnsignedLexicographicWithAProperPrefixFirst() {
        assertTrue(bytes(0x7F).compareTo(bytes(0x80)) < 0);
        assertTrue(bytes(0xFF).compareTo(bytes(0x00, 0x00)) > 0);
        assertTrue(bytes(1, 2).compareTo(bytes(1, 2, 0)) < 0);
        assertTrue(bytes().compareTo(bytes(0)) < 0);
    }

    @Test
    void compareToIsConsistentWithEqualsOnRandomValues() {
        long seed = TestRandom.seed();
        Random random = new Random(seed);
        for (int t = 0; t < TestRandom.tries(); t++) {
            Bytes a = Bytes.of(TestRandom.bytes(random, random.nextInt(4)));
            Bytes b = Bytes.of(TestRandom.bytes(random, random.nextInt(4)));
            String what = a + " vs " + b + TestRandom.replay(seed);
            assertEquals(a.equals(b), a.compareTo(b) == 0, what);
            assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)), what);
            if (a.equals(b)) {
                assertEquals(a.hashCode(), b.hashCode(), what);
            }
        }
    }

    @Test
    void doesNotChangeWhenTheArrayItWasCopiedFromChanges() {
        byte[] source = {1, 2, 3, 4};
        Bytes whole = Bytes.of(source);
        Bytes range = Bytes.of(source, 1, 2);
        int hash = whole.hashCode();

        source[1] = 99;

        assertEquals(bytes(1, 2, 3, 4), whole);
        assertEquals(bytes(2, 3), range);
        assertEquals(hash, whole.hashCode());
    }

    @Test
    void aCopyOfAViewDoesNotChangeWhenTheViewedMemoryChanges() {
        byte[] memory = {5, 6, 7};
        Bytes copy = Bytes.copyOf(ByteView.wrap(memory));

        memory[0] = 0;

        assertEquals(5, copy.u8(0));
    }

    @Test
    void toByteArrayReturnsAFreshCopyEachTime() {
        Bytes b = bytes(1, 2);

        byte[] first = b.toByteArray();
        first[0] = 9;

        assertArrayEquals(new byte[] {1, 2}, b.toByteArray());
    }

    @Test
    void worksAsAHashMapKey() {
        Map<Bytes, String> map = new HashMap<>();
        map.put(Bytes.utf8("key"), "value");

        assertEquals("value", map.get(ByteView.wrap("key".getBytes(StandardCharsets.UTF_8)).copy()));
    }

    @Test
    void viewIsReadOnlyNeverStaleAndShowsTheBytes() {
        ByteView view = bytes(0xCA, 0xFE).view();

        assertEquals(0xCAFE, view.u16be(0));
        assertTrue(view.isValid());
        assertFalse(view instanceof MutableByteView);
        assertEquals(2, view.pinnedBytes());
    }

    @Test
    void hexRoundTripsAndAcceptsWhitespaceAndUpperCase() {
        Bytes b = Bytes.fromHex("CA fe\n00\t7f\r\n");

        assertEquals(bytes(0xCA, 0xFE, 0x00, 0x7F), b);
        assertEquals("cafe007f", b.toHex());
        assertEquals(b, Bytes.fromHex(b.toHex()));
    }

    @Test
    void fromHexRejectsAnOddNumberOfDigits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("abc"));
        assertTrue(e.getMessage().contains("odd"), e.getMessage());
    }

    @Test
    void fromHexRejectsANonHexCharacter() {
        assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("zz"));
    }

    @Test
    void base64RoundTrips() {
        Bytes b = bytes(0, 1, 0xFF, 0x80, 0x7F);

        assertEquals("AAH/gH8=", b.toBase64());
        assertEquals(b, Bytes.fromBase64(b.toBase64()));
        assertThrows(IllegalArgumentException.class, () -> Bytes.fromBase64("!!"));
    }

    @Test
    void utf8EncodesAndDecodesText() {
        Bytes b = Bytes.utf8("grüß");

        assertEquals(6, b.length());
        assertEquals("grüß", b.toUtf8());
        assertEquals("grüß", b.toString(StandardCharsets.UTF_8));
    }

    @Test
    void emptyIsSharedAndEmpty() {
        assertSame(Bytes.empty(), Bytes.of(new byte[0]));
        assertTrue(Bytes.empty().isEmpty());
        assertEquals(0, Bytes.empty().view().length());
    }

    @Test
    void u8OutsideTheBytesIsOutOfBounds() {
        Bytes b = bytes(1);

        assertThrows(IndexOutOfBoundsException.class, () -> b.u8(1));
        assertThrows(IndexOutOfBoundsException.class, () -> b.u8(-1));
    }

    @Test
    void toStringShowsLengthAndAtMostThirtyTwoBytes() {
        byte[] forty = new byte[40];
        forty[0] = (byte) 0xAB;

        String s = Bytes.of(forty).toString();

        assertTrue(s.startsWith("Bytes[40: ab00"), s);
        assertTrue(s.endsWith("…]"), s);
        assertEquals("Bytes[2: 0102]", bytes(1, 2).toString());
    }
}
