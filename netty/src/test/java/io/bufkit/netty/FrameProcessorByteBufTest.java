package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameProcessor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FrameProcessor} fed with Netty buffers through {@link ByteBufLease}s: used-up chunks and, on
 * cancellation, every chunk held go back to Netty's allocator; nothing leaks at PARANOID.
 */
class FrameProcessorByteBufTest {

    static final FrameFormat U16 = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();

    @AfterEach
    void noNettyLeaks() {
        NettyLeaks.assertNone();
    }

    static ByteBuf chunk(String hex) {
        byte[] bytes = Bytes.fromHex(hex).toByteArray();
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    @Test
    void usedUpChunksAreReleasedAndCancellationReleasesTheRest() {
        FrameProcessor<Bytes> processor = FrameProcessor.owned(U16);
        List<Bytes> got = new ArrayList<>();
        Flow.Subscription[] down = new Flow.Subscription[1];
        long[] upstreamRequests = new long[1];
        boolean[] upstreamCancelled = new boolean[1];
        processor.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                upstreamRequests[0] += n;
            }

            @Override
            public void cancel() {
                upstreamCancelled[0] = true;
            }
        });
        processor.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                down[0] = s;
            }

            @Override
            public void onNext(Bytes item) {
                got.add(item);
            }

            @Override
            public void onError(Throwable t) {
                throw new AssertionError(t);
            }

            @Override
            public void onComplete() {
            }
        });
        down[0].request(1);
        ByteBuf first = chunk("00 01 41");
        processor.onNext(ByteBufLease.of(first).view());
        assertEquals(List.of(Bytes.utf8("A")), got);
        assertEquals(0, first.refCnt(), "a used-up chunk goes back to the allocator at once");
        down[0].request(1);
        ByteBuf second = chunk("00 01 42 00 01 43");
        processor.onNext(ByteBufLease.of(second).view());
        assertEquals(2, got.size());
        assertEquals(1, second.refCnt(), "the chunk holds the next frame, not yet demanded");
        ByteBuf late = chunk("44 45");
        down[0].cancel();
        assertTrue(upstreamCancelled[0]);
        assertEquals(0, second.refCnt(), "cancel released the chunk held");
        processor.onNext(ByteBufLease.of(late).view());
        assertEquals(0, late.refCnt(), "a chunk in flight at the cancellation is released on arrival");
        assertEquals(2, upstreamRequests[0]);
    }
}
