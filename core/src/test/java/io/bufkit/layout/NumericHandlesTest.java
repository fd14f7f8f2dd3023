package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads and writes of every integer field type in both byte orders, checked against {@link ByteBuffer}
 * as the reference, at a non-zero offset so that the offset matters.
 */
class NumericHandlesTest {

    private static final int AT = 3;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** type, width, order, min, max, reference read of the type from a buffer at AT. */
    static Stream<Arguments> integerTypes() {
        return Stream.of(
                type("u8", 1, BE, 0, 255, b -> b.get(AT) & 0xFF),
                type("i8", 1, BE, -128, 127, b -> b.get(AT)),
                type("u16be", 2, BE, 0, 65535, b -> b.getShort(AT) & 0xFFFF),
                type("u16le", 2, LE, 0, 65535, b -> b.getShort(AT) & 0xFFFF),
                type("i16be", 2, BE, Short.MIN_VALUE, Short.MAX_VALUE, b -> b.getShort(AT)),
                type("i16le", 2, LE, Short.MIN_VALUE, Short.MAX_VALUE, b -> b.getShort(AT)),
                type("i32be", 4, BE, Integer.MIN_VALUE, Integer.MAX_VALUE, b -> b.getInt(AT)),
                type("i32le", 4, LE, Integer.MIN_VALUE, Integer.MAX_VALUE, b -> b.getInt(AT)),
                type("u32be", 4, BE, 0, 0xFFFF_FFFFL, b -> b.getInt(AT) & 0xFFFF_FFFFL),
                type("u32le", 4, LE, 0, 0xFFFF_FFFFL, b -> b.getInt(AT) & 0xFFFF_FFFFL),
                type("i64be", 8, BE, Long.MIN_VALUE, Long.MAX_VALUE, b -> b.getLong(AT)),
                type("i64le", 8, LE, Long.MIN_VALUE, Long.MAX_VALUE, b -> b.getLong(AT)));
    }

    private static Arguments type(String name, int width, ByteOrder order, long min, long max,
            ToLongFunction<ByteBuffer> reference) {
        return Arguments.of(name, width, order, min, max, reference);
    }

    /** A layout with padding before the field so that it sits at offset AT. */
    private static PacketLayout layoutWith(String type) {
        LayoutBuilder b = PacketLayout.builder("t").padding(AT);
        switch (type) {
            case "u8" -> b.u8("f");
            case "i8" -> b.i8("f");
            case "u16be" -> b.u16be("f");
            case "u16le" -> b.u16le("f");
            case "i16be" -> b.i16be("f");
            case "i16le" -> b.i16le("f");
            case "i32be" -> b.i32be("f");
            case "i32le" -> b.i32le("f");
            case "u32be" -> b.u32be("f");
            case "u32le" -> b.u32le("f");
            case "i64be" -> b.i64be("f");
            case "i64le" -> b.i64le("f");
            default -> throw new AssertionError(type);
        }
        return b.padding(2).build();
    }

    private static ToLongFunction<ByteView> reader(LayoutField f) {
        return f instanceof IntField i ? i::get : ((LongField) f)::get;
    }

    private static BiConsumer<MutableByteView, Long> writer(LayoutField f) {
        return f instanceof IntField i ? (v, x) -> i.set(v, Math.toIntExact(x)) : (v, x) -> ((LongField) f).set(v, x);
    }

