package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TruncatedFrameException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The TLV stream of the protocol catalogue (§3), delivered in three network chunks that cut both frames
 * apart, decoded incrementally: each frame comes out whole, in order, as soon as its last byte arrives.
 */
public final class TlvStreamExample {

    /** message1 = type 1, "hello"; message2 = type 2, "goodbye!"; then cut at byte 4 and byte 14. */
    static final List<Bytes> CHUNKS = List.of(
            Bytes.fromHex("01 00 05 68"),                       // message1[0, 4)
            Bytes.fromHex("65 6c 6c 6f  02 00 08 67 6f 6f"),    // message1[4, 8) ++ message2[0, 6)
            Bytes.fromHex("64 62 79 65 21"));                   // message2[6, 11)

    private TlvStreamExample() {
    }

    /**
     * Feeds the chunks to a decoder and prints every frame as it completes.
     *
     * @param out where to print
     * @return how many frames were decoded
     */
    public static int run(PrintStream out) {
        out.println("== TLV stream (type u8, length u16be), fed in 3 chunks ==");
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        int[] frames = {0};
        for (Bytes chunk : CHUNKS) {
            out.printf("chunk of %2d bytes: %s%n", chunk.length(), chunk.toHex());
            decoder.feed(chunk.view(), (type, value) -> {
                // `value` is borrowed: read it here, or copy() it to keep it
                frames[0]++;
                out.printf("  frame type=%d length=%d value=\"%s\"%n", type, value.length(),
                        value.toString(StandardCharsets.US_ASCII));
            });
            if (decoder.hasPartialFrame()) {
                out.printf("  (%d byte(s) of a partial frame buffered)%n", decoder.bufferedBytes());
            }
        }
        decoder.finish();
        out.println("stream ended at a frame boundary: " + frames[0] + " frames");

        TlvDecoder truncated = new TlvDecoder(TlvFormat.STANDARD);
        truncated.feed(CHUNKS.get(0).view(), (type, value) -> { });
        try {
            truncated.finish();
        } catch (TruncatedFrameException e) {
            out.println("a stream cut after the first chunk: " + e.getMessage());
        }
        out.println();
        return frames[0];
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }
}
