package io.bufkit.examples.service;

import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.examples.LegacyPacket;
import io.bufkit.examples.SensorPacket;

/** Request frames for tests, and the expected state they produce. */
final class Frames {

    private Frames() {
    }

    static SensorPacket sensor(long sensorId) {
        return new SensorPacket(sensorId, 1_672_531_200_000d, 1, 5, 25, 50f, 100.2f);
    }

    static LegacyPacket legacy(int deviceId) {
        return new LegacyPacket(deviceId, 5.0f, 1, 181, 86400);
    }

    /** The whole frame of a sensor or legacy packet, owned. */
    static Bytes frame(Object message) {
        return SensorProtocol.REQUESTS.encode(message);
    }

    /** The packet of a message without its frame header, owned. */
    static Bytes packet(Object message) {
        Bytes frame = frame(message);
        return frame.view().slice(SensorProtocol.FORMAT.headerSize(), frame.length()).copy();
    }

    /** Adds what the server should record for {@code message} to {@code state}. */
    static void expect(SensorAggregates state, Object message) {
        state.add(message, packet(message).view());
    }

    /** The parts one after the other, owned. */
    static Bytes concat(Bytes... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Bytes p : parts) {
            out.writeBytes(p.toByteArray());
        }
        return Bytes.of(out.toByteArray());
    }

    /** A sensor frame with its value cut to {@code length} bytes and the header saying so. */
    static Bytes sensorFrameOfLength(int length) {
        Bytes packet = packet(sensor(1));
        MutableByteView frame = MutableByteView.allocate(3 + length);
        frame.putU8(0, SensorProtocol.SENSOR);
        frame.putU16be(1, length);
        frame.put(3, packet.view().slice(0, Math.min(length, packet.length())));
        return frame.copy();
    }
}
