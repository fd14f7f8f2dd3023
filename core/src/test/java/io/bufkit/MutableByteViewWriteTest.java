package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write of {@link MutableByteView} on every writable backing, read back through {@link ByteBuffer},
 * plus the bulk writes and the checks on written values.
 */
class MutableByteViewWriteTest {

    private static final int LENGTH = 24;

    static Stream<Arguments> placements() {
        List<Arguments> out = new ArrayList<>();
        for (Backing backing : Backing.values()) {
            if (!backing.writable) {
                continue;
            }
            for (Shape shape : Shape.values()) {
                for (int offset : new int[] {0, 9}) {
                    out.add(Arguments.of(backing, shape, offset));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} memory offset {2}")
    @MethodSource("placements")
    void everyWriteAtEveryOffsetReadsBackThroughByteBufferAndTouchesOnlyItsBytes(Backing backing, Shape shape, int offset) {
        long seed = TestRandom.seed();
        Random random = new Random(seed);
        int from = offset + Shape.MARGIN_BEFORE;
        int size = from + LENGTH + Shape.MARGIN_AFTER;
        for (Writes.Write write : Writes.ALL) {
            for (int at = 0; at + write.width() <= LENGTH; at++) {
                Backing.Memory memory = backing.holding(new byte[0], 0, size);
                MutableByteView view = (MutableByteView) shape.view(memory, from, from + LENGTH, Lease.open(), true);
                byte[] before = memory.bytes(0, size);
                long value = write.normalize().apply(random.nextLong());

                write.put().put(view, at, value);

                String what = write + " at offset " + at + TestRandom.replay(seed);
                assertEquals(value, write.readBack().read(memory.raw, from + at), what);
                byte[] after = memory.bytes(0, size);
                Arrays.fill(after, from + at, from + at + write.width(), (byte) 0x5A);
                assertArrayEquals(before, after, "bytes outside the write changed: " + what);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writableBackings")
    void writesOfEdgeValuesReadBackThroughTheView(Backing backing) {
        MutableByteView v = (MutableByteView) backing.allocate(8).view(0, 8, null, true);

        assertEquals(255, v.putU8(0, 255).u8(0));
        assertEquals(65535, v.putU16be(0, 65535).u16be(0));
        assertEquals(0xFFFF_FFFFL, v.putU32le(0, 0xFFFF_FFFFL).u32le(0));
        assertEquals(Long.MIN_VALUE, v.putI64be(0, Long.MIN_VALUE).i64be(0));
        assertEquals(Double.NEGATIVE_INFINITY, v.putF64le(0, Double.NEGATIVE_INFINITY).f64le(0));
        assertEquals(Float.MIN_VALUE, v.putF32be(4, Float.MIN_VALUE).f32be(4));
    }

    @Test
    void putU8RejectsValuesOutsideAnUnsignedByteNamingTheValue() {
        MutableByteView v = MutableByteView.allocate(4);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.putU8(0, 256));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.putU8(0, -1));
        assertEquals(0, v.u8(0));
    }

    @Test
    void unsignedWritesRejectValuesOutsideTheirRange() {
        MutableByteView v = MutableByteView.allocate(4);

        assertThrows(IllegalArgumentException.class, () -> v.putU16be(0, 65536));
        assertThrows(IllegalArgumentException.class, () -> v.putU16le(0, -1));
        assertThrows(IllegalArgumentException.class, () -> v.putU32be(0, 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> v.putU32le(0, -1L));
        assertArrayEquals(new byte[4], v.toByteArray());
    }

    static Stream<Backing> writableBackings() {
        return Stream.of(Backing.values()).filter(b -> b.writable);
    }

    static Stream<Arguments> backingPairs() {
        List<Arguments> out = new ArrayList<>();
        for (Backing src : Backing.values()) {
            for (Backing dst : Backing.values()) {
                if (dst.writable) {
                    out.add(Arguments.of(src, dst));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} into {1}")
    @MethodSource("backingPairs")
    void putOfAViewCopiesItsBytesAcrossBackings(Backing srcBacking, Backing dstBacking) {
        byte[] content = TestRandom.bytes(new Random(7), 10);
        ByteView src = srcBacking.holding(content, 3, 20).view(3, 13, null, false);
        Backing.Memory dstMemory = dstBacking.allocate(16);
        MutableByteView dst = (MutableByteView) dstMemory.view(2, 16, null, true);

        dst.put(4, src);

        assertArrayEquals(content, dstMemory.bytes(6, 16));
        assertArrayEquals(new byte[6], dstMemory.bytes(0, 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writableBackings")
    void putOfAnOverlappingViewOfTheSameMemoryCopiesAsIfThroughATemporary(Backing backing) {
        byte[] content = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Backing.Memory memory = backing.holding(content, 0, 10);
        MutableByteView whole = (MutableByteView) memory.view(0, 10, null, true);

        whole.put(2, whole.slice(0, 6));

        assertArrayEquals(new byte[] {1, 2, 1, 2, 3, 4, 5, 6, 9, 10}, memory.bytes(0, 10));
    }

    @Test
    void putOfAnArrayRangeCopiesThatRange() {
        MutableByteView v = MutableByteView.allocate(6);

        v.put(1, new byte[] {9, 8, 7, 6}, 1, 3);

        assertArrayEquals(new byte[] {0, 8, 7, 6, 0, 0}, v.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writableBackings")
    void putOfNothingIsAllowedAnywhereFromZeroToTheLengthIncluded(Backing backing) {
        MutableByteView view = (MutableByteView) backing.allocate(8).view(2, 6, null, true);

        for (int at = 0; at <= 4; at++) {
            view.put(at, ByteView.empty());
            view.put(at, new byte[0]);
            view.put(at, new byte[3], 3, 0);
        }
        view.slice(4, 4).put(0, ByteView.empty());

        assertArrayEquals(new byte[4], view.toByteArray());
        assertThrows(IndexOutOfBoundsException.class, () -> view.put(5, ByteView.empty()));
        assertThrows(IndexOutOfBoundsException.class, () -> view.put(-1, new byte[0]));
    }

    @Test
    void putOfAViewThatDoesNotFitFailsWithoutWritingAnything() {
        MutableByteView v = MutableByteView.allocate(4);

        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> v.put(2, ByteView.wrap(new byte[] {1, 2, 3})));

        assertTrue(e.getMessage().contains("offset 2"), e.getMessage());
        assertArrayEquals(new byte[4], v.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writableBackings")
    void fillOfARangeSetsExactlyThatRange(Backing backing) {
        Backing.Memory memory = backing.allocate(10);
        MutableByteView v = (MutableByteView) memory.view(1, 9, null, true);

        v.fill(2, 5, (byte) 0x77);

        assertArrayEquals(new byte[] {0, 0, 0, 0x77, 0x77, 0x77, 0, 0, 0, 0}, memory.bytes(0, 10));
    }

    @Test
    void fillOfTheWholeViewSetsEveryByte() {
        MutableByteView v = MutableByteView.allocate(5);

        v.fill((byte) -1);

        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1}, v.toByteArray());
    }

    @Test
    void wrapMutableRejectsAReadOnlyBuffer() {
        ByteBuffer readOnly = ByteBuffer.allocate(8).asReadOnlyBuffer();

        assertThrows(IllegalArgumentException.class, () -> MutableByteView.wrap(readOnly));
        assertThrows(IllegalArgumentException.class, () -> Lease.open().wrapMutable(readOnly));
        assertThrows(IllegalArgumentException.class,
                () -> MutableByteView.wrap(ByteBuffer.allocateDirect(8).asReadOnlyBuffer()));
    }

    @Test
    void asReadOnlyGivesAViewThatIsNotMutableButSeesLaterWrites() {
        MutableByteView v = MutableByteView.allocate(2);
        ByteView readOnly = v.asReadOnly();

        v.putU8(1, 42);

        assertFalse(readOnly instanceof MutableByteView);
        assertEquals(42, readOnly.u8(1));
    }

    @Test
    void sliceOfAMutableViewIsMutableAndWritesTheSameMemory() {
        byte[] array = new byte[6];
        MutableByteView slice = MutableByteView.wrap(array).slice(2, 5);

        slice.putU16be(1, 0xABCD);

        assertArrayEquals(new byte[] {0, 0, 0, (byte) 0xAB, (byte) 0xCD, 0}, array);
    }

    @Test
    void allocateRejectsANegativeLength() {
        assertThrows(IllegalArgumentException.class, () -> MutableByteView.allocate(-1));
    }

    @Test
    void randomWritesOnRandomBackingsReadBackThroughByteBuffer() {
        long seed = TestRandom.seed();
        Random random = new Random(seed);
        Backing[] writable = Stream.of(Backing.values()).filter(b -> b.writable).toArray(Backing[]::new);
        for (int t = 0; t < TestRandom.tries(); t++) {
            Backing backing = writable[random.nextInt(writable.length)];
            Writes.Write write = Writes.ALL.get(random.nextInt(Writes.ALL.size()));
            int from = random.nextInt(20);
            int length = write.width() + random.nextInt(20);
            Backing.Memory memory = backing.allocate(from + length + random.nextInt(5));
            MutableByteView view = (MutableByteView) memory.view(from, from + length, null, true);
            int at = random.nextInt(length - write.width() + 1);
            long value = write.normalize().apply(random.nextLong());

            write.put().put(view, at, value);

            assertEquals(value, write.readBack().read(memory.raw, from + at),
                    "try " + t + ": " + write + " at " + at + " on " + backing + TestRandom.replay(seed));
        }
    }
}
