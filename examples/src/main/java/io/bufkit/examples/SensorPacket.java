package io.bufkit.examples;

import io.bufkit.layout.DoubleField;
import io.bufkit.layout.FlagsField;
import io.bufkit.layout.FloatField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;

/**
 * The reference sensor packet: 24 bytes, big-endian, as a record with its {@link PacketLayout} and
 * {@link PacketCodec}.
 *
 * <pre>
 * offset len type    field
 *      0   4 u32 BE  sensorId
 *      4   8 f64 BE  timestamp (Unix epoch, ms)
 *     12   2 u16 BE  sensorType
 *     14   1 u8      statusFlags (bit0, bit1, bit2)
 *     15   1 i8      temperature (degrees C)
 *     16   4 f32 BE  humidity (%)
 *     20   4 f32 BE  pressure (kPa)
 * </pre>
 *
 * @param sensorId the sensor's id, 0 to 2<sup>32</sup>-1
 * @param timestamp milliseconds since the Unix epoch, as sent (a double on the wire)
 * @param sensorType the sensor type, 0 to 65535
 * @param statusFlags the status bits, 0 to 255; test them with {@link #flag(String)}
 * @param temperature degrees Celsius, -128 to 127
 * @param humidity relative humidity in percent
 * @param pressure pressure in kPa
 */
public record SensorPacket(long sensorId, double timestamp, int sensorType, int statusFlags, int temperature,
        float humidity, float pressure) {

    /** The packet's layout: 24 bytes, every field big-endian. */
    public static final PacketLayout LAYOUT = PacketLayout.builder("sensor")
            .u32be("sensorId").f64be("timestamp").u16be("sensorType")
            .flags8("statusFlags", "bit0", "bit1", "bit2").i8("temperature")
            .f32be("humidity").f32be("pressure")
            .size(24)
            .build();

    /** The {@code sensorId} field: u32 big-endian at offset 0. */
    public static final LongField SENSOR_ID = LAYOUT.longField("sensorId");
    /** The {@code timestamp} field: f64 big-endian at offset 4. */
    public static final DoubleField TIMESTAMP = LAYOUT.doubleField("timestamp");
    /** The {@code sensorType} field: u16 big-endian at offset 12. */
    public static final IntField SENSOR_TYPE = LAYOUT.intField("sensorType");
    /** The {@code statusFlags} field: 8 flag bits at offset 14. */
    public static final FlagsField STATUS_FLAGS = LAYOUT.flagsField("statusFlags");
    /** The {@code temperature} field: i8 at offset 15. */
    public static final IntField TEMPERATURE = LAYOUT.intField("temperature");
    /** The {@code humidity} field: f32 big-endian at offset 16. */
    public static final FloatField HUMIDITY = LAYOUT.floatField("humidity");
    /** The {@code pressure} field: f32 big-endian at offset 20. */
    public static final FloatField PRESSURE = LAYOUT.floatField("pressure");

    /**
     * Decodes and encodes sensor packets, derived from the record's components. {@code decode} rejects a
     * packet that is not exactly 24 bytes with a {@link io.bufkit.layout.LayoutException} naming the expected
     * and the actual length.
     */
    public static final PacketCodec<SensorPacket> CODEC = PacketCodec.of(LAYOUT, SensorPacket.class);

    /**
     * Whether a named status bit is set.
     *
     * @param bitName {@code "bit0"}, {@code "bit1"} or {@code "bit2"}
     * @return {@code true} if the bit is set in {@link #statusFlags()}
     * @throws IllegalArgumentException if there is no bit of that name
     */
    public boolean flag(String bitName) {
        return (statusFlags & STATUS_FLAGS.mask(bitName)) != 0;
    }
}
