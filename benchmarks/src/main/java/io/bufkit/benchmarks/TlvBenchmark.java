package io.bufkit.benchmarks;

import io.bufkit.ByteView;
import io.bufkit.benchmarks.tlv.NaiveTlvDecoder;
import io.bufkit.benchmarks.tlv.TlvStreams;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ResourceLeakDetector;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Incremental TLV decoding of chunked streams in the reference format (type u8, length u16be, value):
 * bufkit's {@link TlvDecoder} with borrowed values and with owned copies, against Netty's
 * {@code LengthFieldBasedFrameDecoder(65538, 1, 2, 0, 0)} on an {@link EmbeddedChannel}, and against a naive
 * decoder that concatenates every chunk onto its leftover.
 *
 * <p>Scores are frames per second (each invocation decodes a whole stream and counts its frames as
 * operations), so {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per frame.
 * <ul>
 *   <li>{@code mixed*}: 10,000 frames with values of 0–256 bytes in random chunks of 1–1500 bytes;</li>
 *   <li>{@code large*}: 64 frames with values of {@code valueLength} bytes (65535: 64 KiB frames) in
 *       1460-byte chunks — multiply frames/s by the frame size to see bytes/s stay flat (linear) or fall
 *       (quadratic) as frames grow;</li>
 *   <li>{@code oneByte*}: the mixed stream fed one byte at a time.</li>
 * </ul>
 * Beside the large-frame decoders, two floors that decode nothing measure the copying they cannot avoid:
 * {@code largeCopyFloor} copies each chunk once into a frame-sized buffer (what gathering split frames
 * costs a borrowing decoder), {@code largeAllocFloor} fills a new array per frame (what any decoder that
 * hands out each frame as its own array must do).
 * Every consumer reads each frame's type, length and first value byte; owned consumers also keep (black-hole)
 * the frame object.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class TlvBenchmark {

    static final int MIXED_FRAMES = 10_000;
    static final int LARGE_FRAMES = 64;

    /** Mixed-size frames in random network-sized chunks. */
    @State(Scope.Benchmark)
    public static class Mixed {
        byte[][] chunks;

        @Setup
        public void setup() {
            chunks = TlvStreams.randomChunks(TlvStreams.frames(42, MIXED_FRAMES, 0, 256), 7, 1, 1500);
        }
    }

    /** The mixed frames and chunks of {@link Mixed}, each chunk in its own direct buffer (as read from a socket). */
    @State(Scope.Benchmark)
    public static class MixedDirect {
        ByteBuffer[] chunks;

        @Setup
        public void setup() {
            byte[][] heap = TlvStreams.randomChunks(TlvStreams.frames(42, MIXED_FRAMES, 0, 256), 7, 1, 1500);
            chunks = new ByteBuffer[heap.length];
            for (int i = 0; i < heap.length; i++) {
                chunks[i] = ByteBuffer.allocateDirect(heap[i].length).put(heap[i]).flip();
            }
        }
    }

    /** The mixed frames, one byte a chunk. */
    @State(Scope.Benchmark)
    public static class OneByte {
        byte[][] chunks;

        @Setup
        public void setup() {
            chunks = TlvStreams.fixedChunks(TlvStreams.frames(42, MIXED_FRAMES, 0, 256), 1);
        }
    }

    /** Large frames in TCP-segment-sized chunks. */
    @State(Scope.Benchmark)
    public static class Large {
        @Param({"4096", "16384", "65535"})
        int valueLength;
        byte[][] chunks;
        /** A buffer of one frame's size, for the copying floors. */
        byte[] frameBuffer;

        @Setup
        public void setup() {
            chunks = TlvStreams.fixedChunks(TlvStreams.frames(42, LARGE_FRAMES, valueLength, valueLength), 1460);
            frameBuffer = new byte[3 + valueLength];
        }
    }

    /** A borrowed-value consumer: reads type, length and first byte; keeps nothing. */
    static final class SumHandler implements TlvHandler {
        long sum;

        @Override
        public void onFrame(int type, ByteView value) {
            int length = value.length();
            sum += type + length + (length > 0 ? value.u8(0) : 0);
        }
    }

    /** The same consumer for Netty frames, which it releases. */
    static final class NettySink extends ChannelInboundHandlerAdapter {
        long sum;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf frame = (ByteBuf) msg;
            int at = frame.readerIndex();
            int length = frame.readableBytes() - 3;
            sum += frame.getUnsignedByte(at) + length + (length > 0 ? frame.getUnsignedByte(at + 3) : 0);
            frame.release();
        }
    }

    /** Per-trial decoders (each benchmark runs in its own fork). */
    @State(Scope.Thread)
    public static class Decoders {
        final TlvDecoder bufkit = new TlvDecoder(TlvFormat.STANDARD);
        final SumHandler sum = new SumHandler();
        final NaiveTlvDecoder naive = new NaiveTlvDecoder();
        final NettySink nettySink = new NettySink();
        EmbeddedChannel netty;

        @Setup
        public void setup() {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            netty = new EmbeddedChannel(new LengthFieldBasedFrameDecoder(65538, 1, 2, 0, 0), nettySink);
        }

        @TearDown
        public void tearDown() {
            netty.finishAndReleaseAll();
        }
    }

    static long borrowed(byte[][] chunks, Decoders d) {
        SumHandler h = d.sum;
        h.sum = 0;
        TlvDecoder decoder = d.bufkit;
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, h);
        }
        decoder.finish();
        return h.sum;
    }

    static void owned(byte[][] chunks, Decoders d, Blackhole bh) {
        TlvHandler h = TlvHandler.owned(bh::consume);
        TlvDecoder decoder = d.bufkit;
        for (byte[] chunk : chunks) {
            decoder.feed(chunk, h);
        }
        decoder.finish();
    }

    static long netty(byte[][] chunks, Decoders d) {
        NettySink sink = d.nettySink;
        sink.sum = 0;
        EmbeddedChannel channel = d.netty;
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        return sink.sum;
    }

    static void naive(byte[][] chunks, Decoders d, Blackhole bh) {
        NaiveTlvDecoder.FrameSink sink = (type, value) -> {
            bh.consume(type);
            bh.consume(value);
        };
        for (byte[] chunk : chunks) {
            d.naive.feed(chunk, sink);
        }
    }

    /**
     * bufkit, borrowed values, mixed frames.
     *
     * @param s the stream
     * @param d the decoders
     * @return a checksum of the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public long mixedBorrowed(Mixed s, Decoders d) {
        return borrowed(s.chunks, d);
    }

    /**
     * bufkit, borrowed values, mixed frames fed as direct buffers.
     *
     * @param s the stream
     * @param d the decoders
     * @return a checksum of the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public long mixedBorrowedDirect(MixedDirect s, Decoders d) {
        SumHandler h = d.sum;
        h.sum = 0;
        TlvDecoder decoder = d.bufkit;
        for (ByteBuffer chunk : s.chunks) {
            decoder.feed(chunk.clear(), h);
        }
        decoder.finish();
        return h.sum;
    }

    /**
     * bufkit, owned copies, mixed frames.
     *
     * @param s the stream
     * @param d the decoders
     * @param bh keeps the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public void mixedOwned(Mixed s, Decoders d, Blackhole bh) {
        owned(s.chunks, d, bh);
    }

    /**
     * Netty, mixed frames.
     *
     * @param s the stream
     * @param d the decoders
     * @return a checksum of the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public long mixedNetty(Mixed s, Decoders d) {
        return netty(s.chunks, d);
    }

    /**
     * Naive concatenating decoder, mixed frames.
     *
     * @param s the stream
     * @param d the decoders
     * @param bh keeps the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public void mixedNaive(Mixed s, Decoders d, Blackhole bh) {
        naive(s.chunks, d, bh);
    }

    /**
     * bufkit, borrowed values, large frames.
     *
     * @param s the stream
     * @param d the decoders
     * @return a checksum of the frames
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public long largeBorrowed(Large s, Decoders d) {
        return borrowed(s.chunks, d);
    }

    /**
     * bufkit, owned copies, large frames.
     *
     * @param s the stream
     * @param d the decoders
     * @param bh keeps the frames
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public void largeOwned(Large s, Decoders d, Blackhole bh) {
        owned(s.chunks, d, bh);
    }

    /**
     * Netty, large frames.
     *
     * @param s the stream
     * @param d the decoders
     * @return a checksum of the frames
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public long largeNetty(Large s, Decoders d) {
        return netty(s.chunks, d);
    }

    /**
     * Naive concatenating decoder, large frames.
     *
     * @param s the stream
     * @param d the decoders
     * @param bh keeps the frames
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public void largeNaive(Large s, Decoders d, Blackhole bh) {
        naive(s.chunks, d, bh);
    }

    /**
     * The copying floor of borrowed decoding of large frames: every chunk copied whole into a buffer the
     * size of one frame, nothing parsed. A decoder that gathers each split frame in an accumulator, copying
     * each byte once, cannot beat it.
     *
     * @param s the stream
     * @return a checksum of the copies
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public long largeCopyFloor(Large s) {
        byte[] acc = s.frameBuffer;
        long sum = 0;
        int at = 0;
        for (byte[] chunk : s.chunks) {
            int n = chunk.length;
            if (n > acc.length - at) {
                sum += acc[at - 1];
                at = 0;
            }
            System.arraycopy(chunk, 0, acc, at, n);
            at += n;
        }
        return sum + at;
    }

    /**
     * The copying floor of owned decoding of large frames: the stream copied into a new array per frame,
     * each byte once, nothing parsed. A decoder that hands out each frame as its own new array cannot beat
     * it.
     *
     * @param s the stream
     * @param bh keeps the arrays
     */
    @Benchmark
    @OperationsPerInvocation(LARGE_FRAMES)
    public void largeAllocFloor(Large s, Blackhole bh) {
        int frameSize = s.frameBuffer.length;
        byte[] frame = new byte[frameSize];
        int at = 0;
        for (byte[] chunk : s.chunks) {
            int from = 0;
            while (from < chunk.length) {
                int n = Math.min(chunk.length - from, frameSize - at);
                System.arraycopy(chunk, from, frame, at, n);
                from += n;
                at += n;
                if (at == frameSize) {
                    bh.consume(frame);
                    frame = new byte[frameSize];
                    at = 0;
                }
            }
        }
    }

    /**
     * bufkit, borrowed values, one-byte chunks.
     *
     * @param s the stream
     * @param d the decoders
     * @return a checksum of the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public long oneByteBorrowed(OneByte s, Decoders d) {
        return borrowed(s.chunks, d);
    }

    /**
     * bufkit, owned copies, one-byte chunks.
     *
     * @param s the stream
     * @param d the decoders
     * @param bh keeps the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public void oneByteOwned(OneByte s, Decoders d, Blackhole bh) {
        owned(s.chunks, d, bh);
    }

    /**
     * Netty, one-byte chunks.
     *
     * @param s the stream
     * @param d the decoders
     * @return a checksum of the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public long oneByteNetty(OneByte s, Decoders d) {
        return netty(s.chunks, d);
    }

    /**
     * Naive concatenating decoder, one-byte chunks.
     *
     * @param s the stream
     * @param d the decoders
     * @param bh keeps the frames
     */
    @Benchmark
    @OperationsPerInvocation(MIXED_FRAMES)
    public void oneByteNaive(OneByte s, Decoders d, Blackhole bh) {
        naive(s.chunks, d, bh);
    }
}
