package io.bufkit.examples.service;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.pool.BufferPool;
import io.bufkit.pool.PooledLease;
import io.bufkit.tlv.MalformedFrameException;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvException;
import io.bufkit.tlv.TlvHandler;
import io.bufkit.tlv.TlvHeaderCheck;
import io.bufkit.tlv.TruncatedFrameException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One accepted connection of a {@link SensorServer}: its TLV decoder, its queue of acknowledgements and
 * its rules for reading and writing. Used by the server thread only.
 *
 * <p><b>Reading.</b> When the socket is readable, the connection leases one buffer from the pool, reads
 * into it, feeds what it read to its decoder and releases the buffer: acquire, read, feed, release. Frames
 * that lie in the buffer reach {@link #onFrame(int, ByteView)} as views of it; a frame cut off at the end of
 * the read is copied by the decoder into its accumulator, so the buffer is never held from one read to the
 * next.
 *
 * <p><b>Writing.</b> Each frame is answered by an {@link Ack} encoded into the connection's acknowledgement
 * buffer, a second lease from the pool taken when the first acknowledgement is queued and released as soon
 * as all are written. The connection writes after every read and, while anything is left over (a partial
 * write), whenever the socket is writable.
 *
 * <p><b>Backpressure.</b> At most {@code maxQueuedAcks} acknowledgements may wait. A read is limited to
 * {@code free * 3} bytes when {@code free} acknowledgements can still be queued, because every frame needs
 * at least its 3-byte header in the read that completes it, except the first, which may have started in an
 * earlier read: such a read completes at most {@code free} frames. With no room left, the connection stops
 * reading until the peer takes some acknowledgements, and TCP slows the peer down.
 *
 * <p><b>Closing.</b> At the end of the peer's stream, at a frame boundary, the connection writes the
 * remaining acknowledgements and closes. Anything malformed — a bad header, a truncated last frame, an
 * unknown type, a value of the wrong length, a packet that does not validate — closes the connection after
 * one attempt to write the acknowledgements of the frames before it, and the reason is logged at
 * {@code WARNING}.
 *
 * <p><b>Header check.</b> Unless the server was built with {@code checkHeaders(false)}, the decoder hands
 * each frame header to {@link io.bufkit.tlv.TlvCodecRegistry#headerCheck()} of the request registry: a
 * header whose value length is not the size of the codec registered for its type (type 1 is always 24
 * bytes) closes the connection at once, before any of the value is read or buffered.
 *
 * <p><b>Deadlines.</b> The server calls {@link #enforceDeadlines(long)} between selects: a connection on
 * which no byte arrived and no acknowledgement byte was written for the idle timeout is closed, and so is
 * one whose current frame is not complete within the frame deadline of its first byte's arrival, however
 * its bytes trickle in. Both are logged at {@code WARNING}.
 */
final class ServerConnection implements TlvHandler {

    private final long id;
    private final SocketChannel channel;
    private final SensorServer server;
    private final BufferPool pool;
    private final String peer;
    private final InetAddress peerAddress;
    private final TlvDecoder decoder;
    /** Whether the frame that failed was rejected at its header, before any of its value was read. */
    private boolean rejectedAtHeader;
    /** The bytes of {@code maxQueuedAcks} acknowledgements. */
    private final int ackQueueBytes;
    private SelectionKey key;
    /** The lease holding the acknowledgements not yet written, or {@code null} while there are none. */
    private PooledLease ackLease;
    /** {@code ackLease.buffer()}: {@code [0, position())} holds the bytes waiting to be written. */
    private ByteBuffer acks;
    private long frames;
    private long ackBytesWritten;
    private boolean inputEnded;
    private boolean readPaused;
    private boolean closed;
    /** When a byte last arrived or an acknowledgement byte was last written ({@link System#nanoTime()}). */
    private long lastProgressNanos = System.nanoTime();
    /** When the first byte of the incomplete frame in the decoder arrived; meaningful while there is one. */
    private long frameStartedNanos;

    ServerConnection(long id, SocketChannel channel, InetAddress peerAddress, SensorServer server) {
        this.id = id;
        this.peerAddress = peerAddress;
        this.channel = channel;
        this.server = server;
        this.pool = server.pool();
        this.ackQueueBytes = server.maxQueuedAcks() * SensorProtocol.ACK_FRAME_SIZE;
        String address;
        try {
            address = String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            address = "an unknown peer";
        }
        this.peer = address;
        TlvHeaderCheck registered = SensorProtocol.REQUESTS.headerCheck();
        this.decoder = !server.checkHeaders() ? new TlvDecoder(SensorProtocol.FORMAT)
                : new TlvDecoder(SensorProtocol.FORMAT, (type, valueLength) -> {
                    try {
                        registered.checkHeader(type, valueLength);
                    } catch (RuntimeException e) {
                        rejectedAtHeader = true;
                        throw e;
                    }
                });
    }

    /**
     * Registers the connection for reading.
     *
     * @param selector the server's selector
     * @throws ClosedChannelException if the peer already closed the channel
     */
    void register(Selector selector) throws ClosedChannelException {
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** Handles the socket's readiness; never throws: a failure closes this connection only. */
    void onReady() {
        try {
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                flush();
            }
            if (!closed && (ready & SelectionKey.OP_READ) != 0) {
                read();
            }
            if (!closed) {
                updateInterest();
            }
        } catch (TlvException | LayoutException e) {
            closeForProtocolError(e);
        } catch (IOException e) {
            close(SensorServer.CloseReason.IO_ERROR, "I/O error: " + e);
        } catch (RuntimeException e) {
            server.logger().log(Level.ERROR, this + " failed", e);
            close(SensorServer.CloseReason.INTERNAL_ERROR, "internal error: " + e);
        }
    }

    /** The peer's address, which the per-peer connection limit counts; {@code null} if unknown. */
    InetAddress peerAddress() {
        return peerAddress;
    }

    /**
     * Closes the connection if its frame deadline or its idle timeout has passed at {@code now}.
     *
     * @param now {@link System#nanoTime()}
     */
    void enforceDeadlines(long now) {
        if (closed) {
            return;
        }
        if (decoder.hasPartialFrame() && now - frameStartedNanos > server.frameDeadlineNanos()) {
            close(SensorServer.CloseReason.FRAME_DEADLINE, "frame " + (frames + 1) + " was not complete "
                    + (now - frameStartedNanos) / 1_000_000 + " ms after its first byte arrived ("
                    + decoder.bufferedBytes() + " byte(s) of it so far); the frame deadline is "
                    + server.frameDeadline().toMillis() + " ms");
        } else if (now - lastProgressNanos > server.idleTimeoutNanos()) {
            close(SensorServer.CloseReason.IDLE_TIMEOUT, "nothing arrived and no acknowledgement was taken for "
                    + (now - lastProgressNanos) / 1_000_000 + " ms; the idle timeout is "
                    + server.idleTimeout().toMillis() + " ms");
        }
    }

    /**
     * Decodes one frame, adds the message to the aggregates and queues its acknowledgement.
     *
     * @param type the frame's type
     * @param value the frame's value, <em>borrowed</em> from the read buffer or the decoder until this
     *     method returns: decoded into an owned record, copied into the aggregates, never kept
     */
    @Override
    public void onFrame(int type, ByteView value) {
        Object message = SensorProtocol.REQUESTS.decode(type, value);   // throws for a bad frame
        server.aggregates().add(message, value);
        frames++;
        server.onFrame();
        queueAck(type);
    }

    /**
     * Closes the connection and returns its acknowledgement lease, if any, to the pool.
     *
     * @param reason why
     * @param detail what happened, for the log
     */
    void close(SensorServer.CloseReason reason, String detail) {
        if (closed) {
            return;
        }
        closed = true;
        releaseAcks();
        if (key != null) {
            key.cancel();
        }
        SensorServer.closeQuietly(channel);
        server.onClosed(this, reason);
        Level level = switch (reason) {
            case PROTOCOL_ERROR, IDLE_TIMEOUT, FRAME_DEADLINE -> Level.WARNING;
            case INTERNAL_ERROR -> Level.ERROR;
            case IO_ERROR -> Level.INFO;
            default -> Level.DEBUG;
        };
        server.logger().log(level, this + " closed after " + frames + " frame(s): " + detail);
    }

    /**
     * Describes the connection: its number and its peer.
     *
     * @return for example {@code "connection #3 from /127.0.0.1:53122"}
     */
    @Override
    public String toString() {
        return "connection #" + id + " from " + peer;
    }

    // ------------------------------------------------------------------ reading

    private void read() throws IOException {
        int free = freeAckSlots();
        if (free == 0 || inputEnded) {
            return;
        }
        int limit = (int) Math.min(pool.bufferSize(), (long) free * SensorProtocol.MIN_FRAME_SIZE);
        int n;
        boolean continuing = decoder.hasPartialFrame();
        long framesBefore = frames;
        try (PooledLease lease = pool.acquire()) {
            ByteBuffer buffer = lease.buffer();
            buffer.clear().limit(limit);
            n = channel.read(buffer);
            if (n > 0) {
                server.onBytesReceived(n);
                lastProgressNanos = System.nanoTime();
                buffer.flip();
                decoder.feed(buffer, this);                 // frames are borrowed from this lease
            }
        }                                                   // released: a partial frame is in the decoder
        if (n > 0 && decoder.hasPartialFrame() && (!continuing || frames != framesBefore)) {
            frameStartedNanos = lastProgressNanos;          // a new frame began in this read
        }
        if (n < 0) {
            endOfInput();
        } else if (n > 0) {
            flush();
        }
    }

    private void endOfInput() throws IOException {
        inputEnded = true;
        decoder.finish();                                   // TruncatedFrameException inside a frame
        if (pendingAckBytes() == 0) {
            close(SensorServer.CloseReason.END_OF_STREAM, "end of stream");
        }
    }

    // ------------------------------------------------------------------ acknowledging

    private void queueAck(int type) {
        if (ackLease == null) {
            ackLease = pool.acquire();
            acks = ackLease.buffer().clear();
        }
        int at = acks.position();
        if (ackQueueBytes - at < SensorProtocol.ACK_FRAME_SIZE) {
            throw new IllegalStateException(this + ": acknowledgement queue overflow (" + at + " of " + ackQueueBytes
                    + " bytes used); reads are meant to be limited to what the queue can take");
        }
        SensorProtocol.ACKS.write(Ack.of(type, frames), ackLease.view(), at);
        acks.position(at + SensorProtocol.ACK_FRAME_SIZE);
    }

    private void flush() throws IOException {
        if (ackLease == null) {
            return;
        }
        writeAcks();
        if (acks.position() == 0) {
            releaseAcks();
            if (inputEnded) {
                close(SensorServer.CloseReason.END_OF_STREAM, "end of stream");
            }
        }
    }

    /** Writes as much of the queue as the socket takes now; what is left stays at the queue's start. */
    private void writeAcks() throws IOException {
        acks.flip();
        int before = acks.remaining();
        try {
            if (channel.write(acks) > 0) {
                lastProgressNanos = System.nanoTime();
            }
        } finally {
            long total = ackBytesWritten + (before - acks.remaining());
            server.onAcksWritten((int) (total / SensorProtocol.ACK_FRAME_SIZE
                    - ackBytesWritten / SensorProtocol.ACK_FRAME_SIZE));
            ackBytesWritten = total;
            acks.compact();
        }
    }

    private void releaseAcks() {
        if (ackLease != null) {
            PooledLease lease = ackLease;
            ackLease = null;
            acks = null;
            lease.close();
        }
    }

    private int pendingAckBytes() {
        return acks == null ? 0 : acks.position();
    }

    private int freeAckSlots() {
        return (ackQueueBytes - pendingAckBytes()) / SensorProtocol.ACK_FRAME_SIZE;
    }

    private void updateInterest() {
        boolean canRead = !inputEnded && freeAckSlots() > 0;
        if (!canRead && !inputEnded && !readPaused) {
            server.onReadPaused();
        }
        readPaused = !canRead && !inputEnded;
        int ops = (canRead ? SelectionKey.OP_READ : 0) | (pendingAckBytes() > 0 ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    // ------------------------------------------------------------------ failing

    private void closeForProtocolError(RuntimeException e) {
        if (ackLease != null) {
            // acknowledge the frames accepted before the bad one, as far as the socket takes them now
            try {
                writeAcks();
            } catch (IOException ignored) {
                // the peer is gone too; the close below is all that is left to do
            }
        }
        if (rejectedAtHeader) {
            server.onHeaderRejected();
        }
        String where = rejectedAtHeader ? "frame " + (frames + 1) + " rejected at its header, before any of its"
                + " value was read: "
                : e instanceof MalformedFrameException || e instanceof TruncatedFrameException ? ""
                : "frame " + (frames + 1) + " (ending at stream offset " + decoder.streamOffset() + "): ";
        close(SensorServer.CloseReason.PROTOCOL_ERROR, where + e.getMessage());
    }
}
