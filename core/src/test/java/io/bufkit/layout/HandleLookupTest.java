package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandleLookupTest {

    private static final PacketLayout LAYOUT = PacketLayout.builder("sensor")
            .u32be("sensorId").f64be("timestamp").u16be("sensorType").flags8("statusFlags", "a").i8("temperature")
            .f32be("humidity").bytes("tag", 2).build();

    @Test
    void eachFieldTypeHasItsHandleType() {
        assertInstanceOf(LongField.class, LAYOUT.field("sensorId"));
        assertInstanceOf(DoubleField.class, LAYOUT.field("timestamp"));
        assertInstanceOf(IntField.class, LAYOUT.field("sensorType"));
        assertInstanceOf(FlagsField.class, LAYOUT.field("statusFlags"));
        assertInstanceOf(IntField.class, LAYOUT.field("temperature"));
        assertInstanceOf(FloatField.class, LAYOUT.field("humidity"));
        assertInstanceOf(BytesField.class, LAYOUT.field("tag"));
    }

    @Test
    void typedLookupReturnsTheSameHandleAsUntypedLookup() {
        assertSame(LAYOUT.field("sensorId"), LAYOUT.longField("sensorId"));
        assertSame(LAYOUT.field("humidity"), LAYOUT.floatField("humidity"));
        assertSame(LAYOUT.field("timestamp"), LAYOUT.doubleField("timestamp"));
        assertSame(LAYOUT.field("tag"), LAYOUT.bytesField("tag"));
        assertSame(LAYOUT.field("statusFlags"), LAYOUT.flagsField("statusFlags"));
        assertSame(LAYOUT.field("sensorType"), LAYOUT.intField("sensorType"));
    }

    @Test
    void aHandleOfTheWrongTypeIsRejectedNamingFieldTypeOffsetAndTheRightLookup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LAYOUT.intField("sensorId"));
        assertEquals("layout 'sensor', field 'sensorId' (u32be at offset 0) is read with a LongField, not with an"
                + " IntField; use longField(\"sensorId\")", e.getMessage());
    }

    @Test
    void everyTypedLookupChecksTheType() {
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.longField("sensorType"));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.floatField("timestamp"));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.doubleField("humidity"));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.bytesField("temperature"));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.flagsField("sensorType"));
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.intField("statusFlags"));
    }

    @Test
    void anUnknownNameIsRejectedListingTheFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LAYOUT.field("sensorID"));
        assertTrue(e.getMessage().contains("no field named 'sensorID'"), e.getMessage());
        assertTrue(e.getMessage().contains("[sensorId, timestamp, sensorType, statusFlags, temperature, humidity, tag]"),
                e.getMessage());
    }

    @Test
    void handlesReportNameOffsetWidthAndType() {
        LayoutField f = LAYOUT.field("humidity");
        assertEquals("humidity", f.name());
        assertEquals("sensor", f.layoutName());
        assertEquals(16, f.offset());
        assertEquals(4, f.width());
        assertEquals("f32be", f.typeName());
        assertEquals(2, LAYOUT.field("tag").width());
    }

    @Test
    void fieldsCannotBeModifiedThroughTheList() {
        assertThrows(UnsupportedOperationException.class, () -> LAYOUT.fields().clear());
    }

    @Test
    void handlesOfTheSameFieldAreEqualAndOthersAreNot() {
        PacketLayout again = PacketLayout.builder("sensor")
                .u32be("sensorId").f64be("timestamp").u16be("sensorType").flags8("statusFlags", "a").i8("temperature")
                .f32be("humidity").bytes("tag", 2).build();
        assertEquals(LAYOUT.fields(), again.fields());
        assertEquals(LAYOUT.flagsField("statusFlags").hashCode(), again.flagsField("statusFlags").hashCode());
        PacketLayout otherBits = PacketLayout.builder("sensor")
                .u32be("sensorId").f64be("timestamp").u16be("sensorType").flags8("statusFlags", "b").i8("temperature")
                .f32be("humidity").bytes("tag", 2).build();
        assertNotEquals(LAYOUT.flagsField("statusFlags"), otherBits.flagsField("statusFlags"));
        assertNotEquals(LAYOUT.intField("sensorType"), LAYOUT.intField("temperature"));
    }
}
