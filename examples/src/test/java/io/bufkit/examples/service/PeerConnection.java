package io.bufkit.examples.service;

import io.bufkit.Bytes;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-driven client connection for tests: blocking, with a read timeout so that no test can hang, and
 * able to send bytes in random pieces.
 */
final class PeerConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private PeerConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code server}, reads time out after {@code readTimeout}. */
    static PeerConnection open(InetSocketAddress server, Duration readTimeout) throws IOException {
        return open(server, readTimeout, 0);
    }

    /** As {@link #open(InetSocketAddress, Duration)}, with a receive buffer size (0: the default). */
    static PeerConnection open(InetSocketAddress server, Duration readTimeout, int receiveBufferSize) throws IOException {
        return open(server, readTimeout, receiveBufferSize, null);
    }

    /**
     * As {@link #open(InetSocketAddress, Duration)}, from the loopback address {@code 127.0.0.<host>}, so that
     * the server sees a peer address of its own.
     */
    static PeerConnection openFrom(int host, InetSocketAddress server, Duration readTimeout) throws IOException {
        return openFrom(host, server, readTimeout, 0);
    }

    /** As {@link #openFrom(int, InetSocketAddress, Duration)}, with a receive buffer size (0: the default). */
    static PeerConnection openFrom(int host, InetSocketAddress server, Duration readTimeout, int receiveBufferSize)
            throws IOException {
        return open(server, readTimeout, receiveBufferSize,
                java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host}));
    }

    private static PeerConnection open(InetSocketAddress server, Duration readTimeout, int receiveBufferSize,
            java.net.InetAddress local) throws IOException {
        Socket s = new Socket();
        try {
            if (local != null) {
                s.bind(new InetSocketAddress(local, 0));
            }
            if (receiveBufferSize > 0) {
                s.setReceiveBufferSize(receiveBufferSize);
            }
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) readTimeout.toMillis());
            s.connect(server, (int) readTimeout.toMillis());
            return new PeerConnection(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The local port, which the server's log names as the peer's. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Closes the connection with a reset instead of an orderly end of stream. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Sends bytes in one write. */
    void send(Bytes bytes) throws IOException {
        out.write(bytes.toByteArray());
        out.flush();
    }

    /** Sends bytes in pieces of 1 to {@code maxPiece} bytes, each written and flushed on its own. */
    void sendInPieces(Bytes bytes, SplittableRandom random, int maxPiece) throws IOException {
        byte[] b = bytes.toByteArray();
        for (int at = 0; at < b.length;) {
            int n = Math.min(b.length - at, 1 + random.nextInt(maxPiece));
            out.write(b, at, n);
            out.flush();
            at += n;
        }
    }

    /**
     * Sends bytes in pieces like {@link #sendInPieces}, but stops without an error when the server closes
     * the connection first (a server that rejects a frame at its header closes before its value arrives).
     *
     * @return whether every byte was written
     */
    boolean sendInPiecesUnlessClosed(Bytes bytes, SplittableRandom random, int maxPiece) {
        try {
            sendInPieces(bytes, random, maxPiece);
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    /** Ends the stream towards the server; reading goes on. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads exactly one acknowledgement frame (8 bytes) and decodes it. */
    Ack readAck() throws IOException {
        byte[] frame = in.readNBytes(SensorProtocol.ACK_FRAME_SIZE);
        if (frame.length < SensorProtocol.ACK_FRAME_SIZE) {
            throw new IOException("the stream ended after " + frame.length + " byte(s) of an acknowledgement: "
                    + Arrays.toString(frame));
        }
        List<TlvFrame> frames = TlvDecoder.decodeAll(SensorProtocol.FORMAT, frame);
        if (frames.size() != 1) {
            throw new IOException("not one frame: " + frames);
        }
        return SensorProtocol.ACKS.decode(frames.get(0).type(), frames.get(0).value().view(), Ack.class);
    }

    /**
     * Whether the server closed the connection: reads until the end of the stream or the read timeout.
     *
     * @return {@code true} at the end of the stream (or a reset), {@code false} if the read timed out or data
     *     arrived
     */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
