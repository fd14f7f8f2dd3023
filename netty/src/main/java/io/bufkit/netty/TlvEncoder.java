package io.bufkit.netty;

import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.tlv.TlvCodecRegistry;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvWriter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.util.ReferenceCounted;
import java.util.Objects;

/**
 * A pipeline handler that encodes outbound {@link TlvFrame}s, and messages of a {@link TlvCodecRegistry},
 * into TLV frames in {@code ByteBuf}s — the encoding side of {@link TlvDecodingHandler}.
 *
 * <pre>{@code
 * pipeline.addLast(TlvEncoder.records(registry));   // ctx.write(new Ack(...)) sends a type-3 frame
 * }</pre>
 *
 * <p>Each frame is written in place into a buffer of exactly the frame's size from the channel's allocator
 * (direct when the transport prefers it): the header by {@link TlvWriter}, the value by the registry's codec
 * straight into the buffer's memory, with no intermediate array. A frame the format cannot carry (a type
 * out of range, a value too long) fails the write's promise with an {@code EncoderException} whose cause
 * names the reason; the buffer is released. Messages this encoder does not handle (other classes,
 * {@code ByteBuf}s) pass through. Not sharable: one encoder per channel.
 */
public final class TlvEncoder extends MessageToByteEncoder<Object> {

    private final TlvWriter writer;
    private final TlvCodecRegistry registry;
    /** The lease of the views over each output buffer, ended as soon as a frame is written. */
    private final Lease lease = Lease.open("TLV encoder output");

    private TlvEncoder(TlvFormat format, TlvCodecRegistry registry) {
        this.writer = new TlvWriter(format);
        this.registry = registry;
    }

    /**
     * An encoder of {@link TlvFrame}s.
     *
     * @param format the stream's format
     * @return a new encoder
     */
    public static TlvEncoder frames(TlvFormat format) {
        return new TlvEncoder(Objects.requireNonNull(format, "format"), null);
    }

    /**
     * An encoder of the registry's messages, each in a frame of its registered type, and of
     * {@link TlvFrame}s.
     *
     * @param registry the codecs by frame type; its format is the stream's format
     * @return a new encoder
     */
    public static TlvEncoder records(TlvCodecRegistry registry) {
        return new TlvEncoder(registry.format(), registry);
    }

    /**
     * Whether this encoder writes {@code msg}: a {@link TlvFrame}, or a message the registry has a codec for.
     *
     * @param msg an outbound message
     * @return {@code true} if it is encoded here, {@code false} if it passes through
     */
    @Override
    public boolean acceptOutboundMessage(Object msg) {
        if (msg instanceof TlvFrame) {
            return true;
        }
        if (registry == null || msg instanceof ReferenceCounted) {
            return false;
        }
        try {
            registry.frameSize(msg);
            return true;
        } catch (IllegalArgumentException notRegistered) {
            return false;
        }
    }

    /**
     * Allocates a buffer of exactly the frame's size.
     *
     * @param ctx this handler's context
     * @param msg the message to encode
     * @param preferDirect whether to allocate a direct buffer
     * @return a new buffer, owned by the encoder until it is written or released
     */
    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object msg, boolean preferDirect) {
        int size = frameSize(msg);
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    /**
     * Writes the frame of {@code msg} at the buffer's writer index and advances it.
     *
     * @param ctx this handler's context
     * @param msg a {@link TlvFrame} or a registered message
     * @param out the buffer to write into
     */
    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        int size = frameSize(msg);
        out.ensureWritable(size);
        int at = out.writerIndex();
        try {
            MutableByteView view = (MutableByteView) ByteBufMemory.view(lease, out, at, size, true);
            if (msg instanceof TlvFrame) {
                TlvFrame frame = (TlvFrame) msg;
                writer.write(frame.type(), frame.value().view(), view, 0);
            } else {
                registry.write(msg, view, 0);
            }
        } finally {
            lease.renew();
        }
        out.writerIndex(at + size);
    }

    private int frameSize(Object msg) {
        if (msg instanceof TlvFrame) {
            TlvFrame frame = (TlvFrame) msg;
            return writer.format().frameSize(frame.value().length());
        }
        return registry.frameSize(msg);
    }
}
