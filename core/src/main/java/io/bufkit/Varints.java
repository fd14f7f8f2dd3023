package io.bufkit;

/** Unsigned LEB128 sizes and writes, shared by {@link ByteWriter}'s varint methods. */
final class Varints {

    private Varints() {
    }

    /** The number of bytes of the unsigned LEB128 form of {@code value}, read as unsigned: 1 to 10. */
    static int size(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }

    /** Writes the unsigned LEB128 form of {@code value} at {@code at}; the caller checked the room. */
    static void write(MutableByteView view, int at, long value) {
        long v = value;
        int p = at;
        while ((v & ~0x7FL) != 0) {
            view.putU8(p++, (int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        view.putU8(p, (int) v);
    }
}
