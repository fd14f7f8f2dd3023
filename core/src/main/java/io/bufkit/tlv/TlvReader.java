package io.bufkit.tlv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A blocking reader of <em>owned</em> {@link TlvFrame}s from an {@link InputStream} or a blocking
 * {@link ReadableByteChannel}: the simple way to consume a TLV stream when zero copy does not matter.
 *
 * <pre>{@code
 * try (TlvReader reader = TlvReader.of(socket.getInputStream(), TlvFormat.STANDARD)) {
 *     TlvFrame frame;
 *     while ((frame = reader.read()) != null) {
 *         process(frame.type(), frame.value());
 *     }
 * }
 * }</pre>
 *
 * <p>It reads the source in blocks of a fixed size into one reused buffer and decodes them with a
 * {@link TlvDecoder}, so its memory is bounded: the read buffer, one partial frame, and the owned frames
 * of one block that were not taken yet. The end of the source inside a frame throws
 * {@link TruncatedFrameException}; a malformed header throws {@link MalformedFrameException} once the
 * frames before it were returned. After either, the reader is failed and throws
 * {@link IllegalStateException}.
 *
 * <p>It is also an {@link Iterator}, for for-each style code; the iterator methods wrap an
 * {@link IOException} in an {@link UncheckedIOException}. Not thread-safe.
 */
public final class TlvReader implements Iterator<TlvFrame>, Closeable {

    /** The default size of the read buffer. */
    public static final int DEFAULT_READ_SIZE = 8192;

    private final InputStream in;
    private final ReadableByteChannel channel;
    private final byte[] readBuffer;
    private final TlvDecoder decoder;
    private final ArrayDeque<TlvFrame> ready = new ArrayDeque<>();
    private final TlvHandler collect = TlvHandler.owned(ready::add);
    private boolean ended;
    private TlvException failure;
    private boolean failureThrown;

    private TlvReader(InputStream in, ReadableByteChannel channel, TlvFormat format, int readSize) {
        if (readSize < 1) {
            throw new IllegalArgumentException("read size " + readSize + " is not positive");
        }
        this.in = in;
        this.channel = channel;
        this.readBuffer = new byte[readSize];
        this.decoder = new TlvDecoder(format);
    }

    /**
     * Creates a reader over an input stream, reading {@link #DEFAULT_READ_SIZE} bytes at a time.
     *
     * @param in the source; closed by {@link #close()}
     * @param format the stream's format
     * @return the reader
     */
    public static TlvReader of(InputStream in, TlvFormat format) {
        return of(in, format, DEFAULT_READ_SIZE);
    }

    /**
     * Creates a reader over an input stream.
     *
     * @param in the source; closed by {@link #close()}
     * @param format the stream's format
     * @param readSize how many bytes to read at a time, 1 or more
     * @return the reader
     * @throws IllegalArgumentException if {@code readSize} is not positive
     */
    public static TlvReader of(InputStream in, TlvFormat format, int readSize) {
        return new TlvReader(Objects.requireNonNull(in, "in"), null, format, readSize);
    }

    /**
     * Creates a reader over a blocking channel, reading {@link #DEFAULT_READ_SIZE} bytes at a time.
     *
     * @param channel the source, in blocking mode; closed by {@link #close()}
     * @param format the stream's format
     * @return the reader
     * @throws IllegalArgumentException if the channel is a selectable channel in non-blocking mode
     */
    public static TlvReader of(ReadableByteChannel channel, TlvFormat format) {
        return of(channel, format, DEFAULT_READ_SIZE);
    }

    /**
     * Creates a reader over a blocking channel.
     *
     * @param channel the source, in blocking mode; closed by {@link #close()}
     * @param format the stream's format
     * @param readSize how many bytes to read at a time, 1 or more
     * @return the reader
     * @throws IllegalArgumentException if the channel is a selectable channel in non-blocking mode, or
     *     {@code readSize} is not positive
     */
    public static TlvReader of(ReadableByteChannel channel, TlvFormat format, int readSize) {
        Objects.requireNonNull(channel, "channel");
        if (channel instanceof SelectableChannel && !((SelectableChannel) channel).isBlocking()) {
            throw new IllegalArgumentException("TlvReader needs a blocking channel; feed a TlvDecoder from a "
                    + "selector loop instead");
        }
        return new TlvReader(null, channel, format, readSize);
    }

    /**
     * Reads the next frame, blocking until it is complete.
     *
     * @return the next frame, owned; {@code null} when the source ended at a frame boundary
     * @throws IOException if the source fails
     * @throws TruncatedFrameException if the source ended inside a frame
     * @throws MalformedFrameException if a frame header is malformed
     * @throws IllegalStateException if the source returned no bytes (it is not blocking), or the reader
     *     already threw one of the exceptions above
     */
    public TlvFrame read() throws IOException {
        while (ready.isEmpty()) {
            if (failure != null) {
                if (!failureThrown) {
                    failureThrown = true;
                    throw failure;
                }
                throw new IllegalStateException("TlvReader failed earlier: " + failure.getMessage(), failure);
            }
            if (ended) {
                return null;
            }
            int n = fill();
            try {
                if (n < 0) {
                    ended = true;
                    decoder.finish();
                } else {
                    decoder.feed(readBuffer, 0, n, collect);
                }
            } catch (TlvException e) {
                failure = e;
            }
        }
        return ready.poll();
    }

    private int fill() throws IOException {
        int n = in != null ? in.read(readBuffer, 0, readBuffer.length) : channel.read(ByteBuffer.wrap(readBuffer));
        if (n == 0) {
            throw new IllegalStateException("the source returned no bytes; TlvReader needs a blocking source");
        }
        return n;
    }

    /**
     * Whether another frame follows, blocking until it is known.
     *
     * @return {@code true} if {@link #next()} will return a frame
     * @throws UncheckedIOException if the source fails
     * @throws TruncatedFrameException if the source ended inside a frame
     * @throws MalformedFrameException if a frame header is malformed
     */
    @Override
    public boolean hasNext() {
        if (!ready.isEmpty()) {
            return true;
        }
        try {
            TlvFrame frame = read();
            if (frame == null) {
                return false;
            }
            ready.addFirst(frame);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the next frame, blocking until it is complete.
     *
     * @return the next frame, owned
     * @throws NoSuchElementException if the source ended at a frame boundary
     * @throws UncheckedIOException if the source fails
     * @throws TruncatedFrameException if the source ended inside a frame
     * @throws MalformedFrameException if a frame header is malformed
     */
    @Override
    public TlvFrame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the TLV stream ended");
        }
        return ready.poll();
    }

    /**
     * Closes the source.
     *
     * @throws IOException if closing the source fails
     */
    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        } else {
            channel.close();
        }
    }
}
