package io.bufkit.internal.frame;

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
}
