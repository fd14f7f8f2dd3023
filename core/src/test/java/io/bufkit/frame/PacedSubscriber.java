package io.bufkit.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A test subscriber that requests {@code initial} items, then one more per item received, and completes
 * {@link #result} with the items (or exceptionally with the stream's error).
 */
final class PacedSubscriber<T> implements Flow.Subscriber<T> {

    final CompletableFuture<List<T>> result = new CompletableFuture<>();
    private final List<T> items = new ArrayList<>();
    private final long initial;
    private Flow.Subscription subscription;

    PacedSubscriber(long initial) {
        this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(initial);
    }

    @Override
    public void onNext(T item) {
        items.add(item);
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(items);
    }
}
