package io.bufkit.testkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.TextPadding;
import io.bufkit.layout.WireType;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.LayoutValues;
import io.bufkit.testkit.PacketLayouts;
import io.bufkit.testkit.Property;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Properties of the field kinds for protocol headers — bit fields, odd widths, checksums, text and layouts
 * bound to a byte order — through the testkit's generators: every kind round-trips in every order,
 * values that do not fit are refused, and corrupted checksums are caught.
 */
class ProtocolFieldPropertiesTest {

    /** Random layouts hold bit runs of both bit orders and every odd width among their fields. */
    private static final Gen<PacketLayout> LAYOUTS = PacketLayouts.layouts(8);

    @Test
    void everyFieldKindRoundTripsInRandomLayoutsInEveryOrder() {
        Property.forAll(LAYOUTS.flatMap(PacketLayouts::values)).check(v -> {
            byte[] packet = v.toByteArray();
            LayoutValues decoded = LayoutValues.codec(v.layout()).decode(ByteView.wrap(packet));
            assertEquals(v, decoded);
        });
    }

    @Test
    void valuesThatDoNotFitAreRefusedNamingTheFieldAndNothingIsWritten() {
        Gen<Object[]> cases = LAYOUTS.flatMap(l -> Gen.elements(l.fields().stream().filter(ProtocolFieldPropertiesTest::narrow)
                .toList().isEmpty() ? List.of(l.fields().get(0)) : l.fields().stream().filter(ProtocolFieldPropertiesTest::narrow).toList())
                .flatMap(f -> narrow(f) ? PacketLayouts.valuesThatDoNotFit(f).map(x -> new Object[] {l, f, x})
                        : Gen.constant(new Object[] {l, f, null})));
        Property.forAll(cases).check(c -> {
            PacketLayout l = (PacketLayout) c[0];
            LayoutField f = (LayoutField) c[1];
            if (c[2] == null) {
                return;   // a layout whose fields all hold every value of their type
            }
            MutableByteView packet = MutableByteView.allocate(l.size());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LayoutValues.writeField(f, packet, c[2]));
            assertTrue(e.getMessage().contains("field '" + f.name() + "' (" + f.typeName())
                    && e.getMessage().contains(c[2].toString()), e.getMessage());
            assertArrayEquals(new byte[l.size()], packet.toByteArray());
        });
    }

    private static boolean narrow(LayoutField f) {
        return f instanceof IntField i && (i.min() > Integer.MIN_VALUE || i.max() < Integer.MAX_VALUE)
                || f instanceof LongField l && (l.min() > Long.MIN_VALUE || l.max() < Long.MAX_VALUE);
    }

    private static final List<PacketLayout> CHECKSUMMED = List.of(
            PacketLayout.builder("inet").bits("version", 4).bits("ihl", 4).u8("tos").u24be("length").u8("ttl")
                    .internetChecksum("sum").u32le("a").i48be("b").build(),
            PacketLayout.builder("crc").u16le("type").sbitsLsb("x", 13).bitsLsb("y", 3).u56le("z").crc32be("crc").build(),
            PacketLayout.builder("crcc").crc32cle("crc").u8("n").bytes("data", 7).build());

    @Test
    void corruptedChecksumsAreRejectedNamingTheChecksumField() {
        for (PacketLayout l : CHECKSUMMED) {
            Property.forAll(PacketLayouts.packets(l)).check(p -> l.validate(ByteView.wrap(p)));
            Property.forAll(PacketLayouts.corruptedChecksums(l)).check(p -> {
                LayoutException e = assertThrows(LayoutException.class, () -> l.validate(ByteView.wrap(p)));
                LayoutField sum = l.fields().stream().filter(f -> f.wireType().isChecksum()).findFirst().orElseThrow();
                assertEquals(sum.name(), e.field().orElseThrow());
                assertTrue(e.getMessage().contains("expected 0x") && e.getMessage().contains("but was 0x"), e.getMessage());
            });
        }
    }

    @Test
    void textFieldsRoundTripTheirStrings() {
        for (TextPadding padding : TextPadding.values()) {
            PacketLayout l = PacketLayout.builder("text").u8("n").text("name", 12, StandardCharsets.US_ASCII, padding)
                    .build();
            Property.forAll(PacketLayouts.values(l)).check(v -> {
                LayoutValues back = LayoutValues.read(l, ByteView.wrap(v.toByteArray()));
                assertEquals(v.get("name"), back.get("name"));
            });
        }
    }

    @Test
    void aLayoutBoundToTheOtherByteOrderReadsTheValuesItWrote() {
        Property.forAll(LAYOUTS.flatMap(l -> PacketLayouts.values(l.withByteOrder(ByteOrder.LITTLE_ENDIAN)))).check(v -> {
            PacketLayout le = v.layout();
            byte[] packet = v.toByteArray();
            assertEquals(v, LayoutValues.read(le, ByteView.wrap(packet)));
            for (LayoutField f : le.fields()) {
                WireType t = f.wireType();
                assertEquals(t, t.inByteOrder(ByteOrder.LITTLE_ENDIAN), f.toString());
            }
        });
    }
}
