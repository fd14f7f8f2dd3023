package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayoutValuesTest {

    private static final PacketLayout LEGACY = PacketLayout.builder("legacy")
            .u16be("signature").expect(0xCAFE).i32le("deviceId").f32be("voltage").u8("status").u8("checksum")
            .u32le("uptime").build();
    private static final Bytes VECTOR = Bytes.fromHex("ca fe ad de 00 00 40 a0 00 00 01 b5 80 51 01 00");
    private static final PacketLayout MIXED = PacketLayout.builder("mixed")
            .flags16le("f", "a").f64le("d").bytes("b", 3).i64be("l").build();

    private static Map<String, Object> legacyMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signature", 0xCAFE);
        m.put("deviceId", 57005);
        m.put("voltage", 5.0f);
        m.put("status", 1);
        m.put("checksum", 181);
        m.put("uptime", 86400L);
        return m;
    }

    @Test
    void readGivesEveryFieldInOffsetOrderWithItsHandlesType() {
        LayoutValues v = LayoutValues.read(LEGACY, VECTOR.view());
        assertEquals(legacyMap(), v.asMap());
        assertEquals(List.of("signature", "deviceId", "voltage", "status", "checksum", "uptime"),
                List.copyOf(v.asMap().keySet()));
    }

    @Test
    void bytesValuesAreOwnedCopiesThatOutliveTheLease() {
        Lease lease = Lease.open("read");
        byte[] memory = new byte[MIXED.size()];
        memory[10] = 'x';
        LayoutValues v = LayoutValues.read(MIXED, lease.wrap(memory));
        lease.close();
        memory[10] = 'y';
        assertEquals(Bytes.fromHex("78 00 00"), v.get("b"));
    }

    @Test
    void theCodecDecodesAndEncodesTheVector() {
        PacketCodec<LayoutValues> codec = LayoutValues.codec(LEGACY);
        LayoutValues v = codec.decode(VECTOR.view());
        MutableByteView out = MutableByteView.allocate(codec.size());
        codec.encode(v, out);
        assertEquals(VECTOR, out.copy());
        assertArrayEquals(VECTOR.toByteArray(), v.toByteArray());
    }

    @Test
    void theCodecValidatesLengthAndConstants() {
        PacketCodec<LayoutValues> codec = LayoutValues.codec(LEGACY);
        assertThrows(LayoutException.class, () -> codec.decode(VECTOR.view().slice(0, 15)));
        assertThrows(LayoutException.class, () -> codec.decode(ByteView.wrap(new byte[16])));
    }

    @Test
    void theCodecRejectsValuesOfAnotherLayout() {
        LayoutValues other = LayoutValues.read(MIXED, ByteView.wrap(new byte[MIXED.size()]));
        assertThrows(IllegalArgumentException.class,
                () -> LayoutValues.codec(LEGACY).encode(other, MutableByteView.allocate(LEGACY.size())));
    }

    @Test
    void ofAcceptsValuesThatFitAndEqualsWhatReadGives() {
        assertEquals(LayoutValues.read(LEGACY, VECTOR.view()), LayoutValues.of(LEGACY, legacyMap()));
    }

    @Test
    void ofRejectsAMissingFieldAnUnknownNameAWrongTypeAndAnOutOfRangeValue() {
        Map<String, Object> missing = legacyMap();
        missing.remove("uptime");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayoutValues.of(LEGACY, missing)).getMessage()
                .contains("no value for field 'uptime'"));
        Map<String, Object> unknown = legacyMap();
        unknown.put("crc", 1);
        assertThrows(IllegalArgumentException.class, () -> LayoutValues.of(LEGACY, unknown));
        Map<String, Object> wrongType = legacyMap();
        wrongType.put("uptime", 86400);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayoutValues.of(LEGACY, wrongType)).getMessage()
                .contains("field 'uptime' (u32le) takes a Long, not a Integer"));
        Map<String, Object> tooBig = legacyMap();
        tooBig.put("status", 256);
        assertThrows(IllegalArgumentException.class, () -> LayoutValues.of(LEGACY, tooBig));
    }

    @Test
    void ofRejectsAConstantFieldWithAnotherValue() {
        Map<String, Object> m = legacyMap();
        m.put("signature", 0xBEEF);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayoutValues.of(LEGACY, m)).getMessage()
                .contains("constants"));
    }

    @Test
    void withChangesOneField() {
        LayoutValues v = LayoutValues.of(LEGACY, legacyMap()).with("status", 7);
        assertEquals(7, v.get("status"));
        assertEquals(57005, v.get("deviceId"));
    }

    @Test
    void equalityComparesFloatingPointValuesByTheirRawBits() {
        MutableByteView p = MutableByteView.allocate(MIXED.size());
        MIXED.doubleField("d").set(p, 0.0);
        LayoutValues zero = LayoutValues.read(MIXED, p);
        MIXED.doubleField("d").set(p, -0.0);
        LayoutValues negativeZero = LayoutValues.read(MIXED, p);
        MIXED.doubleField("d").set(p, Double.longBitsToDouble(0x7ff8_0000_0000_0001L));
        LayoutValues nan1 = LayoutValues.read(MIXED, p);
        MIXED.doubleField("d").set(p, Double.longBitsToDouble(0x7ff8_0000_0000_0002L));
        LayoutValues nan2 = LayoutValues.read(MIXED, p);
        assertNotEquals(zero, negativeZero);
        assertNotEquals(nan1, nan2);
        assertEquals(nan1, LayoutValues.read(MIXED, MutableByteView.wrap(nan1.toByteArray())));
        assertEquals(nan1.hashCode(), LayoutValues.read(MIXED, MutableByteView.wrap(nan1.toByteArray())).hashCode());
    }

    @Test
    void toStringShowsEveryFieldWithBytesInHexAndNaNBits() {
        MutableByteView p = MutableByteView.allocate(MIXED.size());
        MIXED.flagsField("f").set(p, 1);
        MIXED.doubleField("d").set(p, Double.longBitsToDouble(0x7ff8_0000_0000_0001L));
        MIXED.bytesField("b").set(p, Bytes.fromHex("01 02 03"));
        assertEquals("mixed{f=1, d=NaN(0x7ff8000000000001), b=0x010203, l=0}", LayoutValues.read(MIXED, p).toString());
    }
}
