package io.bufkit.testkit;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A small TLV format for the self-tests (type u8 1–255, length u16be, value), with a correct incremental
 * decoder and a deliberately buggy one.
 */
final class Frames {

    private Frames() {
    }

    /** One frame; the value is owned. */
    record Frame(int type, Bytes value) {
    }

    /** A stream ended inside a frame. */
    static final class TruncatedException extends Exception {
        private static final long serialVersionUID = 1L;

        TruncatedException(int missing) {
            super(missing + " bytes missing");
        }
    }

    /** Type 0 is malformed. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(long offset) {
            super("type 0 at offset " + offset);
        }
    }

    /** Frames of types 1–255 with values of 0–40 bytes, in streams of 0–6 frames. */
    static Gen<List<Frame>> streams() {
        Gen<Frame> frame = Gen.zip(Gen.ints(1, 255), Gen.bytes(0, 40), (t, v) -> new Frame(t, Bytes.of(v)));
        return Gen.listOf(frame, 0, 6);
    }

    static byte[] encode(List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Frame f : frames) {
            out.write(f.type());
            out.write(f.value().length() >>> 8);
            out.write(f.value().length());
            out.writeBytes(f.value().toByteArray());
        }
        return out.toByteArray();
    }

    /** The offsets of the header bytes (type and length) of every complete or partial frame in a stream. */
    static int[] headerOffsets(byte[] stream) {
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            for (int i = 0; i < 3 && at + i < stream.length; i++) {
                offsets.add(at + i);
            }
            if (at + 3 > stream.length) {
                break;
            }
            at += 3 + ((stream[at + 1] & 0xff) << 8 | (stream[at + 2] & 0xff));
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Decodes correctly, whatever the chunking. */
    static List<Frame> decode(List<ByteView> chunks) throws Exception {
        return decode(chunks, false);
    }

    /** Drops every frame whose 3-byte header straddles a chunk boundary. */
    static List<Frame> decodeDroppingStraddledHeaders(List<ByteView> chunks) throws Exception {
        return decode(chunks, true);
    }

    private static List<Frame> decode(List<ByteView> chunks, boolean dropStraddled) throws Exception {
        List<Frame> frames = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        long offset = 0;
        boolean straddled = false;
        for (ByteView chunk : chunks) {
            for (int i = 0; i < chunk.length(); i++) {
                pending.write(chunk.u8(i));
                byte[] p = pending.toByteArray();
                if (p.length == 1 && p[0] == 0) {
                    throw new MalformedException(offset);
                }
                if (p.length < 3 && i == chunk.length() - 1) {
                    straddled = true;
                }
                if (p.length >= 3) {
                    int length = (p[1] & 0xff) << 8 | (p[2] & 0xff);
                    if (p.length == 3 + length) {
                        if (!(dropStraddled && straddled)) {
                            frames.add(new Frame(p[0] & 0xff, Bytes.of(p, 3, length)));
                        }
                        offset += p.length;
                        pending.reset();
                        straddled = false;
                    }
                }
            }
        }
        if (pending.size() > 0) {
            byte[] p = pending.toByteArray();
            int missing = p.length < 3 ? 3 - p.length : 3 + ((p[1] & 0xff) << 8 | (p[2] & 0xff)) - p.length;
            throw new TruncatedException(missing);
        }
        return frames;
    }
}
