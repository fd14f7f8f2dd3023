package io.bufkit.tlv;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.util.ArrayList;
import java.util.List;

/** A handler that records an owned copy of every frame, for assertions. */
final class FrameRecorder implements TlvHandler {
    final List<TlvFrame> frames = new ArrayList<>();

    @Override
    public void onFrame(int type, ByteView value) {
        frames.add(new TlvFrame(type, value.copy()));
    }

    static TlvFrame frame(int type, String ascii) {
        return new TlvFrame(type, Bytes.utf8(ascii));
    }
}
