package io.bufkit.frame;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** The README's "Backpressure" example: frames at the consumer's pace, pulled or through Flow. */
final class BackpressureExample {

    static final FrameFormat FORMAT = FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build();

    /** Pull: the consumer takes one frame at a time; null means "offer the next chunk". */
    static void pull(List<ByteView> chunks, Consumer<ByteView> process) {
        PullFrameDecoder frames = new PullFrameDecoder(FORMAT);
        for (ByteView chunk : chunks) {
            frames.offer(chunk);                                  // borrowed until next() returns null
            for (ByteView frame; (frame = frames.next()) != null; ) {
                process.accept(frame);                            // borrowed until the next call
            }
        }
        frames.finish();                                          // IncompleteFrameException if cut mid-frame
    }

    /** Flow: chunks in, owned frames out; a chunk is requested only when a frame is demanded. */
    static Flow.Publisher<Bytes> frames(Flow.Publisher<ByteView> chunks) {
        FrameProcessor<Bytes> frames = FrameProcessor.owned(FORMAT);   // or decoding(FORMAT, CODEC::decode)
        chunks.subscribe(frames);                                 // each chunk's lease is closed when used up
        return frames;
    }

    private BackpressureExample() {
    }
}
