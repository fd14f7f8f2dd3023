package io.bufkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Every absolute read of {@link ByteView}, each paired with the same read done by {@link ByteBuffer}
 * (the oracle). Values are compared as {@code long}s; floating-point values as their raw bits.
 */
final class Reads {

    private Reads() {
    }

    /** A read through a view. */
    interface ViewRead {
        long read(ByteView view, int offset);
    }

    /** The same read through a byte buffer. */
    interface OracleRead {
        long read(ByteBuffer buffer, int index);
    }

    /** One kind of read: its name, width in bytes, and both ways of doing it. */
    record Read(String name, int width, ViewRead view, OracleRead oracle) {
        @Override
        public String toString() {
            return name;
        }
    }

    static ByteBuffer be(ByteBuffer b) {
        return b.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    static ByteBuffer le(ByteBuffer b) {
        return b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    static final List<Read> ALL = List.of(
            new Read("u8", 1, ByteView::u8, (b, i) -> b.get(i) & 0xFF),
            new Read("i8", 1, ByteView::i8, ByteBuffer::get),
            new Read("u16be", 2, ByteView::u16be, (b, i) -> be(b).getShort(i) & 0xFFFF),
            new Read("u16le", 2, ByteView::u16le, (b, i) -> le(b).getShort(i) & 0xFFFF),
            new Read("i16be", 2, ByteView::i16be, (b, i) -> be(b).getShort(i)),
            new Read("i16le", 2, ByteView::i16le, (b, i) -> le(b).getShort(i)),
            new Read("u32be", 4, ByteView::u32be, (b, i) -> be(b).getInt(i) & 0xFFFF_FFFFL),
            new Read("u32le", 4, ByteView::u32le, (b, i) -> le(b).getInt(i) & 0xFFFF_FFFFL),
            new Read("i32be", 4, ByteView::i32be, (b, i) -> be(b).getInt(i)),
            new Read("i32le", 4, ByteView::i32le, (b, i) -> le(b).getInt(i)),
            new Read("i64be", 8, ByteView::i64be, (b, i) -> be(b).getLong(i)),
            new Read("i64le", 8, ByteView::i64le, (b, i) -> le(b).getLong(i)),
            new Read("f32be", 4, (v, o) -> Float.floatToRawIntBits(v.f32be(o)),
                    (b, i) -> Float.floatToRawIntBits(be(b).getFloat(i))),
            new Read("f32le", 4, (v, o) -> Float.floatToRawIntBits(v.f32le(o)),
                    (b, i) -> Float.floatToRawIntBits(le(b).getFloat(i))),
            new Read("f64be", 8, (v, o) -> Double.doubleToRawLongBits(v.f64be(o)),
                    (b, i) -> Double.doubleToRawLongBits(be(b).getDouble(i))),
            new Read("f64le", 8, (v, o) -> Double.doubleToRawLongBits(v.f64le(o)),
                    (b, i) -> Double.doubleToRawLongBits(le(b).getDouble(i))));
}
