package io.bufkit.examples.service;

import io.bufkit.ByteView;
import io.bufkit.tlv.TlvHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.lang.System.Logger.Level;

/**
 * One connection of {@link NettySensorServer}: handles each request frame, acknowledges it, and stops
 * reading while the client does not take its acknowledgements.
 *
 * <p>It is both the {@link TlvHandler} of the connection's decoding handler (frames arrive here with their
 * value <em>borrowed</em>) and the last handler of the pipeline (it sees read-complete, writability and
 * exception events).
 */
final class NettyConnection extends ChannelInboundHandlerAdapter implements TlvHandler {

    private static final System.Logger LOG = System.getLogger(NettyConnection.class.getName());

    private final NettySensorServer server;
    private ChannelHandlerContext ctx;
    private long frames;
    private boolean closing;

    NettyConnection(NettySensorServer server) {
        this.server = server;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onFrame(int type, ByteView value) {
        if (closing) {
            return;   // the rest of a read after a bad frame
        }
        Object message = SensorProtocol.REQUESTS.decode(type, value);   // throws for a bad frame
        server.aggregates().add(message, value);                         // copies what it keeps
        frames++;
        server.onFrame();
        ctx.write(Ack.of(type, frames));                                  // an owned record
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);                   // the client is not reading acks
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        } else {
            ctx.flush();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            server.onProtocolError();   // malformed or rejected frame; the message names its stream offset
        }
        LOG.log(Level.WARNING, ctx.channel() + " closed after " + frames + " frame(s): " + cause.getMessage());
        closing = true;
        // acknowledge what was accepted, then close
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
