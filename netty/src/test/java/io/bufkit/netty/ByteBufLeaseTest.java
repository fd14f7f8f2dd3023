package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ByteBufLease}: views of a {@code ByteBuf} that go stale when it is released through the lease. */
class ByteBufLeaseTest {

    private static final byte[] SENSOR = {0x00, 0x00, 0x01, (byte) 0xa4, 0x42, 0x78, 0x56, (byte) 0xaa, 0x0c,
        (byte) 0x80, 0x00, 0x00, 0x00, 0x01, 0x05, 0x19, 0x42, 0x48, 0x00, 0x00, 0x42, (byte) 0xc8, 0x66, 0x66};

    /** Named kinds of buffer holding the sensor vector as their readable bytes. */
    static Stream<Function<byte[], ByteBuf>> buffers() {
        return Stream.of(
                b -> PooledByteBufAllocator.DEFAULT.heapBuffer(64).writeZero(5).writeBytes(b).skipBytes(5),
                b -> PooledByteBufAllocator.DEFAULT.directBuffer(64).writeZero(7).writeBytes(b).skipBytes(7),
                b -> ByteBufAllocator.DEFAULT.heapBuffer(b.length).writeBytes(b),
                b -> Unpooled.directBuffer(b.length).writeBytes(b));
    }

    @AfterEach
    void noNettyLeaks() {
        NettyLeaks.assertNone();
    }

    @ParameterizedTest
    @MethodSource("buffers")
    void viewsReadTheReadableBytesWithoutCopying(Function<byte[], ByteBuf> make) {
        ByteBuf buf = make.apply(SENSOR);
        try (ByteBufLease lease = ByteBufLease.of(buf)) {
            ByteView view = lease.view();
            assertEquals(24, view.length());
            assertEquals(420, view.u32be(0));
            assertEquals(100.2f, view.f32be(20));
            buf.setByte(buf.readerIndex() + 3, 0xa5);
            assertEquals(421, view.u32be(0), "the view shows the buffer's memory, not a copy");
            assertEquals(0x42, lease.view(buf.readerIndex() + 4, 1).u8(0));
        }
        assertEquals(0, buf.refCnt());
    }

    @ParameterizedTest
    @MethodSource("buffers")
    void aViewUsedAfterTheReleaseThrowsInsteadOfReadingRecycledMemory(Function<byte[], ByteBuf> make) {
        ByteBuf buf = make.apply(SENSOR);
        ByteBufLease lease = ByteBufLease.of(buf);
        ByteView view = lease.view();
        ByteView slice = view.slice(4, 12);
        assertTrue(lease.release());
        assertEquals(0, buf.refCnt());
        assertThrows(StaleViewException.class, () -> view.u32be(0));
        assertThrows(StaleViewException.class, () -> slice.f64be(0));
        assertThrows(StaleViewException.class, view::copy);
        assertFalse(lease.isOpen());
    }

    @Test
    void theReleaseOfAPipelineTailEndsTheViews() {
        List<ByteView> kept = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SimpleChannelInboundHandler<ByteBufLease>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, ByteBufLease msg) {
                kept.add(msg.view());
                assertEquals(420, msg.view().u32be(0));
            }
        });
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(24).writeBytes(SENSOR);
        channel.writeInbound(ByteBufLease.of(buf));
        assertEquals(0, buf.refCnt(), "SimpleChannelInboundHandler released the lease, and so the buffer");
        assertThrows(StaleViewException.class, () -> kept.get(0).u8(0));
        assertFalse(channel.finish());
    }

    @Test
    void referenceCountUtilReleasesThroughTheLease() {
        ByteBuf buf = Unpooled.buffer(24).writeBytes(SENSOR);
        ByteBufLease lease = ByteBufLease.of(buf);
        ByteView view = lease.view();
        assertTrue(ReferenceCountUtil.release(lease));
        assertThrows(StaleViewException.class, () -> view.u8(0));
    }

    @Test
    void aRetainKeepsTheViewsUntilTheReleaseThatFreesTheBuffer() {
        ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(24).writeBytes(SENSOR);
        ByteBufLease lease = ByteBufLease.of(buf).retain();
        ByteView view = lease.view();
        assertFalse(lease.release());
        assertEquals(420, view.u32be(0), "the buffer is still referenced, so its memory is still this buffer's");
        assertTrue(lease.release());
        assertThrows(StaleViewException.class, () -> view.u32be(0));
    }

    @Test
    void closeEndsTheViewsEvenWhenOthersStillHoldTheBuffer() {
        ByteBuf buf = Unpooled.buffer(24).writeBytes(SENSOR);
        buf.retain();
        ByteBufLease lease = ByteBufLease.of(buf);
        ByteView view = lease.view();
        lease.close();
        assertEquals(1, buf.refCnt());
        assertThrows(StaleViewException.class, () -> view.u8(0));
        lease.close();
        assertEquals(1, buf.refCnt(), "closing twice releases once");
        buf.release();
    }

    @Test
    void aBufferReleasedBehindTheLeasesBackIsRefusedWhenViewed() {
        ByteBuf buf = Unpooled.buffer(24).writeBytes(SENSOR);
        ByteBufLease lease = ByteBufLease.of(buf);
        buf.release();
        IllegalReferenceCountException e = assertThrows(IllegalReferenceCountException.class, lease::view);
        assertTrue(e.getMessage().contains("released directly"), e.getMessage());
        assertThrows(IllegalReferenceCountException.class, lease::release);
        assertThrows(IllegalReferenceCountException.class, () -> ByteBufLease.of(buf));
    }

    @Test
    void aCompositeBufferIsViewedPerComponent() {
        CompositeByteBuf composite = ByteBufAllocator.DEFAULT.compositeBuffer();
        composite.addComponent(true, Unpooled.directBuffer(10).writeBytes(SENSOR, 0, 10));
        composite.addComponent(true, Unpooled.buffer(14).writeBytes(SENSOR, 10, 14));
        try (ByteBufLease lease = ByteBufLease.of(composite)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, lease::view);
            assertTrue(e.getMessage().contains("2 components"), e.getMessage());
            ByteView[] parts = lease.views();
            assertEquals(2, parts.length);
            byte[] joined = new byte[24];
            parts[0].copyTo(joined, 0);
            parts[1].copyTo(joined, 10);
            assertArrayEquals(SENSOR, joined);
        }
        assertEquals(0, composite.refCnt());
    }

    @Test
    void aMutableViewWritesIntoTheBufferInPlace() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(8).writeZero(8);
        ByteBufLease lease = ByteBufLease.of(buf);
        MutableByteView out = lease.mutableView(2, 4);
        out.putU32be(0, 0xCAFEBABEL);
        assertEquals(0xCAFEBABE, buf.getInt(2));
        lease.release();
        assertThrows(StaleViewException.class, () -> out.putU8(0, 1));
        ByteBuf readOnly = Unpooled.buffer(4).writeInt(1).asReadOnly();
        try (ByteBufLease ro = ByteBufLease.of(readOnly)) {
            assertThrows(IllegalArgumentException.class, () -> ro.mutableView(0, 4));
        }
    }
}
