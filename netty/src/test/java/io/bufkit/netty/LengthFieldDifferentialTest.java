package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.testkit.Chunking;
import io.bufkit.testkit.Chunkings;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import io.bufkit.testkit.TlvStreams;
import io.bufkit.testkit.netty.ChannelChunkProperty;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameWriter;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TruncatedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TlvDecodingHandler} against Netty's own {@link LengthFieldBasedFrameDecoder} configured for the same
 * format (length u16 big-endian at offset 1, frame = header + value): over random streams and random
 * chunkings, in every kind of {@code ByteBuf}, both give the same frames (and so does
 * {@link FrameDecodingHandler} with the equivalent {@link FrameFormat}s), and neither leaks a buffer (every
 * chunk's reference count is checked, and Netty's leak detector runs at PARANOID).
 */
class LengthFieldDifferentialTest {

    static final TlvFormat STANDARD = TlvFormat.STANDARD;

    /** A stream and how it arrives. */
    record Case(byte[] stream, Chunking chunking) {
        List<byte[]> chunks() {
            return chunking.split(stream);
        }

        @Override
        public String toString() {
            return chunking.describe(stream, 16);
        }
    }

    static Gen<Case> cases(int maxFrames, int maxValueLength) {
        return TlvStreams.streams(STANDARD, maxFrames, maxValueLength).flatMap(frames -> {
            byte[] stream = TlvStreams.encode(STANDARD, frames);
            return Chunkings.any(stream.length, TlvStreams.headerOffsets(STANDARD, stream)).map(c -> new Case(stream, c));
        });
    }

    static ChannelHandler netty() {
        return new LengthFieldBasedFrameDecoder(3 + 65535, 1, 2, 0, 0);
    }

    /** A frame of {@link LengthFieldBasedFrameDecoder} (header included) as an owned TLV frame. */
    static TlvFrame frameOf(Object msg) {
        ByteBuf f = (ByteBuf) msg;
        byte[] value = new byte[f.readableBytes() - 3];
        f.getBytes(f.readerIndex() + 3, value);
        return new TlvFrame(f.getUnsignedByte(f.readerIndex()), Bytes.of(value));
    }

    @AfterEach
    void noNettyLeaks() {
        NettyLeaks.assertNone();
    }

    @Test
    void bothGiveTheSameFramesForRandomStreamsAndChunkings() {
        Property.forAll(cases(12, 300)).check(LengthFieldDifferentialTest::assertSameTlvFrames);
    }

    @Test
    void bothGiveTheSameFramesForLongStreamsOfLargeFrames() {
        Property.forAll(cases(40, 3000)).tries(Math.max(1, Integer.getInteger("bufkit.tries", 200) / 10))
                .check(LengthFieldDifferentialTest::assertSameTlvFrames);
    }

    static void assertSameTlvFrames(Case c) throws Exception {
        List<TlvFrame> expected = ChannelChunkProperty.run(netty(), c.chunks(), LengthFieldDifferentialTest::frameOf);
        List<TlvFrame> actual = ChannelChunkProperty.run(TlvDecodingHandler.owned(STANDARD), c.chunks(),
                TlvFrame.class::cast);
        assertEquals(expected, actual);
    }

    @Test
    void aFrameFormatHandlerGivesTheSameWholeFramesAsNetty() {
        FrameFormat tlvLike = FrameFormat.lengthField().lengthOffset(1).lengthWidth(2).build();
        Property.forAll(cases(12, 300)).check(c -> {
            List<Bytes> expected = ChannelChunkProperty.run(netty(), c.chunks(), LengthFieldDifferentialTest::bytesOf);
            List<Bytes> actual = ChannelChunkProperty.run(FrameDecodingHandler.owned(tlvLike), c.chunks(), Bytes.class::cast);
            assertEquals(expected, actual);
        });
    }

