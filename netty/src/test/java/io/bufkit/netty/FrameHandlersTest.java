package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.StaleViewException;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameTooLongException;
import io.bufkit.testkit.netty.ChannelChunkProperty;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FrameDecodingHandler} and {@link FrameEncoder}: any {@link FrameFormat} in a Netty pipeline. */
class FrameHandlersTest {

    static final FrameFormat U16 = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
    static final byte[] STREAM = Bytes.fromHex("00 05 68 65 6c 6c 6f 00 00 00 08 67 6f 6f 64 62 79 65 21").toByteArray();
    static final List<Bytes> FRAMES = List.of(Bytes.utf8("hello"), Bytes.empty(), Bytes.utf8("goodbye!"));

    @AfterEach
    void noNettyLeaks() {
        NettyLeaks.assertNone();
    }

    @Test
    void framesComeOutUnderEveryChunking() {
        ChannelChunkProperty.of(() -> FrameDecodingHandler.owned(U16), Bytes.class::cast).check(STREAM, FRAMES);
    }

    @Test
    void linesComeOutUnderEveryChunking() {
        ChannelChunkProperty.of(() -> FrameDecodingHandler.owned(FrameFormat.lines().build()), Bytes.class::cast)
                .check("one\r\ntwo\nthree\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        List.of(Bytes.utf8("one"), Bytes.utf8("two"), Bytes.utf8("three")));
    }

    @Test
    void decodedRecordsAreFired() throws Exception {
        List<Object> out = ChannelChunkProperty.run(FrameDecodingHandler.decoding(U16, f -> f.length()),
                List.of(STREAM), m -> m);
        assertEquals(List.of(5, 0, 8), out);
    }

    @Test
    void borrowedFramesGoStaleWhenTheHandlerReturns() throws Exception {
        List<ByteView> kept = new ArrayList<>();
        ChannelChunkProperty.run(FrameDecodingHandler.borrowed(U16, kept::add), List.of(STREAM), m -> m);
        assertEquals(3, kept.size());
        assertThrows(StaleViewException.class, () -> kept.get(0).u8(0));
    }

    @Test
    void aTooLongFrameIsReportedOnceWithItsOffset() {
        FrameFormat small = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).maxFrameLength(7).build();   // whole frames: hello fits, goodbye! does not
        List<Object> out = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(FrameDecodingHandler.owned(small),
                TlvDecodingHandlerTest.collector(out, errors));
        ByteBuf later = Unpooled.wrappedBuffer(STREAM);
        channel.writeInbound(Unpooled.wrappedBuffer(STREAM));
        channel.writeInbound(later);
        channel.finish();
        assertEquals(List.of(Bytes.utf8("hello"), Bytes.empty()), out);
        assertEquals(1, errors.size());
        FrameTooLongException e = assertInstanceOf(FrameTooLongException.class,
                assertInstanceOf(CorruptedFrameException.class, errors.get(0)).getCause());
        assertEquals(9, e.frameOffset());
        assertEquals(0, later.refCnt());
    }

    @Test
    void bodiesAreFramedByTheWriterAndDecodedBack() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(FrameEncoder.bodies(U16));
        channel.writeOutbound(FRAMES.toArray());
        List<byte[]> chunks = new ArrayList<>();
        for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
            chunks.add(ByteBufUtil.getBytes(b));
            b.release();
        }
        assertArrayEquals(Bytes.fromHex("00 05 68 65 6c 6c 6f").toByteArray(), chunks.get(0));
        assertEquals(FRAMES, ChannelChunkProperty.run(FrameDecodingHandler.owned(U16), chunks, Bytes.class::cast));
        assertFalse(channel.finish());
    }

    @Test
    void recordsAreEncodedByTheirCodecAndFramed() {
        EmbeddedChannel channel = new EmbeddedChannel(
                FrameEncoder.records(U16, TlvDecodingHandlerTest.Pair.class, TlvDecodingHandlerTest.Pair.CODEC));
        channel.writeOutbound(new TlvDecodingHandlerTest.Pair(1, 2), "passes");
        ByteBuf b = channel.readOutbound();
        assertArrayEquals(Bytes.fromHex("00 02 01 02").toByteArray(), ByteBufUtil.getBytes(b));
        b.release();
        assertEquals("passes", channel.readOutbound());
        assertFalse(channel.finish());
    }

    @Test
    void aBodyTheFormatCannotCarryFailsTheWrite() {
        FrameFormat small = FrameFormat.lengthField().lengthWidth(1).build();
        EmbeddedChannel channel = new EmbeddedChannel(FrameEncoder.bodies(small));
        EncoderException e = assertThrows(EncoderException.class, () -> channel.writeOutbound(Bytes.of(new byte[300])));
        assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
        assertFalse(channel.finish());
    }
}
