package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.examples.LegacyPacket;
import io.bufkit.examples.SensorPacket;
import io.bufkit.pool.BufferPool;
import io.bufkit.pool.LeakDetection;
import io.bufkit.pool.PoolStats;
import io.bufkit.testsupport.CapturingLogger;
import io.bufkit.testsupport.Eventually;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole service on loopback: the load client sends frames on several connections in random write sizes
 * while a hand-driven connection sends a malformed frame and another keeps working; then the server stops.
 * The scenario runs once; each test checks one outcome of it.
 *
 * <p>The seed of the frames and write sizes comes from {@code -Dbufkit.seed} when set, else it is random;
 * every failure message names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorServiceIntegrationTest {

    private static final int CONNECTIONS = 4;
    private static final long FRAMES = 20_000;
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration STEP = Duration.ofSeconds(5);
    /** Ids of the hand-driven connections' packets, outside the load client's blocks. */
    private static final long STEADY_SENSOR = 900_001;
    private static final int MALFORMED_DEVICE = 900_002;

    private final long seed = seed();
    private final CapturingLogger log = new CapturingLogger();
    private final BufferPool pool = BufferPool.builder().name("integration").bufferSize(4096).capacity(CONNECTIONS + 4)
            .direct(true).leakDetection(LeakDetection.PARANOID).build();

    private LoadClient.Result load;
    private SensorAggregates.Snapshot actual;
    private SensorAggregates.Snapshot expected;
    private ServerStats stats;
    private int usedWhileIdle;
    private PoolStats poolStats;
    private int malformedPort;
    private boolean malformedClosed;
    private Ack malformedAck;
    private List<Ack> steadyAcks;
    private long framesWhenMalformedClosed;
    private boolean serverThreadStopped;

    private static long seed() {
        String s = System.getProperty("bufkit.seed", "");
        return s.isBlank() ? new SplittableRandom().nextLong() : Long.decode(s.strip());
    }

    @BeforeAll
    void runScenario() throws Exception {
        SensorAggregates expectedState = new SensorAggregates();
        CompletableFuture<LoadClient.Result> running = new CompletableFuture<>();
        Thread clientThread = null;
        try (SensorServer server = SensorServer.builder(pool).logger(log).start()) {
            SensorPacket first = Frames.sensor(STEADY_SENSOR);
            SensorPacket second = new SensorPacket(STEADY_SENSOR, 2, 3, 0, -7, 12.5f, 99f);
            LegacyPacket valid = Frames.legacy(MALFORMED_DEVICE);
            try (PeerConnection steady = PeerConnection.open(server.address(), STEP)) {
                steady.send(Frames.frame(first));
                Ack firstAck = steady.readAck();

                LoadClient.Settings settings = new LoadClient.Settings(CONNECTIONS, FRAMES, seed, 64, 256, LIMIT, 0);
                clientThread = new Thread(() -> running.complete(LoadClient.run(server.address(), settings)),
                        "load client");
                clientThread.start();
                Eventually.assertWithin(() -> server.stats().frames() > 1 || running.isDone(), STEP,
                        () -> "load started: " + server.stats());

                try (PeerConnection malformed = PeerConnection.open(server.address(), STEP)) {
                    malformedPort = malformed.localPort();
                    malformed.sendInPieces(Frames.concat(Frames.frame(valid), Frames.sensorFrameOfLength(0)),
                            new SplittableRandom(seed), 7);
                    malformedAck = malformed.readAck();
                    malformedClosed = malformed.closedByServer();
                    framesWhenMalformedClosed = server.stats().frames();
                }

                steady.send(Frames.frame(second));
                steadyAcks = List.of(firstAck, steady.readAck());
            }
            load = running.get(LIMIT.toSeconds() + 5, TimeUnit.SECONDS);
            // once the server has closed every connection, it has released every lease it took for them
            Eventually.assertWithin(() -> server.stats().open() == 0, STEP, () -> server.stats().toString());
            usedWhileIdle = pool.used();
            actual = server.aggregates().snapshot();
            stats = server.stats();

            for (Object m : List.of(first, valid, second)) {
                Frames.expect(expectedState, m);
            }
        } finally {
            if (clientThread != null) {
                clientThread.join(LIMIT.toMillis() + STEP.toMillis());   // the client stops by itself at LIMIT
            }
        }
        poolStats = pool.stats();
        serverThreadStopped = Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("sensor-server") || t.getName().equals("load client"));
        expected = merge(load.expected(), expectedState.snapshot());
    }

    /** The load client's expected state plus the hand-driven connections' packets (ids do not overlap). */
    private static SensorAggregates.Snapshot merge(SensorAggregates.Snapshot a, SensorAggregates.Snapshot b) {
        java.util.TreeMap<Long, SensorAggregates.SensorSummary> sensors = new java.util.TreeMap<>(a.sensors());
        sensors.putAll(b.sensors());
        java.util.TreeMap<Integer, SensorAggregates.DeviceSummary> devices = new java.util.TreeMap<>(a.devices());
        devices.putAll(b.devices());
        assertEquals(a.sensors().size() + b.sensors().size(), sensors.size(), "sensor ids overlap");
        assertEquals(a.devices().size() + b.devices().size(), devices.size(), "device ids overlap");
        return new SensorAggregates.Snapshot(sensors, devices, a.untracked() + b.untracked());
    }

    private String seedNote() {
        return " (seed " + seed + "; replay with -Dbufkit.seed=" + seed + ")";
    }

    @Test
    void everyFrameOfTheLoadIsAcknowledgedInOrder() {
        assertTrue(load.completed(), load.failure() + seedNote());
        assertEquals(FRAMES, load.framesSent(), seedNote());
        assertEquals(FRAMES, load.acksReceived(), seedNote());
    }

    @Test
    void serverDecodedAndAcknowledgedEveryFrameOfEveryConnection() {
        // the load, 2 frames of the steady connection, 1 valid frame of the malformed one
        assertEquals(FRAMES + 3, stats.frames(), stats + seedNote());
        assertEquals(FRAMES + 3, stats.acksWritten(), stats + seedNote());
        assertEquals(CONNECTIONS + 2, stats.accepted(), stats + seedNote());
    }

    @Test
    void aggregatesEqualThoseOfTheFramesSent() {
        assertEquals(expected, actual, seedNote());
        assertEquals(FRAMES + 3, actual.packets(), seedNote());
    }

    @Test
    void noLeaseIsOutstandingOnceTheConnectionsAreClosed() {
        assertEquals(0, usedWhileIdle, poolStats + seedNote());
        assertEquals(0, poolStats.outstanding(), poolStats + seedNote());
        assertEquals(0, poolStats.leaks(), poolStats + seedNote());
        assertEquals(0, pool.used(), pool + seedNote());
    }

    @Test
    void malformedConnectionIsAcknowledgedUpToTheBadFrameThenClosed() {
        assertEquals(new Ack(SensorProtocol.LEGACY, 1), malformedAck, seedNote());
        assertTrue(malformedClosed, "the malformed connection was not closed" + seedNote());
        assertEquals(1, stats.protocolErrors(), stats + seedNote());
    }

    @Test
    void malformedConnectionIsClosedWithALoggedReason() {
        List<CapturingLogger.Entry> warnings = log.at(Level.WARNING);
        assertEquals(1, warnings.size(), warnings + seedNote());
        String message = warnings.get(0).message();
        assertTrue(message.contains("from /127.0.0.1:" + malformedPort), message);
        // rejected at its header (type 1 with length 0): the frame starts at stream offset 19
        assertTrue(message.contains("closed after 1 frame(s): frame 2 rejected at its header"), message);
        assertTrue(message.contains("at stream offset 19"), message);
        assertTrue(message.contains("has a value of 0"), message);
    }

    @Test
    void otherConnectionsCarryOnAfterTheMalformedOneIsClosed() {
        assertEquals(List.of(new Ack(SensorProtocol.SENSOR, 1), new Ack(SensorProtocol.SENSOR, 2)), steadyAcks);
        assertTrue(load.completed(), load.failure() + seedNote());
        assertTrue(stats.frames() > framesWhenMalformedClosed, "no frame was decoded after the malformed close");
    }

    @Test
    void noErrorButTheMalformedFrameWasLogged() {
        assertEquals(List.of(), log.at(Level.ERROR), seedNote());
        assertEquals(0, stats.internalErrors(), stats + seedNote());
        assertEquals(0, stats.ioErrors(), stats + seedNote());
    }

    @Test
    void serverAndClientThreadsAreGoneOnceClosed() {
        assertTrue(serverThreadStopped, Thread.getAllStackTraces().keySet().toString());
    }
}
