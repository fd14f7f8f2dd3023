package io.bufkit.tlv;

import io.bufkit.ByteView;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives the frames a {@link TlvDecoder} decodes, in stream order, on the thread that called
 * {@link TlvDecoder#feed(byte[], TlvHandler) feed}.
 *
 * <p>The value is <em>borrowed</em>: it is a view straight into the fed chunk when the frame lies inside
 * it, or into the decoder's accumulator otherwise, and its lease ends when {@link #onFrame(int, ByteView)}
 * returns (or throws). Any use of it afterwards throws {@link io.bufkit.StaleViewException}. Keep what is
 * needed with {@link ByteView#copy()}, or use {@link #owned(Consumer)}.
 *
 * <p>A handler that throws stops the feed: see {@link TlvDecoder} for the state it leaves.
 */
@FunctionalInterface
public interface TlvHandler {

    /**
     * Handles one complete frame.
     *
     * @param type the frame's type; with a four-byte type field, the unsigned 32-bit type in an
     *     {@code int} (see {@link TlvFormat})
     * @param value the frame's value, <em>borrowed</em> until this method returns
     */
    void onFrame(int type, ByteView value);

    /**
     * A handler that copies every frame into an <em>owned</em> {@link TlvFrame} and passes it on; for
     * simple code that keeps frames. Costs one copy of each value.
     *
     * @param frames receives each frame, which it may keep
     * @return the copying handler
     */
    static TlvHandler owned(Consumer<? super TlvFrame> frames) {
        Objects.requireNonNull(frames, "frames");
        return (type, value) -> frames.accept(new TlvFrame(type, value.copy()));
    }
}
