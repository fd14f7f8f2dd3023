package io.bufkit.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;

/**
 * What the frame-decoding handlers share: each {@code ByteBuf} read is fed to a bufkit decoder where it
 * lies and released; errors become Netty's decoder exceptions; the end of input is checked; and
 * {@code ByteToMessageDecoder}'s read-complete behaviour is kept. Subclasses connect one bufkit decoder.
 */
abstract class InboundFraming extends ChannelInboundHandlerAdapter {

    /** Whether a frame came out since the last {@code channelReadComplete}. */
    boolean produced;
    private boolean failed;

    /** Feeds {@code array[offset, offset + length)} to the decoder. */
    abstract void feed(byte[] array, int offset, int length);

    /** Feeds a buffer's remaining bytes to the decoder. */
    abstract void feed(ByteBuffer buffer);

    /** Declares the end of the stream to the decoder. */
    abstract void finish();

    /** Whether the decoder failed. */
    abstract boolean decoderFailed();

    /** The decoder's stream offset. */
    abstract long streamOffset();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (!failed) {
                decode(ctx, buf, buf.readerIndex(), buf.writerIndex());
            }
        } finally {
            buf.release();
        }
    }

    private void decode(ChannelHandlerContext ctx, ByteBuf buf, int from, int end) {
        while (true) {
            long start = streamOffset();
            try {
                feed(buf, from, end);
                return;
            } catch (RuntimeException e) {
                if (decoderFailed()) {
                    failed = true;
                    ctx.fireExceptionCaught(new CorruptedFrameException(e));
                    return;
                }
                // one frame's handler threw: the decoder stands right after that frame
                ctx.fireExceptionCaught(e instanceof DecoderException ? e : new DecoderException(e));
                from += (int) (streamOffset() - start);
            }
        }
    }

    /** Feeds {@code buf[from, end)} where it lies: its array, its one NIO buffer, or each component. */
    private void feed(ByteBuf buf, int from, int end) {
        if (buf.hasArray()) {
            feed(buf.array(), buf.arrayOffset() + from, end - from);
        } else if (buf.nioBufferCount() == 1) {
            feed(buf.nioBuffer(from, end - from));
        } else {
            for (ByteBuffer part : buf.nioBuffers(from, end - from)) {
                feed(part);
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!produced && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
        produced = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        endOfInput(ctx);
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            endOfInput(ctx);
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void endOfInput(ChannelHandlerContext ctx) {
        if (failed) {
            return;
        }
        try {
            finish();
        } catch (RuntimeException e) {
            failed = true;
            ctx.fireExceptionCaught(new CorruptedFrameException(e));
        }
    }
}
