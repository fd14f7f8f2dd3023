package io.bufkit;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Every absolute write of {@link MutableByteView}, each paired with a {@link ByteBuffer} read (the
 * oracle) that reads the written value back. A write takes any {@code long} and first maps it into
 * the write's domain with {@code normalize}; {@code readBack} returns the stored value in the same
 * normalized form (floating-point values as raw bits).
 */
final class Writes {

    private Writes() {
    }

    /** Maps a random {@code long} into a write's domain. */
    interface Normalize {
        long apply(long random);
    }

    /** Writes a normalized value. */
    interface Put {
        void put(MutableByteView view, int offset, long normalized);
    }

    /** One kind of write. */
    record Write(String name, int width, Normalize normalize, Put put, Reads.OracleRead readBack) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static long f32bits(long r) {
        return Float.floatToRawIntBits(Float.intBitsToFloat((int) r));
    }

    private static long f64bits(long r) {
        return Double.doubleToRawLongBits(Double.longBitsToDouble(r));
    }

    static final List<Write> ALL = List.of(
            new Write("putU8", 1, r -> r & 0xFF, (v, o, n) -> v.putU8(o, (int) n), (b, i) -> b.get(i) & 0xFF),
            new Write("putI8", 1, r -> (byte) r, (v, o, n) -> v.putI8(o, (byte) n), ByteBuffer::get),
            new Write("putU16be", 2, r -> r & 0xFFFF, (v, o, n) -> v.putU16be(o, (int) n),
                    (b, i) -> Reads.be(b).getShort(i) & 0xFFFF),
            new Write("putU16le", 2, r -> r & 0xFFFF, (v, o, n) -> v.putU16le(o, (int) n),
                    (b, i) -> Reads.le(b).getShort(i) & 0xFFFF),
            new Write("putI16be", 2, r -> (short) r, (v, o, n) -> v.putI16be(o, (short) n), (b, i) -> Reads.be(b).getShort(i)),
            new Write("putI16le", 2, r -> (short) r, (v, o, n) -> v.putI16le(o, (short) n), (b, i) -> Reads.le(b).getShort(i)),
            new Write("putU32be", 4, r -> r & 0xFFFF_FFFFL, (v, o, n) -> v.putU32be(o, n),
                    (b, i) -> Reads.be(b).getInt(i) & 0xFFFF_FFFFL),
            new Write("putU32le", 4, r -> r & 0xFFFF_FFFFL, (v, o, n) -> v.putU32le(o, n),
                    (b, i) -> Reads.le(b).getInt(i) & 0xFFFF_FFFFL),
            new Write("putI32be", 4, r -> (int) r, (v, o, n) -> v.putI32be(o, (int) n), (b, i) -> Reads.be(b).getInt(i)),
            new Write("putI32le", 4, r -> (int) r, (v, o, n) -> v.putI32le(o, (int) n), (b, i) -> Reads.le(b).getInt(i)),
            new Write("putI64be", 8, r -> r, (v, o, n) -> v.putI64be(o, n), (b, i) -> Reads.be(b).getLong(i)),
            new Write("putI64le", 8, r -> r, (v, o, n) -> v.putI64le(o, n), (b, i) -> Reads.le(b).getLong(i)),
            new Write("putF32be", 4, Writes::f32bits, (v, o, n) -> v.putF32be(o, Float.intBitsToFloat((int) n)),
                    (b, i) -> Reads.be(b).getInt(i)),
            new Write("putF32le", 4, Writes::f32bits, (v, o, n) -> v.putF32le(o, Float.intBitsToFloat((int) n)),
                    (b, i) -> Reads.le(b).getInt(i)),
            new Write("putF64be", 8, Writes::f64bits, (v, o, n) -> v.putF64be(o, Double.longBitsToDouble(n)),
                    (b, i) -> Reads.be(b).getLong(i)),
            new Write("putF64le", 8, Writes::f64bits, (v, o, n) -> v.putF64le(o, Double.longBitsToDouble(n)),
                    (b, i) -> Reads.le(b).getLong(i)));
}
