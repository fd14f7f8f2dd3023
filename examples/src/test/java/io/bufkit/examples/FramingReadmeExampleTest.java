package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Framing a stream" example, kept compiling and passing. */
class FramingReadmeExampleTest {

    // PostgreSQL: type byte, then an Int32 length that counts itself (Netty: offset 1, length 4, adjustment -4)
    static final FrameFormat PG = FrameFormat.lengthField()
            .lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).maxFrameLength(1 << 20).build();

    @Test
    void framesArriveWholeWhateverTheChunks() {
        FrameWriter writer = new FrameWriter(PG);
        Bytes query = writer.encode(ByteView.wrap(new byte[] {'Q'}), Bytes.utf8("SELECT 1\0").view());
        Bytes ready = writer.encode(ByteView.wrap(new byte[] {'Z'}), Bytes.utf8("I").view());
        byte[] stream = Bytes.fromHex(query.toHex() + ready.toHex()).toByteArray();

        FrameDecoder decoder = new FrameDecoder(PG);
        List<String> seen = new ArrayList<>();
        for (int at = 0; at < stream.length; at += 3) {                  // 3-byte chunks, as a slow network
            decoder.feed(stream, at, Math.min(3, stream.length - at), frame -> {
                // `frame` is borrowed: read it here, or frame.copy() to keep it
                seen.add((char) frame.u8(0) + " " + frame.length());
            });
        }
        decoder.finish();                                                // throws if the stream ended mid-frame
        assertEquals(List.of("Q 14", "Z 6"), seen);
    }
}
