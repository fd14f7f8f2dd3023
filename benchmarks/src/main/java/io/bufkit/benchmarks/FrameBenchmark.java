package io.bufkit.benchmarks;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.benchmarks.tlv.TlvStreams;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameHandler;
import io.bufkit.frame.FrameWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The framing kit against the matching Netty decoder, per format, in the same run. Scores are frames/s.
 *
 * <ul>
 * <li>{@code mixed*}: 10,000 frames of 0–256 bytes (fixed length: 128) in random chunks of 1–1500 bytes;
 *     bufkit lends borrowed frames to a handler that reads each frame's length and first byte, Netty hands
 *     retained slices to a sink that reads the same and releases them.</li>
 * <li>{@code large*}: 64 frames of 64 KiB in 1460-byte chunks (every frame split across 45 chunks), against
 *     {@code largeCopyFloor}, a bare copy of each byte once into a frame buffer.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class FrameBenchmark {

    static final int MIXED_FRAMES = 10_000;
    static final int LARGE_FRAMES = 64;
    static final int LARGE_BODY = 64 * 1024;

    /** The format under test and its Netty twin. */
    @State(Scope.Thread)
    public static class Setting {
        @Param({"lengthField", "varint", "delimited", "lines", "fixed"})
        String format;

        FrameFormat bufkit;
        EmbeddedChannel netty;
        final NettySink sink = new NettySink();
        FrameDecoder decoder;
        final SumHandler handler = new SumHandler();

        @Setup
        public void setup() {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            bufkit = format(format);
            decoder = new FrameDecoder(bufkit);
            netty = new EmbeddedChannel(netty(format), sink);
        }

        @TearDown
        public void tearDown() {
            netty.finishAndReleaseAll();
        }
    }

    static FrameFormat format(String name) {
        switch (name) {
            case "lengthField":
                return FrameFormat.lengthField().lengthWidth(4).stripBytes(4).build();
            case "varint":
                return FrameFormat.varintLength().build();
            case "delimited":
                return FrameFormat.delimited(Bytes.of((byte) 0)).maxFrameLength(1 << 17).build();
            case "lines":
                return FrameFormat.lines().maxFrameLength(1 << 17).build();
            default:
                return FrameFormat.fixedLength(128);
        }
    }

    static ChannelHandler netty(String name) {
        switch (name) {
            case "lengthField":
                return new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4);
            case "varint":
                return new ProtobufVarint32FrameDecoder();
            case "delimited":
                return new DelimiterBasedFrameDecoder(1 << 17, Unpooled.wrappedBuffer(new byte[] {0}));
            case "lines":
                return new LineBasedFrameDecoder(1 << 17);
            default:
                return new FixedLengthFrameDecoder(128);
        }
    }

    /** A stream of {@code count} frames with bodies of {@code min} to {@code max} printable bytes. */
    static byte[] stream(FrameFormat format, long seed, int count, int min, int max) {
        SplittableRandom random = new SplittableRandom(seed);
        FrameWriter writer = new FrameWriter(format);
        boolean fixed = format.equals(FrameFormat.fixedLength(128));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[fixed ? 128 : min + random.nextInt(max - min + 1)];
            for (int k = 0; k < body.length; k++) {
                body[k] = (byte) (' ' + random.nextInt(95));
            }
            out.writeBytes(writer.encode(body).toByteArray());
        }
        return out.toByteArray();
    }

    @State(Scope.Thread)
    public static class Mixed {
        byte[][] chunks;

        @Setup
        public void setup(Setting s) {
            chunks = TlvStreams.randomChunks(stream(s.bufkit, 42, MIXED_FRAMES, 0, 256), 7, 1, 1500);
        }
    }

    @State(Scope.Thread)
    public static class Large {
        byte[][] chunks;
        byte[] frameBuffer;

        @Setup
        public void setup(Setting s) {
            chunks = TlvStreams.fixedChunks(stream(s.bufkit, 42, LARGE_FRAMES, LARGE_BODY, LARGE_BODY), 1460);
            frameBuffer = new byte[LARGE_BODY + 16];
        }
    }

    static final class SumHandler implements FrameHandler {
        long sum;

        @Override
        public void onFrame(ByteView frame) {
            int length = frame.length();
            sum += length + (length > 0 ? frame.u8(0) : 0);
        }
    }

    static final class NettySink extends ChannelInboundHandlerAdapter {
        long sum;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            int length = frame.readableBytes();
            sum += length + (length > 0 ? frame.getUnsignedByte(frame.readerIndex()) : 0);
            frame.release();
        }
    }

    static long bufkit(byte[][] chunks, Setting s) {
        SumHandler h = s.handler;
        h.sum = 0;
        FrameDecoder decoder = s.decoder;
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, h);
        }
        decoder.finish();
        return h.sum;
    }

    static long netty(byte[][] chunks, Setting s) {
        NettySink sink = s.sink;
        sink.sum = 0;
        EmbeddedChannel channel = s.netty;
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        return sink.sum;
    }

    /**
     * bufkit, borrowed frames, 10,000 mixed frames.
     *
     * @param m the chunks
     * @param s the format
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public long mixedBorrowed(Mixed m, Setting s) {
        return bufkit(m.chunks, s);
    }

    /**
     * Netty's matching decoder on an {@code EmbeddedChannel}, 10,000 mixed frames.
     *
     * @param m the chunks
     * @param s the format
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public long mixedNetty(Mixed m, Setting s) {
        return netty(m.chunks, s);
    }

    /**
     * bufkit, borrowed frames, 64 KiB frames in 1460-byte chunks.
     *
     * @param l the chunks
     * @param s the format
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public long largeBorrowed(Large l, Setting s) {
        return bufkit(l.chunks, s);
    }

    /**
     * Netty, 64 KiB frames in 1460-byte chunks.
     *
     * @param l the chunks
     * @param s the format
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public long largeNetty(Large l, Setting s) {
        return netty(l.chunks, s);
    }

    /**
     * The floor for large frames: each byte copied once from its chunk into a frame buffer, nothing else.
     *
     * @param l the chunks
     * @return a checksum
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public long largeCopyFloor(Large l) {
        byte[] frame = l.frameBuffer;
        int at = 0;
        long sum = 0;
        for (byte[] chunk : l.chunks) {
            int n = chunk.length;
            if (at + n > frame.length) {
                sum += frame[0];
                at = 0;
            }
            System.arraycopy(chunk, 0, frame, at, n);
            at += n;
        }
        return sum + at;
    }
}
