package io.bufkit.testkit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.frame.FrameDecoder;
import io.bufkit.frame.FrameException;
import io.bufkit.frame.FrameFormat;
import io.bufkit.frame.FrameHandler;
import io.bufkit.frame.FrameWriter;
import io.bufkit.testkit.Chunking;
import io.bufkit.testkit.Chunkings;
import io.bufkit.testkit.FrameStreams;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The same random streams, cut into the same random chunks, give the same frames from {@link FrameDecoder}
 * as from Netty 4.1's decoders with the same parameters, and an error where Netty has one.
 *
 * <p>Where Netty's outcome depends on the chunking, the streams avoid it, since bufkit's does not: a
 * delimited frame of up to {@code maxFrameLength} bytes whose delimiter is split so that more than
 * {@code maxFrameLength} bytes are buffered before it completes fails in Netty and not in bufkit; a varint
 * of four or more bytes split inside (netty#17549); and a strip beyond a frame, which Netty reports only once
 * the whole frame arrived and bufkit at its header. After an error Netty skips the frame and goes on, bufkit
 * stays failed: so after an error bufkit's frames are compared with the first ones of Netty's.
 */
class NettyDifferentialTest {

    /** A case: a bufkit format, the matching Netty decoder, a stream and its chunking. */
    record Case(FrameFormat format, Supplier<ChannelHandler> netty, byte[] stream, Chunking chunking) {
        @Override
        public String toString() {
            return format + " " + chunking.describe(stream, 24);
        }
    }

    /** Frames, and whether decoding failed. */
    record Outcome(List<Bytes> frames, boolean failed) {
    }

    static Outcome bufkit(Case c) {
        FrameDecoder d = new FrameDecoder(c.format());
        List<Bytes> frames = new ArrayList<>();
        FrameHandler h = FrameHandler.owned(frames::add);
        try {
            for (byte[] chunk : c.chunking().split(c.stream())) {
                d.feed(chunk, h);
            }
        } catch (FrameException e) {
            return new Outcome(frames, true);
        }
        return new Outcome(frames, false);
    }

    static Outcome netty(Case c) {
        EmbeddedChannel channel = new EmbeddedChannel(c.netty().get());
        List<Bytes> frames = new ArrayList<>();
        boolean failed = false;
        for (byte[] chunk : c.chunking().split(c.stream())) {
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            } catch (RuntimeException e) {
                failed = true;
            }
            for (ByteBuf b; (b = channel.readInbound()) != null; ) {
                byte[] bytes = new byte[b.readableBytes()];
                b.readBytes(bytes);
                b.release();
                frames.add(Bytes.of(bytes));
            }
            if (failed) {
                break;
            }
        }
        try {
            channel.finishAndReleaseAll();
        } catch (RuntimeException endOfStream) {
            // Netty decodes what is left when the channel closes; only the bytes fed are compared
        }
        return new Outcome(frames, failed);
    }

    static void check(Case c) {
        Outcome ours = bufkit(c);
        Outcome theirs = netty(c);
        assertEquals(theirs.failed(), ours.failed(), "an error where Netty has one, and only there; Netty " + theirs
                + ", bufkit " + ours);
        if (ours.failed()) {
            assertTrue(theirs.frames().size() >= ours.frames().size());
            assertEquals(theirs.frames().subList(0, ours.frames().size()), ours.frames());
        } else {
            assertEquals(theirs.frames(), ours.frames());
        }
    }

    static Gen<Case> cases(Gen<FrameFormat> formats, java.util.function.Function<FrameFormat, Supplier<ChannelHandler>> netty,
            java.util.function.Function<FrameFormat, Gen<byte[]>> streams) {
        return formats.flatMap(f -> streams.apply(f).flatMap(stream -> Chunkings.any(stream.length, new int[0])
                .map(chunking -> new Case(f, netty.apply(f), stream, chunking))));
    }

    // ------------------------------------------------------------------ length field

    /** Parameters of a length-field decoder; strip never beyond the length field, see the class comment. */
    record LengthField(int offset, int width, boolean big, int adjustment, int strip, int max) {
        FrameFormat format() {
            return FrameFormat.lengthField().lengthOffset(offset).lengthWidth(width)
                    .byteOrder(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).lengthAdjustment(adjustment)
                    .stripBytes(strip).maxFrameLength(max).build();
        }

        ChannelHandler netty() {
            return new LengthFieldBasedFrameDecoder(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, max, offset, width,
                    adjustment, strip, true);
        }
    }

    static final Gen<LengthField> LENGTH_FIELDS = Gen.zip(
            Gen.zip(Gen.ints(0, 3), Gen.elements(1, 2, 3, 4, 8), (o, w) -> new int[] {o, w}),
            Gen.zip(Gen.booleans(), Gen.zip(Gen.ints(-12, 8), Gen.ints(0, 100), (a, s) -> new int[] {a, s}),
                    (b, as) -> new Object[] {b, as}),
            (ow, rest) -> {
                int[] as = (int[]) rest[1];
                int headerEnd = ow[0] + ow[1];
                return new LengthField(ow[0], ow[1], (Boolean) rest[0], as[0], as[1] % (headerEnd + 1), 20 + as[1] * 2);
            });

    @Test
    void lengthFieldStreamsGiveNettysFrames() {
        Property.forAll(LENGTH_FIELDS.flatMap(lf -> FrameStreams.streams(lf.format(), 8, 60)
                .flatMap(s -> Chunkings.any(s.bytes().length(), s.headerOffsets(10))
                        .map(ch -> new Case(lf.format(), lf::netty, s.toByteArray(), ch)))))
                .check(NettyDifferentialTest::check);
    }

    @Test
    void corruptedLengthFieldStreamsFailWhereNettyFails() {
        Property.forAll(LENGTH_FIELDS.flatMap(lf -> FrameStreams.corruptedStreams(lf.format(), 6, 60)
                .flatMap(stream -> Chunkings.any(stream.length, new int[0])
                        .map(ch -> new Case(lf.format(), lf::netty, stream, ch)))))
                .check(NettyDifferentialTest::check);
    }

    @Test
    void randomBytesFailWhereNettyFails() {
        Property.forAll(LENGTH_FIELDS.flatMap(lf -> Gen.bytes(0, 200).flatMap(stream -> Chunkings.any(stream.length, new int[0])
                .map(ch -> new Case(lf.format(), lf::netty, stream, ch)))))
                .check(NettyDifferentialTest::check);
    }

    // ------------------------------------------------------------------ varint

    @Test
    void varintStreamsGiveNettysFrames() {
        FrameFormat f = FrameFormat.varintLength().build();
        Property.forAll(cases(Gen.constant(f), x -> ProtobufVarint32FrameDecoder::new,
                x -> FrameStreams.streams(x, 8, 300).map(s -> s.toByteArray()))).check(NettyDifferentialTest::check);
    }

    // ------------------------------------------------------------------ delimiters and lines

    static final List<List<Bytes>> DELIMITER_SETS = List.of(List.of(Bytes.utf8("|")), List.of(Bytes.utf8("--"), Bytes.utf8("|")),
            List.of(Bytes.utf8("<END>")), List.of(Bytes.of((byte) 0), Bytes.utf8("||")));

    record Delimited(List<Bytes> delimiters, boolean lines, boolean strip, int max) {
        FrameFormat format() {
            return (lines ? FrameFormat.lines() : FrameFormat.delimited(delimiters.toArray(new Bytes[0])))
                    .stripDelimiter(strip).maxFrameLength(max).build();
        }

        ChannelHandler netty() {
            if (lines) {
                return new LineBasedFrameDecoder(max, strip, true);
            }
            ByteBuf[] ds = new ByteBuf[delimiters.size()];
            for (int i = 0; i < ds.length; i++) {
                ds[i] = Unpooled.wrappedBuffer(delimiters.get(i).toByteArray());
            }
            return new DelimiterBasedFrameDecoder(max, strip, true, ds);
        }

        List<Bytes> endings() {
            return lines ? List.of(Bytes.utf8("\r\n"), Bytes.utf8("\n")) : delimiters;
        }

        int longest() {
            int n = 0;
            for (Bytes d : endings()) {
                n = Math.max(n, d.length());
            }
            return n;
        }
    }

    static final Gen<Delimited> DELIMITED = Gen.zip(Gen.ints(-1, DELIMITER_SETS.size() - 1),
            Gen.zip(Gen.booleans(), Gen.ints(8, 60), (s, m) -> new Object[] {s, m}),
            (i, sm) -> new Delimited(i < 0 ? List.of() : DELIMITER_SETS.get(i), i < 0, (Boolean) sm[0], (Integer) sm[1]));

    /**
     * Streams of frames whose content holds no whole delimiter, also not together with its ending, and whose length is either at most
     * {@code max - longest + 1} or at least {@code max + 3} (too long), each followed by one of the delimiters.
     */
    static Gen<byte[]> delimitedStreams(Delimited d) {
        byte[] alphabet = alphabet(d);
        Gen<Integer> lengths = Gen.frequency(6, Gen.ints(0, Math.max(0, d.max() - d.longest() + 1)), 1,
                Gen.ints(d.max() + 3, d.max() + 40));
        Gen<byte[]> content = lengths.flatMap(n -> Gen.bytes(n, n).map(raw -> {
            byte[] out = new byte[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = alphabet[(raw[i] & 0xFF) % alphabet.length];
            }
            return out;
        }));
        Gen<byte[]> frame = Gen.zip(content, Gen.ints(0, d.endings().size() - 1), (c, e) -> {
            byte[] ending = d.endings().get(e).toByteArray();
            if (holdsDelimiter(c, d.endings()) || d.lines() && c.length > 0 && c[c.length - 1] == '\r') {
                return new byte[0];
            }
            byte[] out = java.util.Arrays.copyOf(c, c.length + ending.length);
            System.arraycopy(ending, 0, out, c.length, ending.length);
            // the content's last bytes and the ending must not form a delimiter that ends early: the frame
            // would then be shorter than generated, and its rest would start the next one
            return holdsDelimiter(java.util.Arrays.copyOf(out, out.length - 1), d.endings()) ? new byte[0] : out;
        });
        return Gen.listOf(frame, 0, 8).map(frames -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            frames.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    private static byte[] alphabet(Delimited d) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {'a', 'b', 'c', 'd'});
        for (Bytes e : d.endings()) {
            out.writeBytes(e.toByteArray());
        }
        return out.toByteArray();
    }

    private static boolean holdsDelimiter(byte[] content, List<Bytes> delimiters) {
        for (Bytes d : delimiters) {
            byte[] x = d.toByteArray();
            for (int i = 0; i + x.length <= content.length; i++) {
                if (java.util.Arrays.equals(content, i, i + x.length, x, 0, x.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void delimitedStreamsGiveNettysFramesAndFailWhereNettyFails() {
        Property.forAll(DELIMITED.flatMap(d -> delimitedStreams(d).flatMap(stream -> Chunkings.any(stream.length, new int[0])
                .map(ch -> new Case(d.format(), d::netty, stream, ch))))).check(NettyDifferentialTest::check);
    }

    @Test
    void writerOutputIsSplitByNettyAsByBufkit() {
        FrameFormat f = FrameFormat.lengthField().lengthOffset(1).lengthWidth(4).lengthAdjustment(-4).build();
        Bytes frame = new FrameWriter(f).encode(io.bufkit.ByteView.wrap(new byte[] {'Q'}), Bytes.utf8("SELECT 1\0").view());
        Case c = new Case(f, () -> new LengthFieldBasedFrameDecoder(1 << 20, 1, 4, -4, 0), frame.toByteArray(),
                Chunking.oneByteAtATime(frame.length()));
        assertEquals(List.of(frame), netty(c).frames());
        check(c);
    }
}
