package io.bufkit.testkit;

import io.bufkit.ByteView;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import io.bufkit.message.MessageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A frame + message pipeline under test: frames from a {@link FrameDecoder}, each decoded with a layout. */
final class MessageFeed implements ChunkFeed<List<Map<String, Object>>> {
    private final MessageLayout layout;
    private final FrameDecoder frames;
    private final List<Map<String, Object>> messages = new ArrayList<>();

    MessageFeed(MessageLayout layout, FrameFormat format) {
        this.layout = layout;
        this.frames = new FrameDecoder(format);
    }

    @Override
    public void feed(ByteView chunk) {
        frames.feed(chunk, frame -> messages.add(layout.decode(frame).toValues()));
    }

    @Override
    public List<Map<String, Object>> finish() {
        frames.finish();
        return messages;
    }
}