    @Test
    void aFrameFormatHandlerThatStripsTheLengthGivesTheSameBodiesAsNetty() {
        FrameFormat u16 = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
        Gen<Case> streams = Gen.listOf(Gen.bytes(0, 400), 0, 12).flatMap(bodies -> {
            byte[] stream = new FrameWriter(u16).encodeAll(bodies.stream().map(Bytes::of).toList()).toByteArray();
            return Chunkings.any(stream.length).map(ch -> new Case(stream, ch));
        });
        Property.forAll(streams).check(c -> {
            List<Bytes> expected = ChannelChunkProperty.run(new LengthFieldBasedFrameDecoder(65535 + 2, 0, 2, 0, 2),
                    c.chunks(), LengthFieldDifferentialTest::bytesOf);
            List<Bytes> actual = ChannelChunkProperty.run(FrameDecodingHandler.owned(u16), c.chunks(), Bytes.class::cast);
            assertEquals(expected, actual);
        });
    }

    static Bytes bytesOf(Object msg) {
        ByteBuf f = (ByteBuf) msg;
        byte[] bytes = new byte[f.readableBytes()];
        f.getBytes(f.readerIndex(), bytes);
        return Bytes.of(bytes);
    }

    @Test
    void aStreamCutInsideAFrameGivesTheSameWholeFramesAndBufkitSaysWhatIsMissing() {
        Gen<Case> truncated = cases(6, 200).filter(c -> c.stream().length > 1).flatMap(c -> Gen.ints(1, c.stream().length - 1)
                .map(end -> new Case(Arrays.copyOf(c.stream(), end), c.chunking().clampedTo(end))));
        Property.forAll(truncated).check(c -> {
            Outcome expected = Outcome.of(netty(), c.chunks(), LengthFieldDifferentialTest::frameOf);
            Outcome actual = Outcome.of(TlvDecodingHandler.owned(STANDARD), c.chunks(), TlvFrame.class::cast);
            assertEquals(expected.frames(), actual.frames());
            assertTrue(expected.errors().isEmpty(), "LengthFieldBasedFrameDecoder drops a cut frame silently");
            boolean atBoundary = TlvStreams.headerOffsets(STANDARD, c.stream()).length == 0
                    || endsAtFrameBoundary(c.stream());
            assertEquals(atBoundary ? 0 : 1, actual.errors().size(), actual.errors().toString());
            if (!atBoundary) {
                assertInstanceOf(TruncatedFrameException.class, actual.errors().get(0).getCause());
            }
        });
    }

    private static boolean endsAtFrameBoundary(byte[] stream) {
        int p = 0;
        while (p + 3 <= stream.length) {
            p += 3 + (((stream[p + 1] & 0xFF) << 8) | (stream[p + 2] & 0xFF));
        }
        return p == stream.length;
    }

    /** Frames and exceptions that came out of a channel fed with chunks. */
    record Outcome(List<TlvFrame> frames, List<Throwable> errors) {
        static Outcome of(ChannelHandler handler, List<byte[]> chunks, java.util.function.Function<Object, TlvFrame> toFrame) {
            List<TlvFrame> frames = new ArrayList<>();
            List<Throwable> errors = new ArrayList<>();
            EmbeddedChannel channel = new EmbeddedChannel(handler, new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    try {
                        frames.add(toFrame.apply(msg));
                    } finally {
                        ReferenceCountUtil.release(msg);
                    }
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    errors.add(cause);
                }
            });
            List<ByteBuf> written = new ArrayList<>();
            for (byte[] chunk : chunks) {
                ByteBuf buf = channel.alloc().directBuffer(chunk.length).writeBytes(chunk);
                written.add(buf);
                channel.writeInbound(buf);
            }
            channel.finishAndReleaseAll();
            for (ByteBuf buf : written) {
                assertEquals(0, buf.refCnt(), "a chunk was not released");
            }
            return new Outcome(frames, errors);
        }
    }
}
