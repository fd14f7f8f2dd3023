package io.bufkit.frame;

import io.bufkit.ByteView;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A test publisher of the chunks of a stream of {@code frames} frames in {@link #FORMAT} (frame {@code i}
 * carries {@code i} as a 4-byte value), cut into chunks of {@code chunkSize} bytes so that frames straddle
 * chunks; produced lazily, so the stream may be endless. Synchronous, trampolined, honours demand.
 */
final class ChunkSource implements Flow.Publisher<ByteView> {

    static final FrameFormat FORMAT = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();
    static final int FRAME_SIZE = 6;

    private final long frames;
    private final int chunkSize;
    private final Function<byte[], ByteView> wrap;

    ChunkSource(long frames, int chunkSize, Function<byte[], ByteView> wrap) {
        this.frames = frames;
        this.chunkSize = chunkSize;
        this.wrap = wrap;
    }

    ChunkSource(long frames) {
        this(frames, 10, ByteView::wrap);
    }

    /** Byte {@code at} of the stream. */
    static byte byteAt(long at) {
        long frame = at / FRAME_SIZE;
        int i = (int) (at % FRAME_SIZE);
        return switch (i) {
            case 0 -> 0;
            case 1 -> 4;
            default -> (byte) (frame >>> (8 * (5 - i)));
        };
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteView> subscriber) {
        Objects.requireNonNull(subscriber);
        long total = frames > Long.MAX_VALUE / FRAME_SIZE ? Long.MAX_VALUE : frames * FRAME_SIZE;
        AtomicLong demand = new AtomicLong();
        AtomicInteger wip = new AtomicInteger();
        long[] position = {0};
        boolean[] done = {false};
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    done[0] = true;
                    subscriber.onError(new IllegalArgumentException("§3.9"));
                    return;
                }
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                if (wip.getAndIncrement() != 0) {
                    return;
                }
                do {
                    while (!done[0] && demand.get() > 0 && position[0] < total) {
                        int size = (int) Math.min(chunkSize, total - position[0]);
                        byte[] chunk = new byte[size];
                        for (int i = 0; i < size; i++) {
                            chunk[i] = byteAt(position[0] + i);
                        }
                        position[0] += size;
                        demand.decrementAndGet();
                        subscriber.onNext(wrap.apply(chunk));
                    }
                    if (!done[0] && position[0] >= total) {
                        done[0] = true;
                        subscriber.onComplete();
                    }
                } while (wip.decrementAndGet() != 0);
            }

            @Override
            public void cancel() {
                done[0] = true;
            }
        });
        if (total == 0 && !done[0]) {
            done[0] = true;
            subscriber.onComplete();
        }
    }
}
