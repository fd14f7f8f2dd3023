package io.bufkit.examples.service;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.examples.LegacyPacket;
import io.bufkit.examples.SensorPacket;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;

/**
 * One connection of the {@link LoadClient}: generates its share of the frames, writes them in randomly sized
 * pieces and checks every acknowledgement. Used by the client thread only.
 *
 * <p>Frames are generated from a seeded random source as room allows, at most {@code window} of them
 * unacknowledged at a time, into a reused array this connection owns. Each write offers between 1 and
 * {@code maxWriteSize} bytes, so frames reach the server cut at arbitrary points. The expected state is
 * recorded as each frame is encoded, from the record and the bytes actually sent.
 *
 * <p>Acknowledgements are read into the client's shared read array under the client's read {@link Lease},
 * whose views are ended after every read: the decoder's views of that array go stale the moment it is reused.
 */
final class ClientConnection implements TlvHandler {

    /** The size of the array frames are encoded into. */
    private static final int OUT_BUFFER_SIZE = 8192;
    /** Writes per readiness event at most, so one connection cannot starve the others. */
    private static final int WRITES_PER_WAKEUP = 64;
    /** Sensor and device ids of connection {@code i} are {@code (i + 1) * ID_BLOCK} plus a small number. */
    static final long ID_BLOCK = 1000;
    private static final double FIRST_TIMESTAMP = 1_672_531_200_000d;

    private final int index;
    private final SocketChannel channel;
    private final long toSend;
    private final int maxWriteSize;
    private final SplittableRandom content;
    private final SplittableRandom chunks;
    private final SensorAggregates expected;
    private final byte[] outArray = new byte[OUT_BUFFER_SIZE];
    /** The owned array as a view, for the codecs: under the unbounded lease, as this connection owns it. */
    private final MutableByteView outView = MutableByteView.wrap(outArray);
    /** {@code [position, limit)} of {@link #outArray} is waiting to be written. */
    private final ByteBuffer out = ByteBuffer.wrap(outArray).limit(0);
    /** The types of the unacknowledged frames, oldest at {@code acked % window}. */
    private final byte[] inFlight;
    private final TlvDecoder ackDecoder = new TlvDecoder(SensorProtocol.FORMAT);
    private SelectionKey key;
    private long generated;
    private long acked;
    private long bytesSent;
    private boolean done;

    ClientConnection(int index, SocketChannel channel, long toSend, int maxWriteSize, int window,
            SplittableRandom content, SplittableRandom chunks, SensorAggregates expected) {
        this.index = index;
        this.channel = channel;
        this.toSend = toSend;
        this.maxWriteSize = maxWriteSize;
        this.inFlight = new byte[window];
        this.content = content;
        this.chunks = chunks;
        this.expected = expected;
    }

