package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.testkit.Property;
import io.bufkit.testkit.TlvStreams;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link TlvEncoder}: frames and registry messages written into {@code ByteBuf}s in place. */
class TlvEncoderTest {

    @AfterEach
    void noNettyLeaks() {
        NettyLeaks.assertNone();
    }

    @Test
    void writesTheReferenceFramesByteForByte() {
        EmbeddedChannel channel = new EmbeddedChannel(TlvEncoder.frames(TlvFormat.STANDARD));
        channel.writeOutbound(new TlvFrame(1, Bytes.utf8("hello")), new TlvFrame(2, Bytes.utf8("goodbye!")));
        assertArrayEquals(Bytes.fromHex("01 00 05 68 65 6c 6c 6f").toByteArray(), take(channel));
        assertArrayEquals(Bytes.fromHex("02 00 08 67 6f 6f 64 62 79 65 21").toByteArray(), take(channel));
        assertFalse(channel.finish());
    }

    @Test
    void writesRegistryMessagesInFramesOfTheirType() {
        EmbeddedChannel channel = new EmbeddedChannel(TlvEncoder.records(TlvDecodingHandlerTest.REGISTRY));
        channel.writeOutbound(new TlvDecodingHandlerTest.Pair(5, 6));
        assertArrayEquals(Bytes.fromHex("09 00 02 05 06").toByteArray(), take(channel));
        assertFalse(channel.finish());
    }

    @Test
    void otherMessagesPassThrough() {
        EmbeddedChannel channel = new EmbeddedChannel(TlvEncoder.records(TlvDecodingHandlerTest.REGISTRY));
        channel.writeOutbound("text");
        assertEquals("text", channel.readOutbound());
        assertFalse(channel.finish());
    }

    @Test
    void aFrameTheFormatCannotCarryFailsTheWriteAndLeaksNothing() {
        TlvFormat small = TlvFormat.STANDARD.toBuilder().maxValueLength(4).build();
        EmbeddedChannel channel = new EmbeddedChannel(TlvEncoder.frames(small));
        EncoderException e = assertThrows(EncoderException.class,
                () -> channel.writeOutbound(new TlvFrame(1, Bytes.utf8("too long"))));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertFalse(channel.finish());
    }

    @Test
    void randomFramesRoundTripThroughEncoderAndDecodingHandler() {
        Property.forAll(TlvStreams.streams(TlvFormat.STANDARD, 10, 400)).check(frames -> {
            EmbeddedChannel out = new EmbeddedChannel(TlvEncoder.frames(TlvFormat.STANDARD));
            EmbeddedChannel in = new EmbeddedChannel(TlvDecodingHandler.owned(TlvFormat.STANDARD));
            for (TlvFrame f : frames) {
                out.writeOutbound(f);
            }
            ByteBuf buf;
            while ((buf = out.readOutbound()) != null) {
                in.writeInbound(buf);
            }
            List<TlvFrame> decoded = new ArrayList<>();
            TlvFrame f;
            while ((f = in.readInbound()) != null) {
                decoded.add(f);
            }
            assertEquals(frames, decoded);
            assertTrue(!out.finish() & !in.finish());
        });
    }

    private static byte[] take(EmbeddedChannel channel) {
        ByteBuf buf = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
