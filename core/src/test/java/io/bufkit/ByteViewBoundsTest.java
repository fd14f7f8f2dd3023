package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Out-of-range reads, writes, slices and wraps fail with a plain {@link IndexOutOfBoundsException} that
 * names the offset, the width and the length: never an {@link ArrayIndexOutOfBoundsException} from
 * inside the library, never an integer overflow that lets an access through.
 */
class ByteViewBoundsTest {

    private static final int LENGTH = 16;

    /** Offsets just outside the view, far outside it, and where {@code offset + width} overflows. */
    static int[] badOffsets(int width) {
        return new int[] {-1, -width, Integer.MIN_VALUE, LENGTH - width + 1, LENGTH, Integer.MAX_VALUE,
            Integer.MAX_VALUE - width + 1, Integer.MIN_VALUE + width - 1};
    }

    static Stream<Arguments> readsOnBackings() {
        List<Arguments> out = new ArrayList<>();
        for (Backing backing : Backing.values()) {
            for (Reads.Read read : Reads.ALL) {
                out.add(Arguments.of(backing, read));
            }
        }
        return out.stream();
    }

    /** Runs {@code access} and checks it throws exactly {@code IndexOutOfBoundsException}; returns the message. */
    static String assertPlainOutOfBounds(Executable access) {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, access);
        assertEquals(IndexOutOfBoundsException.class, e.getClass(), "leaked " + e);
        return e.getMessage();
    }

    /** Checks that a message names the view length {@code length}. */
    static void assertNamesLength(String message, int length) {
        assertTrue(message.matches(".*view length (is )?" + length + "\\b.*"), message);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("readsOnBackings")
    void readOutsideTheViewNamesOffsetWidthAndLength(Backing backing, Reads.Read read) {
        ByteView view = Shape.SLICE_OF_SLICE.view(backing.allocate(40), 10, 10 + LENGTH, Lease.open(), false);
        for (int offset : badOffsets(read.width())) {
            String message = assertPlainOutOfBounds(() -> read.view().read(view, offset));
            assertTrue(message.contains("offset " + offset), message);
            assertTrue(message.contains(read.width() + " byte"), message);
            assertNamesLength(message, LENGTH);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.bufkit.ByteViewReadTest#backings")
    void everyReadOfAnEmptyViewIsOutOfBounds(Backing backing) {
        ByteView empty = backing.allocate(4).view(2, 2, null, false);
        for (Reads.Read read : Reads.ALL) {
            String message = assertPlainOutOfBounds(() -> read.view().read(empty, 0));
            assertNamesLength(message, 0);
        }
    }

    static Stream<Arguments> writesOnBackings() {
        List<Arguments> out = new ArrayList<>();
        for (Backing backing : Backing.values()) {
            if (backing.writable) {
                for (Writes.Write write : Writes.ALL) {
                    out.add(Arguments.of(backing, write));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("writesOnBackings")
    void writeOutsideTheViewNamesOffsetWidthAndLengthAndChangesNothing(Backing backing, Writes.Write write) {
        Backing.Memory memory = backing.allocate(40);
        MutableByteView view = (MutableByteView) Shape.SLICE_OF_SLICE.view(memory, 10, 10 + LENGTH, null, true);
        for (int offset : badOffsets(write.width())) {
            String message = assertPlainOutOfBounds(() -> write.put().put(view, offset, 1));
            assertTrue(message.contains("offset " + offset), message);
            assertTrue(message.contains(write.width() + " byte"), message);
            assertNamesLength(message, LENGTH);
        }
        assertArrayEquals(new byte[40], memory.bytes(0, 40));
    }

    static Stream<Arguments> badRanges() {
        return Stream.of(Arguments.of(-1, 2), Arguments.of(3, 2), Arguments.of(0, LENGTH + 1),
                Arguments.of(Integer.MAX_VALUE, Integer.MAX_VALUE), Arguments.of(0, Integer.MIN_VALUE),
                Arguments.of(Integer.MIN_VALUE, 0), Arguments.of(LENGTH + 1, LENGTH + 1));
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @MethodSource("badRanges")
    void sliceOutsideTheViewNamesTheRangeAndLength(int from, int to) {
        ByteView view = ByteView.wrap(new byte[40], 10, LENGTH);

        String message = assertPlainOutOfBounds(() -> view.slice(from, to));

        assertTrue(message.contains("[" + from + ", " + to + ")"), message);
        assertNamesLength(message, LENGTH);
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @MethodSource("badRanges")
    void fillOutsideTheViewIsRejected(int from, int to) {
        MutableByteView view = MutableByteView.wrap(new byte[40], 10, LENGTH);

        assertPlainOutOfBounds(() -> view.fill(from, to, (byte) 1));
    }

    @Test
    void sliceAtTheEndIsEmptyAndSliceOfTheWholeIsAllowed() {
        ByteView view = ByteView.wrap(new byte[40], 10, LENGTH);

        assertEquals(0, view.slice(LENGTH, LENGTH).length());
        assertEquals(LENGTH, view.slice(0, LENGTH).length());
    }

    static Stream<Arguments> badWrapRanges() {
        return Stream.of(Arguments.of(-1, 2), Arguments.of(2, -1), Arguments.of(Integer.MAX_VALUE, 1),
                Arguments.of(1, Integer.MAX_VALUE), Arguments.of(5, 6), Arguments.of(Integer.MIN_VALUE, Integer.MIN_VALUE));
    }

    @ParameterizedTest(name = "offset {0} length {1}")
    @MethodSource("badWrapRanges")
    void wrapOfARangeOutsideTheArrayIsRejectedByEveryFactory(int offset, int length) {
        byte[] array = new byte[10];
        Lease lease = Lease.open();

        assertPlainOutOfBounds(() -> ByteView.wrap(array, offset, length));
        assertPlainOutOfBounds(() -> MutableByteView.wrap(array, offset, length));
        assertPlainOutOfBounds(() -> lease.wrap(array, offset, length));
        assertPlainOutOfBounds(() -> lease.wrapMutable(array, offset, length));
        assertPlainOutOfBounds(() -> Bytes.of(array, offset, length));
    }

    @ParameterizedTest(name = "at {0}")
    @MethodSource("io.bufkit.ByteViewBoundsTest#badCopyTargets")
    void copyToAnArrayRangeThatDoesNotFitIsRejected(int at) {
        ByteView view = ByteView.wrap(new byte[] {1, 2, 3, 4});
        byte[] dst = new byte[6];

        assertPlainOutOfBounds(() -> view.copyTo(dst, at));
        assertArrayEquals(new byte[6], dst);
    }

    static IntStream badCopyTargets() {
        return IntStream.of(-1, 3, 6, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 2);
    }

    @Test
    void putOfAnArrayRangeWithANegativeCountIsRejected() {
        MutableByteView view = MutableByteView.allocate(8);

        assertPlainOutOfBounds(() -> view.put(0, new byte[4], 0, -1));
        assertPlainOutOfBounds(() -> view.put(0, new byte[4], 3, 2));
        assertPlainOutOfBounds(() -> view.put(Integer.MAX_VALUE, new byte[4], 0, 4));
    }

    @Test
    void accessNearIntegerMaxValueOnASliceOfADirectBufferIsCheckedAgainstTheSlice() {
        ByteView view = ByteView.wrap(ByteBuffer.allocateDirect(64)).slice(60, 64);

        assertEquals(0, view.i32be(0));
        assertPlainOutOfBounds(() -> view.i64le(Integer.MAX_VALUE - 4));
        assertPlainOutOfBounds(() -> view.slice(1, Integer.MAX_VALUE));
    }

    @Test
    void randomAccessesEitherMatchByteBufferOrThrowAPlainIndexOutOfBoundsException() {
        long seed = TestRandom.seed();
        Random random = new Random(seed);
        int[] interesting = {0, 1, -1, 7, 8, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 3};
        for (int t = 0; t < TestRandom.tries(); t++) {
            Backing backing = Backing.values()[random.nextInt(Backing.values().length)];
            Reads.Read read = Reads.ALL.get(random.nextInt(Reads.ALL.size()));
            int length = random.nextInt(12);
            byte[] content = TestRandom.bytes(random, length);
            ByteView view = backing.holding(content, 3, length + 6).view(3, 3 + length, null, false);
            int offset = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(16) - 2;
            String what = "try " + t + ": " + read + " at " + offset + " of " + length + " on " + backing + TestRandom.replay(seed);
            long got;
            try {
                got = read.view().read(view, offset);
            } catch (IndexOutOfBoundsException e) {
                assertEquals(IndexOutOfBoundsException.class, e.getClass(), what);
                assertTrue(offset < 0 || offset > length - read.width(), "rejected an in-range access: " + what);
                continue;
            }
            if (offset < 0 || offset > length - read.width()) {
                fail("allowed an out-of-range access: " + what);
            }
            assertEquals(read.oracle().read(ByteBuffer.wrap(content), offset), got, what);
        }
    }
}