    private static byte[] pattern(int length) {
        byte[] a = new byte[length];
        for (int i = 0; i < length; i++) {
            a[i] = (byte) (0x81 + 0x13 * i);
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerTypes")
    void readsTheSameValueAsByteBuffer(String type, int width, ByteOrder order, long min, long max,
            ToLongFunction<ByteBuffer> reference) {
        PacketLayout l = layoutWith(type);
        byte[] bytes = pattern(l.size());
        long expected = reference.applyAsLong(ByteBuffer.wrap(bytes).order(order));
        assertEquals(expected, reader(l.field("f")).applyAsLong(ByteView.wrap(bytes)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerTypes")
    void readsFromDirectMemoryLikeFromHeapMemory(String type, int width, ByteOrder order, long min, long max,
            ToLongFunction<ByteBuffer> reference) {
        PacketLayout l = layoutWith(type);
        byte[] bytes = pattern(l.size());
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        ToLongFunction<ByteView> read = reader(l.field("f"));
        assertEquals(read.applyAsLong(ByteView.wrap(bytes)), read.applyAsLong(ByteView.wrap(direct)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerTypes")
    void writesTheBytesByteBufferWouldWriteAndNothingElse(String type, int width, ByteOrder order, long min,
            long max, ToLongFunction<ByteBuffer> reference) {
        PacketLayout l = layoutWith(type);
        for (long value : new long[] {min, max, min + 1, max - 1, (min + max) / 2}) {
            MutableByteView v = MutableByteView.allocate(l.size());
            writer(l.field("f")).accept(v, value);
            byte[] written = v.toByteArray();
            assertEquals(value, reference.applyAsLong(ByteBuffer.wrap(written).order(order)), "value " + value);
            for (int i = 0; i < written.length; i++) {
                if (i < AT || i >= AT + width) {
                    assertEquals(0, written[i], "byte " + i + " outside the field was written");
                }
            }
            assertEquals(value, reader(l.field("f")).applyAsLong(v));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerTypes")
    void reportsItsRange(String type, int width, ByteOrder order, long min, long max,
            ToLongFunction<ByteBuffer> reference) {
        LayoutField f = layoutWith(type).field("f");
        if (f instanceof IntField i) {
            assertEquals(min, i.min());
            assertEquals(max, i.max());
        } else {
            assertEquals(min, ((LongField) f).min());
            assertEquals(max, ((LongField) f).max());
        }
        assertEquals(width, f.width());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerTypes")
    void rejectsValuesOutsideItsRangeNamingTheFieldAndWritesNothing(String type, int width, ByteOrder order,
            long min, long max, ToLongFunction<ByteBuffer> reference) {
        LayoutField f = layoutWith(type).field("f");
        MutableByteView v = MutableByteView.allocate(AT + width + 2);
        BiConsumer<MutableByteView, Long> write = writer(f);
        if (min > Integer.MIN_VALUE && min != Long.MIN_VALUE) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write.accept(v, min - 1));
            assertTrue(e.getMessage().contains("field 'f' (" + type + " at offset 3)"), e.getMessage());
            assertTrue(e.getMessage().contains(min + " to " + max), e.getMessage());
        }
        if (max < Integer.MAX_VALUE || (f instanceof LongField && max < Long.MAX_VALUE)) {
            assertThrows(IllegalArgumentException.class, () -> write.accept(v, max + 1));
        }
        assertArrayEquals(new byte[v.length()], v.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerTypes")
    void aViewTooShortForTheFieldThrowsIndexOutOfBounds(String type, int width, ByteOrder order, long min,
            long max, ToLongFunction<ByteBuffer> reference) {
        LayoutField f = layoutWith(type).field("f");
        ByteView shortView = ByteView.wrap(new byte[AT + width - 1]);
        assertThrows(IndexOutOfBoundsException.class, () -> reader(f).applyAsLong(shortView));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerTypes")
    void aStaleViewThrowsOnReadAndWrite(String type, int width, ByteOrder order, long min, long max,
            ToLongFunction<ByteBuffer> reference) {
        LayoutField f = layoutWith(type).field("f");
        Lease lease = Lease.open("test");
        MutableByteView v = lease.wrapMutable(new byte[16]);
        lease.close();
        assertThrows(StaleViewException.class, () -> reader(f).applyAsLong(v));
        assertThrows(StaleViewException.class, () -> writer(f).accept(v, 0L));
    }
}
