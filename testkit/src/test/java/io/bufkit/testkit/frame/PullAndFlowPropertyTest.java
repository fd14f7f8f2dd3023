package io.bufkit.testkit.frame;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameProcessor;
import io.bufkit.frame.PullFrameDecoder;
import io.bufkit.testkit.ChunkProperty;
import io.bufkit.testkit.FrameStreams;
import io.bufkit.testkit.FramedStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link PullFrameDecoder} and {@link FrameProcessor} give the frames written in every format variant,
 * under every chunking, and fail the same way whatever the chunking on corrupted streams.
 */
class PullAndFlowPropertyTest {

    /** Pulls every frame; each frame must be stale once the next one is pulled. */
    static List<Bytes> pull(FrameFormat format, List<ByteView> chunks) {
        PullFrameDecoder frames = new PullFrameDecoder(format);
        List<Bytes> out = new ArrayList<>();
        ByteView previous = null;
        for (ByteView chunk : chunks) {
            frames.offer(chunk);
            for (ByteView f; (f = frames.next()) != null; ) {
                if (previous != null) {
                    assertFalse(previous.isValid(), "a pulled frame is stale once the next one is pulled");
                }
                out.add(f.copy());
                previous = f;
            }
        }
        frames.finish();
        return out;
    }

    /**
     * Runs the chunks through a processor with a synchronous upstream and a subscriber that requests one
     * frame at a time; returns the frames, or throws the stream's error.
     */
    static List<Bytes> flow(FrameFormat format, List<byte[]> chunks) throws Throwable {
        FrameProcessor<Bytes> processor = FrameProcessor.owned(format);
        List<Bytes> out = new ArrayList<>();
        Throwable[] error = new Throwable[1];
        boolean[] complete = new boolean[1];
        processor.onSubscribe(new Flow.Subscription() {
            int next;

            @Override
            public void request(long n) {
                for (long i = 0; i < n && next < chunks.size(); i++) {
                    processor.onNext(ByteView.wrap(chunks.get(next++)));
                }
                if (next == chunks.size()) {
                    next++;
                    processor.onComplete();
                }
            }

            @Override
            public void cancel() {
                next = chunks.size() + 1;
            }
        });
        processor.subscribe(new Flow.Subscriber<>() {
            Flow.Subscription s;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                s = subscription;
                s.request(1);
            }

            @Override
            public void onNext(Bytes item) {
                out.add(item);
                s.request(1);
            }

            @Override
            public void onError(Throwable throwable) {
                error[0] = throwable;
            }

            @Override
            public void onComplete() {
                complete[0] = true;
            }
        });
        if (error[0] != null) {
            throw error[0];
        }
        if (!complete[0]) {
            throw new AssertionError("the stream neither completed nor failed");
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> pulledFramesAreTheFramesWrittenInEveryFormat() {
        return FrameStreams.formatVariants().stream().map(format -> dynamicTest(format.toString(), () ->
                ChunkProperty.<List<Bytes>>ofViews(chunks -> pull(format, chunks))
                        .chunkingsPerInput(3)
                        .checkAll(FrameStreams.streams(format, 5, 40), FramedStream::toByteArray, FramedStream::frames)));
    }

    @TestFactory
    Stream<DynamicTest> publishedFramesAreTheFramesWrittenInEveryFormat() {
        return FrameStreams.formatVariants().stream().map(format -> dynamicTest(format.toString(), () ->
                ChunkProperty.<List<Bytes>>ofArrays(chunks -> {
                    try {
                        return flow(format, chunks);
                    } catch (Exception | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new AssertionError(t);
                    }
                })
                        .chunkingsPerInput(3)
                        .checkAll(FrameStreams.streams(format, 5, 40), FramedStream::toByteArray, FramedStream::frames)));
    }

    @TestFactory
    Stream<DynamicTest> corruptedStreamsFailTheSameWayWhateverTheChunking() {
        return FrameStreams.formatVariants().stream().map(format -> dynamicTest(format.toString(), () -> {
            ChunkProperty.<List<Bytes>>ofViews(chunks -> pull(format, chunks))
                    .chunkingsPerInput(2)
                    .tries(50)
                    .checkAll(FrameStreams.corruptedStreams(format, 4, 40));
            ChunkProperty.<List<Bytes>>ofArrays(chunks -> {
                try {
                    return flow(format, chunks);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new AssertionError(t);
                }
            })
                    .chunkingsPerInput(2)
                    .tries(50)
                    .checkAll(FrameStreams.corruptedStreams(format, 4, 40));
        }));
    }
}
