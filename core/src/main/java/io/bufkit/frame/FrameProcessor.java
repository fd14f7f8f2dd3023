package io.bufkit.frame;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A {@link Flow.Processor} that splits a stream of chunks into frames and publishes one message per frame,
 * honouring the downstream subscriber's demand: it requests a chunk upstream only when a frame is demanded
 * and the chunk it holds is used up.
 *
 * <pre>{@code
 * FrameProcessor<Bytes> frames = FrameProcessor.owned(format);      // owned copies of the frames
 * FrameProcessor<Sensor> sensors = FrameProcessor.decoding(format, SENSOR_CODEC::decode);   // records
 * chunkPublisher.subscribe(sensors);
 * sensors.subscribe(subscriber);
 * }</pre>
 *
 * <p><b>Owned messages across the asynchronous boundary.</b> A borrowed frame cannot cross to a subscriber
 * that may keep it or use it on another thread, so a frame is turned into an owned message before
 * {@code onNext}: the {@code decode} function gets the <em>borrowed</em> frame, on the processor's drain
 * thread, and must return a value that does not refer to it — a record decoded from it, or a copy
 * ({@link #owned} uses {@link ByteView#copy()}). Where the consumer is synchronous, use the borrowed path
 * instead: {@link FrameDecoder} (push) or {@link PullFrameDecoder} (pull), which copy nothing.
 *
 * <p><b>Chunks and their leases.</b> Each chunk is a {@link ByteView}; the processor takes over its
 * {@link Lease} and closes it as soon as the chunk is used up, or when the stream is cancelled or fails:
 * give each chunk its own lease — a pooled buffer's ({@code io.bufkit.pool.PooledLease}), a Netty
 * {@code ByteBuf}'s ({@code io.bufkit.netty.ByteBufLease}), whose closing returns the memory — or the
 * unbounded lease ({@link ByteView#wrap(byte[])}), which is left alone. A chunk is not copied: frames inside
 * it are decoded straight from its memory.
 *
 * <p><b>Bounded memory.</b> The processor requests one chunk at a time, and only while the subscriber has
 * unmet demand and the chunk held is used up; so a subscriber that stops requesting makes it hold at most
 * one chunk plus one partial frame (bounded by the format's maximum frame length), however fast upstream
 * could go.
 *
 * <p><b>Reactive Streams rules.</b> One subscriber (a second one gets {@code onError}). Signals to the
 * subscriber are serialized by a drain loop that runs on whichever thread brings work (an upstream
 * {@code onNext}, a downstream {@code request}); nothing blocks. {@code request(n)} with {@code n <= 0}
 * fails the stream with {@link IllegalArgumentException} (§3.9). A malformed frame, an
 * {@link IncompleteFrameException} at the end of the stream, or an exception from {@code decode} is signalled
 * once as {@code onError} — for frame errors a {@link FrameException} naming the frame's stream offset —
 * and the upstream subscription is cancelled. An upstream {@code onError} is passed on at once. On
 * {@code cancel} the upstream subscription is cancelled and every chunk held, or arriving later, is
 * released. Passes the Reactive Streams TCK for publishers and subscribers.
 *
 * @param <T> the message type published, one per frame
 */
public final class FrameProcessor<T> implements Flow.Processor<ByteView, T> {

    private final PullFrameDecoder frames;
    private final Function<? super ByteView, ? extends T> decode;

    private final AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();
    /** The subscriber; {@link #GONE} once the stream ended here, so that it is not kept (§3.13). */
    private final AtomicReference<Flow.Subscriber<? super T>> downstream = new AtomicReference<>();
    /** Set once the subscriber's {@code onSubscribe} returned: no signal may come before. */
    private volatile boolean subscribed;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    /** A chunk delivered by upstream and not yet taken by the drain loop. */
    private final AtomicReference<ByteView> incoming = new AtomicReference<>();
    private volatile boolean upstreamDone;
    private volatile Throwable upstreamError;
    private volatile boolean cancelled;
    /** The §3.9 failure of a {@code request(n)} with {@code n <= 0}, signalled once the subscriber is ready. */
    private volatile IllegalArgumentException badRequest;

    // owned by the drain loop
    /** The chunk the decoder is reading. */
    private ByteView current;
    /** The next frame, taken from the decoder but not yet demanded; borrowed until the decoder's next call. */
    private ByteView pending;
    /** Whether a chunk was requested upstream and has not arrived. */
    private boolean requested;
    private boolean terminated;

    /** Stands for the subscriber once the stream ended, so that the processor stays taken. */
    private static final Flow.Subscriber<Object> GONE = new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
        }

        @Override
        public void onNext(Object item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    };

    private FrameProcessor(FrameFormat format, Function<? super ByteView, ? extends T> decode) {
        this.frames = new PullFrameDecoder(format);
        this.decode = Objects.requireNonNull(decode, "decode");
    }

    /**
     * A processor that publishes an owned copy of every frame.
     *
     * @param format the format of the stream's frames
     * @return a new processor for one stream
     */
    public static FrameProcessor<Bytes> owned(FrameFormat format) {
        return new FrameProcessor<>(format, ByteView::copy);
    }

    /**
     * A processor that publishes what {@code decode} makes of every frame.
     *
     * @param format the format of the stream's frames
     * @param decode turns a <em>borrowed</em> frame into an owned message (never {@code null}); it must not
     *     keep the frame, which is stale once it returns
     * @param <T> the message type
     * @return a new processor for one stream
     */
    public static <T> FrameProcessor<T> decoding(FrameFormat format, Function<? super ByteView, ? extends T> decode) {
        return new FrameProcessor<>(format, decode);
    }

    // ------------------------------------------------------------------ upstream side

    /**
     * Receives the upstream subscription; a second one is cancelled (§2.5).
     *
     * @param subscription the upstream subscription
     */
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        if (!upstream.compareAndSet(null, subscription)) {
            subscription.cancel();
            return;
        }
        if (cancelled) {
            subscription.cancel();
            return;
        }
        drain();
    }

    /**
     * Receives the next chunk, which was requested; the processor takes over its lease.
     *
     * @param chunk the next bytes of the stream; borrowed until the processor closes its lease
     */
    @Override
    public void onNext(ByteView chunk) {
        Objects.requireNonNull(chunk, "chunk");
        if (!incoming.compareAndSet(null, chunk)) {
            release(chunk);
            if (upstreamError == null) {
                upstreamError = new IllegalStateException("upstream sent a chunk that was not requested (§1.1)");
            }
            Flow.Subscription s = upstream.get();
            if (s != null) {
                s.cancel();
            }
        }
        drain();
    }

    /**
     * Receives the upstream failure, passed on to the subscriber at once.
     *
     * @param throwable the failure
     */
    @Override
    public void onError(Throwable throwable) {
        Objects.requireNonNull(throwable, "throwable");
        upstreamError = throwable;
        drain();
    }

    /** Receives the end of the stream; the subscriber completes once the frames held are taken. */
    @Override
    public void onComplete() {
        upstreamDone = true;
        drain();
    }

    // ------------------------------------------------------------------ downstream side

    /**
     * Subscribes the one subscriber of this processor.
     *
     * @param subscriber receives one message per frame, as demanded
     */
    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (!downstream.compareAndSet(null, subscriber)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a FrameProcessor publishes to one subscriber only"));
            return;
        }
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    badRequest = new IllegalArgumentException("request(" + n
                            + "): a subscriber must request a positive number of items (§3.9)");
                    cancelled = true;
                } else {
                    demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                }
                drain();
            }

            @Override
            public void cancel() {
                cancelled = true;
                drain();
            }
        });
        subscribed = true;
        drain();
    }

    // ------------------------------------------------------------------ the drain loop

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            step();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Does all the work that can be done now; runs on one thread at a time. */
    private void step() {
        if (terminated) {
            releaseIncoming();
            return;
        }
        Flow.Subscriber<? super T> d = subscribed ? downstream.get() : null;
        while (true) {
            if (cancelled) {
                IllegalArgumentException bad = badRequest;
                if (bad != null && d == null) {
                    return;   // signalled once onSubscribe returned
                }
                terminate(true);
                if (bad != null) {
                    d.onError(bad);
                }
                return;
            }
            Throwable error = upstreamError;
            if (error != null) {
                if (d == null) {
                    return;   // passed on once someone subscribes
                }
                terminate(false);
                d.onError(error);
                return;
            }
            if (d == null) {
                return;
            }
            if (current == null) {
                ByteView chunk = incoming.getAndSet(null);
                if (chunk != null) {
                    requested = false;
                    current = chunk;
                    frames.offer(chunk);
                }
            }
            if (current != null) {
                T message;
                try {
                    if (pending == null) {
                        // look ahead even without demand, so that a used-up chunk goes back and the end
                        // of the stream is seen at once; the frame stays borrowed until it is taken
                        pending = frames.next();
                        if (pending == null) {
                            release(current);
                            current = null;
                            continue;
                        }
                    }
                    if (demand.get() == 0) {
                        return;
                    }
                    ByteView frame = pending;
                    pending = null;
                    message = Objects.requireNonNull(decode.apply(frame), "decode returned null");
                } catch (RuntimeException e) {
                    terminate(true);
                    d.onError(e);
                    return;
                }
                if (demand.get() != Long.MAX_VALUE) {
                    demand.decrementAndGet();
                }
                d.onNext(message);
                continue;
            }
            if (upstreamDone) {
                if (incoming.get() != null) {
                    continue;   // the last chunk arrived just before the completion
                }
                terminated = true;
                downstream.set(GONE);
                try {
                    frames.finish();
                } catch (RuntimeException e) {
                    d.onError(e);
                    return;
                }
                d.onComplete();
                return;
            }
            Flow.Subscription s = upstream.get();
            if (demand.get() > 0 && !requested && s != null) {
                requested = true;
                s.request(1);
                continue;   // the chunk may have arrived during request()
            }
            return;
        }
    }

    /** Ends the stream here: cancels upstream if asked and releases every chunk held. */
    private void terminate(boolean cancelUpstream) {
        terminated = true;
        downstream.set(GONE);
        Flow.Subscription s = upstream.get();
        if (cancelUpstream && s != null && !upstreamDone) {
            s.cancel();
        }
        pending = null;
        if (current != null) {
            release(current);
            current = null;
        }
        releaseIncoming();
    }

    private void releaseIncoming() {
        ByteView chunk = incoming.getAndSet(null);
        if (chunk != null) {
            release(chunk);
        }
    }

    /** Closes a chunk's lease unless it is the unbounded lease (or closed already). */
    private static void release(ByteView chunk) {
        Lease lease = chunk.lease();
        if (!lease.isUnbounded() && lease.isOpen()) {
            lease.close();
        }
    }

    /**
     * Describes the processor's state.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "FrameProcessor[" + frames + ", demand " + demand.get() + (terminated ? ", terminated" : "") + "]";
    }
}
