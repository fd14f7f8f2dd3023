package io.bufkit.netty;

import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.util.ReferenceCounted;

/**
 * What the encoders share: a buffer of exactly the frame's size from the channel's allocator, and the
 * frame written into the buffer's memory through a view whose lease ends as soon as it is written.
 */
abstract class InPlaceEncoder extends MessageToByteEncoder<Object> {

    /** The lease of the views over each output buffer, renewed as soon as a frame is written. */
    private final Lease lease = Lease.open("encoder output");

    /** Whether this encoder writes {@code msg}, which is not reference-counted. */
    abstract boolean accepts(Object msg);

    /** The size of the frame of {@code msg}. */
    abstract int frameSize(Object msg);

    /** Writes the frame of {@code msg} into {@code out}, which is exactly {@link #frameSize} bytes. */
    abstract void write(Object msg, MutableByteView out);

    @Override
    public final boolean acceptOutboundMessage(Object msg) {
        return !(msg instanceof ReferenceCounted) && accepts(msg);
    }

    @Override
    protected final ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object msg, boolean preferDirect) {
        int size = frameSize(msg);
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    @Override
    protected final void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        int size = frameSize(msg);
        out.ensureWritable(size);
        int at = out.writerIndex();
        try {
            write(msg, (MutableByteView) ByteBufMemory.view(lease, out, at, size, true));
        } finally {
            lease.endViews();
        }
        out.writerIndex(at + size);
    }
}
