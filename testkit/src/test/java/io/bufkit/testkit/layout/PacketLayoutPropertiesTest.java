package io.bufkit.testkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.LayoutBuilder;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.WireType;
import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.LayoutValues;
import io.bufkit.testkit.PacketLayouts;
import io.bufkit.testkit.Property;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link PacketLayout} over random layouts (random field lists of every wire type, with
 * padding, constants, shuffled declarations at explicit offsets and declared sizes) and random values.
 * Tries come from {@code bufkit.tries}, seeds from {@code bufkit.seed}.
 */
class PacketLayoutPropertiesTest {

    private static final Gen<LayoutValues> RANDOM_VALUES = PacketLayouts.layouts().flatMap(PacketLayouts::values);

    record Input(PacketLayout layout, byte[] bytes) {
        @Override
        public String toString() {
            return layout + " with " + ByteView.wrap(bytes);
        }
    }

    record Write(LayoutValues values, int fieldIndex, Object value, byte[] background) {
        @Override
        public String toString() {
            return "write " + value + " to " + values.layout().fields().get(fieldIndex) + " over "
                    + ByteView.wrap(background);
        }
    }

    record AtOffset(LayoutValues values, int at) {
    }

    record ConstantChange(LayoutValues values, LayoutField field, int byteIndex, int xor) {
    }

    record Intrusion(PacketLayout layout, LayoutField victim, int at) {
    }

    record Omission(PacketLayout layout, LayoutField left) {
    }

    private static final Gen<Input> ARBITRARY_INPUT = PacketLayouts.layouts()
            .flatMap(l -> PacketLayouts.arbitraryPackets(l).map(b -> new Input(l, b)));

    @Test
    void randomValuesOfRandomLayoutsRoundTripExactlyThroughEncodeAndDecode() {
        Property.forAll(RANDOM_VALUES).check(values -> {
            PacketCodec<LayoutValues> codec = LayoutValues.codec(values.layout());
            MutableByteView packet = MutableByteView.allocate(codec.size());
            codec.encode(values, packet);
            LayoutValues decoded = codec.decode(packet);
            assertEquals(values, decoded);
            MutableByteView again = MutableByteView.allocate(codec.size());
            codec.encode(decoded, again);
            assertArrayEquals(packet.toByteArray(), again.toByteArray());
        });
    }

    @Test
    void randomValuesRoundTripThroughASliceOfADirectBufferWithoutTouchingItsNeighbours() {
        Property.forAll(Gen.zip(RANDOM_VALUES, Gen.ints(0, 17), AtOffset::new)).check(c -> {
            LayoutValues values = c.values();
            int at = c.at();
            int size = values.layout().size();
            ByteBuffer direct = ByteBuffer.allocateDirect(at + size + 5);
            for (int i = 0; i < direct.capacity(); i++) {
                direct.put(i, (byte) 0x5A);
            }
            MutableByteView whole = MutableByteView.wrap(direct);
            LayoutValues.codec(values.layout()).encode(values, whole.slice(at, at + size));
            assertEquals(values, LayoutValues.codec(values.layout()).decode(whole.slice(at, at + size).asReadOnly()));
            for (int i = 0; i < direct.capacity(); i++) {
                if (i < at || i >= at + size) {
                    assertEquals(0x5A, whole.u8(i), "byte " + i + " outside the packet");
                }
            }
        });
    }

    @Test
    void decodingArbitraryBytesEitherSucceedsOrThrowsLayoutExceptionNamingTheProblem() {
        Property.forAll(ARBITRARY_INPUT).check(input -> {
            PacketLayout layout = input.layout();
            ByteView packet = ByteView.wrap(input.bytes());
            try {
                LayoutValues decoded = LayoutValues.codec(layout).decode(packet);
                assertEquals(layout.size(), packet.length());
                assertArrayEquals(input.bytes(), withPaddingOf(input.bytes(), decoded.toByteArray(), layout));
            } catch (LayoutException e) {
                assertEquals(layout.name(), e.layout());
                if (packet.length() != layout.size()) {
                    assertEquals(Optional.empty(), e.field());
                    assertEquals(layout.size() + " bytes", e.expected());
                    assertEquals(packet.length() + " bytes", e.actual());
                    assertEquals(Math.min(packet.length(), layout.size()), e.offset());
                } else {
                    LayoutField f = layout.field(e.field().orElseThrow());
                    assertTrue(f.isConstant(), f + " is not a constant");
                    assertEquals(f.offset(), e.offset());
                    assertTrue(e.getMessage().contains(e.expected()) && e.getMessage().contains(e.actual()), e.getMessage());
                }
            }
        });
    }

    /** The decoded packet re-encoded, with the original's padding bytes (which decoding ignores). */
    private static byte[] withPaddingOf(byte[] original, byte[] reencoded, PacketLayout layout) {
        byte[] out = original.clone();
        for (LayoutField f : layout.fields()) {
            System.arraycopy(reencoded, f.offset(), out, f.offset(), f.width());
        }
        return out;
    }

