package io.bufkit.benchmarks;

import io.bufkit.benchmarks.tlv.TlvStreams;
import io.bufkit.frame.FrameFormat;
import io.bufkit.netty.FrameDecodingHandler;
import io.bufkit.netty.TlvDecodingHandler;
import io.bufkit.tlv.TlvFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * bufkit's Netty frame-decoding handlers against Netty's {@link LengthFieldBasedFrameDecoder}, each on an
 * {@link EmbeddedChannel}: 10,000 TLV frames (standard format, values of 0–256 bytes) arriving in random
 * chunks of 1–1500 bytes. One operation is one frame (10,000 per invocation).
 *
 * <p>Each chunk is written inbound as a new {@code Unpooled.wrappedBuffer} of a prepared array (no copy on
 * either side), as a socket read would hand it over; the channel is reused across invocations (the stream
 * ends at a frame boundary, so invocations continue one stream). Each frame reaches a consumer that reads
 * its type and length: for bufkit a borrowed handler, for Netty a handler after the decoder that reads the
 * frame {@code ByteBuf} and releases it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class NettyHandlerBenchmark {

    static final int FRAMES = 10_000;

    private byte[][] chunks;
    private EmbeddedChannel bufkitTlv;
    private EmbeddedChannel bufkitFrameFormat;
    private EmbeddedChannel netty;
    /** What the consumers saw, read after each invocation so nothing is optimised away. */
    long sink;

    /** Counts a frame's type and length, then releases it: Netty's frame consumer. */
    private final class NettySink extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            sink += frame.getUnsignedByte(frame.readerIndex()) + frame.readableBytes() - 3;
            frame.release();
        }
    }

    @Setup
    public void setUp() {
        byte[] stream = TlvStreams.frames(42, FRAMES, 0, 256);
        chunks = TlvStreams.randomChunks(stream, 43, 1, 1500);
        bufkitTlv = new EmbeddedChannel(TlvDecodingHandler.borrowed(TlvFormat.STANDARD,
                (type, value) -> sink += type + value.length()));
        bufkitFrameFormat = new EmbeddedChannel(FrameDecodingHandler.borrowed(
                FrameFormat.lengthField().lengthOffset(1).lengthWidth(2).build(),
                frame -> sink += frame.u8(0) + frame.length() - 3));
        netty = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(3 + 65535, 1, 2, 0, 0), new NettySink());
    }

    @TearDown
    public void tearDown() {
        bufkitTlv.finishAndReleaseAll();
        bufkitFrameFormat.finishAndReleaseAll();
        netty.finishAndReleaseAll();
    }

    private long run(EmbeddedChannel channel) {
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        return sink;
    }

    /** bufkit's {@link TlvDecodingHandler}, frames borrowed. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long bufkitTlvHandler() {
        return run(bufkitTlv);
    }

    /** bufkit's {@link FrameDecodingHandler} with the length-field format equal to TLV, frames borrowed. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long bufkitFrameHandler() {
        return run(bufkitFrameFormat);
    }

    /** Netty's {@link LengthFieldBasedFrameDecoder} with a consumer that releases each frame. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long nettyLengthFieldDecoder() {
        return run(netty);
    }
}
