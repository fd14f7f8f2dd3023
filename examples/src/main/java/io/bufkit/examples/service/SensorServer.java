package io.bufkit.examples.service;

import io.bufkit.pool.BufferPool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sensor service's server: one thread running a non-blocking NIO {@link Selector} over a listening
 * socket on the loopback address (an ephemeral port) and every accepted connection.
 *
 * <pre>{@code
 * try (SensorServer server = SensorServer.builder(pool).start()) {
 *     InetSocketAddress address = server.address();     // 127.0.0.1:<ephemeral port>
 *     ...
 *     SensorAggregates.Snapshot state = server.aggregates().snapshot();
 * }                                                     // stops the thread, closes every connection
 * }</pre>
 *
 * <p>Each connection decodes its own stream of TLV frames (see {@link SensorProtocol}), dispatches each
 * frame through {@link SensorProtocol#REQUESTS} to the sensor or legacy codec, adds the message to the
 * shared {@link SensorAggregates} and queues an {@link Ack}. A connection that sends anything malformed is
 * closed, the reason logged at {@code WARNING}; the other connections carry on. See {@link ServerConnection}
 * for the reading, writing and backpressure rules, and the package documentation for what is leased,
 * borrowed and copied.
 *
 * <p><b>No peer can starve the others.</b> Every limit is configurable in the {@link Builder} and logged at
 * {@code WARNING} when it acts, naming the connection or peer:
 * <ul>
 *   <li>at most {@link Builder#maxConnections(int)} connections are open, and at most
 *       {@link Builder#maxConnectionsPerPeer(int)} from one peer address, so that one peer's idle
 *       connections cannot use up the server's; further connections are accepted and closed at once;</li>
 *   <li>a connection that neither sends a byte nor takes an acknowledgement for
 *       {@link Builder#idleTimeout(Duration)} is closed — an idle peer, or one that stopped reading;</li>
 *   <li>a frame whose first byte has arrived must be complete within {@link Builder#frameDeadline(Duration)},
 *       however its bytes trickle in — a slowloris peer is closed;</li>
 *   <li>a frame header whose value length is not the size of the codec registered for its type closes
 *       the connection at the header, before any of the value is read ({@link Builder#checkHeaders(boolean)});</li>
 *   <li>no thread waits without bound: the server thread selects for at most 100 ms at a time, checks the
 *       deadlines between selects, and never blocks on a socket; {@link #close()} waits at most 10 s.</li>
 * </ul>
 *
 * <p>The pool is the caller's: the server leases from it and returns every lease by the time
 * {@link #close()} returns.
 */
final class SensorServer implements AutoCloseable {

    /** How long the selector waits at most before looking at the stop flag again. */
    private static final long SELECT_TIMEOUT_MILLIS = 100;
    /** How many connections one wake-up accepts at most, so that accepting cannot starve the others. */
    private static final int ACCEPTS_PER_WAKEUP = 16;
    /** How long {@link #close()} waits for the server thread. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final BufferPool pool;
    private final SensorAggregates aggregates;
    private final System.Logger logger;
    private final int maxConnections;
    private final int maxQueuedAcks;
    private final int sendBufferSize;
    private final int maxConnectionsPerPeer;
    private final boolean checkHeaders;
    private final long idleTimeoutNanos;
    private final long frameDeadlineNanos;
    private final Duration idleTimeout;
    private final Duration frameDeadline;
    /** Open connections per peer address; touched by the server thread only. */
    private final Map<InetAddress, Integer> perPeer = new HashMap<>();
    private final Selector selector;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final Thread thread;
    /** The open connections; touched by the server thread only. */
    private final List<ServerConnection> connections = new ArrayList<>();
    private long nextConnectionId;
    private volatile boolean stopping;
    /** What stopped the server thread, if it stopped on its own. */
    private volatile Throwable failure;

    // counters: written by the server thread only, read by any thread
    private volatile long accepted;
    private volatile long refused;
    private volatile int open;
    private volatile long frames;
    private volatile long bytesReceived;
    private volatile long acksWritten;
    private volatile long protocolErrors;
    private volatile long ioErrors;
    private volatile long internalErrors;
    private volatile long readPauses;
    private volatile long refusedPerPeer;
    private volatile long idleTimeouts;
    private volatile long frameDeadlinesMissed;
    private volatile long headerRejections;

    private SensorServer(Builder b) throws IOException {
        this.pool = b.pool;
        this.aggregates = b.aggregates;
        this.logger = b.logger;
        this.maxConnections = b.maxConnections;
        this.maxQueuedAcks = b.maxQueuedAcks;
        this.sendBufferSize = b.sendBufferSize;
        this.maxConnectionsPerPeer = b.maxConnectionsPerPeer;
        this.checkHeaders = b.checkHeaders;
        this.idleTimeout = b.idleTimeout;
        this.frameDeadline = b.frameDeadline;
        this.idleTimeoutNanos = b.idleTimeout.toNanos();
        this.frameDeadlineNanos = b.frameDeadline.toNanos();
        this.selector = Selector.open();
        ServerSocketChannel l = null;
        try {
            l = ServerSocketChannel.open();
            l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), b.backlog);
            l.configureBlocking(false);
            l.register(selector, SelectionKey.OP_ACCEPT);
            this.address = (InetSocketAddress) l.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            closeQuietly(l);
            closeQuietly(selector);
            throw e;
        }
        this.listener = l;
        this.thread = new Thread(this::serve, "sensor-server " + address.getPort());
        this.thread.setDaemon(true);
    }

    /**
     * Starts configuring a server that leases its buffers from {@code pool}.
     *
     * @param pool the pool of read and acknowledgement buffers; shared, not closed by the server
     * @return a new builder
     */
    static Builder builder(BufferPool pool) {
        return new Builder(pool);
    }

    /**
     * The address the server listens on: the loopback address and an ephemeral port.
     *
     * @return the listening address
     */
    InetSocketAddress address() {
        return address;
    }

    /**
     * The long-lived state the server adds every message to.
     *
     * @return the aggregates
     */
    SensorAggregates aggregates() {
        return aggregates;
    }

    /**
     * The server's counters now.
     *
     * @return a snapshot; each counter is exact, but they are read one after the other
     */
    ServerStats stats() {
        return new ServerStats(accepted, refused, open, frames, bytesReceived, acksWritten, protocolErrors, ioErrors,
                internalErrors, readPauses, refusedPerPeer, idleTimeouts, frameDeadlinesMissed, headerRejections);
    }

    /**
     * Whether the server thread is running.
     *
     * @return {@code false} once the server was closed or failed
     */
    boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops the server: the thread closes every connection (returning their leases to the pool), the
     * listening socket and the selector, and ends; this method waits for it.
     *
     * @throws IllegalStateException if the thread did not end within 10 seconds, or if it had stopped on its
     *     own because of an error (the cause)
     */
    @Override
    public void close() {
        stopping = true;
        selector.wakeup();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
        if (failure != null) {
            throw new IllegalStateException("the server stopped on its own", failure);
        }
    }

    private SensorServer startThread() {
        thread.start();
        return this;
    }

    /** The server thread: select, dispatch readiness, until {@link #close()}. */
    private void serve() {
        try {
            while (!stopping) {
                selector.select(this::onReady, SELECT_TIMEOUT_MILLIS);
                enforceDeadlines(System.nanoTime());
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
            logger.log(System.Logger.Level.ERROR, "sensor server on " + address + " stopped: " + e, e);
        } finally {
            for (ServerConnection c : new ArrayList<>(connections)) {
                c.close(CloseReason.SHUTDOWN, "the server is shutting down");
            }
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.attachment() instanceof ServerConnection c) {
            c.onReady();
        } else if (key.isAcceptable()) {
            acceptPending();
        }
    }

    /** Closes the connections whose idle timeout or frame deadline has passed. */
    private void enforceDeadlines(long now) {
        for (ServerConnection c : new ArrayList<>(connections)) {
            c.enforceDeadlines(now);
        }
    }

    private void acceptPending() {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                // a failed accept (the peer gave up, or the process is out of descriptors) is this peer's loss
                logger.log(System.Logger.Level.WARNING, "accept on " + address + " failed: " + e);
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections.size() >= maxConnections) {
                refused++;
                logger.log(System.Logger.Level.WARNING, "refused a connection: " + maxConnections
                        + " connections are open already");
                closeQuietly(channel);
                continue;
            }
            InetAddress peerAddress = peerAddress(channel);
            if (perPeer.getOrDefault(peerAddress, 0) >= maxConnectionsPerPeer) {
                refused++;
                refusedPerPeer++;
                logger.log(System.Logger.Level.WARNING, "refused a connection from " + peerAddress + ": "
                        + maxConnectionsPerPeer + " connections from that peer are open already"
                        + " (maxConnectionsPerPeer)");
                closeQuietly(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                if (sendBufferSize > 0) {
                    channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, sendBufferSize);
                }
                ServerConnection c = new ServerConnection(++nextConnectionId, channel, peerAddress, this);
                c.register(selector);
                connections.add(c);
                perPeer.merge(peerAddress, 1, Integer::sum);
                accepted++;
                open = connections.size();
            } catch (IOException e) {
                ioErrors++;
                logger.log(System.Logger.Level.WARNING, "could not set up an accepted connection: " + e);
                closeQuietly(channel);
            }
        }
    }

    /** The address of the peer of an accepted channel; all unknown peers share one entry. */
    private static InetAddress peerAddress(SocketChannel channel) {
        try {
            SocketAddress a = channel.getRemoteAddress();
            return a instanceof InetSocketAddress i ? i.getAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ for connections (server thread)

    boolean checkHeaders() {
        return checkHeaders;
    }

    long idleTimeoutNanos() {
        return idleTimeoutNanos;
    }

    long frameDeadlineNanos() {
        return frameDeadlineNanos;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    Duration frameDeadline() {
        return frameDeadline;
    }

    BufferPool pool() {
        return pool;
    }

    int maxQueuedAcks() {
        return maxQueuedAcks;
    }

    System.Logger logger() {
        return logger;
    }

    void onFrame() {
        frames++;
    }

    void onBytesReceived(int n) {
        bytesReceived += n;
    }

    void onAcksWritten(int n) {
        acksWritten += n;
    }

    void onHeaderRejected() {
        headerRejections++;
    }

    void onReadPaused() {
        readPauses++;
    }

    void onClosed(ServerConnection c, CloseReason reason) {
        connections.remove(c);
        perPeer.computeIfPresent(c.peerAddress(), (a, n) -> n > 1 ? n - 1 : null);
        open = connections.size();
        switch (reason) {
            case PROTOCOL_ERROR -> protocolErrors++;
            case IO_ERROR -> ioErrors++;
            case INTERNAL_ERROR -> internalErrors++;
            case IDLE_TIMEOUT -> idleTimeouts++;
            case FRAME_DEADLINE -> frameDeadlinesMissed++;
            default -> { }
        }
    }

    /** Why a connection was closed. */
    enum CloseReason {
        /** The peer ended its stream at a frame boundary and every acknowledgement was written. */
        END_OF_STREAM,
        /** The peer sent something the protocol does not allow. */
        PROTOCOL_ERROR,
        /** Reading or writing failed, for example because the peer reset the connection. */
        IO_ERROR,
        /** A bug in the server; logged with its stack trace. */
        INTERNAL_ERROR,
        /** The peer neither sent nor took anything for the idle timeout. */
        IDLE_TIMEOUT,
        /** A frame whose first byte arrived was not complete within the frame deadline. */
        FRAME_DEADLINE,
        /** The server was closed. */
        SHUTDOWN
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the resource is gone either way
        }
    }

    /**
     * Configures and starts a {@link SensorServer}.
     */
    static final class Builder {
        private final BufferPool pool;
        private SensorAggregates aggregates = new SensorAggregates();
        private System.Logger logger = System.getLogger(SensorServer.class.getName());
        private int maxConnections = 64;
        private int maxConnectionsPerPeer = 16;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration frameDeadline = Duration.ofSeconds(5);
        private boolean checkHeaders = true;
        private int maxQueuedAcks;
        private int sendBufferSize;
        private int backlog = 64;

        private Builder(BufferPool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            this.maxQueuedAcks = pool.bufferSize() / SensorProtocol.ACK_FRAME_SIZE;
        }

        /**
         * Sets the state to add messages to. Default: new, empty aggregates.
         *
         * @param aggregates the state
         * @return this builder
         */
        Builder aggregates(SensorAggregates aggregates) {
            this.aggregates = Objects.requireNonNull(aggregates, "aggregates");
            return this;
        }

        /**
         * Sets where connection closures and errors are logged. Default: the {@link System.Logger} named
         * after this class.
         *
         * @param logger the logger
         * @return this builder
         */
        Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Bounds the open connections; further ones are accepted and closed at once. Default 64.
         *
         * @param connections 1 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code connections} is less than 1
         */
        Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections " + connections + " is less than 1");
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * Bounds the open connections from one peer address; further ones from that address are accepted
         * and closed at once, logged. Default 16, so that one peer holds at most a quarter of the default
         * {@link #maxConnections(int)}.
         *
         * @param connections 1 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code connections} is less than 1
         */
        Builder maxConnectionsPerPeer(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnectionsPerPeer " + connections + " is less than 1");
            }
            this.maxConnectionsPerPeer = connections;
            return this;
        }

        /**
         * Closes, logged, a connection on which no byte arrived and no acknowledgement byte was written for
         * this long: a peer that is idle, or that stopped reading its acknowledgements. Default 30 seconds.
         *
         * @param timeout more than zero
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive("idleTimeout", timeout);
            return this;
        }

        /**
         * Closes, logged, a connection whose current frame is not complete this long after its first byte
         * arrived, however often more bytes of it arrive: a peer that trickles a frame (slowloris). Default 5
         * seconds.
         *
         * @param deadline more than zero
         * @return this builder
         * @throws IllegalArgumentException if {@code deadline} is zero or negative
         */
        Builder frameDeadline(Duration deadline) {
            this.frameDeadline = positive("frameDeadline", deadline);
            return this;
        }

        /**
         * Checks each frame's value length against the size of the codec registered for its type as soon as
         * the header arrives ({@link io.bufkit.tlv.TlvCodecRegistry#headerCheck()}), closing the connection,
         * logged, before any of a value that cannot be right is read. Default {@code true}; with
         * {@code false} such a frame is rejected once its whole value has arrived.
         *
         * @param check whether to check headers
         * @return this builder
         */
        Builder checkHeaders(boolean check) {
            this.checkHeaders = check;
            return this;
        }

        private static Duration positive(String what, Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " " + d + " is not positive");
            }
            return d;
        }

        /**
         * Bounds the acknowledgements waiting to be written on one connection; when they are that many, the
         * server stops reading from the connection until some are written. Default: as many as one pool
         * buffer holds.
         *
         * @param acks 1 to {@code pool.bufferSize() / 8}
         * @return this builder
         * @throws IllegalArgumentException if {@code acks} is outside that range
         */
        Builder maxQueuedAcks(int acks) {
            int most = pool.bufferSize() / SensorProtocol.ACK_FRAME_SIZE;
            if (acks < 1 || acks > most) {
                throw new IllegalArgumentException("maxQueuedAcks " + acks + " is outside 1 to " + most
                        + " (the acknowledgements of " + SensorProtocol.ACK_FRAME_SIZE
                        + " bytes that fit in one pool buffer of " + pool.bufferSize() + " bytes)");
            }
            this.maxQueuedAcks = acks;
            return this;
        }

        /**
         * Sets the socket send buffer size of accepted connections; 0 keeps the system's default. Default 0.
         *
         * @param bytes the size hint in bytes, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        Builder sendBufferSize(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("sendBufferSize " + bytes + " is negative");
            }
            this.sendBufferSize = bytes;
            return this;
        }

        /**
         * Binds to an ephemeral loopback port and starts the server thread.
         *
         * @return the running server
         * @throws IOException if the selector or the listening socket cannot be opened
         * @throws IllegalArgumentException if the pool's buffers cannot hold one acknowledgement, or are too
         *     small to read one header into
         */
        SensorServer start() throws IOException {
            if (pool.bufferSize() < SensorProtocol.ACK_FRAME_SIZE) {
                throw new IllegalArgumentException("pool buffers of " + pool.bufferSize()
                        + " bytes cannot hold one acknowledgement of " + SensorProtocol.ACK_FRAME_SIZE + " bytes");
            }
            return new SensorServer(this).startThread();
        }
    }
}
