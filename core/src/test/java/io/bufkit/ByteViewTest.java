package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Creation, copies out, comparison and description of {@link ByteView}. */
class ByteViewTest {

    private static final byte[] HELLO = "hello, world".getBytes(StandardCharsets.US_ASCII);

    @Test
    void wrapOfABufferLeavesItsPositionAndLimitAloneAndIsNotMovedByLaterChanges() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(16).put(4, (byte) 1).position(4).limit(10);

        ByteView view = ByteView.wrap(buffer);
        buffer.position(0).limit(16);

        assertEquals(6, view.length());
        assertEquals(1, view.u8(0));
        assertEquals(0, buffer.position());
    }

    @Test
    void wrapDoesNotCopySoTheViewShowsLaterChangesToTheMemory() {
        byte[] memory = new byte[4];
        ByteView view = ByteView.wrap(memory);

        memory[2] = 5;

        assertEquals(5, view.u8(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.bufkit.ByteViewReadTest#backings")
    void isDirectIsTrueExactlyForDirectMemory(Backing backing) {
        assertEquals(backing.direct, backing.allocate(4).view(0, 4, null, false).isDirect());
    }

    static Stream<Arguments> backingPairs() {
        List<Arguments> out = new ArrayList<>();
        for (Backing a : Backing.values()) {
            for (Backing b : Backing.values()) {
                out.add(Arguments.of(a, b));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("backingPairs")
    void contentEqualsComparesBytesAcrossBackings(Backing a, Backing b) {
        ByteView x = a.holding(HELLO, 2, 20).view(2, 2 + HELLO.length, null, false);
        ByteView same = b.holding(HELLO, 5, 20).view(5, 5 + HELLO.length, null, false);
        byte[] other = HELLO.clone();
        other[11] = 'D';
        ByteView different = b.holding(other, 0, 20).view(0, other.length, null, false);

        assertTrue(x.contentEquals(same));
        assertFalse(x.contentEquals(different));
        assertFalse(x.contentEquals(same.slice(0, 11)));
    }

    @Test
    void equalsIsIdentitySoViewsDoNotBecomeMapKeysByAccident() {
        ByteView a = ByteView.wrap(HELLO);
        ByteView b = ByteView.wrap(HELLO);
        Set<ByteView> set = new HashSet<>();
        set.add(a);

        assertNotEquals(a, b);
        assertEquals(a, a);
        assertFalse(set.contains(b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.bufkit.ByteViewReadTest#backings")
    void copyHelpersAllReturnTheViewsBytes(Backing backing) {
        ByteView view = backing.holding(HELLO, 3, 20).view(3, 3 + HELLO.length, null, false);
        byte[] dst = new byte[HELLO.length + 2];
        ByteBuffer dstBuffer = ByteBuffer.allocateDirect(HELLO.length + 1).position(1);

        view.copyTo(dst, 2);
        view.copyTo(dstBuffer);

        assertEquals(Bytes.of(HELLO), view.copy());
        assertArrayEquals(HELLO, view.toByteArray());
        assertArrayEquals(HELLO, java.util.Arrays.copyOfRange(dst, 2, dst.length));
        assertEquals(HELLO.length + 1, dstBuffer.position());
        assertEquals(ByteBuffer.wrap(HELLO), dstBuffer.flip().position(1));
        assertEquals("hello, world", view.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void copyToABufferWithTooLittleRoomThrowsAndWritesNothing() {
        ByteBuffer small = ByteBuffer.allocate(4);

        assertThrows(BufferOverflowException.class, () -> ByteView.wrap(HELLO).copyTo(small));
        assertEquals(0, small.position());
        assertArrayEquals(new byte[4], small.array());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.bufkit.ByteViewReadTest#backings")
    void asReadOnlyByteBufferCoversExactlyTheViewAndCannotWrite(Backing backing) {
        ByteView view = backing.holding(HELLO, 3, 20).view(3, 3 + HELLO.length, null, false).slice(7, 12);

        ByteBuffer b = view.asReadOnlyByteBuffer();

        assertTrue(b.isReadOnly());
        assertEquals(0, b.position());
        assertEquals(5, b.remaining());
        assertEquals('w', b.get(0));
        assertThrows(ReadOnlyBufferException.class, () -> b.put(0, (byte) 1));
    }

    @Test
    void indexOfFindsTheFirstOccurrenceFromAnOffset() {
        ByteView view = ByteView.wrap(ByteBuffer.allocateDirect(20).put(1, HELLO).position(1).limit(13));

        assertEquals(2, view.indexOf((byte) 'l', 0));
        assertEquals(10, view.indexOf((byte) 'l', 4));
        assertEquals(-1, view.indexOf((byte) 'z', 0));
        assertEquals(0, view.indexOf((byte) 'h', -5));
        assertEquals(-1, view.indexOf((byte) 'h', Integer.MAX_VALUE));
    }

    @Test
    void hexDumpShowsOffsetsBytesAndPrintableText() {
        ByteView view = ByteView.wrap("0123456789abcdef\u0001xyz".getBytes(StandardCharsets.US_ASCII));

        assertEquals("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
                + "00000010  01 78 79 7a                                       |.xyz|\n", view.hexDump());
        assertEquals("", ByteView.empty().hexDump());
    }

    @Test
    void toStringShowsLengthBackingLeaseAndTheFirstBytes() {
        assertEquals("ByteView[2 bytes, heap, Lease[unbounded]: cafe]", Bytes.fromHex("cafe").view().toString());
        assertTrue(ByteView.wrap(new byte[20]).toString().endsWith("…]"));
        assertTrue(MutableByteView.wrap(ByteBuffer.allocateDirect(1)).toString().startsWith("MutableByteView[1 bytes, direct"));
    }

    @Test
    void emptyHasLengthZeroAndPinsNothing() {
        ByteView empty = ByteView.empty();

        assertEquals(0, empty.length());
        assertEquals(0, empty.pinnedBytes());
        assertEquals(0, empty.copy().length());
        assertSame(Bytes.empty(), empty.copy());
    }

    @Test
    void asReadOnlyOfAReadOnlyViewIsTheViewItself() {
        ByteView view = ByteView.wrap(HELLO);

        assertSame(view, view.asReadOnly());
    }

    @Test
    void aHeapBufferWithAnArrayIsViewedThroughItsArrayAtItsArrayOffset() {
        byte[] array = HELLO.clone();
        ByteBuffer sliced = ByteBuffer.wrap(array, 7, 5).slice();

        ByteView view = ByteView.wrap(sliced);
        array[7] = 'W';

        assertEquals("World", view.toString(StandardCharsets.US_ASCII));
        assertEquals(array.length, view.pinnedBytes());
    }
}
