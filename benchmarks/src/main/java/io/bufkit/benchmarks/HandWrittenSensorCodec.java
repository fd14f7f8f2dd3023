package io.bufkit.benchmarks;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.examples.SensorPacket;
import io.bufkit.layout.PacketCodec;

/**
 * The sensor packet's codec as it is written by hand with the layout's handles — what
 * {@code PacketCodec.of(SensorPacket.LAYOUT, SensorPacket.class)} derives — kept as the peer the derived
 * codec is measured against.
 */
final class HandWrittenSensorCodec implements PacketCodec<SensorPacket> {

    /** The one instance, held in a constant like the derived codec. */
    static final PacketCodec<SensorPacket> CODEC = new HandWrittenSensorCodec();

    private HandWrittenSensorCodec() {
    }

    @Override
    public SensorPacket decode(ByteView packet) {
        SensorPacket.LAYOUT.validate(packet);
        return new SensorPacket(SensorPacket.SENSOR_ID.get(packet), SensorPacket.TIMESTAMP.get(packet),
                SensorPacket.SENSOR_TYPE.get(packet), SensorPacket.STATUS_FLAGS.get(packet),
                SensorPacket.TEMPERATURE.get(packet), SensorPacket.HUMIDITY.get(packet), SensorPacket.PRESSURE.get(packet));
    }

    @Override
    public void encode(SensorPacket value, MutableByteView out) {
        SensorPacket.LAYOUT.writeConstants(out);
        SensorPacket.SENSOR_ID.set(out, value.sensorId());
        SensorPacket.TIMESTAMP.set(out, value.timestamp());
        SensorPacket.SENSOR_TYPE.set(out, value.sensorType());
        SensorPacket.STATUS_FLAGS.set(out, value.statusFlags());
        SensorPacket.TEMPERATURE.set(out, value.temperature());
        SensorPacket.HUMIDITY.set(out, value.humidity());
        SensorPacket.PRESSURE.set(out, value.pressure());
    }

    @Override
    public int size() {
        return SensorPacket.LAYOUT.size();
    }
}
