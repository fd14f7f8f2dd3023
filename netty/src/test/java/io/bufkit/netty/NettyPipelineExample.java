package io.bufkit.netty;

import io.bufkit.ByteView;
import io.bufkit.tlv.TlvCodecRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;

/** The README's "Using bufkit with Netty" example: a pipeline of records, and a leased ByteBuf. */
final class NettyPipelineExample extends ChannelInitializer<Channel> {

    private final TlvCodecRegistry registry;
    private final ChannelHandler service;

    NettyPipelineExample(TlvCodecRegistry registry, ChannelHandler service) {
        this.registry = registry;
        this.service = service;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast(
                TlvEncoder.records(registry),          // records out, written in place into ByteBufs
                TlvDecodingHandler.records(registry),  // records in; no cumulation buffer
                service);                              // gets owned records, may hand them to other threads
    }

    /** Reads a packet straight from a ByteBuf; the view goes stale when the buffer is released. */
    static long sensorId(ByteBuf msg) {
        try (ByteBufLease lease = ByteBufLease.of(msg)) {   // takes over msg's reference
            ByteView packet = lease.view();                  // borrowed, zero copy
            return packet.u32be(0);
        }                                                    // msg released here: packet is stale
    }
}
