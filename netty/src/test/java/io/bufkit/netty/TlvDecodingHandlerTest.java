package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import io.bufkit.layout.IntField;
import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;
import io.bufkit.testkit.TlvStreams;
import io.bufkit.testkit.netty.ChannelChunkProperty;
import io.bufkit.tlv.MalformedFrameException;
import io.bufkit.tlv.TlvCodecRegistry;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TruncatedFrameException;
import io.bufkit.tlv.UnknownFrameTypeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link TlvDecodingHandler}: TLV frames out of the {@code ByteBuf}s a channel reads. */
class TlvDecodingHandlerTest {

    static final TlvFormat STANDARD = TlvFormat.STANDARD;
    /** PROTOCOLS.md §3: message1 then message2. */
    static final byte[] REFERENCE = Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 08 67 6f 6f 64 62 79 65 21").toByteArray();
    static final List<TlvFrame> REFERENCE_FRAMES = List.of(new TlvFrame(1, Bytes.utf8("hello")),
            new TlvFrame(2, Bytes.utf8("goodbye!")));

    /** A two-byte message for registry tests. */
    record Pair(int a, int b) {
        static final PacketLayout LAYOUT = PacketLayout.builder("pair").u8("a").u8("b").build();
        static final IntField A = LAYOUT.intField("a");
        static final IntField B = LAYOUT.intField("b");
        static final PacketCodec<Pair> CODEC = new PacketCodec<>() {
            @Override
            public Pair decode(ByteView packet) {
                return new Pair(A.get(packet), B.get(packet));
            }

            @Override
            public void encode(Pair value, MutableByteView out) {
                A.set(out, value.a());
                B.set(out, value.b());
            }

            @Override
            public int size() {
                return 2;
            }
        };
    }

    static final TlvCodecRegistry REGISTRY = TlvCodecRegistry.builder(STANDARD).register(9, Pair.class, Pair.CODEC).build();

    @AfterEach
    void noNettyLeaks() {
        NettyLeaks.assertNone();
    }

    @Test
    void referenceVectorGivesItsTwoFramesUnderEveryChunking() {
        ChannelChunkProperty.of(() -> TlvDecodingHandler.owned(STANDARD), TlvFrame.class::cast)
                .headerBytes(stream -> TlvStreams.headerOffsets(STANDARD, stream))
                .check(REFERENCE, REFERENCE_FRAMES);
    }

    @Test
    void referenceVectorInTheProtocolsThreeChunksGivesTwoFrames() throws Exception {
        List<byte[]> chunks = List.of(Bytes.fromHex("01 00 05 68").toByteArray(),
                Bytes.fromHex("65 6c 6c 6f 02 00 08 67 6f 6f").toByteArray(), Bytes.fromHex("64 62 79 65 21").toByteArray());
        assertEquals(REFERENCE_FRAMES, ChannelChunkProperty.run(TlvDecodingHandler.owned(STANDARD), chunks,
                TlvFrame.class::cast));
    }

    @Test
    void randomStreamsGiveTheFramesWrittenUnderEveryChunking() {
        ChannelChunkProperty.of(() -> TlvDecodingHandler.owned(STANDARD), TlvFrame.class::cast)
                .headerBytes(stream -> TlvStreams.headerOffsets(STANDARD, stream))
                .exhaustiveUpTo(8)   // each chunking is a new channel: enumerate fewer, sample more inputs
                .checkAll(TlvStreams.streams(STANDARD, 8, 300), frames -> TlvStreams.encode(STANDARD, frames),
                        frames -> frames);
    }

    @Test
    void randomStreamsInOtherFormatsGiveTheFramesWritten() {
        for (TlvFormat format : TlvStreams.formatVariants()) {
            ChannelChunkProperty.of(() -> TlvDecodingHandler.owned(format), TlvFrame.class::cast)
                    .tries(10)
                    .exhaustiveUpTo(6)
                    .checkAll(TlvStreams.streams(format, 6, 100), frames -> TlvStreams.encode(format, frames),
                            frames -> frames);
        }
    }

    @Test
    void borrowedValuesAreViewsThatGoStaleWhenTheHandlerReturns() throws Exception {
        List<ByteView> kept = new ArrayList<>();
        List<Bytes> copies = new ArrayList<>();
        TlvDecodingHandler handler = TlvDecodingHandler.borrowed(STANDARD, (type, value) -> {
            kept.add(value);
            copies.add(value.copy());
        });
        List<byte[]> chunks = List.of(java.util.Arrays.copyOfRange(REFERENCE, 0, 12),
                java.util.Arrays.copyOfRange(REFERENCE, 12, REFERENCE.length));
        assertEquals(List.of(), ChannelChunkProperty.run(handler, chunks, m -> m), "borrowed frames are not fired");
        assertEquals(List.of(Bytes.utf8("hello"), Bytes.utf8("goodbye!")), copies);
        for (ByteView v : kept) {
            assertThrows(StaleViewException.class, () -> v.u8(0));
        }
    }

