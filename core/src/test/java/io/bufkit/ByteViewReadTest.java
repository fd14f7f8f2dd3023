package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every read of {@link ByteView}, at every offset of the view, on every backing, at a zero and a
 * non-zero offset into the memory, straight and as a slice of a slice, compared with {@link ByteBuffer}.
 */
class ByteViewReadTest {

    private static final int LENGTH = 40;

    static Stream<Arguments> placements() {
        List<Arguments> out = new ArrayList<>();
        for (Backing backing : Backing.values()) {
            for (Shape shape : Shape.values()) {
                for (int offset : new int[] {0, 13}) {
                    for (boolean leased : new boolean[] {false, true}) {
                        out.add(Arguments.of(backing, shape, offset, leased));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} memory offset {2} leased {3}")
    @MethodSource("placements")
    void everyReadAtEveryOffsetMatchesByteBuffer(Backing backing, Shape shape, int offset, boolean leased) {
        long seed = TestRandom.seed();
        byte[] content = TestRandom.bytes(new Random(seed), LENGTH);
        int from = offset + Shape.MARGIN_BEFORE;
        Backing.Memory memory = backing.holding(content, from, from + LENGTH + Shape.MARGIN_AFTER);
        ByteView view = shape.view(memory, from, from + LENGTH, leased ? Lease.open("test") : null, false);
        ByteBuffer oracle = ByteBuffer.wrap(content.clone());

        assertEquals(LENGTH, view.length());
        for (Reads.Read read : Reads.ALL) {
            for (int at = 0; at + read.width() <= LENGTH; at++) {
                assertEquals(read.oracle().read(oracle, at), read.view().read(view, at),
                        read + " at offset " + at + TestRandom.replay(seed));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.bufkit.ByteViewReadTest#backings")
    void readsDecodeEdgeValuesOfEveryWidth(Backing backing) {
        byte[] content = {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, (byte) 0xFF, 1};
        Backing.Memory memory = backing.holding(content, 0, content.length);
        ByteView v = memory.view(0, content.length, null, false);

        assertEquals(0x80, v.u8(0));
        assertEquals(-128, v.i8(0));
        assertEquals(0x8000, v.u16be(0));
        assertEquals(Short.MIN_VALUE, v.i16be(0));
        assertEquals(0x8000_0000L, v.u32be(0));
        assertEquals(Integer.MIN_VALUE, v.i32be(0));
        assertEquals(Long.MIN_VALUE, v.i64be(0));
        assertEquals(0x80L, v.u32le(0));
        assertEquals(0xFFFF_FFFFL, v.u32be(8));
        assertEquals(0xFFFF_FFFFL, v.u32le(8));
        assertEquals(-1, v.i32le(8));
        assertEquals(-1L, v.i64le(8));
        assertEquals(0xFFFF, v.u16le(8));
        assertEquals(0xFF7F, v.u16le(16));
        assertEquals(0x7FFF, v.u16be(16));
        assertEquals(Short.MAX_VALUE, v.i16be(16));
        assertEquals(0xFF01, v.u16be(17));
        assertEquals(0x01FF, v.u16le(17));
    }

    static Stream<Backing> backings() {
        return Stream.of(Backing.values());
    }

    @Test
    void sensorPacketOfTheProtocolCatalogueDecodes() {
        ByteView p = Bytes.fromHex("00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8 66 66").view();

        assertEquals(420L, p.u32be(0));
        assertEquals(1672531200000.0, p.f64be(4));
        assertEquals(1, p.u16be(12));
        assertEquals(5, p.u8(14));
        assertEquals(25, p.i8(15));
        assertEquals(50.0f, p.f32be(16));
        assertEquals(100.19999694824219, (double) p.f32be(20));
    }

    @Test
    void legacyMixedEndianPacketDecodesAtANonZeroOffsetOfALargerBuffer() {
        byte[] packet = Bytes.fromHex("ca fe ad de 00 00 40 a0 00 00 01 b5 80 51 01 00").toByteArray();
        ByteBuffer larger = ByteBuffer.allocateDirect(100);
        larger.put(37, packet);
        ByteView p = ByteView.wrap(larger).slice(37, 37 + 16);

        assertEquals(0xCAFE, p.u16be(0));
        assertEquals(57005, p.i32le(2));
        assertEquals(5.0f, p.f32be(6));
        assertEquals(1, p.u8(10));
        assertEquals(181, p.u8(11));
        assertEquals(86400L, p.u32le(12));
    }
}
