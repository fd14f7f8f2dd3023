package io.bufkit.examples.service;

import io.bufkit.netty.TlvDecodingHandler;
import io.bufkit.netty.TlvEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sensor service's protocol on a Netty server: the same frames, acknowledgements and aggregates as
 * {@link SensorServer}, with bufkit's Netty handlers in the pipeline instead of a hand-written NIO loop.
 *
 * <pre>
 * TlvEncoder.records(ACKS)                     writes Ack records as frames, in place in ByteBufs
 * TlvDecodingHandler.borrowed(FORMAT, conn)    frames read ByteBufs; values borrowed, zero copy
 * NettyConnection conn                         decodes, aggregates, acknowledges; backpressure
 * </pre>
 *
 * <p>Each request frame is decoded from its <em>borrowed</em> value by the request registry and added to the
 * aggregates (which copy what they keep); the acknowledgement is an owned record written to the channel. A
 * client that does not read its acknowledgements makes the channel unwritable, and the connection stops
 * reading until the channel drains: memory per connection stays bounded by Netty's write buffer high water
 * mark plus one partial frame.
 *
 * <p>Run it with {@code java ... io.bufkit.examples.service.NettySensorServer [port]}; it listens on loopback.
 */
public final class NettySensorServer implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final SensorAggregates aggregates = new SensorAggregates();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final Channel channel;

    private NettySensorServer(int port) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NettyConnection connection = new NettyConnection(NettySensorServer.this);
                        ch.pipeline().addLast(TlvEncoder.records(SensorProtocol.ACKS),
                                TlvDecodingHandler.borrowed(SensorProtocol.FORMAT, connection),
                                connection);
                    }
                });
        this.channel = bootstrap.bind(InetAddress.getLoopbackAddress(), port).sync().channel();
    }

    /**
     * Starts a server on loopback.
     *
     * @param port the port, or 0 for any free port
     * @return the running server
     * @throws InterruptedException if interrupted while binding
     */
    public static NettySensorServer start(int port) throws InterruptedException {
        return new NettySensorServer(port);
    }

    /**
     * Runs a server until the process is stopped.
     *
     * @param args the port, optional (default 7070)
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        try (NettySensorServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 7070)) {
            System.out.println("sensor service on Netty listening on " + server.address());
            server.channel.closeFuture().sync();
        }
    }

    /**
     * The address the server listens on.
     *
     * @return the bound loopback address
     */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    SensorAggregates aggregates() {
        return aggregates;
    }

    /** Request frames accepted so far, over all connections. */
    long frames() {
        return frames.get();
    }

    /** Connections closed for a malformed or rejected frame. */
    long protocolErrors() {
        return protocolErrors.get();
    }

    void onFrame() {
        frames.incrementAndGet();
    }

    void onProtocolError() {
        protocolErrors.incrementAndGet();
    }

    /** Stops listening, closes every connection and stops the event loop. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
