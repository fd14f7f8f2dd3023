package io.bufkit.internal.frame;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.ByteBuffer;

/**
 * Frames whose length is an unsigned LEB128 varint (seven bits a byte, least significant first, high bit
 * set on every byte but the last) after {@code lengthOffset} bytes, counting the bytes after it: protobuf's
 * delimited messages (Netty's {@code ProtobufVarint32FrameDecoder}) and MQTT's remaining length.
 */
public final class VarintFraming extends Framing {

    private final int lengthOffset;
    private final int maxLengthBytes;
    private final boolean stripHeader;
    private final int maxFrameLength;

    /**
     * Creates the framing; the caller has checked the parameters.
     *
     * @param lengthOffset the bytes before the varint
     * @param maxLengthBytes the most bytes the varint may take, 1 to 5
     * @param stripHeader whether the bytes up to the end of the varint are not lent
     * @param maxFrameLength the largest frame, header included
     */
    public VarintFraming(int lengthOffset, int maxLengthBytes, boolean stripHeader, int maxFrameLength) {
        super(lengthOffset);
        this.lengthOffset = lengthOffset;
        this.maxLengthBytes = maxLengthBytes;
        this.stripHeader = stripHeader;
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    public int headerBytes() {
        return lengthOffset + maxLengthBytes;
    }

    @Override
    public int headerStep(int have) {
        return have < lengthOffset ? lengthOffset - have : 1;
    }

    @Override
    public long maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public int measure(FrameEngine<?> e, byte[] a, ByteBuffer b, int p, int end, long frameOffset) {
        int at = p + lengthOffset;
        long value = 0;
        for (int i = 0; ; i++) {
            if (at + i >= end) {
                return NEED_MORE;
            }
            int octet = at(a, b, at + i);
            value |= (long) (octet & 0x7F) << (7 * i);
            if (octet >= 0) {
                int header = lengthOffset + i + 1;
                if (value > 0xFFFF_FFFFL) {
                    throw e.reject(Fault.MALFORMED_VARINT, frameOffset, i + 1);
                }
                long length = header + value;
                if (length > maxFrameLength) {
                    throw e.reject(Fault.TOO_LONG, frameOffset, length);
                }
                e.lentFrom = stripHeader ? header : 0;
                e.lentTo = (int) length;
                return (int) length;
            }
            if (i + 1 == maxLengthBytes) {
                throw e.reject(Fault.MALFORMED_VARINT, frameOffset, i + 1);
            }
        }
    }

    @Override
    public int frameSize(int headLength, int bodyLength) {
        checkHead(headLength);
        int bytes = varintBytes(bodyLength);
        if (bytes > maxLengthBytes) {
            throw new IllegalArgumentException("a body of " + bodyLength + " byte(s) needs a varint of " + bytes
                    + " bytes, above the maximum " + maxLengthBytes);
        }
        long length = (long) lengthOffset + bytes + bodyLength;
        if (length > maxFrameLength) {
            throw new IllegalArgumentException("a frame of " + length + " byte(s) is above the maximum " + maxFrameLength);
        }
        return (int) length;
    }

    @Override
    public int lentStart(int headLength, int bodyLength) {
        return stripHeader ? frameSize(headLength, bodyLength) - bodyLength : 0;
    }

    @Override
    public void write(ByteView head, ByteView body, MutableByteView out, int at) {
        frameSize(head.length(), body.length());
        out.put(at, head);
        int p = at + lengthOffset;
        int value = body.length();
        while (value >= 0x80) {
            out.putU8(p++, (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.putU8(p++, value);
        out.put(p, body);
    }

    private static int varintBytes(int value) {
        int bytes = 1;
        while (value >= 0x80) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }
}