    @Test
    void recordsAreDecodedByTheRegistryAndFired() throws Exception {
        byte[] stream = Bytes.fromHex("09 00 02 05 06 09 00 02 07 08").toByteArray();
        assertEquals(List.of(new Pair(5, 6), new Pair(7, 8)),
                ChannelChunkProperty.run(TlvDecodingHandler.records(REGISTRY), List.of(stream), m -> m));
    }

    @Test
    void anUnknownTypeIsReportedAndDecodingGoesOnAfterIt() {
        List<Object> out = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(TlvDecodingHandler.records(REGISTRY), collector(out, errors));
        channel.writeInbound(Unpooled.wrappedBuffer(Bytes.fromHex("09 00 02 01 02 03 00 01 ff 09 00 02 03 04").toByteArray()));
        assertEquals(List.of(new Pair(1, 2), new Pair(3, 4)), out);
        assertEquals(1, errors.size());
        assertInstanceOf(DecoderException.class, errors.get(0));
        UnknownFrameTypeException cause = assertInstanceOf(UnknownFrameTypeException.class, errors.get(0).getCause());
        assertTrue(cause.getMessage().contains("offset 5"), cause.getMessage());
        assertFalse(channel.finish());
    }

    @Test
    void aMalformedHeaderIsReportedOnceWithItsOffsetAndLaterReadsAreReleasedAndDropped() {
        List<Object> out = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(TlvDecodingHandler.owned(STANDARD), collector(out, errors));
        ByteBuf bad = Unpooled.wrappedBuffer(Bytes.fromHex("01 00 01 41 00 00 01").toByteArray());
        ByteBuf later = Unpooled.wrappedBuffer(REFERENCE);
        channel.writeInbound(bad);
        channel.writeInbound(later);
        channel.finish();
        assertEquals(List.of(new TlvFrame(1, Bytes.utf8("A"))), out);
        assertEquals(1, errors.size(), "reported once, also at channelInactive");
        CorruptedFrameException e = assertInstanceOf(CorruptedFrameException.class, errors.get(0));
        MalformedFrameException cause = assertInstanceOf(MalformedFrameException.class, e.getCause());
        assertTrue(cause.getMessage().contains("offset 4"), cause.getMessage());
        assertEquals(0, bad.refCnt());
        assertEquals(0, later.refCnt());
    }

    @Test
    void aStreamEndingInsideAFrameIsReportedAtChannelInactive() {
        List<Object> out = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        TlvDecodingHandler handler = TlvDecodingHandler.owned(STANDARD);
        EmbeddedChannel channel = new EmbeddedChannel(handler, collector(out, errors));
        channel.writeInbound(Unpooled.wrappedBuffer(REFERENCE, 0, 12));
        assertEquals(4, handler.bufferedBytes());
        channel.finish();
        assertEquals(List.of(REFERENCE_FRAMES.get(0)), out);
        assertEquals(1, errors.size());
        assertInstanceOf(TruncatedFrameException.class, errors.get(0).getCause());
    }

    @Test
    void messagesThatAreNotByteBufsPassThrough() {
        EmbeddedChannel channel = new EmbeddedChannel(TlvDecodingHandler.owned(STANDARD));
        channel.writeInbound("not bytes");
        assertEquals("not bytes", channel.readInbound());
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void withAutoReadOffAReadWithoutAFrameAsksForAnotherRead() {
        int[] reads = new int[1];
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(new io.netty.channel.ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                reads[0]++;
                ctx.read();
            }
        });
        channel.pipeline().addLast(TlvDecodingHandler.owned(STANDARD));
        channel.config().setAutoRead(false);
        int before = reads[0];
        channel.writeInbound(Unpooled.wrappedBuffer(REFERENCE, 0, 5));
        assertEquals(before + 1, reads[0], "no frame came out: the handler asks for more");
        channel.writeInbound(Unpooled.wrappedBuffer(REFERENCE, 5, REFERENCE.length - 5));
        assertEquals(before + 1, reads[0], "frames came out: the application decides when to read");
        assertEquals(REFERENCE_FRAMES.get(0), channel.readInbound());
        channel.finishAndReleaseAll();
    }

    /** A last handler that collects the messages and exceptions that reach it. */
    static ChannelInboundHandlerAdapter collector(List<Object> out, List<Throwable> errors) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                out.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
            }
        };
    }
}
