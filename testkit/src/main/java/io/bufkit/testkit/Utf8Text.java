package io.bufkit.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Valid UTF-8 text of a given number of bytes, for byte parts a record maps to {@code String}: code points of
 * one to four bytes (ASCII, Latin-1 and Greek, CJK, emoji), never U+0000, so that a NUL-terminated part holds
 * them too. Shrinks toward shorter and plainer text.
 */
final class Utf8Text {
    /** Code points by their UTF-8 width: 'a', 'é', 'λ', '中', '😀' and neighbours. */
    private static final Gen<Integer> CODE_POINTS = Gen.oneOf(Gen.ints(0x21, 0x7E), Gen.ints(0xA1, 0x3FF),
            Gen.ints(0x4E00, 0x4F00), Gen.ints(0x1F600, 0x1F64F));

    private Utf8Text() {
    }

    /**
     * Text of {@code min} to {@code max} bytes.
     *
     * @param min the fewest bytes, at least 0
     * @param max the most bytes, at least {@code min}
     * @return the generator of new, <em>owned</em> arrays
     */
    static Gen<byte[]> of(int min, int max) {
        return Gen.ints(min, max).flatMap(Utf8Text::exactly);
    }

    /** Text of exactly {@code n} bytes: code points that fit, then ASCII to make up the rest. */
    static Gen<byte[]> exactly(int n) {
        return Gen.listOf(CODE_POINTS, 0, Math.min(n, 64)).map(points -> fill(points, n));
    }

    private static byte[] fill(List<Integer> points, int n) {
        StringBuilder text = new StringBuilder();
        int used = 0;
        for (int cp : points) {
            int width = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + width > n) {
                break;
            }
            text.appendCodePoint(cp);
            used += width;
        }
        byte[] out = Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), n);
        Arrays.fill(out, used, n, (byte) 'a');
        return out;
    }
}
