package io.bufkit.testkit;

import io.bufkit.Bytes;
import io.bufkit.tlv.TlvFormat;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvWriter;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generators of TLV frames and frame streams in any {@link TlvFormat}, for property tests of code that
 * reads or writes TLV: random streams to decode under every chunking, every format variant, and corrupted
 * streams that look almost right.
 *
 * <pre>{@code
 * @Test
 * void myTlvServiceSurvivesAnyChunking() {
 *     TlvFormat format = TlvFormat.STANDARD;
 *     ChunkProperty.<List<TlvFrame>>ofViews(chunks -> decodeWithMyService(chunks))
 *             .headerBytes(stream -> TlvStreams.headerOffsets(format, stream))
 *             .checkAll(TlvStreams.streams(format, 8, 300), frames -> TlvStreams.encode(format, frames),
 *                     frames -> frames);
 * }
 * }</pre>
 *
 * <p>Types are edge-biased (1, the largest type, and their neighbours come up often) and cover the type
 * field's whole range; with a four-byte type field, types above {@link Integer#MAX_VALUE} come as negative
 * {@code int}s, as {@link io.bufkit.tlv.TlvHandler} delivers them. Value lengths are edge-biased too (0, 1,
 * powers of two and their neighbours, and the maximum asked for). Frames and streams shrink towards fewer,
 * shorter frames with smaller types.
 *
 * <p>Every generated value is <em>owned</em>: frames hold {@link Bytes}, and encoded streams are new arrays.
 */
public final class TlvStreams {

    private TlvStreams() {
    }

    /**
     * Every format variant: type width 1, 2 and 4 by length width 1, 2 and 4 by both byte orders, each with
     * its default value length limit.
     *
     * @return the 18 formats; the first is {@link TlvFormat#STANDARD}
     */
    public static List<TlvFormat> formatVariants() {
        List<TlvFormat> formats = new ArrayList<>(18);
        formats.add(TlvFormat.STANDARD);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int typeWidth : new int[] {1, 2, 4}) {
                for (int lengthWidth : new int[] {1, 2, 4}) {
                    TlvFormat f = TlvFormat.builder().typeWidth(typeWidth).lengthWidth(lengthWidth).byteOrder(order).build();
                    if (!f.equals(TlvFormat.STANDARD)) {
                        formats.add(f);
                    }
                }
            }
        }
        return List.copyOf(formats);
    }

    /**
     * Any of the {@link #formatVariants()}; shrinks towards {@link TlvFormat#STANDARD}.
     *
     * @return the generator
     */
    public static Gen<TlvFormat> formats() {
        return Gen.elements(formatVariants());
    }

    /**
     * Valid frame types of a format: 1 to {@link TlvFormat#maxType()}, edge-biased, shrinking towards 1.
     *
     * @param format the format whose type field bounds the types
     * @return the generator; four-byte types above {@link Integer#MAX_VALUE} come as negative {@code int}s
     */
    public static Gen<Integer> types(TlvFormat format) {
        return Gen.longs(1, format.maxType()).map(Long::intValue);
    }

    /**
     * Frames of a format with any valid type and a value of 0 to {@code maxValueLength} random bytes.
     *
     * @param format the format
     * @param maxValueLength the longest value; also bounded by the format's {@link TlvFormat#maxValueLength()}
     * @return the generator of owned frames
     * @throws IllegalArgumentException if {@code maxValueLength} is negative
     */
    public static Gen<TlvFrame> frames(TlvFormat format, int maxValueLength) {
        Objects.requireNonNull(format, "format");
        if (maxValueLength < 0) {
            throw new IllegalArgumentException("maxValueLength " + maxValueLength + " is negative");
        }
        int max = Math.min(maxValueLength, format.maxValueLength());
        return Gen.zip(types(format), Gen.bytes(0, max), (type, value) -> new TlvFrame(type, Bytes.of(value)));
    }

    /**
     * Streams of 0 to {@code maxFrames} frames, as lists; encode them with {@link #encode(TlvFormat, List)}.
     *
     * @param format the format
     * @param maxFrames the most frames in a stream
     * @param maxValueLength the longest value; also bounded by the format's maximum
     * @return the generator of owned frame lists
     * @throws IllegalArgumentException if a bound is negative
     */
    public static Gen<List<TlvFrame>> streams(TlvFormat format, int maxFrames, int maxValueLength) {
        return Gen.listOf(frames(format, maxValueLength), 0, maxFrames);
    }

    /**
     * Encodes frames into a stream with {@link TlvWriter}.
     *
     * @param format the format
     * @param frames the frames, in stream order
     * @return the stream, a new owned array
     * @throws IllegalArgumentException if the format cannot carry a frame
     */
    public static byte[] encode(TlvFormat format, List<TlvFrame> frames) {
        return new TlvWriter(format).encodeAll(frames).toByteArray();
    }

    /**
     * The offsets of the header bytes (type and length fields) of every frame of a stream, complete or
     * partial, for {@link ChunkProperty#headerBytes(java.util.function.Function)}: chunkings then cut right
     * before and after each of them. Walks the headers as they are written; stops after a header whose
     * length is above the format's maximum or past the end of the stream.
     *
     * @param format the format
     * @param stream the stream (read, not kept)
     * @return the offsets, ascending
     */
    public static int[] headerOffsets(TlvFormat format, byte[] stream) {
        int hs = format.headerSize();
        List<Integer> offsets = new ArrayList<>();
        long at = 0;
        while (at < stream.length) {
            for (int i = 0; i < hs && at + i < stream.length; i++) {
                offsets.add((int) (at + i));
            }
            if (at + hs > stream.length) {
                break;
            }
            long length = field(stream, (int) at + format.typeWidth(), format.lengthWidth(), format.byteOrder());
            if (length > format.maxValueLength()) {
                break;
            }
            at += hs + length;
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Streams that look almost right: a valid stream of the format with 1 to 3 bytes overwritten by random
     * bytes (often a header byte), and sometimes cut short. Decoding one yields some frames and then,
     * perhaps, a {@link io.bufkit.tlv.MalformedFrameException} or a {@link io.bufkit.tlv.TruncatedFrameException}
     * — or a different but valid stream. Shrinks towards fewer frames and fewer changes.
     *
     * @param format the format
     * @param maxFrames the most frames in the underlying valid stream
     * @param maxValueLength the longest value in the underlying valid stream
     * @return the generator of owned arrays
     * @throws IllegalArgumentException if a bound is negative
     */
    public static Gen<byte[]> corruptedStreams(TlvFormat format, int maxFrames, int maxValueLength) {
        Gen<List<TlvFrame>> streams = streams(format, Math.max(1, maxFrames), maxValueLength);
        return streams.map(frames -> encode(format, frames)).flatMap(stream -> {
            if (stream.length == 0) {
                return Gen.bytes(0, format.headerSize() * 2);
            }
            return StreamCorruption.of(stream, headerOffsets(format, stream), 1);
        });
    }

    private static long field(byte[] a, int at, int width, ByteOrder order) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int b = a[at + (order == ByteOrder.BIG_ENDIAN ? i : width - 1 - i)] & 0xFF;
            v = v << 8 | b;
        }
        return v;
    }
}
