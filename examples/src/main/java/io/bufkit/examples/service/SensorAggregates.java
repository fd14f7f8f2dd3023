package io.bufkit.examples.service;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.examples.LegacyPacket;
import io.bufkit.examples.SensorPacket;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Long-lived per-sensor and per-device state: counts, ranges and the last raw packet of each.
 *
 * <p>This state outlives every network read, so it never keeps a view: the decoded records hold plain
 * numbers (owned by nature), and the last raw packet of each sensor or device is copied out of the
 * borrowed frame value into an array this state owns ({@link ByteView#copyTo(byte[], int)}, no allocation
 * per frame). {@link #snapshot()} hands out owned {@link Bytes}.
 *
 * <p>At most {@code maxTracked} sensors and {@code maxTracked} devices are tracked; packets of further ones
 * are only counted ({@link Snapshot#untracked()}), so a client inventing ids cannot grow the state without
 * limit.
 *
 * <p>Thread-safe: the server thread adds, other threads take snapshots.
 */
final class SensorAggregates {

    /** The default bound on tracked sensors, and separately on tracked devices. */
    static final int DEFAULT_MAX_TRACKED = 100_000;

    private final int maxTracked;
    private final Map<Long, SensorTally> sensors = new HashMap<>();
    private final Map<Integer, DeviceTally> devices = new HashMap<>();
    private long untracked;

    /** Creates empty state tracking up to {@link #DEFAULT_MAX_TRACKED} sensors and as many devices. */
    SensorAggregates() {
        this(DEFAULT_MAX_TRACKED);
    }

    /**
     * Creates empty state.
     *
     * @param maxTracked how many sensors, and separately how many devices, to track at most
     * @throws IllegalArgumentException if {@code maxTracked} is negative
     */
    SensorAggregates(int maxTracked) {
        if (maxTracked < 0) {
            throw new IllegalArgumentException("maxTracked " + maxTracked + " is negative");
        }
        this.maxTracked = maxTracked;
    }

    /**
     * Adds a decoded message: a {@link SensorPacket} or a {@link LegacyPacket}.
     *
     * @param message the decoded message
     * @param raw the message's encoded packet, borrowed for the call; copied, never kept
     * @throws IllegalArgumentException if the message is of another type, or {@code raw} is not as long as
     *     its packet
     */
    void add(Object message, ByteView raw) {
        if (message instanceof SensorPacket s) {
            add(s, raw);
        } else if (message instanceof LegacyPacket l) {
            add(l, raw);
        } else {
            throw new IllegalArgumentException("not a sensor or legacy packet: " + message);
        }
    }

    /**
     * Adds a sensor packet.
     *
     * @param packet the decoded packet
     * @param raw its 24 encoded bytes, borrowed for the call; copied, never kept
     * @throws IllegalArgumentException if {@code raw} is not 24 bytes long
     */
    synchronized void add(SensorPacket packet, ByteView raw) {
        checkLength(raw, SensorPacket.LAYOUT.size());
        SensorTally t = sensors.get(packet.sensorId());
        if (t == null) {
            if (sensors.size() >= maxTracked) {
                untracked++;
                return;
            }
            t = new SensorTally();
            sensors.put(packet.sensorId(), t);
        }
        t.add(packet, raw);
    }

    /**
     * Adds a legacy packet.
     *
     * @param packet the decoded packet
     * @param raw its 16 encoded bytes, borrowed for the call; copied, never kept
     * @throws IllegalArgumentException if {@code raw} is not 16 bytes long
     */
    synchronized void add(LegacyPacket packet, ByteView raw) {
        checkLength(raw, LegacyPacket.LAYOUT.size());
        DeviceTally t = devices.get(packet.deviceId());
        if (t == null) {
            if (devices.size() >= maxTracked) {
                untracked++;
                return;
            }
            t = new DeviceTally();
            devices.put(packet.deviceId(), t);
        }
        t.add(packet, raw);
    }

    /**
     * Copies the current state.
     *
     * @return an owned snapshot, unaffected by later additions
     */
    synchronized Snapshot snapshot() {
        SortedMap<Long, SensorSummary> s = new TreeMap<>();
        sensors.forEach((id, t) -> s.put(id, t.summary(id)));
        SortedMap<Integer, DeviceSummary> d = new TreeMap<>();
        devices.forEach((id, t) -> d.put(id, t.summary(id)));
        return new Snapshot(Collections.unmodifiableSortedMap(s), Collections.unmodifiableSortedMap(d), untracked);
    }

    private static void checkLength(ByteView raw, int size) {
        if (raw.length() != size) {
            throw new IllegalArgumentException("raw packet of " + raw.length() + " bytes, expected " + size);
        }
    }

    /**
     * The state at one moment.
     *
     * @param sensors the tracked sensors by id, ascending
     * @param devices the tracked legacy devices by id, ascending
     * @param untracked packets of sensors or devices beyond the tracking bound, counted only
     */
    record Snapshot(SortedMap<Long, SensorSummary> sensors, SortedMap<Integer, DeviceSummary> devices,
            long untracked) {

        /**
         * The number of packets counted in the snapshot, tracked or not.
         *
         * @return the sum of every sensor's and device's packets, plus the untracked ones
         */
        long packets() {
            long n = untracked;
            for (SensorSummary s : sensors.values()) {
                n += s.packets();
            }
            for (DeviceSummary d : devices.values()) {
                n += d.packets();
            }
            return n;
        }
    }

    /**
     * What is known about one sensor.
     *
     * @param sensorId the sensor's id
     * @param packets how many packets it sent
     * @param minTemperature the lowest temperature, degrees C
     * @param maxTemperature the highest temperature, degrees C
     * @param temperatureSum the sum of all temperatures, for the mean
     * @param minHumidity the lowest humidity, percent
     * @param maxHumidity the highest humidity, percent
     * @param lastTimestamp the timestamp of the last packet
     * @param statusFlagsSeen every status bit seen set in any packet
     * @param lastPacket the last packet as sent, owned
     */
    record SensorSummary(long sensorId, long packets, int minTemperature, int maxTemperature, long temperatureSum,
            float minHumidity, float maxHumidity, double lastTimestamp, int statusFlagsSeen, Bytes lastPacket) {

        /**
         * The mean temperature.
         *
         * @return {@code temperatureSum / packets}, degrees C
         */
        double meanTemperature() {
            return (double) temperatureSum / packets;
        }
    }

    /**
     * What is known about one legacy device.
     *
     * @param deviceId the device's id
     * @param packets how many packets it sent
     * @param minVoltage the lowest voltage
     * @param maxVoltage the highest voltage
     * @param maxUptime the highest uptime, seconds
     * @param lastStatus the status byte of the last packet
     * @param lastPacket the last packet as sent, owned
     */
    record DeviceSummary(int deviceId, long packets, float minVoltage, float maxVoltage, long maxUptime, int lastStatus,
            Bytes lastPacket) {
    }

    /** Running figures of one sensor; its last packet lives in an array it owns. */
    private static final class SensorTally {
        private final byte[] lastPacket = new byte[SensorPacket.LAYOUT.size()];
        private long packets;
        private int minTemperature = Integer.MAX_VALUE;
        private int maxTemperature = Integer.MIN_VALUE;
        private long temperatureSum;
        private float minHumidity = Float.POSITIVE_INFINITY;
        private float maxHumidity = Float.NEGATIVE_INFINITY;
        private double lastTimestamp;
        private int statusFlagsSeen;

        void add(SensorPacket p, ByteView raw) {
            packets++;
            minTemperature = Math.min(minTemperature, p.temperature());
            maxTemperature = Math.max(maxTemperature, p.temperature());
            temperatureSum += p.temperature();
            minHumidity = Math.min(minHumidity, p.humidity());
            maxHumidity = Math.max(maxHumidity, p.humidity());
            lastTimestamp = p.timestamp();
            statusFlagsSeen |= p.statusFlags();
            raw.copyTo(lastPacket, 0);                 // the explicit copy: `raw` is borrowed
        }

        SensorSummary summary(long id) {
            return new SensorSummary(id, packets, minTemperature, maxTemperature, temperatureSum, minHumidity,
                    maxHumidity, lastTimestamp, statusFlagsSeen, Bytes.of(lastPacket));
        }
    }

    /** Running figures of one legacy device; its last packet lives in an array it owns. */
    private static final class DeviceTally {
        private final byte[] lastPacket = new byte[LegacyPacket.LAYOUT.size()];
        private long packets;
        private float minVoltage = Float.POSITIVE_INFINITY;
        private float maxVoltage = Float.NEGATIVE_INFINITY;
        private long maxUptime = Long.MIN_VALUE;
        private int lastStatus;

        void add(LegacyPacket p, ByteView raw) {
            packets++;
            minVoltage = Math.min(minVoltage, p.voltage());
            maxVoltage = Math.max(maxVoltage, p.voltage());
            maxUptime = Math.max(maxUptime, p.uptime());
            lastStatus = p.status();
            raw.copyTo(lastPacket, 0);                 // the explicit copy: `raw` is borrowed
        }

        DeviceSummary summary(int id) {
            return new DeviceSummary(id, packets, minVoltage, maxVoltage, maxUptime, lastStatus, Bytes.of(lastPacket));
        }
    }
}
