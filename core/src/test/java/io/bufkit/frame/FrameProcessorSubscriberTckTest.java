package io.bufkit.frame;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;

/**
 * The Reactive Streams TCK on the subscribing side of {@link FrameProcessor}, with a downstream subscriber
 * that demands every frame.
 */
public class FrameProcessorSubscriberTckTest extends FlowSubscriberBlackboxVerification<ByteView> {

    public FrameProcessorSubscriberTckTest() {
        super(new TestEnvironment(1000, 100));
    }

    @Override
    public Flow.Subscriber<ByteView> createFlowSubscriber() {
        FrameProcessor<Bytes> processor = FrameProcessor.owned(ChunkSource.FORMAT);
        processor.subscribe(new Flow.Subscriber<Bytes>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Bytes item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        return processor;
    }

    @Override
    public ByteView createElement(int element) {
        return ByteView.wrap(ByteBuffer.allocate(6).putShort((short) 4).putInt(element).flip());
    }
}
