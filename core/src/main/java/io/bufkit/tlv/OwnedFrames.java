package io.bufkit.tlv;

import io.bufkit.ByteView;
import io.bufkit.internal.ViewAccess;
import java.util.function.Consumer;

/**
 * The handler of {@link TlvHandler#owned(Consumer)}: copies each value into an owned {@link TlvFrame}. A
 * {@link TlvDecoder} that recognises it gathers a value split across chunks straight into the value's own
 * array and hands that array over, instead of gathering it in its accumulator and copying it again.
 */
final class OwnedFrames implements TlvHandler {

    private static final ViewAccess VIEWS = ViewAccess.get();

    private final Consumer<? super TlvFrame> frames;

    OwnedFrames(Consumer<? super TlvFrame> frames) {
        this.frames = frames;
    }

    @Override
    public void onFrame(int type, ByteView value) {
        frames.accept(new TlvFrame(type, value.copy()));
    }

    /** Passes on a frame whose value array the decoder filled for it and gives up. */
    void handOver(int type, byte[] value) {
        frames.accept(new TlvFrame(type, VIEWS.adopt(value)));
    }
}
