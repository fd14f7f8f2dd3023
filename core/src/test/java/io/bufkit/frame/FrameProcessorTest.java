package io.bufkit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.pool.BufferPool;
import io.bufkit.pool.PooledLease;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link FrameProcessor}: demand-driven frames out of chunks, bounded memory, errors and cancellation. */
class FrameProcessorTest {

    /** An upstream subscription that records requests and cancellation. */
    static final class Upstream implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** A downstream subscriber that records what it gets and requests only when told. */
    static final class Downstream<T> implements Flow.Subscriber<T> {
        Flow.Subscription subscription;
        final List<T> items = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        int completions;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(T item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            errors.add(t);
        }

        @Override
        public void onComplete() {
            completions++;
        }
    }

    @Test
    void asksForAChunkOnlyWhenAFrameIsDemandedAndTheChunkHeldIsUsedUp() {
        FrameProcessor<Bytes> p = FrameProcessor.owned(ChunkSource.FORMAT);
        Upstream up = new Upstream();
        Downstream<Bytes> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        assertEquals(0, up.requested, "nothing demanded, nothing requested");
        down.subscription.request(1);
        assertEquals(1, up.requested);
        // one chunk with two frames and half of a third
        p.onNext(ByteView.wrap(Bytes.fromHex("00 01 41 00 01 42 00 01").toByteArray()));
        assertEquals(List.of(Bytes.utf8("A")), down.items);
        assertEquals(1, up.requested, "the chunk still holds a frame");
        down.subscription.request(1);
        assertEquals(List.of(Bytes.utf8("A"), Bytes.utf8("B")), down.items);
        assertEquals(1, up.requested);
        down.subscription.request(1);
        assertEquals(2, up.requested, "chunk used up with a partial frame: one more chunk");
        p.onNext(ByteView.wrap(Bytes.fromHex("43").toByteArray()));
        assertEquals(3, down.items.size());
        p.onComplete();
        assertEquals(1, down.completions);
        assertTrue(down.errors.isEmpty());
    }

    @Test
    void aSubscriberThatNeverRequestsHoldsNothing() {
        FrameProcessor<Bytes> p = FrameProcessor.owned(ChunkSource.FORMAT);
        Upstream up = new Upstream();
        Downstream<Bytes> down = new Downstream<>();
        p.subscribe(down);
        p.onSubscribe(up);
        assertEquals(0, up.requested);
        assertTrue(down.items.isEmpty());
    }