    @Test
    void readingAFieldOfAShortPacketThrowsOnlyIndexOutOfBounds() {
        Gen<Input> shortInputs = PacketLayouts.layouts()
                .flatMap(l -> Gen.bytes(0, l.size() - 1).map(b -> new Input(l, b)));
        Property.forAll(shortInputs).check(input -> {
            ByteView packet = ByteView.wrap(input.bytes());
            for (LayoutField f : input.layout().fields()) {
                if (f.offset() + f.width() <= packet.length()) {
                    read(f, packet);
                } else {
                    assertThrows(IndexOutOfBoundsException.class, () -> read(f, packet), f.toString());
                }
            }
        });
    }

    private static void read(LayoutField f, ByteView packet) {
        Object ignored = LayoutValues.read(single(f), packet);
    }

    /** A layout holding only {@code f}, at its offset, with padding before it; reads the same bytes. */
    private static PacketLayout single(LayoutField f) {
        LayoutBuilder b = PacketLayout.builder("single");
        if (f.offset() > 0) {
            b.padding(f.offset());
        }
        if (f.wireType().isBitField()) {
            WireType filler = f.wireType().typeName().endsWith("Lsb") ? WireType.BITS_LSB : WireType.BITS;
            if (f.bitOffset() > 0) {
                b.bitField("before", filler, f.bitOffset());
            }
            b.bitField(f.name(), f.wireType(), f.bitWidth());
            int after = 8 * f.width() - f.bitOffset() - f.bitWidth();
            if (after > 0) {
                b.bitField("after", filler, after);
            }
            return b.build();
        }
        return declare(b, f.wireType(), f.name(), f.width()).build();
    }

    @Test
    void describeNeverFailsOnArbitraryBytesAndShowsEveryField() {
        Property.forAll(ARBITRARY_INPUT).check(input -> {
            String text = input.layout().describe(ByteView.wrap(input.bytes()));
            List<String> lines = text.lines().toList();
            assertTrue(lines.get(0).startsWith("layout 'random', " + input.layout().size() + " byte"), lines.get(0));
            for (LayoutField f : input.layout().fields()) {
                assertTrue(lines.stream().anyMatch(l -> l.contains("  " + f.name() + "  ")), f.name() + " in\n" + text);
            }
        });
    }

    @Test
    void writingAFieldChangesOnlyItsOwnBytesAndReadsBackExactly() {
        Gen<Write> writes = RANDOM_VALUES.flatMap(v -> Gen.ints(0, v.layout().fields().size() - 1).flatMap(i ->
                Gen.zip(PacketLayouts.fieldValues(v.layout().fields().get(i)), Gen.bytes(v.layout().size(), v.layout().size()),
                        (value, background) -> new Write(v, i, value, background))));
        Property.forAll(writes).check(w -> {
            LayoutField f = w.values().layout().fields().get(w.fieldIndex());
            MutableByteView packet = MutableByteView.wrap(w.background().clone());
            LayoutValues.writeField(f, packet, w.value());
            for (int i = 0; i < packet.length(); i++) {
                if (i < f.offset() || i >= f.offset() + f.width()) {
                    assertEquals(w.background()[i], (byte) packet.u8(i), "byte " + i + " outside " + f);
                }
            }
            Object back = LayoutValues.read(w.values().layout(), packet).get(f.name());
            assertEquals(exact(w.value()), exact(back));
        });
    }

    /** Floating-point values as raw bits, so that comparisons are exact. */
    private static Object exact(Object value) {
        if (value instanceof Float x) {
            return Float.floatToRawIntBits(x);
        } else if (value instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        }
        return value;
    }

    @Test
    void changingOneByteOfAConstantIsRejectedNamingThatField() {
        Gen<ConstantChange> cases = RANDOM_VALUES
                .filter(v -> v.layout().fields().stream().anyMatch(f -> f.isConstant() && !isNaN(v.get(f.name()))))
                .flatMap(v -> {
                    List<LayoutField> constants = v.layout().fields().stream()
                            .filter(f -> f.isConstant() && !isNaN(v.get(f.name()))).toList();
                    return Gen.elements(constants).flatMap(f -> f.wireType().isBitField()
                            ? Gen.ints(0, f.bitWidth() - 1).map(k -> flipBit(v, f, k))
                            : Gen.zip(Gen.ints(0, f.width() - 1), Gen.ints(1, 255), (i, x) -> new ConstantChange(v, f, i, x)));
                });
        Property.forAll(cases).check(c -> {
            LayoutValues values = c.values();
            LayoutField f = c.field();
            byte[] packet = values.toByteArray();
            packet[f.offset() + c.byteIndex()] ^= (byte) c.xor();
            LayoutException e = assertThrows(LayoutException.class, () -> values.layout().validate(ByteView.wrap(packet)));
            assertEquals(Optional.of(f.name()), e.field());
            assertEquals(f.offset(), e.offset());
        });
    }

