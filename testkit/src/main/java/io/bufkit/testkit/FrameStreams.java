package io.bufkit.testkit;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameWriter;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Generators of framed streams in any {@link FrameFormat} — length fields, varint lengths, delimiters,
 * lines, fixed lengths — for property tests of code that frames streams: random streams written by
 * {@link FrameWriter} with the frames a decoder must hand out for them, every format variant, and corrupted
 * streams that look almost right.
 *
 * <pre>{@code
 * @Test
 * void myFramingSurvivesAnyChunking() {
 *     FrameFormat format = FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build();
 *     ChunkProperty.<List<Bytes>>ofArrays(chunks -> frameWithMyCode(chunks))
 *             .checkAll(FrameStreams.streams(format, 8, 300), FramedStream::toByteArray, FramedStream::frames);
 * }
 * }</pre>
 *
 * <p>Bodies are random bytes of edge-biased lengths; a body the format cannot carry (a delimited frame whose
 * content holds a delimiter, a length the field cannot hold) is left out of the stream. Heads (the bytes
 * before a length field, {@link FrameWriter#headLength()}) are random too. Streams shrink towards fewer,
 * shorter frames. Everything generated is <em>owned</em>.
 */
public final class FrameStreams {

    private FrameStreams() {
    }

    /**
     * A format of every kind, with the variants where framings go wrong: length fields of widths 1, 2, 3, 4
     * and 8 in both byte orders, with bytes before the length, adjustments of both signs and stripping
     * (PostgreSQL's self-counting length, HTTP/2's 24-bit length with fields after it, Netty's documented
     * examples); varints (protobuf, MQTT); delimiters of one and several bytes, several delimiters, kept or
     * stripped; lines; a fixed length.
     *
     * @return the formats, each with the default maximum frame length
     */
    public static List<FrameFormat> formatVariants() {
        return formatVariants(FrameFormat.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * The {@link #formatVariants()} with a maximum frame length of {@code max}: small maxima make
     * too-long frames common in garbage.
     *
     * @param max the maximum frame length of every format but the fixed length (24), at least 16
     * @return the formats
     * @throws IllegalArgumentException if {@code max} is below 16
     */
    public static List<FrameFormat> formatVariants(int max) {
        if (max < 16) {
            throw new IllegalArgumentException("max " + max + " is below 16");
        }
        List<FrameFormat> formats = new ArrayList<>();
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int width : new int[] {1, 2, 3, 4, 8}) {
                formats.add(FrameFormat.lengthField().lengthWidth(width).byteOrder(order).stripBytes(width)
                        .maxFrameLength(max).build());
            }
        }
        formats.add(FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).maxFrameLength(max).build());
        formats.add(FrameFormat.lengthField().lengthWidth(3).lengthAdjustment(6).maxFrameLength(max).build());
        formats.add(FrameFormat.lengthField().lengthOffset(1).lengthWidth(2).lengthAdjustment(1).stripBytes(3)
                .maxFrameLength(max).build());
        formats.add(FrameFormat.lengthField().lengthOffset(2).lengthWidth(2).byteOrder(ByteOrder.LITTLE_ENDIAN)
                .lengthAdjustment(-4).stripBytes(1).maxFrameLength(max).build());
        formats.add(FrameFormat.varintLength().maxFrameLength(max).build());
        formats.add(FrameFormat.varintLength().lengthOffset(1).maxLengthBytes(4).stripHeader(false).maxFrameLength(max)
                .build());
        formats.add(FrameFormat.delimited(Bytes.of((byte) 0)).maxFrameLength(max).build());
        formats.add(FrameFormat.delimited(Bytes.utf8("<END>")).stripDelimiter(false).maxFrameLength(max).build());
        formats.add(FrameFormat.delimited(Bytes.utf8("--"), Bytes.utf8("|"), Bytes.utf8("-|")).maxFrameLength(max).build());
        formats.add(FrameFormat.lines().maxFrameLength(max).build());
        formats.add(FrameFormat.lines().stripDelimiter(false).maxFrameLength(max).build());
        formats.add(FrameFormat.fixedLength(24));
        return List.copyOf(formats);
    }

    /**
     * Any of the {@link #formatVariants()}.
     *
     * @return the generator
     */
    public static Gen<FrameFormat> formats() {
        return Gen.elements(formatVariants());
    }

    /**
     * Streams of 0 to {@code maxFrames} frames with bodies of 0 to {@code maxBodyLength} bytes (fixed-length
     * frames have their length), written by {@link FrameWriter}, with the frames a decoder hands out.
     *
     * @param format the format
     * @param maxFrames the most frames in a stream
     * @param maxBodyLength the longest body
     * @return the generator
     * @throws IllegalArgumentException if a bound is negative
     */
    public static Gen<FramedStream> streams(FrameFormat format, int maxFrames, int maxBodyLength) {
        Objects.requireNonNull(format, "format");
        if (maxFrames < 0 || maxBodyLength < 0) {
            throw new IllegalArgumentException("bounds must not be negative: " + maxFrames + ", " + maxBodyLength);
        }
        FrameWriter writer = new FrameWriter(format);
        int head = writer.headLength();
        Gen<byte[][]> frame = Gen.zip(Gen.bytes(head, head), Gen.bytes(0, maxBodyLength),
                (h, b) -> new byte[][] {h, b});
        return Gen.listOf(frame, 0, maxFrames).map(frames -> write(writer, frames));
    }

    /**
     * Streams that look almost right: a valid stream of the format with 1 to 3 bytes overwritten by random
     * bytes (often within a frame's first bytes), sometimes cut short. Decoding one yields some frames and
     * then, perhaps, a {@link io.bufkit.frame.FrameException} — or a different but valid stream.
     *
     * @param format the format
     * @param maxFrames the most frames in the underlying valid stream
     * @param maxBodyLength the longest body in the underlying valid stream
     * @return the generator of owned arrays
     */
    public static Gen<byte[]> corruptedStreams(FrameFormat format, int maxFrames, int maxBodyLength) {
        return streams(format, Math.max(1, maxFrames), maxBodyLength).flatMap(s -> {
            byte[] stream = s.toByteArray();
            if (stream.length == 0) {
                return Gen.bytes(0, 16);
            }
            return StreamCorruption.of(stream, s.headerOffsets(6), 2);
        });
    }

    /** Writes the frames the format can carry (a fixed-length body is cut or padded to the length). */
    private static FramedStream write(FrameWriter writer, List<byte[][]> frames) {
        List<Bytes> wire = new ArrayList<>();
        List<Bytes> decoded = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        for (byte[][] f : frames) {
            ByteView head = ByteView.wrap(f[0]);
            ByteView body = ByteView.wrap(fitted(writer, f[0].length, f[1]));
            Bytes written;
            try {
                written = writer.encode(head, body);
            } catch (IllegalArgumentException cannotCarry) {
                continue;
            }
            offsets.add(at);
            at += written.length();
            wire.add(written);
            decoded.add(writer.decodedFrame(head, body));
        }
        byte[] stream = new byte[at];
        int p = 0;
        for (Bytes w : wire) {
            w.view().copyTo(stream, p);
            p += w.length();
        }
        return new FramedStream(writer.format(), Bytes.of(stream), decoded, offsets);
    }

    /** The body itself, or for a format that takes one body length only (fixed length), cut or padded to it. */
    private static byte[] fitted(FrameWriter writer, int head, byte[] body) {
        try {
            writer.frameSize(head, body.length);
            return body;
        } catch (IllegalArgumentException e) {
            int only = writer.format().maxFrameLength() - head;
            try {
                writer.frameSize(head, only);
                return Arrays.copyOf(body, only);
            } catch (IllegalArgumentException stillNot) {
                return body;
            }
        }
    }
}
