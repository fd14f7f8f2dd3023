package io.bufkit.message;

import io.bufkit.ByteView;
import java.util.ArrayList;
import java.util.List;

/** Splits a captured stream of self-delimiting messages into the messages, for tests on real bytes. */
final class MessageStreams {
    private MessageStreams() {
    }

    /**
     * The messages of {@code stream} from offset {@code from} on, each as long as decoding a prefix with
     * {@code layout} says: borrowed slices of the stream.
     */
    static List<ByteView> split(MessageLayout layout, ByteView stream, int from) {
        List<ByteView> out = new ArrayList<>();
        for (int at = from; at < stream.length();) {
            int end = at + layout.decodePrefix(stream.slice(at, stream.length())).end();
            out.add(stream.slice(at, end));
            at = end;
        }
        return out;
    }
}
