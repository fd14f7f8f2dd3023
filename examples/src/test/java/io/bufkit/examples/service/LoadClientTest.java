package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.pool.BufferPool;
import io.bufkit.testsupport.CapturingLogger;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The load client stops by itself and reports what went wrong, whatever the server does. */
class LoadClientTest {

    private static final Duration STEP = Duration.ofSeconds(10);

    private static LoadClient.Settings settings(int connections, long frames, Duration timeout) {
        return new LoadClient.Settings(connections, frames, 42, 100, 64, timeout, 0);
    }

    @Test
    void framesAreSpreadOverTheConnectionsAndAllAcknowledged() throws Exception {
        BufferPool pool = BufferPool.builder().bufferSize(2048).capacity(4).build();
        try (SensorServer server = SensorServer.builder(pool).logger(new CapturingLogger()).start()) {
            LoadClient.Result r = LoadClient.run(server.address(), settings(3, 1001, STEP));
            assertTrue(r.completed(), r.failure());
            assertEquals(1001, r.acksReceived());
            assertEquals(1001, r.expected().packets());
            assertEquals(3, server.stats().accepted());
        }
    }

    @Test
    void runWithoutFramesCompletesAtOnce() throws Exception {
        BufferPool pool = BufferPool.builder().bufferSize(2048).capacity(4).build();
        try (SensorServer server = SensorServer.builder(pool).logger(new CapturingLogger()).start()) {
            LoadClient.Result r = LoadClient.run(server.address(), settings(2, 0, STEP));
            assertTrue(r.completed(), r.failure());
            assertEquals(0, r.bytesSent());
        }
    }

    @Test
    void serverThatNeverAcknowledgesMakesTheRunTimeOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            // the connection is accepted by the system and never read: no acknowledgement ever comes
            LoadClient.Result r = LoadClient.run((InetSocketAddress) silent.getLocalSocketAddress(),
                    settings(1, 100, Duration.ofMillis(300)));
            assertFalse(r.completed());
            assertTrue(r.failure().startsWith("timed out after 300 ms"), r.failure());
            assertEquals(0, r.acksReceived());
        }
    }

    @Test
    void connectionRefusedByAFullServerIsReportedAsClosedEarly() throws Exception {
        BufferPool pool = BufferPool.builder().bufferSize(2048).capacity(4).build();
        try (SensorServer server = SensorServer.builder(pool).maxConnections(1).logger(new CapturingLogger()).start()) {
            LoadClient.Result r = LoadClient.run(server.address(), settings(2, 1000, STEP));
            assertFalse(r.completed());
            // closed at once: the client sees the end of the stream, a reset or a broken pipe, depending on timing
            assertTrue(r.failure().startsWith("client connection 1 (500 frames, "), r.failure());
            assertTrue(r.acksReceived() <= 500, r.toString());
            assertEquals(1, server.stats().refused());
        }
    }

    @Test
    void acknowledgementOutOfSequenceFailsTheRun() throws Exception {
        ExecutorService fakeServer = Executors.newSingleThreadExecutor();
        try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout((int) STEP.toMillis());
                    InputStream in = s.getInputStream();
                    in.readNBytes(3);                        // the first frame has begun
                    OutputStream out = s.getOutputStream();
                    out.write(SensorProtocol.ACKS.encode(new Ack(SensorProtocol.SENSOR, 2)).toByteArray());
                    out.flush();
                    in.readNBytes(1 << 20);                  // until the client gives up
                } catch (java.io.IOException e) {
                    // the client closed the connection: expected
                }
            }, fakeServer);
            LoadClient.Result r = LoadClient.run((InetSocketAddress) listener.getLocalSocketAddress(),
                    settings(1, 10, STEP));
            assertFalse(r.completed());
            assertTrue(r.failure().contains("but received Ack[ackedType=1, sequence=2]"), r.failure());
            serving.get(STEP.toSeconds(), TimeUnit.SECONDS);
        } finally {
            fakeServer.shutdownNow();
            assertTrue(fakeServer.awaitTermination(STEP.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> settings(0, 1, STEP));
        assertThrows(IllegalArgumentException.class, () -> settings(1, -1, STEP));
        assertThrows(IllegalArgumentException.class, () -> settings(1, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new LoadClient.Settings(1, 1, 0, 0, 1, STEP, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LoadClient.Settings(1, 1, 0, 1, 0, STEP, 0));
    }
}
