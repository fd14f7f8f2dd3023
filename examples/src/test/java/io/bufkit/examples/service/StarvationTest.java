package io.bufkit.examples.service;

import io.bufkit.testsupport.CapturingLogger;
import io.bufkit.testsupport.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.pool.BufferPool;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile peers that could starve the service: many idle connections from one peer, a peer that goes
 * quiet, a peer that trickles a frame (slowloris) and a peer that stops reading. Each is cut off, logged,
 * while a well-behaved peer (from another loopback address) is served.
 */
@Timeout(60)
class StarvationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Hostile peers connect from 127.0.0.2, well-behaved ones from 127.0.0.1. */
    private static final int HOSTILE = 2;
    private static final int GOOD = 1;

    private final CapturingLogger log = new CapturingLogger();
    private final BufferPool pool = BufferPool.builder().name("starvation").bufferSize(1024).capacity(8).build();

    private static void assertServed(SensorServer server) throws IOException {
        try (PeerConnection good = PeerConnection.openFrom(GOOD, server.address(), TIMEOUT)) {
            good.send(Frames.frame(Frames.sensor(7)));
            assertEquals(new Ack(SensorProtocol.SENSOR, 1), good.readAck());
        }
    }

    /** The warning logged about the connection of {@code peer}, waiting for it. */
    private String warningAbout(PeerConnection peer) {
        String connection = "from /127.0.0.2:" + peer.localPort();
        Eventually.assertWithin(() -> !log.at(Level.WARNING, connection).isEmpty(), TIMEOUT, log::toString);
        return log.at(Level.WARNING, connection).get(0).message();
    }

    @Test
    void sixtyFourIdleConnectionsFromOnePeerDoNotLockOthersOutUnderTheDefaults() throws IOException {
        List<PeerConnection> idle = new ArrayList<>();
        try (SensorServer server = SensorServer.builder(pool).logger(log).start()) {
            try {
                for (int i = 0; i < 64; i++) {
                    idle.add(PeerConnection.openFrom(HOSTILE, server.address(), TIMEOUT));
                }
                Eventually.assertWithin(() -> server.stats().accepted() + server.stats().refused() == 64, TIMEOUT,
                        () -> server.stats().toString());
                assertServed(server);
                assertEquals(16, server.stats().accepted() - 1);
                assertEquals(48, server.stats().refusedPerPeer());
                assertFalse(log.at(Level.WARNING, "refused a connection from /127.0.0.2").isEmpty(), log::toString);
            } finally {
                for (PeerConnection c : idle) {
                    c.close();
                }
            }
        }
        Eventually.assertWithin(() -> pool.used() == 0, TIMEOUT, pool::toString);
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeoutAndLogged() throws IOException {
        try (SensorServer server = SensorServer.builder(pool).logger(log).idleTimeout(Duration.ofMillis(300)).start();
                PeerConnection quiet = PeerConnection.openFrom(HOSTILE, server.address(), TIMEOUT)) {
            long start = System.nanoTime();
            assertTrue(quiet.closedByServer(), "the idle connection was not closed");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(250).toNanos(), "closed before its idle timeout");
            Eventually.assertWithin(() -> server.stats().idleTimeouts() == 1, TIMEOUT, () -> server.stats().toString());
            String m = warningAbout(quiet);
            assertTrue(m.contains("the idle timeout is 300 ms"), m);
        }
    }

    @Test
    void aPeerThatStopsReadingIsClosedAfterTheIdleTimeout() throws IOException {
        try (SensorServer server = SensorServer.builder(pool).logger(log).idleTimeout(Duration.ofMillis(400))
                .maxQueuedAcks(4).sendBufferSize(1024).start();
                PeerConnection deaf = PeerConnection.open(server.address(), TIMEOUT, 1024)) {
            Bytes many = Frames.concat(java.util.stream.IntStream.range(0, 4000)
                    .mapToObj(i -> Frames.frame(Frames.sensor(i))).toArray(Bytes[]::new));
            try {
                deaf.send(many);   // blocks once both socket buffers are full; the server's close ends it
            } catch (IOException expected) {
                // the server closed the connection while this peer was still writing
            }
            Eventually.assertWithin(() -> server.stats().idleTimeouts() == 1, TIMEOUT, () -> server.stats().toString());
            assertServed(server);
        }
        Eventually.assertWithin(() -> pool.used() == 0, TIMEOUT, pool::toString);
    }

    @Test
    void aSlowlorisFrameIsClosedAtItsDeadlineThoughBytesKeepArriving() throws IOException, InterruptedException {
        try (SensorServer server = SensorServer.builder(pool).logger(log).idleTimeout(Duration.ofSeconds(10))
                .frameDeadline(Duration.ofMillis(500)).start();
                PeerConnection slow = PeerConnection.openFrom(HOSTILE, server.address(), Duration.ofMillis(50))) {
            byte[] frame = Frames.frame(Frames.sensor(3)).toByteArray();
            long start = System.nanoTime();
            boolean closed = false;
            for (int at = 0; at < frame.length && !closed; at++) {
                try {
                    slow.send(Bytes.of(frame[at]));
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                closed = slow.closedByServer();   // waits up to 50 ms: one byte per 50 ms
            }
            assertTrue(closed, "the trickled frame was completed instead of cut off");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs < 2000, elapsedMs + " ms");
            Eventually.assertWithin(() -> server.stats().frameDeadlinesMissed() == 1, TIMEOUT, () -> server.stats().toString());
            String m = warningAbout(slow);
            assertTrue(m.contains("the frame deadline is 500 ms"), m);
            assertEquals(0, server.stats().frames());
            assertServed(server);
        }
    }

    @Test
    void aHeaderWhoseLengthCannotBeRightForItsTypeIsRejectedAtTheHeader() throws IOException {
        try (SensorServer server = SensorServer.builder(pool).logger(log).start();
                PeerConnection liar = PeerConnection.openFrom(HOSTILE, server.address(), Duration.ofSeconds(2))) {
            liar.send(Bytes.fromHex("01 00 40"));   // type 1 is always 24 bytes; this header says 64
            long start = System.nanoTime();
            assertTrue(liar.closedByServer(), "the connection was kept open waiting for a value that cannot be right");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
            String m = warningAbout(liar);
            assertTrue(m.contains("value of 64"), m);
            assertEquals(0, server.stats().frames());
            assertEquals(1, server.stats().headerRejections());
            assertTrue(m.contains("rejected at its header"), m);
            assertServed(server);
        }
    }
}
