package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteWriterTest {

    private static byte[] bytes(int... values) {
        return io.bufkit.TestBytes.of(values);
    }

    @Test
    void writesEveryTypeInSequenceAndTheReaderReadsThemBack() {
        MutableByteView m = MutableByteView.allocate(128);
        ByteWriter w = new ByteWriter(m);
        w.u8(255).i8(-128).u16be(65535).u16le(1).i16be(-2).i16le(32767).u24be(0xABCDEF).u24le(1).i24be(-1)
                .i24le(-(1 << 23)).u32be(0xFFFF_FFFFL).u32le(7).i32be(-3).i32le(Integer.MAX_VALUE)
                .u40be((1L << 40) - 1).i40le(-5).u48le(1L << 47).i48be(-6).u56be(9).i56le(-(1L << 55))
                .i64be(Long.MIN_VALUE).i64le(-1).f32be(1.5f).f32le(-0.0f).f64be(Math.PI).f64le(Double.NaN);
        ByteReader r = new ByteReader(w.written());
        assertEquals(255, r.u8());
        assertEquals(-128, r.i8());
        assertEquals(65535, r.u16be());
        assertEquals(1, r.u16le());
        assertEquals(-2, r.i16be());
        assertEquals(32767, r.i16le());
        assertEquals(0xABCDEF, r.u24be());
        assertEquals(1, r.u24le());
        assertEquals(-1, r.i24be());
        assertEquals(-(1 << 23), r.i24le());
        assertEquals(0xFFFF_FFFFL, r.u32be());
        assertEquals(7, r.u32le());
        assertEquals(-3, r.i32be());
        assertEquals(Integer.MAX_VALUE, r.i32le());
        assertEquals((1L << 40) - 1, r.u40be());
        assertEquals(-5, r.i40le());
        assertEquals(1L << 47, r.u48le());
        assertEquals(-6, r.i48be());
        assertEquals(9, r.u56be());
        assertEquals(-(1L << 55), r.i56le());
        assertEquals(Long.MIN_VALUE, r.i64be());
        assertEquals(-1, r.i64le());
        assertEquals(1.5f, r.f32be());
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(r.f32le()));
        assertEquals(Math.PI, r.f64be());
        assertTrue(Double.isNaN(r.f64le()));
        assertEquals(0, r.remaining());
    }

    @Test
    void intArgumentsAreRangeCheckedNamingTypePositionAndRange() {
        ByteWriter w = new ByteWriter(MutableByteView.allocate(8)).u8(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.u16be(65536));
        assertEquals("cannot write u16be at position 1: value 65536 is outside 0 to 65535", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.i16le(32768));
        assertThrows(IllegalArgumentException.class, () -> w.i8(128));
        assertThrows(IllegalArgumentException.class, () -> w.u8(-1));
        assertThrows(IllegalArgumentException.class, () -> w.u32be(-1));
        assertThrows(IllegalArgumentException.class, () -> w.i24be(1 << 23));
        assertEquals(1, w.position());
    }

    @Test
    void overflowNamesThePositionTheBytesNeededAndTheBytesLeftAndWritesNothing() {
        MutableByteView m = MutableByteView.allocate(5);
        ByteWriter w = new ByteWriter(m).u16be(0x0102).u8(3);
        OverflowException e = assertThrows(OverflowException.class, () -> w.u32be(1));
        assertEquals("cannot write u32be at position 3: needs 4 byte(s) but only 2 remain", e.getMessage());
        assertEquals(3, e.position());
        assertEquals(4, e.needed());
        assertEquals(2, e.remaining());
        assertEquals(3, w.position());
        assertArrayEquals(bytes(1, 2, 3, 0, 0), m.toByteArray());
        assertThrows(OverflowException.class, () -> w.bytes(new byte[3]));
        assertThrows(OverflowException.class, () -> w.varint64(1L << 14));
        w.bytes(ByteView.wrap(bytes(9))).zeros(1);
        assertEquals(0, w.remaining());
    }

    @Test
    void varintsMatchTheProtobufEncoding() {
        // https://protobuf.dev/programming-guides/encoding/: 150 is 96 01, 300 is ac 02; sint32 -1 is 01, 1 is 02
        MutableByteView m = MutableByteView.allocate(64);
        ByteWriter w = new ByteWriter(m).varint64(150).varint32(300).zigzag32(-1).zigzag64(1).varint64(0)
                .varint64(-1).varint32(-1).zigzag32(Integer.MIN_VALUE);
        assertArrayEquals(bytes(0x96, 0x01, 0xac, 0x02, 0x01, 0x02, 0x00,
                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
                0xff, 0xff, 0xff, 0xff, 0x0f,
                0xff, 0xff, 0xff, 0xff, 0x0f), w.written().toByteArray());
        ByteReader r = new ByteReader(w.written());
        assertEquals(150, r.varint64());
        assertEquals(300, r.varint32());
        assertEquals(-1, r.zigzag32());
        assertEquals(1, r.zigzag64());
        assertEquals(0, r.varint64());
        assertEquals(-1, r.varint64());
        assertEquals(-1, r.varint32());
        assertEquals(Integer.MIN_VALUE, r.zigzag32());
    }

    @Test
    void varintsRoundTripAtEveryLength() {
        MutableByteView m = MutableByteView.allocate(20);
        for (int shift = 0; shift < 64; shift++) {
            for (long v : new long[] {(1L << shift) - 1, 1L << shift, -(1L << shift)}) {
                ByteWriter w = new ByteWriter(m).varint64(v).zigzag64(v);
                ByteReader r = new ByteReader(w.written());
                assertEquals(v, r.varint64(), "varint64 " + v);
                assertEquals(v, r.zigzag64(), "zigzag64 " + v);
            }
        }
    }

    @Test
    void aVarintLongerThanItsTypeIsMalformedAndNothingIsConsumed() {
        ByteReader r = new ByteReader(ByteView.wrap(bytes(0x80, 0x80, 0x80, 0x80, 0x10)));
        MalformedVarintException e = assertThrows(MalformedVarintException.class, r::varint32);
        assertTrue(e.getMessage().contains("varint32 at position 0") && e.getMessage().contains("byte 5 is 0x10"),
                e.getMessage());
        assertEquals(0, r.position());
        assertEquals(1L << 32, r.varint64());
        ByteReader eleven = new ByteReader(ByteView.wrap(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0x81, 0x00)));
        assertThrows(MalformedVarintException.class, eleven::varint64);
        assertEquals(0, eleven.position());
    }

    @Test
    void aVarintCutShortIsAnUnderflowAndNothingIsConsumed() {
        ByteReader r = new ByteReader(ByteView.wrap(bytes(1, 0x96)));
        assertEquals(1, r.varint64());
        UnderflowException e = assertThrows(UnderflowException.class, r::varint64);
        assertEquals(1, e.position());
        assertEquals(2, e.needed());
        assertEquals(1, e.remaining());
        assertEquals(1, r.position());
    }

    @Test
    void aWriterOverAStaleViewThrows() {
        Lease lease = Lease.open();
        ByteWriter w = new ByteWriter(lease.wrapMutable(new byte[4]));
        lease.close();
        assertThrows(StaleViewException.class, () -> w.u8(1));
    }
}
