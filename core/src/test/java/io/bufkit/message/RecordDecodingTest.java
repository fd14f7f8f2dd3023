package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.TextPadding;
import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How a {@link MessageCodec} makes its records: records of every number of components (made without an
 * argument array up to six), sections of every field type read where they lie in the message, repeats as
 * unmodifiable lists, and the one decoding scratch tape a codec keeps between decodes.
 */
class RecordDecodingTest {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    record R0() {
    }

    record R1(Bytes a) {
    }

    record R2(Bytes a, Bytes b) {
    }

    record R3(Bytes a, Bytes b, Bytes c) {
    }

    record R4(Bytes a, Bytes b, Bytes c, Bytes d) {
    }

    record R5(Bytes a, Bytes b, Bytes c, Bytes d, Bytes e) {
    }

    record R6(Bytes a, Bytes b, Bytes c, Bytes d, Bytes e, Bytes f) {
    }

    record R7(Bytes a, Bytes b, Bytes c, Bytes d, Bytes e, Bytes f, Bytes g) {
    }

    record R8(Bytes a, Bytes b, Bytes c, Bytes d, Bytes e, Bytes f, Bytes g, Bytes h) {
    }

    /** A layout of {@code n} one-byte-prefixed parts named a, b, c, ... */
    private static MessageLayout prefixedParts(int n) {
        MessageBuilder b = MessageLayout.builder("parts" + n);
        for (int i = 0; i < n; i++) {
            b.prefixed(String.valueOf((char) ('a' + i)), 1);
        }
        return b.build();
    }

