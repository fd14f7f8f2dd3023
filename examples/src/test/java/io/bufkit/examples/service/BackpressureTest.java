package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.pool.BufferPool;
import io.bufkit.testsupport.CapturingLogger;
import io.bufkit.testsupport.Eventually;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client that sends without reading its acknowledgements fills the server's bounded acknowledgement
 * queue; the server then stops reading from it, rather than buffering, and resumes once the client reads.
 */
class BackpressureTest {

    private static final Duration STEP = Duration.ofSeconds(10);
    private static final int FRAMES = 20_000;
    private static final int MAX_QUEUED_ACKS = 16;

    @Test
    void serverStopsReadingWhileTheAckQueueIsFullAndResumesWhenItDrains() throws Exception {
        BufferPool pool = BufferPool.builder().name("backpressure").bufferSize(1024).capacity(4).build();
        List<Bytes> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            frames.add(Frames.frame(i % 3 == 0 ? Frames.legacy(i) : Frames.sensor(i)));
        }
        Bytes stream = Frames.concat(frames.toArray(Bytes[]::new));
        ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "backpressure writer"));
        try (SensorServer server = SensorServer.builder(pool).maxQueuedAcks(MAX_QUEUED_ACKS).sendBufferSize(4096)
                        .logger(new CapturingLogger()).start();
                PeerConnection peer = PeerConnection.open(server.address(), STEP, 4096)) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    peer.send(stream);                      // blocks while the server does not read
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, writerThread);

            Eventually.assertWithin(() -> server.stats().readPauses() > 0, STEP, () -> server.stats().toString());
            long framesWhilePaused = server.stats().frames();
            assertTrue(framesWhilePaused < FRAMES, "the server read everything without pausing");
            assertTrue(pool.used() <= 1, "only the acknowledgement queue is leased while paused: " + pool);

            for (int i = 1; i <= FRAMES; i++) {
                Ack ack = peer.readAck();
                assertEquals(Ack.of(i % 3 == 1 ? SensorProtocol.LEGACY : SensorProtocol.SENSOR, i), ack);
            }
            writing.get(STEP.toSeconds(), TimeUnit.SECONDS);
            assertEquals(FRAMES, server.stats().frames());
            assertEquals(0, server.stats().protocolErrors());
        } finally {
            writerThread.shutdownNow();
            assertTrue(writerThread.awaitTermination(STEP.toSeconds(), TimeUnit.SECONDS), "the writer thread is stuck");
        }
        assertEquals(0, pool.used());
    }
}
