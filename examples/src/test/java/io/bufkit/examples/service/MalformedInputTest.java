package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.pool.BufferPool;
import io.bufkit.pool.LeakDetection;
import io.bufkit.testsupport.CapturingLogger;
import io.bufkit.testsupport.Eventually;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of malformed input closes the connection that sent it, after acknowledging the frames before
 * it, with a logged reason; the server and its other connections carry on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CapturingLogger log = new CapturingLogger();
    private final BufferPool pool = BufferPool.builder().name("malformed").bufferSize(1024).capacity(4).direct(true)
            .leakDetection(LeakDetection.PARANOID).build();
    private final SensorAggregates aggregates = new SensorAggregates();
    private SensorServer server;
    /** Open for the whole class: it must outlive every closed connection. */
    private PeerConnection bystander;
    private long bystanderFrames;

    @BeforeAll
    void startServer() throws IOException {
        server = SensorServer.builder(pool).logger(log).aggregates(aggregates).start();
        bystander = PeerConnection.open(server.address(), TIMEOUT);
    }

    @AfterAll
    void stopServer() throws IOException {
        try {
            bystander.close();
        } finally {
            server.close();
        }
    }

    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                Arguments.of("type 0", Bytes.fromHex("00 00 18"), "type 0 is not allowed"),
                Arguments.of("value longer than the protocol allows", Bytes.fromHex("01 00 41"),
                        "value length 65 (type 1) is above the maximum 64"),
                Arguments.of("unknown type", Bytes.fromHex("09 00 02 ab cd"), "no codec is registered for TLV frame type 9"),
                Arguments.of("sensor value of the wrong length", Frames.sensorFrameOfLength(16), "has a value of 16"),
                Arguments.of("legacy packet without its signature",
                        Bytes.fromHex("02 00 10 be ef ad de 00 00 40 a0 00 00 01 b5 80 51 01 00"), "signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void malformedFrameClosesItsConnectionWithALoggedReason(String kind, Bytes malformed, String reason)
            throws IOException {
        long errorsBefore = server.stats().protocolErrors();
        try (PeerConnection peer = PeerConnection.open(server.address(), TIMEOUT)) {
            peer.sendInPiecesUnlessClosed(Frames.concat(Frames.frame(Frames.sensor(500)), malformed),
                    new SplittableRandom(kind.hashCode()), 5);
            assertEquals(new Ack(SensorProtocol.SENSOR, 1), peer.readAck(), "the frame before the malformed one");
            assertTrue(peer.closedByServer(), "the connection was not closed");
            assertLogged(peer, reason);
        }
        assertEquals(errorsBefore + 1, server.stats().protocolErrors());
        assertBystanderCarriesOn();
    }

    @Test
    void streamEndingInsideAFrameClosesItsConnectionWithALoggedReason() throws IOException {
        try (PeerConnection peer = PeerConnection.open(server.address(), TIMEOUT)) {
            Bytes frame = Frames.frame(Frames.sensor(501));
            peer.send(Frames.concat(frame, frame.view().slice(0, 10).copy()));
            peer.shutdownOutput();
            assertEquals(new Ack(SensorProtocol.SENSOR, 1), peer.readAck());
            assertTrue(peer.closedByServer(), "the connection was not closed");
            assertLogged(peer, "ended inside the frame at stream offset 27");
        }
        assertBystanderCarriesOn();
    }

    @Test
    void connectionEndingAtAFrameBoundaryIsClosedWithoutAWarning() throws IOException {
        try (PeerConnection peer = PeerConnection.open(server.address(), TIMEOUT)) {
            peer.send(Frames.frame(Frames.legacy(77)));
            peer.shutdownOutput();
            assertEquals(new Ack(SensorProtocol.LEGACY, 1), peer.readAck());
            assertTrue(peer.closedByServer(), "the connection was not closed");
            Eventually.assertWithin(() -> !log.at(Level.DEBUG, "from /127.0.0.1:" + peer.localPort()).isEmpty(), TIMEOUT, log::toString);
            assertEquals(List.of(), log.at(Level.WARNING, "from /127.0.0.1:" + peer.localPort()));
        }
    }

    @Test
    void noBufferIsLeftLeasedAfterTheClosedConnections() throws IOException {
        try (PeerConnection peer = PeerConnection.open(server.address(), TIMEOUT)) {
            peer.send(Frames.concat(Frames.frame(Frames.sensor(502)), Bytes.fromHex("00")));
            assertEquals(new Ack(SensorProtocol.SENSOR, 1), peer.readAck());
            assertTrue(peer.closedByServer(), "the connection was not closed");
        }
        Eventually.assertWithin(() -> pool.used() == 0, TIMEOUT, () -> pool + " " + pool.stats());
        assertEquals(0, pool.stats().leaks());
    }

    private void assertLogged(PeerConnection peer, String reason) {
        String connection = "from /127.0.0.1:" + peer.localPort();
        Eventually.assertWithin(() -> !log.at(Level.WARNING, connection).isEmpty(), TIMEOUT, log::toString);
        List<CapturingLogger.Entry> warnings = log.at(Level.WARNING, connection);
        assertEquals(1, warnings.size(), warnings::toString);
        String message = warnings.get(0).message();
        assertTrue(message.contains("closed after 1 frame(s)") && message.contains(reason), message);
    }

    private void assertBystanderCarriesOn() throws IOException {
        bystander.send(Frames.frame(Frames.sensor(999)));
        bystanderFrames++;
        assertEquals(new Ack(SensorProtocol.SENSOR, bystanderFrames), bystander.readAck());
    }
}
