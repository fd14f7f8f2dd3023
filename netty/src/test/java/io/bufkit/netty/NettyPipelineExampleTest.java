package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bufkit.Bytes;
import io.bufkit.testsupport.ReadmeText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's "Using bufkit with Netty" example runs, and the README shows it verbatim. */
class NettyPipelineExampleTest {

    @AfterEach
    void noNettyLeaks() {
        NettyLeaks.assertNone();
    }

    @Test
    void readmeShowsTheCompiledExampleVerbatim() {
        ReadmeText.assertShowsFile(Path.of("src/test/java/io/bufkit/netty/NettyPipelineExample.java"));
    }

    @Test
    void thePipelineDecodesRecordsAndEncodesTheReplies() {
        EmbeddedChannel channel = new EmbeddedChannel(new NettyPipelineExample(TlvDecodingHandlerTest.REGISTRY,
                new SimpleChannelInboundHandler<TlvDecodingHandlerTest.Pair>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, TlvDecodingHandlerTest.Pair msg) {
                        ctx.writeAndFlush(new TlvDecodingHandlerTest.Pair(msg.b(), msg.a()));
                    }
                }));
        channel.writeInbound(Unpooled.wrappedBuffer(Bytes.fromHex("09 00 02 01").toByteArray()),
                Unpooled.wrappedBuffer(Bytes.fromHex("02").toByteArray()));
        ByteBuf reply = channel.readOutbound();
        assertArrayEquals(Bytes.fromHex("09 00 02 02 01").toByteArray(), ByteBufUtil.getBytes(reply));
        reply.release();
        assertFalse(channel.finish());
    }

    @Test
    void aLeasedByteBufIsReadAndReleased() {
        ByteBuf buf = Unpooled.directBuffer(24).writeInt(420).writeZero(20);
        assertEquals(420, NettyPipelineExample.sensorId(buf));
        assertEquals(0, buf.refCnt());
    }
}
