package io.bufkit.frame;

import io.bufkit.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: decode a stream in chunks of a given size, and write streams by hand. */
final class Framed {

    private Framed() {
    }

    static byte[] hex(String hex) {
        return Bytes.fromHex(hex).toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String ascii(Bytes b) {
        return new String(b.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    /** Decodes {@code stream} in chunks of {@code size} bytes and finishes; frames as hex. */
    static List<String> decode(FrameFormat format, byte[] stream, int size) {
        List<String> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(format);
        for (int at = 0; at < stream.length; at += size) {
            decoder.feed(stream, at, Math.min(size, stream.length - at), f -> frames.add(f.copy().toHex()));
        }
        decoder.finish();
        return frames;
    }

    /** Decodes {@code stream} cut at {@code i} and at {@code j} (i <= j); frames as hex. */
    static List<String> decodeCut(FrameFormat format, byte[] stream, int i, int j) {
        List<String> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(format);
        FrameHandler h = f -> frames.add(f.copy().toHex());
        decoder.feed(stream, 0, i, h);
        decoder.feed(stream, i, j - i, h);
        decoder.feed(stream, j, stream.length - j, h);
        decoder.finish();
        return frames;
    }

    static List<String> hexes(String... hex) {
        List<String> out = new ArrayList<>();
        for (String h : hex) {
            out.add(Bytes.fromHex(h).toHex());
        }
        return out;
    }

}