    void register(Selector selector) throws ClosedChannelException {
        key = channel.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE, this);
        finishIfDone();
    }

    /**
     * Handles the socket's readiness.
     *
     * @param readLease the client's read lease, whose views are ended after each read
     * @param readBuffer the client's read buffer over {@code readArray}
     * @param readArray the client's read array
     * @throws UncheckedIOException if reading or writing fails, or the server closed the connection early
     * @throws UnexpectedAckException if an acknowledgement does not match the frame it acknowledges
     * @throws io.bufkit.tlv.TlvException if the server's stream is malformed
     */
    void onReady(Lease readLease, ByteBuffer readBuffer, byte[] readArray) {
        try {
            if (key.isWritable()) {
                write();
            }
            if (key.isReadable()) {
                read(readLease, readBuffer, readArray);
            }
            if (!done) {
                key.interestOps(SelectionKey.OP_READ | (wantsToWrite() ? SelectionKey.OP_WRITE : 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks one acknowledgement against the oldest unacknowledged frame.
     *
     * @param type the frame's type
     * @param value its value, <em>borrowed</em> from the client's read array until this method returns
     */
    @Override
    public void onFrame(int type, ByteView value) {
        Ack ack = SensorProtocol.ACKS.decode(type, value, Ack.class);
        if (acked == generated) {
            throw new UnexpectedAckException(this + ": " + ack + " arrived, but all " + generated
                    + " frame(s) sent so far were acknowledged already");
        }
        Ack wanted = Ack.of(inFlight[(int) (acked % inFlight.length)], acked + 1);
        if (!ack.equals(wanted)) {
            throw new UnexpectedAckException(this + ": expected " + wanted + " but received " + ack);
        }
        acked++;
    }

    boolean isDone() {
        return done;
    }

    long framesSent() {
        return generated;
    }

    long acked() {
        return acked;
    }

    long bytesSent() {
        return bytesSent;
    }

    void close() {
        SensorServer.closeQuietly(channel);
    }

    /**
     * Describes the connection: its number and progress.
     *
     * @return for example {@code "client connection 2 (5000 frames, 3120 sent, 3007 acknowledged)"}
     */
    @Override
    public String toString() {
        return "client connection " + index + " (" + toSend + " frames, " + generated + " sent, " + acked
                + " acknowledged)";
    }

    // ------------------------------------------------------------------ writing

    private boolean wantsToWrite() {
        return out.hasRemaining() || (generated < toSend && generated - acked < inFlight.length);
    }

    private void write() throws IOException {
        for (int w = 0; w < WRITES_PER_WAKEUP; w++) {
            if (!out.hasRemaining() && !refill()) {
                return;
            }
            int offered = Math.min(1 + chunks.nextInt(maxWriteSize), out.remaining());
            int limit = out.limit();
            out.limit(out.position() + offered);
            int written;
            try {
                written = channel.write(out);
            } finally {
                out.limit(limit);
            }
            bytesSent += written;
            if (written < offered) {
                return;                                     // the socket is full: wait until it is writable
            }
        }
    }

    /** Encodes the next frames into the empty out array; returns whether there is anything to write. */
    private boolean refill() {
        int at = 0;
        while (generated < toSend && generated - acked < inFlight.length
                && outArray.length - at >= SensorProtocol.MAX_REQUEST_FRAME_SIZE) {
            Object message = nextMessage();
            int size = SensorProtocol.REQUESTS.write(message, outView, at);
            int header = SensorProtocol.FORMAT.headerSize();
            expected.add(message, outView.slice(at + header, at + size));
            inFlight[(int) (generated % inFlight.length)] = (byte) (message instanceof SensorPacket
                    ? SensorProtocol.SENSOR : SensorProtocol.LEGACY);
            generated++;
            at += size;
        }
        out.limit(at).position(0);
        return at > 0;
    }

    private Object nextMessage() {
        long idBase = (index + 1) * ID_BLOCK;
        if (content.nextInt(4) == 0) {
            return new LegacyPacket((int) idBase + content.nextInt(4), (30 + content.nextInt(30)) / 10f,
                    content.nextInt(4), content.nextInt(256), 3600 + generated + content.nextInt(60));
        }
        return new SensorPacket(idBase + content.nextInt(10), FIRST_TIMESTAMP + 250d * generated,
                1 + content.nextInt(3), content.nextInt(8), -20 + content.nextInt(61), content.nextInt(1001) / 10f,
                (900 + content.nextInt(300)) / 10f);
    }

    // ------------------------------------------------------------------ reading

    private void read(Lease readLease, ByteBuffer readBuffer, byte[] readArray) throws IOException {
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n < 0) {
            throw new IOException("the server closed the connection after " + acked + " of " + toSend
                    + " acknowledgement(s)");
        }
        if (n > 0) {
            try {
                ackDecoder.feed(readLease.wrap(readArray, 0, n), this);
            } finally {
                readLease.endViews();                          // the array is reused by the next read
            }
        }
        finishIfDone();
    }

    private void finishIfDone() {
        if (acked == toSend && !done) {
            ackDecoder.finish();
            done = true;
            key.cancel();
            close();
        }
    }
}