    /** The change that flips bit {@code k} of bit field {@code f}, counted in its run's bit order. */
    private static ConstantChange flipBit(LayoutValues v, LayoutField f, int k) {
        int bit = 8 * f.offset() + f.bitOffset() + k;
        boolean lsbFirst = f.wireType().typeName().endsWith("Lsb");
        return new ConstantChange(v, f, bit / 8 - f.offset(), lsbFirst ? 1 << bit % 8 : 0x80 >>> bit % 8);
    }

    private static boolean isNaN(Object value) {
        return value instanceof Float x && x.isNaN() || value instanceof Double d && d.isNaN();
    }

    @Test
    void builtLayoutsHaveFieldsInOffsetOrderWithoutOverlapInsideTheirSize() {
        Property.forAll(PacketLayouts.layouts()).check(layout -> {
            int end = 0;
            long endBit = 0;
            for (LayoutField f : layout.fields()) {
                long startBit = 8L * f.offset() + f.bitOffset();
                assertTrue(startBit >= endBit, f + " overlaps the field before it");
                endBit = startBit + f.bitWidth();
                end = f.offset() + f.width();
            }
            assertTrue(end <= layout.size(), "last field ends at " + end + " past size " + layout.size());
        });
    }

    @Test
    void declaringAnExtraFieldInsideAnotherIsRejectedNamingBoth() {
        Gen<Intrusion> cases = PacketLayouts.layouts().flatMap(l -> Gen.elements(l.fields())
                .flatMap(f -> Gen.ints(f.offset(), f.offset() + f.width() - 1).map(at -> new Intrusion(l, f, at))));
        Property.forAll(cases).check(c -> {
            LayoutField victim = c.victim();
            int at = c.at();
            LayoutBuilder b = redeclare(c.layout(), null).at(at).u8("intruder");
            IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
            assertTrue(e.getMessage().contains("field 'intruder' (u8) at bytes [" + at + ", " + (at + 1) + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + victim.name() + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        });
    }

    @Test
    void leavingOutAFieldIsRejectedNamingTheUndeclaredBytes() {
        Gen<Omission> cases = PacketLayouts.layouts().filter(l -> l.fields().size() >= 2)
                .flatMap(l -> Gen.elements(l.fields()).map(f -> new Omission(l, f)));
        Property.forAll(cases).check(c -> {
            LayoutField left = c.left();
            LayoutBuilder b = redeclare(c.layout(), left);
            IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
            if (left.wireType().isBitField()) {
                // a run with a field left out no longer fills its bytes, or its later fields move
                assertTrue(e.getMessage().contains("fills whole bytes") || e.getMessage().contains("overlap")
                        || e.getMessage().contains("belong to no field"), e.getMessage());
                return;
            }
            assertTrue(e.getMessage().contains("bytes [" + left.offset() + ", " + (left.offset() + left.width())
                    + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("belong to no field"), e.getMessage());
        });
    }

    /**
     * Declares the fields of {@code layout} again at their offsets (without constants or bit names), except
     * {@code leftOut}, with padding wherever the layout has bytes that belong to no field, and its size.
     */
    private static LayoutBuilder redeclare(PacketLayout layout, LayoutField leftOut) {
        LayoutBuilder b = PacketLayout.builder("again");
        int end = 0;
        for (LayoutField f : layout.fields()) {
            if (f.offset() > end) {
                b.at(end).padding(f.offset() - end);
            }
            if (f != leftOut) {
                if (f.wireType().isBitField()) {
                    // a bit field that does not start a byte continues the run of the field before it
                    (f.bitOffset() == 0 ? b.at(f.offset()) : b).bitField(f.name(), f.wireType(), f.bitWidth());
                } else {
                    declare(b.at(f.offset()), f.wireType(), f.name(), f.width());
                }
            }
            end = f.offset() + f.width();
        }
        if (layout.size() > end) {
            b.at(end).padding(layout.size() - end);
        }
        return b.size(layout.size());
    }

    private static LayoutBuilder declare(LayoutBuilder b, WireType type, String name, int width) {
        if (type == WireType.TEXT) {
            return b.text(name, width, java.nio.charset.StandardCharsets.US_ASCII, io.bufkit.layout.TextPadding.NUL);
        }
        return type == WireType.BYTES ? b.bytes(name, width) : b.field(name, type);
    }

    @Test
    void theTestsDeclareEveryFieldTypeUnderItsOwnName() {
        for (WireType type : WireType.values()) {
            if (type.isBitField()) {
                continue;   // declared with bitField(name, type, bits), see redeclare
            }

            LayoutField f = declare(PacketLayout.builder("t"), type, "f", 3).build().field("f");
            assertEquals(type.typeName(), f.typeName());
            assertEquals(type, f.wireType());
        }
    }
}
