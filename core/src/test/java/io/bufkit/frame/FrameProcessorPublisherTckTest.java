package io.bufkit.frame;

import io.bufkit.Bytes;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/** The Reactive Streams TCK on the publishing side of {@link FrameProcessor}. */
public class FrameProcessorPublisherTckTest extends FlowPublisherVerification<Bytes> {

    public FrameProcessorPublisherTckTest() {
        super(new TestEnvironment(1000, 100), 1000);
    }

    @Override
    public Flow.Publisher<Bytes> createFlowPublisher(long elements) {
        FrameProcessor<Bytes> processor = FrameProcessor.owned(ChunkSource.FORMAT);
        new ChunkSource(elements).subscribe(processor);
        return processor;
    }

    @Override
    public Flow.Publisher<Bytes> createFailedFlowPublisher() {
        FrameProcessor<Bytes> processor = FrameProcessor.owned(ChunkSource.FORMAT);
        processor.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        processor.onError(new RuntimeException("upstream failed"));
        return processor;
    }
}
