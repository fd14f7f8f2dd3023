package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.PacketLayout;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a {@link MessageCodec} writes a section record: the fields it gives in one call, derived fields as
 * computed, checksums filled in, and for a value that does not fit or a missing object, the same
 * failure, naming the field's path, as the generic value model gives.
 */
class RecordEncodingTest {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    static final PacketLayout HEAD = PacketLayout.builder("head").u8("small").u8("magic").expect(0x7E)
            .u16be("length").bytes("raw", 2).internetChecksumWithPseudoHeader("sum").u8("pad").build();
    static final MessageLayout FRAME = MessageLayout.builder("frame").section("head", HEAD)
            .bytes("body", Size.of("head.length")).build();

    record Head(int small, Bytes raw, int pad, long sum) {
    }

    record Frame(Head head, Bytes body) {
    }

    static final MessageCodec<Frame> CODEC = MessageCodec.of(FRAME, Frame.class, LOOKUP);

    @Test
    void aSectionRecordIsWrittenWithItsDerivedFieldsConstantsAndGivenChecksum() {
        Frame frame = new Frame(new Head(200, Bytes.of(new byte[] {1, 2}), 9, 0xBEEF), Bytes.of(new byte[] {5, 6, 7}));
        byte[] wire = CODEC.encode(frame);
        assertArrayEquals(new byte[] {(byte) 200, 0x7E, 0, 3, 1, 2, (byte) 0xBE, (byte) 0xEF, 9, 5, 6, 7}, wire);
        assertEquals(frame, CODEC.decode(ByteView.wrap(wire)));
        assertArrayEquals(wire, FRAME.encode(Map.of("head", Map.of("small", 200, "raw", Bytes.of(new byte[] {1, 2}),
                "pad", 9, "sum", 0xBEEFL), "body", Bytes.of(new byte[] {5, 6, 7}))));
    }

    @Test
    void aRecordWrittenIntoADirtyBufferGivesTheSameBytes() {
        Frame frame = new Frame(new Head(1, Bytes.of(new byte[] {3, 4}), 0, 0), Bytes.of(new byte[] {8}));
        byte[] dirty = new byte[32];
        Arrays.fill(dirty, (byte) 0xFF);
        int n = CODEC.encode(frame, MutableByteView.wrap(dirty));
        assertArrayEquals(CODEC.encode(frame), Arrays.copyOf(dirty, n));
    }

    @Test
    void aValueThatDoesNotFitIsNamedByItsPathAsInTheValueModel() {
        Frame tooBig = new Frame(new Head(300, Bytes.of(new byte[] {1, 2}), 0, 0), Bytes.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(tooBig));
        assertEquals("frame: head.small: 300 does not fit u8 (0 to 255)", e.getMessage());
        IllegalArgumentException generic = assertThrows(IllegalArgumentException.class, () -> FRAME.encode(Map.of(
                "head", Map.of("small", 300, "raw", Bytes.of(new byte[] {1, 2}), "pad", 0), "body", Bytes.empty())));
        assertEquals(generic.getMessage(), e.getMessage());
        Frame wrongWidth = new Frame(new Head(1, Bytes.of(new byte[] {1, 2, 3}), 0, 0), Bytes.empty());
        assertEquals("frame: head.raw", assertThrows(IllegalArgumentException.class, () -> CODEC.encode(wrongWidth))
                .getMessage().substring(0, "frame: head.raw".length()));
    }

    @Test
    void aNullObjectComponentOrSectionIsAMissingValueNamedByItsPath() {
        Frame nullRaw = new Frame(new Head(1, null, 0, 0), Bytes.empty());
        assertEquals("frame: head.raw: no value given",
                assertThrows(IllegalArgumentException.class, () -> CODEC.encode(nullRaw)).getMessage());
        Frame nullHead = new Frame(null, Bytes.empty());
        assertEquals("frame: head.small: no value given",
                assertThrows(IllegalArgumentException.class, () -> CODEC.encode(nullHead)).getMessage());
    }
}
