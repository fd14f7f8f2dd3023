package io.bufkit.examples.service;

import io.bufkit.Lease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The load client: opens several connections to a {@link SensorServer}, sends a bounded number of sensor
 * and legacy frames in randomly sized writes, and checks that every frame is acknowledged, in order, with
 * its type. Runs on the calling thread with one NIO {@link Selector} and stops by itself: when every frame
 * is acknowledged, at the first failure, or at the timeout.
 *
 * <p>While it sends, it records the state the server should end up with (from the records and the bytes it
 * sent), so a caller can compare the server's aggregates with {@link Result#expected()}. Each connection
 * uses its own sensor and device ids, so even "last packet" figures are deterministic.
 */
final class LoadClient {

    /** The size of the client's read array, shared by its connections. */
    private static final int READ_BUFFER_SIZE = 8192;
    /** How long one select waits at most before the deadline is checked again. */
    private static final long SELECT_TIMEOUT_MILLIS = 100;

    private LoadClient() {
    }

    /**
     * What to send.
     *
     * @param connections how many connections to open, 1 or more
     * @param frames how many frames to send in all, 0 or more; spread evenly over the connections
     * @param seed the seed of the frames' contents and of the write sizes
     * @param maxWriteSize the largest write, 1 or more; each write offers 1 to this many bytes
     * @param window how many frames a connection may have unacknowledged at once, 1 or more
     * @param timeout how long the whole run may take
     * @param receiveBufferSize the sockets' receive buffer size; 0 keeps the system's default
     */
    record Settings(int connections, long frames, long seed, int maxWriteSize, int window, Duration timeout,
            int receiveBufferSize) {

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException if a setting is out of range
         */
        Settings {
            Objects.requireNonNull(timeout, "timeout");
            if (connections < 1) {
                throw new IllegalArgumentException("connections " + connections + " is less than 1");
            }
            if (frames < 0) {
                throw new IllegalArgumentException("frames " + frames + " is negative");
            }
            if (maxWriteSize < 1) {
                throw new IllegalArgumentException("maxWriteSize " + maxWriteSize + " is less than 1");
            }
            if (window < 1) {
                throw new IllegalArgumentException("window " + window + " is less than 1");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout " + timeout + " is not positive");
            }
            if (receiveBufferSize < 0) {
                throw new IllegalArgumentException("receiveBufferSize " + receiveBufferSize + " is negative");
            }
        }

        /**
         * Settings with a window of 1024 frames, a 60-second timeout and the system's socket buffers.
         *
         * @param connections how many connections to open
         * @param frames how many frames to send in all
         * @param seed the seed of the frames' contents and of the write sizes
         * @param maxWriteSize the largest write
         * @return the settings
         */
        static Settings of(int connections, long frames, long seed, int maxWriteSize) {
            return new Settings(connections, frames, seed, maxWriteSize, 1024, Duration.ofSeconds(60), 0);
        }

        /**
         * The same settings with another timeout.
         *
         * @param t the timeout
         * @return new settings
         */
        Settings withTimeout(Duration t) {
            return new Settings(connections, frames, seed, maxWriteSize, window, t, receiveBufferSize);
        }
    }

    /**
     * How a run went.
     *
     * @param connections connections opened
     * @param frames frames to send
     * @param framesSent frames generated and encoded for sending; all of them were written unless the run failed
     * @param bytesSent bytes written
     * @param acksReceived acknowledgements received and checked
     * @param nanos how long the run took, connecting included
     * @param expected the state the server should hold after this run's frames, owned
     * @param failure why the run stopped early, or {@code null}
     */
    record Result(int connections, long frames, long framesSent, long bytesSent, long acksReceived, long nanos,
            SensorAggregates.Snapshot expected, String failure) {

        /**
         * Whether every frame was sent and acknowledged.
         *
         * @return {@code true} if the run neither failed nor timed out
         */
        boolean completed() {
            return failure == null && acksReceived == frames;
        }
    }

    /**
     * Runs the load against a server until every frame is acknowledged, a check fails or the timeout passes.
     *
     * @param server the server's address
     * @param settings what to send
     * @return how it went; a failure is reported in {@link Result#failure()}, not thrown
     */
    static Result run(InetSocketAddress server, Settings settings) {
        long start = System.nanoTime();
        long deadline = start + settings.timeout().toNanos();
        SensorAggregates expected = new SensorAggregates();
        List<ClientConnection> connections = new ArrayList<>();
        byte[] readArray = new byte[READ_BUFFER_SIZE];
        ByteBuffer readBuffer = ByteBuffer.wrap(readArray);
        String failure = null;
        try (Selector selector = Selector.open(); Lease readLease = Lease.open("ack read")) {
            SplittableRandom seeds = new SplittableRandom(settings.seed());
            for (int i = 0; i < settings.connections(); i++) {
                long share = settings.frames() / settings.connections()
                        + (i < settings.frames() % settings.connections() ? 1 : 0);
                SocketChannel channel = connect(server, settings.receiveBufferSize());
                ClientConnection c = new ClientConnection(i, channel, share, settings.maxWriteSize(),
                        settings.window(), seeds.split(), seeds.split(), expected);
                connections.add(c);
                c.register(selector);
            }
            while (!allDone(connections)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    failure = "timed out after " + settings.timeout().toMillis() + " ms: " + connections;
                    break;
                }
                long wait = Math.max(1, Math.min(SELECT_TIMEOUT_MILLIS, TimeUnit.NANOSECONDS.toMillis(left)));
                selector.select(key -> ((ClientConnection) key.attachment()).onReady(readLease, readBuffer, readArray),
                        wait);
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof UncheckedIOException u ? u.getMessage() : e.toString();
        } finally {
            for (ClientConnection c : connections) {
                c.close();
            }
        }
        long sent = 0;
        long bytes = 0;
        long acks = 0;
        for (ClientConnection c : connections) {
            sent += c.framesSent();
            bytes += c.bytesSent();
            acks += c.acked();
        }
        return new Result(settings.connections(), settings.frames(), sent, bytes, acks, System.nanoTime() - start,
                expected.snapshot(), failure);
    }

    private static SocketChannel connect(InetSocketAddress server, int receiveBufferSize) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            if (receiveBufferSize > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
            }
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(server);                        // loopback: connects or fails at once
            channel.configureBlocking(false);
            return channel;
        } catch (IOException | RuntimeException e) {
            SensorServer.closeQuietly(channel);
            throw e;
        }
    }

    private static boolean allDone(List<ClientConnection> connections) {
        for (ClientConnection c : connections) {
            if (!c.isDone()) {
                return false;
            }
        }
        return true;
    }
}
