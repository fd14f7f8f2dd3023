package io.bufkit.testsupport;

/** Byte-array building for tests: streams made of several messages. */
public final class ByteArrays {

    private ByteArrays() {
    }

    /**
     * Joins arrays end to end.
     *
     * @param parts the arrays, in order
     * @return a new (owned) array holding every part's bytes in order
     */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
