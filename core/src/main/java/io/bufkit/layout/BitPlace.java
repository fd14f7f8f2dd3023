package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.internal.ViewAccess;

/**
 * Where a bit field's bits lie, worked out once when the layout is built: the bytes it touches (the
 * container: 1, 2, 4 or 8 bytes are read as one integer, 3, 5, 6 or 7 bytes one by one), and the shift
 * and mask that take the field out of them. A record, so that a
 * handle's place is a constant to the JIT and a read compiles to one load, a shift and a mask.
 *
 * @param end the container's end in the packet: its offset plus {@code bytes}
 * @param bytes the container's width in bytes
 * @param lsbFirst whether the container is read little-endian (least significant bit first runs)
 * @param shift how far the field's lowest bit is from the container's lowest bit
 * @param mask the field's bits, shifted down: {@code 2^bits - 1}
 * @param bits the field's width in bits
 * @param signed whether the field is two's complement
 */
record BitPlace(int end, int bytes, boolean lsbFirst, int shift, long mask, int bits, boolean signed) {

    private static final ViewAccess VIEWS = ViewAccess.get();

    /**
     * The place of a field of {@code bits} bits whose first bit is {@code bit}, counted from the packet's
     * first byte in the run's bit order (from the top of each byte for most significant bit first runs,
     * from the bottom of each byte for least significant bit first runs). The container is the bytes the
     * field touches, so a view that holds those bytes holds the field.
     */
    static BitPlace of(int bit, int bits, boolean lsbFirst, boolean signed) {
        int first = bit / 8;
        int bytes = (bit + bits - 1) / 8 - first + 1;
        int inContainer = bit - 8 * first;
        int shift = lsbFirst ? inContainer : 8 * bytes - inContainer - bits;
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return new BitPlace(first + bytes, bytes, lsbFirst, shift, mask, bits, signed);
    }

    /** The container's bits; checks the view's lease and length like every handle read. */
    long container(ByteView p, String op) {
        return container(p, 0, op);
    }

    /** The container of a packet starting at {@code at} of {@code p}; {@code at} is not negative. */
    private long container(ByteView p, int at, String op) {
        int e = at + end;
        switch (bytes) {
            case 1:
                return VIEWS.readI8(p, e, op) & 0xFFL;
            case 2:
                return (lsbFirst ? VIEWS.readI16le(p, e, op) : VIEWS.readI16be(p, e, op)) & 0xFFFFL;
            case 4:
                return (lsbFirst ? VIEWS.readI32le(p, e, op) : VIEWS.readI32be(p, e, op)) & 0xFFFF_FFFFL;
            case 8:
                return lsbFirst ? VIEWS.readI64le(p, e, op) : VIEWS.readI64be(p, e, op);
            default:
                return bytewise(p, e, op);
        }
    }

    private long bytewise(ByteView p, int e, String op) {
        long v = 0;
        for (int k = 0; k < bytes; k++) {
            long b = VIEWS.readI8(p, e - bytes + k + 1, op) & 0xFFL;
            v = lsbFirst ? v | b << (8 * k) : v << 8 | b;
        }
        return v;
    }

    /** The field's value in {@code p}: unsigned, or sign-extended for a signed field. */
    long value(ByteView p, String op) {
        return value(p, 0, op);
    }

    /** The value in a packet starting at {@code at} of {@code p}; {@code at} is not negative. */
    long value(ByteView p, int at, String op) {
        long v = (container(p, at, op) >>> shift) & mask;
        return signed ? (v << (64 - bits)) >> (64 - bits) : v;
    }

    /** Writes {@code value}'s low {@code bits} bits and leaves every other bit of the container as it was. */
    void write(MutableByteView p, long value, String op) {
        long c = container(p, op);
        c = (c & ~(mask << shift)) | ((value & mask) << shift);
        int at = end - bytes;
        switch (bytes) {
            case 1 -> p.putI8(at, (byte) c);
            case 2 -> {
                if (lsbFirst) {
                    p.putI16le(at, (short) c);
                } else {
                    p.putI16be(at, (short) c);
                }
            }
            case 4 -> {
                if (lsbFirst) {
                    p.putI32le(at, (int) c);
                } else {
                    p.putI32be(at, (int) c);
                }
            }
            case 8 -> {
                if (lsbFirst) {
                    p.putI64le(at, c);
                } else {
                    p.putI64be(at, c);
                }
            }
            default -> {
                for (int k = 0; k < bytes; k++) {
                    int shiftOut = lsbFirst ? 8 * k : 8 * (bytes - 1 - k);
                    p.putI8(at + k, (byte) (c >>> shiftOut));
                }
            }
        }
    }
}
