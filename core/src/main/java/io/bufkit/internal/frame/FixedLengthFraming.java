package io.bufkit.internal.frame;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.ByteBuffer;

/** Frames of one fixed length, with no header: Netty's {@code FixedLengthFrameDecoder}. */
public final class FixedLengthFraming extends Framing {

    private final int length;

    /**
     * Creates the framing.
     *
     * @param length the length of every frame, 1 or more
     */
    public FixedLengthFraming(int length) {
        super(0);
        this.length = length;
    }

    @Override
    public int headerBytes() {
        return 0;
    }

    @Override
    public long maxFrameLength() {
        return length;
    }

    @Override
    public int measure(FrameEngine<?> e, byte[] a, ByteBuffer b, int p, int end, long frameOffset) {
        e.lentFrom = 0;
        e.lentTo = length;
        return length;
    }

    @Override
    public int frameSize(int headLength, int bodyLength) {
        checkHead(headLength);
        if (bodyLength != length) {
            throw new IllegalArgumentException("a frame of " + bodyLength + " byte(s) is not " + length + " bytes long");
        }
        return length;
    }

    @Override
    public void write(ByteView head, ByteView body, MutableByteView out, int at) {
        frameSize(head.length(), body.length());
        out.put(at, body);
    }
}