    @Test
    void aMalformedFrameIsSignalledOnceWithItsOffsetAndCancelsUpstream() {
        FrameFormat small = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).maxFrameLength(8).build();
        FrameProcessor<Bytes> p = FrameProcessor.owned(small);
        Upstream up = new Upstream();
        Downstream<Bytes> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        down.subscription.request(10);
        p.onNext(ByteView.wrap(Bytes.fromHex("00 01 41 01 00").toByteArray()));
        assertEquals(List.of(Bytes.utf8("A")), down.items);
        assertEquals(1, down.errors.size());
        FrameTooLongException e = assertInstanceOf(FrameTooLongException.class, down.errors.get(0));
        assertEquals(3, e.frameOffset());
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertTrue(up.cancelled);
        p.onNext(ByteView.wrap(new byte[] {0, 1, 1}));
        p.onComplete();
        down.subscription.request(1);
        assertEquals(1, down.errors.size(), "signalled once");
        assertEquals(0, down.completions);
    }

    @Test
    void aStreamEndingInsideAFrameIsAnIncompleteFrameError() {
        FrameProcessor<Bytes> p = FrameProcessor.owned(ChunkSource.FORMAT);
        Upstream up = new Upstream();
        Downstream<Bytes> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        down.subscription.request(5);
        p.onNext(ByteView.wrap(Bytes.fromHex("00 04 01").toByteArray()));
        p.onComplete();
        IncompleteFrameException e = assertInstanceOf(IncompleteFrameException.class, down.errors.get(0));
        assertEquals(0, e.frameOffset());
        assertEquals(0, down.completions);
    }

    @Test
    void anExceptionFromDecodeIsSignalledAndCancelsUpstream() {
        FrameProcessor<Integer> p = FrameProcessor.decoding(ChunkSource.FORMAT, f -> f.i32be(0));
        Upstream up = new Upstream();
        Downstream<Integer> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        down.subscription.request(5);
        p.onNext(ByteView.wrap(Bytes.fromHex("00 04 00 00 00 07 00 01 09").toByteArray()));
        assertEquals(List.of(7), down.items);
        assertInstanceOf(IndexOutOfBoundsException.class, down.errors.get(0));
        assertTrue(up.cancelled);
    }

    @Test
    void aRequestOfZeroFailsTheStream() {
        FrameProcessor<Bytes> p = FrameProcessor.owned(ChunkSource.FORMAT);
        Upstream up = new Upstream();
        Downstream<Bytes> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        down.subscription.request(0);
        assertInstanceOf(IllegalArgumentException.class, down.errors.get(0));
        assertTrue(up.cancelled);
    }

    @Test
    void aSecondSubscriberIsRefused() {
        FrameProcessor<Bytes> p = FrameProcessor.owned(ChunkSource.FORMAT);
        p.subscribe(new Downstream<>());
        Downstream<Bytes> second = new Downstream<>();
        p.subscribe(second);
        assertInstanceOf(IllegalStateException.class, second.errors.get(0));
    }

    @Test
    void cancellationReleasesEveryPooledChunkHeld() {
        BufferPool pool = BufferPool.builder().bufferSize(16).capacity(4).build();
        FrameProcessor<Bytes> p = FrameProcessor.owned(ChunkSource.FORMAT);
        Upstream up = new Upstream();
        Downstream<Bytes> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        down.subscription.request(1);
        PooledLease lease = pool.acquire();
        lease.view().put(0, Bytes.fromHex("00 01 41 00 01 42 00").toByteArray());
        p.onNext(lease.view().slice(0, 7));
        assertEquals(1, down.items.size());
        assertEquals(1, pool.used(), "the chunk still holds a frame and a partial one");
        down.subscription.cancel();
        assertEquals(0, pool.used(), "cancel released the chunk");
        assertTrue(up.cancelled);
        PooledLease late = pool.acquire();
        p.onNext(late.view().slice(0, 4));   // in flight when cancelled
        assertEquals(0, pool.used(), "a chunk arriving after cancel is released");
    }

    @Test
    void usedUpPooledChunksGoBackToThePoolAtOnce() {
        BufferPool pool = BufferPool.builder().bufferSize(16).capacity(2).build();
        FrameProcessor<Bytes> p = FrameProcessor.owned(ChunkSource.FORMAT);
        Upstream up = new Upstream();
        Downstream<Bytes> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        down.subscription.request(Long.MAX_VALUE);
        for (int i = 0; i < 10; i++) {
            PooledLease lease = pool.acquire();
            lease.view().put(0, Bytes.fromHex("00 01 41 00").toByteArray());
            p.onNext(lease.view().slice(0, i % 2 == 0 ? 4 : 1));   // a frame and half a header, then the rest
            assertEquals(0, pool.used());
        }
        p.onComplete();
        assertEquals(10, down.items.size());
        assertEquals(1, down.completions);
        assertEquals(11, up.requested, "unbounded demand: the next chunk is asked for as soon as one is used up");
    }

    @Test
    void worksAcrossThreadsWithTheJdksSubmissionPublisher() throws Exception {
        FrameProcessor<Integer> p = FrameProcessor.decoding(ChunkSource.FORMAT, f -> f.i32be(0));
        PacedSubscriber<Integer> subscriber = new PacedSubscriber<>(3);
        p.subscribe(subscriber);
        try (SubmissionPublisher<ByteView> publisher = new SubmissionPublisher<>()) {
            publisher.subscribe(p);
            new ChunkSource(1000, 7, ByteView::wrap).subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteView item) {
                    publisher.submit(item);
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            });
        }
        List<Integer> got = subscriber.result.get(10, TimeUnit.SECONDS);
        assertEquals(1000, got.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, got.get(i));
        }
    }

    @Test
    void framesAreBorrowedOnlyDuringDecode() {
        List<ByteView> kept = new ArrayList<>();
        FrameProcessor<Integer> p = FrameProcessor.decoding(ChunkSource.FORMAT, f -> {
            kept.add(f);
            return f.length();
        });
        Upstream up = new Upstream();
        Downstream<Integer> down = new Downstream<>();
        p.onSubscribe(up);
        p.subscribe(down);
        down.subscription.request(2);
        p.onNext(ByteView.wrap(Bytes.fromHex("00 04 00 00 00 01 00 04 00 00 00 02").toByteArray()));
        assertEquals(List.of(4, 4), down.items);
        assertFalse(kept.get(0).isValid(), "the first frame went stale when the second was taken");
    }
}
