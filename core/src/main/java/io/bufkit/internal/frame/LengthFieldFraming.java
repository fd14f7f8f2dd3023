package io.bufkit.internal.frame;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.ByteBuffer;

/**
 * Frames whose header carries their length in a fixed-width field, with the parameters of Netty's
 * {@code LengthFieldBasedFrameDecoder}: the frame is {@code lengthOffset + lengthWidth + field +
 * adjustment} bytes; the first {@code strip} of them are not lent. A TLV format is this framing with a type
 * field in the bytes before the length ({@code typeWidth > 0}): a type of 0 is rejected as soon as the type
 * field arrives, and the type is reported as the engine's tag.
 */
public final class LengthFieldFraming extends Framing {

    /** Lengths beyond this are too long for every format; adding the adjustment to them could overflow. */
    private static final long HUGE = 1L << 40;

    private final int typeWidth;
    private final int lengthOffset;
    private final int lengthWidth;
    private final boolean bigEndian;
    private final int adjustment;
    private final int strip;
    private final int maxFrameLength;
    private final int headerEnd;
    /** Whether no length can be negative, shorter than the header or than the strip: only the maximum to check. */
    private final boolean simple;
    /** For {@link #simple} framings: the largest length field accepted. */
    private final long maxField;
    /** The TLV reference header: a one-byte type and a big-endian two-byte length, read without dispatch. */
    private final boolean typeU8LengthU16be;

    /**
     * Creates the framing; the caller has checked the parameters.
     *
     * @param typeWidth the width of a type field at offset 0 that may not be 0, or 0 for none
     * @param lengthOffset the bytes before the length field
     * @param lengthWidth 1, 2, 3, 4 or 8
     * @param bigEndian the length field's byte order
     * @param adjustment added to the length field to give the bytes after the length field
     * @param strip the leading bytes of each frame not lent
     * @param maxFrameLength the largest frame, header included, before stripping
     */
    public LengthFieldFraming(int typeWidth, int lengthOffset, int lengthWidth, boolean bigEndian, int adjustment,
            int strip, int maxFrameLength) {
        super(lengthOffset);
        this.typeWidth = typeWidth;
        this.lengthOffset = lengthOffset;
        this.lengthWidth = lengthWidth;
        this.bigEndian = bigEndian;
        this.adjustment = adjustment;
        this.strip = strip;
        this.maxFrameLength = maxFrameLength;
        this.headerEnd = lengthOffset + lengthWidth;
        this.simple = adjustment == 0 && lengthWidth <= 4 && strip <= headerEnd;
        this.maxField = (long) maxFrameLength - headerEnd;
        this.typeU8LengthU16be = simple && typeWidth == 1 && lengthOffset == 1 && lengthWidth == 2 && bigEndian;
    }

    @Override
    public int headerBytes() {
        return headerEnd;
    }

    @Override
    public long maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public int measure(FrameEngine<?> e, byte[] a, ByteBuffer b, int p, int end, long frameOffset) {
        if (typeU8LengthU16be && a != null && end - p >= 3) {
            // the TLV reference header, kept small enough to inline into the engine's loop
            int type = a[p] & 0xFF;
            int field = FieldCodec.u16be(a, p + 1);
            if (type != 0 && field <= maxField) {
                e.tag = type;
                e.lentFrom = 3;
                e.lentTo = field + 3;
                return field + 3;
            }
        }
        return measureAny(e, a, b, p, end, frameOffset);
    }

    /** Measures any header of this framing, and rejects bad ones. */
    private int measureAny(FrameEngine<?> e, byte[] a, ByteBuffer b, int p, int end, long frameOffset) {
        int n = end - p;
        if (simple && n >= headerEnd) {
            long field;
            if (typeU8LengthU16be && a != null) {
                int type = a[p] & 0xFF;
                if (type == 0) {
                    throw e.reject(Fault.ZERO_TYPE, frameOffset, 0);
                }
                e.tag = type;
                field = FieldCodec.u16be(a, p + 1);
            } else {
                if (typeWidth != 0) {
                    int type = (int) FieldCodec.read(a, b, p, typeWidth, bigEndian);
                    if (type == 0) {
                        throw e.reject(Fault.ZERO_TYPE, frameOffset, 0);
                    }
                    e.tag = type;
                }
                field = FieldCodec.read(a, b, p + lengthOffset, lengthWidth, bigEndian);
            }
            if (field > maxField) {
                throw e.reject(Fault.TOO_LONG, frameOffset, field + headerEnd);
            }
            int length = (int) field + headerEnd;
            e.lentFrom = strip;
            e.lentTo = length;
            return length;
        }
        if (typeWidth != 0 && n >= typeWidth) {
            int type = (int) FieldCodec.read(a, b, p, typeWidth, bigEndian);
            if (type == 0) {
                throw e.reject(Fault.ZERO_TYPE, frameOffset, 0);
            }
            e.tag = type;
        }
        if (n < headerEnd) {
            return NEED_MORE;
        }
        long field = FieldCodec.read(a, b, p + lengthOffset, lengthWidth, bigEndian);
        if (field < 0) {
            throw e.reject(Fault.NEGATIVE_LENGTH, frameOffset, field);
        }
        long length = field >= HUGE ? field : field + adjustment + headerEnd;
        if (length < headerEnd) {
            throw e.reject(Fault.SHORTER_THAN_HEADER, frameOffset, length);
        }
        if (length > maxFrameLength) {
            throw e.reject(Fault.TOO_LONG, frameOffset, length);
        }
        if (strip > length) {
            throw e.reject(Fault.SHORTER_THAN_STRIP, frameOffset, length);
        }
        e.lentFrom = strip;
        e.lentTo = (int) length;
        return (int) length;
    }

    @Override
    public int frameSize(int headLength, int bodyLength) {
        checkHead(headLength);
        long length = (long) headerEnd + bodyLength;
        long field = (long) bodyLength - adjustment;
        if (field < 0 || lengthWidth < 8 && field >= 1L << (8 * lengthWidth)) {
            throw new IllegalArgumentException("a body of " + bodyLength + " byte(s) needs a length field of " + field
                    + ", which a " + lengthWidth + "-byte field cannot carry");
        }
        if (length > maxFrameLength || length < strip) {
            throw new IllegalArgumentException("a frame of " + length + " byte(s) is outside " + Math.max(strip, headerEnd)
                    + " to " + maxFrameLength);
        }
        return (int) length;
    }

    @Override
    public int lentStart(int headLength, int bodyLength) {
        return strip;
    }

    @Override
    public void write(ByteView head, ByteView body, MutableByteView out, int at) {
        frameSize(head.length(), body.length());
        byte[] field = new byte[lengthWidth];
        FieldCodec.write(field, 0, lengthWidth, bigEndian, (long) body.length() - adjustment);
        out.put(at, head);
        out.put(at + lengthOffset, ByteView.wrap(field));
        out.put(at + headerEnd, body);
    }
}
