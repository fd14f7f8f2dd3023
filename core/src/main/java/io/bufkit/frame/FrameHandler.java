package io.bufkit.frame;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives the frames a {@link FrameDecoder} finds, in stream order, on the thread that called
 * {@code feed}.
 *
 * <p>The frame is <em>borrowed</em>: a view straight into the fed chunk when the frame lies inside it, or
 * into the decoder's accumulator otherwise, and its lease ends when {@link #onFrame(ByteView)} returns (or
 * throws); any use of it afterwards throws {@link io.bufkit.StaleViewException}. Keep what is needed with
 * {@link ByteView#copy()}, or use {@link #owned(Consumer)}.
 *
 * <p>A handler that throws stops the feed: see {@link FrameDecoder} for the state it leaves.
 */
@FunctionalInterface
public interface FrameHandler {

    /**
     * Handles one complete frame.
     *
     * @param frame the frame's bytes after stripping, <em>borrowed</em> until this method returns
     */
    void onFrame(ByteView frame);

    /**
     * A handler that copies every frame into <em>owned</em> {@link Bytes} and passes them on; costs one copy
     * of each frame.
     *
     * @param frames receives each frame, which it may keep
     * @return the copying handler
     */
    static FrameHandler owned(Consumer<? super Bytes> frames) {
        Objects.requireNonNull(frames, "frames");
        return frame -> frames.accept(frame.copy());
    }
}
