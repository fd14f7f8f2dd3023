package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.PacketLayout;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacketLayoutsTest {

    private static final PacketLayout LEGACY = PacketLayout.builder("legacy")
            .u16be("signature").expect(0xCAFE).i32le("deviceId").f32be("voltage").u8("status").u8("checksum")
            .u32le("uptime").build();
    private static final int SAMPLES = 2000;

    @Test
    void generatedPacketsAreValidAndHoldTheirConstants() {
        Property.forAll(PacketLayouts.packets(LEGACY)).check(p -> {
            LEGACY.validate(ByteView.wrap(p));
            assertEquals(0xCAFE, LEGACY.intField("signature").get(ByteView.wrap(p)));
        });
    }

    @Test
    void generatedValuesReachTheEndsOfTheirRanges() {
        Set<Object> statuses = new HashSet<>();
        Set<Object> uptimes = new HashSet<>();
        SplittableRandom r = new SplittableRandom(1);
        Gen<LayoutValues> g = PacketLayouts.values(LEGACY);
        for (int i = 0; i < SAMPLES; i++) {
            LayoutValues v = g.generate(r);
            statuses.add(v.get("status"));
            uptimes.add(v.get("uptime"));
        }
        assertTrue(statuses.containsAll(Set.of(0, 1, 254, 255)), statuses.toString());
        assertTrue(uptimes.containsAll(Set.of(0L, 0xFFFF_FFFFL)), "u32 edges");
    }

    @Test
    void fieldValuesStayInTheFieldsRange() {
        PacketLayout l = PacketLayout.builder("t").i8("a").u16le("b").flags16be("c").u32be("d").build();
        for (LayoutField f : l.fields()) {
            Property.forAll(PacketLayouts.fieldValues(f)).check(v -> {
                long x = ((Number) v).longValue();
                switch (f.typeName()) {
                    case "i8" -> assertTrue(x >= -128 && x <= 127, f + " " + x);
                    case "u16le", "flags16be" -> assertTrue(x >= 0 && x <= 0xFFFF, f + " " + x);
                    default -> assertTrue(x >= 0 && x <= 0xFFFF_FFFFL, f + " " + x);
                }
            });
        }
    }

    @Test
    void arbitraryPacketsIncludeValidShortLongAndBrokenConstantPackets() {
        int valid = 0;
        int wrongLength = 0;
        int wrongConstant = 0;
        SplittableRandom r = new SplittableRandom(2);
        Gen<byte[]> g = PacketLayouts.arbitraryPackets(LEGACY);
        for (int i = 0; i < SAMPLES; i++) {
            try {
                LEGACY.validate(ByteView.wrap(g.generate(r)));
                valid++;
            } catch (LayoutException e) {
                if (e.field().isPresent()) {
                    wrongConstant++;
                } else {
                    wrongLength++;
                }
            }
        }
        assertTrue(valid > SAMPLES / 10, "valid " + valid);
        assertTrue(wrongLength > SAMPLES / 10, "wrong length " + wrongLength);
        assertTrue(wrongConstant > SAMPLES / 50, "wrong constant " + wrongConstant);
    }

    @Test
    void randomLayoutsUseEveryWireTypePaddingAndConstants() {
        Set<String> types = new HashSet<>();
        boolean padding = false;
        boolean constant = false;
        SplittableRandom r = new SplittableRandom(3);
        Gen<PacketLayout> g = PacketLayouts.layouts();
        for (int i = 0; i < SAMPLES; i++) {
            PacketLayout l = g.generate(r);
            int widths = 0;
            for (LayoutField f : l.fields()) {
                types.add(f.wireType().typeName());
                widths += f.bitWidth() / 8;
                constant |= f.isConstant();
            }
            padding |= widths < l.size();
        }
        Set<String> all = new HashSet<>();
        for (io.bufkit.layout.WireType t : io.bufkit.layout.WireType.values()) {
            if (!t.isChecksum() && t != io.bufkit.layout.WireType.TEXT) {   // covered by their own property suites
                all.add(t.typeName());
            }
        }
        assertEquals(all, types);
        assertTrue(padding, "no layout had padding");
        assertTrue(constant, "no layout had a constant");
    }

    @Test
    void theSameSeedGivesTheSameLayouts() {
        Gen<PacketLayout> g = PacketLayouts.layouts(5);
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(g.generate(new SplittableRandom(seed)).toString(), g.generate(new SplittableRandom(seed)).toString());
        }
    }

    @Test
    void layoutsRespectTheFieldLimit() {
        Property.forAll(PacketLayouts.layouts(3)).check(l -> assertTrue(l.fields().size() <= 3, l.toString()));
        assertThrows(IllegalArgumentException.class, () -> PacketLayouts.layouts(0));
    }

    @Test
    void aFailingLayoutShrinksToASingleSimpleField() {
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(PacketLayouts.layouts())
                .check(l -> assertTrue(l.fields().stream().noneMatch(x -> x.typeName().startsWith("f64")))));
        assertEquals("PacketLayout[random, 8 bytes: f0_f64be f64be @0]", f.counterexample(), f.getMessage());
    }
}