    /** The message whose part {@code i} is {@code i + 1} bytes of value {@code i}. */
    private static byte[] message(int n) {
        List<Byte> bytes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bytes.add((byte) (i + 1));
            for (int k = 0; k <= i; k++) {
                bytes.add((byte) i);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static Bytes part(int i) {
        byte[] b = new byte[i + 1];
        java.util.Arrays.fill(b, (byte) i);
        return Bytes.of(b);
    }

    private static <R extends Record> void decodesWithComponents(int n, Class<R> type, Function<Bytes[], R> make) {
        MessageCodec<R> codec = MessageCodec.of(prefixedParts(n), type, LOOKUP);
        Bytes[] parts = new Bytes[n];
        for (int i = 0; i < n; i++) {
            parts[i] = part(i);
        }
        byte[] wire = message(n);
        R expected = make.apply(parts);
        assertEquals(expected, codec.decode(ByteView.wrap(wire)), n + " components");
        assertEquals(expected, codec.decode(ByteView.wrap(wire)), n + " components, decoded again with the kept tape");
        assertEquals(wire.length, codec.encode(expected).length);
    }

    @Test
    void recordsOfEveryNumberOfComponentsAreMadeInComponentOrder() {
        decodesWithComponents(0, R0.class, p -> new R0());
        decodesWithComponents(1, R1.class, p -> new R1(p[0]));
        decodesWithComponents(2, R2.class, p -> new R2(p[0], p[1]));
        decodesWithComponents(3, R3.class, p -> new R3(p[0], p[1], p[2]));
        decodesWithComponents(4, R4.class, p -> new R4(p[0], p[1], p[2], p[3]));
        decodesWithComponents(5, R5.class, p -> new R5(p[0], p[1], p[2], p[3], p[4]));
        decodesWithComponents(6, R6.class, p -> new R6(p[0], p[1], p[2], p[3], p[4], p[5]));
        decodesWithComponents(7, R7.class, p -> new R7(p[0], p[1], p[2], p[3], p[4], p[5], p[6]));
        decodesWithComponents(8, R8.class, p -> new R8(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]));
    }

    /** Components declared in another order than the parts. */
    record Swapped(Bytes b, Bytes a) {
    }

    @Test
    void componentsInAnotherOrderThanThePartsGetTheirOwnParts() {
        MessageCodec<Swapped> codec = MessageCodec.of(prefixedParts(2), Swapped.class, LOOKUP);
        assertEquals(new Swapped(part(1), part(0)), codec.decode(ByteView.wrap(message(2))));
    }

    static final PacketLayout EVERY_TYPE = PacketLayout.builder("every-type")
            .u8("small").bits("high", 3).bit("flag").bits("low", 4).i16le("signed").u32be("unsigned")
            .i64be("big").f32be("ratio").f64le("precise").bytes("raw", 3)
            .text("label", 5, StandardCharsets.US_ASCII, TextPadding.NUL).flags8("bits", "x", "y").build();

    record EveryType(int small, int high, boolean flag, int low, int signed, long unsigned, long big, float ratio,
            double precise, Bytes raw, String label, int bits) {
    }

    record Tagged(Bytes tag, EveryType fields) {
    }

    @Test
    void aSectionOfEveryFieldTypeIsReadWhereItLiesInTheMessage() {
        MessageLayout layout = MessageLayout.builder("tagged").prefixed("tag", 1).section("fields", EVERY_TYPE).build();
        MessageCodec<Tagged> codec = MessageCodec.of(layout, Tagged.class, LOOKUP);
        EveryType fields = new EveryType(200, 5, true, 9, -2, 0xF000_0001L, -3L, 1.5f, -0.25,
                Bytes.of(new byte[] {1, 2, 3}), "hi", 0b10);
        Tagged record = new Tagged(Bytes.of(new byte[] {7, 7}), fields);
        byte[] wire = codec.encode(record);
        assertEquals(3 + EVERY_TYPE.size(), wire.length);
        assertEquals(record, codec.decode(ByteView.wrap(wire)));
        // the same section read on its own, through the layout's packet codec, agrees field by field
        assertEquals(fields, io.bufkit.layout.PacketCodec.of(EVERY_TYPE, EveryType.class, LOOKUP)
                .decode(ByteView.wrap(wire).slice(3, wire.length)));
    }

    record Element(Bytes value) {
    }

    record Listed(List<Element> items) {
    }

    @Test
    void repeatsAreUnmodifiableListsEqualToAnyListOfTheSameRecords() {
        MessageLayout element = MessageLayout.builder("element").prefixed("value", 1).build();
        MessageLayout layout = MessageLayout.builder("listed").repeatToEnd("items", element).build();
        MessageCodec<Listed> codec = MessageCodec.of(layout, Listed.class, LOOKUP);
        Listed decoded = codec.decode(ByteView.wrap(new byte[] {1, 10, 2, 20, 21}));
        List<Element> expected = List.of(new Element(Bytes.of(new byte[] {10})),
                new Element(Bytes.of(new byte[] {20, 21})));
        assertEquals(expected, decoded.items());
        assertEquals(decoded.items(), expected);
        assertEquals(expected.hashCode(), decoded.items().hashCode());
        assertEquals(expected.toString(), decoded.items().toString());
        assertEquals(new Listed(expected), decoded);
        assertThrows(UnsupportedOperationException.class, () -> decoded.items().add(expected.get(0)));
        assertThrows(UnsupportedOperationException.class, () -> decoded.items().set(0, expected.get(1)));
        assertThrows(UnsupportedOperationException.class, () -> decoded.items().remove(0));
        assertThrows(IndexOutOfBoundsException.class, () -> decoded.items().get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> decoded.items().get(-1));
        assertTrue(decoded.items() instanceof java.util.RandomAccess);
        assertEquals(List.of(), codec.decode(ByteView.wrap(new byte[0])).items());
    }

    @Test
    void aDecodeThatFailsLeavesTheCodecDecodingTheNextMessage() {
        MessageCodec<R2> codec = MessageCodec.of(prefixedParts(2), R2.class, LOOKUP);
        LayoutException bad = assertThrows(LayoutException.class,
                () -> codec.decode(ByteView.wrap(new byte[] {1, 0, 9, 1})));
        assertEquals("parts2: b at offset 2: length 9 (prefix 9) points past the end", bad.getMessage());
        assertEquals(new R2(part(0), part(1)), codec.decode(ByteView.wrap(message(2))));
    }

    @Test
    void aCodecKeepsNoReferenceToTheBytesItDecoded() throws InterruptedException {
        MessageCodec<R3> codec = MessageCodec.of(prefixedParts(3), R3.class, LOOKUP);
        WeakReference<byte[]> decoded = decodeAndForget(codec);
        for (int i = 0; i < 50 && decoded.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(decoded.get(), "the codec still refers to the last message it decoded");
        assertEquals(new R3(part(0), part(1), part(2)), codec.decode(ByteView.wrap(message(3))));
    }

    private static WeakReference<byte[]> decodeAndForget(MessageCodec<R3> codec) {
        byte[] wire = message(3);
        assertInstanceOf(R3.class, codec.decode(ByteView.wrap(wire)));
        return new WeakReference<>(wire);
    }

    @Test
    void threadsSharingOneCodecEachGetTheirOwnMessagesRecords() throws Exception {
        MessageLayout element = MessageLayout.builder("element").prefixed("value", 1).build();
        MessageCodec<Listed> codec = MessageCodec.of(MessageLayout.builder("listed").repeatToEnd("items", element)
                .build(), Listed.class, LOOKUP);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                Callable<Integer> work = () -> {
                    int checked = 0;
                    for (int i = 0; i < 2_000; i++) {
                        int n = (seed * 7 + i) % 9;
                        byte[] wire = new byte[2 * n];
                        List<Element> expected = new ArrayList<>();
                        for (int k = 0; k < n; k++) {
                            wire[2 * k] = 1;
                            wire[2 * k + 1] = (byte) (seed * 31 + i + k);
                            expected.add(new Element(Bytes.of(new byte[] {wire[2 * k + 1]})));
                        }
                        assertEquals(expected, codec.decode(ByteView.wrap(wire)).items());
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(work));
            }
            for (Future<Integer> r : results) {
                assertEquals(2_000, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotEquals(null, codec.decode(ByteView.wrap(new byte[0])));
    }
}
