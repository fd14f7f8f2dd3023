package io.bufkit.examples.service;

import io.bufkit.testsupport.CapturingLogger;
import io.bufkit.testsupport.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.pool.BufferPool;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service under well-behaved and hostile peers at once, on loopback, for a few seconds: every frame a
 * well-behaved peer sends is acknowledged, in order, within a deadline, while idle, slowloris, garbage,
 * non-reading, lying (a header whose length cannot be right) and abruptly dropped peers are cut off;
 * afterwards no pooled buffer is left leased.
 */
@Timeout(60)
class SoakTest {

    /** How long the hostile peers keep at it. */
    private static final Duration RUN = Duration.ofSeconds(3);
    /** How long a well-behaved peer waits at most for each acknowledgement. */
    private static final Duration ACK_DEADLINE = Duration.ofSeconds(5);
    private static final int GOOD_PEERS = 4;

    private final CapturingLogger log = new CapturingLogger();
    private final BufferPool pool = BufferPool.builder().name("soak").bufferSize(1024).capacity(64).build();

    @Test
    void wellBehavedPeersAreServedInOrderWhileHostilePeersAreCutOff() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "soak peer");
            t.setDaemon(true);
            return t;
        });
        AtomicLong acknowledged = new AtomicLong();
        List<PeerConnection> hostile = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SensorServer server = SensorServer.builder(pool).logger(log).maxConnections(32).maxConnectionsPerPeer(6)
                .idleTimeout(Duration.ofMillis(1500)).frameDeadline(Duration.ofMillis(1000)).sendBufferSize(2048).start()) {
            long stopAt = System.nanoTime() + RUN.toNanos();
            List<Future<?>> peers = new ArrayList<>();
            for (int i = 0; i < GOOD_PEERS; i++) {
                long seed = i;
                peers.add(threads.submit(() -> wellBehaved(server, seed, stopAt, acknowledged)));
            }
            peers.add(threads.submit(() -> idler(server, stopAt, hostile)));
            peers.add(threads.submit(() -> slowloris(server, stopAt, hostile)));
            peers.add(threads.submit(() -> garbage(server, stopAt)));
            peers.add(threads.submit(() -> nonReader(server, stopAt, hostile)));
            peers.add(threads.submit(() -> dropper(server, stopAt)));
            peers.add(threads.submit(() -> liar(server, stopAt, hostile)));
            try {
                for (Future<?> f : peers.subList(0, GOOD_PEERS)) {
                    f.get(30, TimeUnit.SECONDS);   // rethrows a well-behaved peer's failure
                }
            } finally {
                synchronized (hostile) {
                    for (PeerConnection c : hostile) {
                        SensorServer.closeQuietly(c);
                    }
                }
            }
            for (Future<?> f : peers.subList(GOOD_PEERS, peers.size())) {
                f.get(30, TimeUnit.SECONDS);
            }
            ServerStats s = server.stats();
            assertTrue(acknowledged.get() > 0, s::toString);
            assertTrue(s.refusedPerPeer() > 0, () -> "the idle peer was never refused: " + s);
            assertTrue(s.idleTimeouts() > 0, () -> "no idle connection was closed: " + s);
            assertTrue(s.frameDeadlinesMissed() > 0, () -> "no slowloris frame was cut off: " + s);
            assertTrue(s.protocolErrors() > 0, () -> "no garbage was rejected: " + s);
            assertTrue(s.headerRejections() > 0, () -> "no lying header was rejected: " + s);
            assertTrue(s.readPauses() > 0, () -> "the non-reading peer never filled its acknowledgement queue: " + s);
        } finally {
            threads.shutdownNow();
        }
        Eventually.assertWithin(() -> pool.used() == 0, Duration.ofSeconds(10), () -> pool + " " + pool.stats());
        assertEquals(0, pool.stats().leaks(), pool.stats()::toString);
    }

    /** Sends frames in random pieces and batches; each acknowledgement must arrive in order, in time. */
    private static Void wellBehaved(SensorServer server, long seed, long stopAt, AtomicLong acknowledged)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long sent = 0;
        try (PeerConnection peer = PeerConnection.openFrom(1, server.address(), ACK_DEADLINE)) {
            while (System.nanoTime() < stopAt) {
                int batch = 1 + random.nextInt(20);
                List<Bytes> frames = new ArrayList<>();
                List<Integer> types = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    boolean sensor = random.nextBoolean();
                    frames.add(Frames.frame(sensor ? Frames.sensor(seed * 1_000_000 + sent + i)
                            : Frames.legacy((int) (sent + i))));
                    types.add(sensor ? SensorProtocol.SENSOR : SensorProtocol.LEGACY);
                }
                peer.sendInPieces(Frames.concat(frames.toArray(Bytes[]::new)), random, 64);
                for (int i = 0; i < batch; i++) {
                    sent++;
                    Ack ack = peer.readAck();   // times out after ACK_DEADLINE
                    assertEquals(new Ack(types.get(i), sent), ack, "peer " + seed + ", frame " + sent);
                    acknowledged.incrementAndGet();
                }
            }
            peer.shutdownOutput();
            assertTrue(peer.closedByServer(), "the server did not close after the end of the stream");
        }
        return null;
    }

    /** Opens a connection from 127.0.0.2 every 20 ms, up to 100, and never sends anything on them. */
    private static Void idler(SensorServer server, long stopAt, List<PeerConnection> hostile) throws Exception {
        for (int i = 0; i < 100 && System.nanoTime() < stopAt; i++) {
            hostile.add(PeerConnection.openFrom(2, server.address(), Duration.ofMillis(100)));
            Thread.sleep(20);
        }
        return null;
    }

    /** Sends a header from 127.0.0.3, then one byte of the value every 100 ms, and again when cut off. */
    private static Void slowloris(SensorServer server, long stopAt, List<PeerConnection> hostile) throws Exception {
        byte[] frame = Frames.frame(Frames.sensor(3)).toByteArray();   // 24 value bytes: 2.4 s of trickle
        while (System.nanoTime() < stopAt) {
            PeerConnection c = PeerConnection.openFrom(3, server.address(), Duration.ofMillis(100));
            hostile.add(c);
            try {
                c.send(Bytes.of(frame, 0, 3));
                for (int at = 3; at < frame.length && System.nanoTime() < stopAt; at++) {
                    c.send(Bytes.of(frame, at, 1));
                    if (c.closedByServer()) {   // waits up to 100 ms
                        break;
                    }
                }
            } catch (IOException cutOff) {
                // the server closed the connection: start again
            } finally {
                c.close();
            }
        }
        return null;
    }

    /** Sends, from 127.0.0.7, a header whose length cannot be right for its type, then trickles its value. */
    private static Void liar(SensorServer server, long stopAt, List<PeerConnection> hostile) throws Exception {
        while (System.nanoTime() < stopAt) {
            PeerConnection c = PeerConnection.openFrom(7, server.address(), Duration.ofMillis(100));
            hostile.add(c);
            try {
                c.send(Bytes.fromHex("01 00 40"));   // type 1 is always 24 bytes; this header says 64
                while (System.nanoTime() < stopAt && !c.closedByServer()) {   // waits up to 100 ms
                    c.send(Bytes.of((byte) 0));
                }
            } catch (IOException cutOff) {
                // the server closed the connection: start again
            } finally {
                c.close();
            }
        }
        return null;
    }

    /** Sends random bytes from 127.0.0.4 and hangs up. */
    private static Void garbage(SensorServer server, long stopAt) throws Exception {
        SplittableRandom random = new SplittableRandom(99);
        while (System.nanoTime() < stopAt) {
            try (PeerConnection c = PeerConnection.openFrom(4, server.address(), Duration.ofMillis(100))) {
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                junk[0] = 0;   // type 0 is never allowed, so the connection is always rejected
                c.send(Bytes.of(junk));
                c.closedByServer();
            } catch (IOException reset) {
                // the server may reset the connection first
            }
            Thread.sleep(10);
        }
        return null;
    }

    /** Sends frames from 127.0.0.5 and never reads an acknowledgement; the server must cut it off. */
    private static Void nonReader(SensorServer server, long stopAt, List<PeerConnection> hostile) throws Exception {
        Bytes frames = Frames.concat(java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> Frames.frame(Frames.sensor(i))).toArray(Bytes[]::new));
        while (System.nanoTime() < stopAt) {
            PeerConnection c = PeerConnection.openFrom(5, server.address(), Duration.ofMillis(100), 2048);
            hostile.add(c);
            try {
                while (System.nanoTime() < stopAt) {
                    c.send(frames);   // blocks once the socket buffers are full, until the server cuts it off
                }
            } catch (IOException cutOff) {
                // closed by the server (or by the test at the end)
            } finally {
                c.close();
            }
        }
        return null;
    }

    /** Sends a frame and a half from 127.0.0.6 and resets the connection. */
    private static Void dropper(SensorServer server, long stopAt) throws Exception {
        Bytes frame = Frames.frame(Frames.legacy(5));
        while (System.nanoTime() < stopAt) {
            PeerConnection c = PeerConnection.openFrom(6, server.address(), Duration.ofMillis(100));
            try {
                c.send(Frames.concat(frame, frame.view().slice(0, 9).copy()));
            } catch (IOException ignored) {
                // refused or closed first
            } finally {
                c.abort();
            }
            Thread.sleep(15);
        }
        return null;
    }
}
