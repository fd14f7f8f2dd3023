package io.bufkit;

/** Byte arrays written as lists of unsigned byte values, for tests. */
public final class TestBytes {

    private TestBytes() {
    }

    /** The bytes {@code values}, each 0 to 255 (or any int, cut to its low 8 bits). */
    public static byte[] of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
