package io.bufkit.tlv;

import io.bufkit.testsupport.ByteArrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.PacketCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TlvCodecRegistryTest {

    record Point(int x, int y) {
    }

    record Temperature(short centiCelsius) {
    }

    static final PacketCodec<Point> POINT = new PacketCodec<>() {
        @Override
        public Point decode(ByteView packet) {
            return new Point(packet.i32be(0), packet.i32be(4));
        }

        @Override
        public void encode(Point value, MutableByteView out) {
            out.putI32be(0, value.x()).putI32be(4, value.y());
        }

        @Override
        public int size() {
            return 8;
        }
    };

    static final PacketCodec<Temperature> TEMPERATURE = new PacketCodec<>() {
        @Override
        public Temperature decode(ByteView packet) {
            return new Temperature(packet.i16le(0));
        }

        @Override
        public void encode(Temperature value, MutableByteView out) {
            out.putI16le(0, value.centiCelsius());
        }

        @Override
        public int size() {
            return 2;
        }
    };

    private final TlvCodecRegistry registry = TlvCodecRegistry.builder(TlvFormat.STANDARD)
            .register(1, Point.class, POINT)
            .register(2, Temperature.class, TEMPERATURE)
            .build();

    /** Valid frames before the rejected one: two points and a temperature. */
    private final byte[] prefix = ByteArrays.concat(registry.encode(new Point(1, 2)).toByteArray(),
            registry.encode(new Point(3, 4)).toByteArray(), registry.encode(new Temperature((short) 5)).toByteArray());
    /** Where the rejected frame starts in {@link #streamRejecting}'s streams. */
    private final int rejectedAt = prefix.length;
    /** A frame of unregistered type 9, value "ab". */
    private static final byte[] UNKNOWN_TYPE = Bytes.fromHex("09 00 02 61 62").toByteArray();
    /** A temperature frame with a value of 3 bytes instead of 2. */
    private static final byte[] TOO_LONG = Bytes.fromHex("02 00 03 01 02 03").toByteArray();

    /** Valid frames, then {@code rejected} at {@link #rejectedAt}, then one more valid frame. */
    private byte[] streamRejecting(byte[] rejected) {
        return ByteArrays.concat(prefix, rejected, registry.encode(new Temperature((short) 6)).toByteArray());
    }

    @Test
    void encodesAMessageAsAFrameOfItsRegisteredType() {
        assertEquals(Bytes.fromHex("01 00 08 00 00 00 03 ff ff ff fc"), registry.encode(new Point(3, -4)));
        assertEquals(Bytes.fromHex("02 00 02 e8 03"), registry.encode(new Temperature((short) 1000)));
    }

    @Test
    void dispatchesDecodedFramesToTypedMessages() {
        byte[] stream = ByteArrays.concat(registry.encode(new Point(1, 2)).toByteArray(),
                registry.encode(new Temperature((short) -50)).toByteArray());
        List<Object> messages = new ArrayList<>();
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        for (byte b : stream) {
            decoder.feed(new byte[] {b}, registry.dispatcher(messages::add));
        }
        assertEquals(List.of(new Point(1, 2), new Temperature((short) -50)), messages);
    }

    @Test
    void valueOfTheWrongLengthIsRejectedBeforeTheCodecSeesIt() {
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> registry.decode(1, ByteView.wrap(new byte[7])));
        assertEquals(1, e.type());
        assertEquals(8, e.expectedLength());
        assertEquals(7, e.actualLength());
        assertTrue(e.getMessage().contains("7 byte(s)") && e.getMessage().contains("exactly 8"), e.getMessage());
    }

    @Test
    void longerValueIsRejectedToo() {
        assertThrows(FrameLengthMismatchException.class, () -> registry.decode(2, ByteView.wrap(new byte[3])));
    }

    @Test
    void unknownTypeIsRejectedNamingTheRegisteredTypes() {
        UnknownFrameTypeException e = assertThrows(UnknownFrameTypeException.class,
                () -> registry.decode(9, ByteView.wrap(new byte[2])));
        assertEquals(9, e.type());
        assertTrue(e.getMessage().contains("[1, 2]"), e.getMessage());
    }

    @Test
    void unknownTypesGoToTheFallbackHandler() {
        List<Object> messages = new ArrayList<>();
        FrameRecorder unknown = new FrameRecorder();
        TlvHandler handler = registry.dispatcher(messages::add, unknown);
        handler.onFrame(9, Bytes.utf8("zz").view());
        handler.onFrame(2, Bytes.fromHex("01 00").view());
        assertEquals(List.of(FrameRecorder.frame(9, "zz")), unknown.frames);
        assertEquals(List.of(new Temperature((short) 1)), messages);
    }

    @Test
    void typedDecodeChecksTheMessageClass() {
        assertEquals(new Temperature((short) 2), registry.decode(2, Bytes.fromHex("02 00").view(), Temperature.class));
        assertThrows(ClassCastException.class, () -> registry.decode(2, Bytes.fromHex("02 00").view(), Point.class));
    }

    @Test
    void writesAFrameInPlace() {
        MutableByteView out = MutableByteView.allocate(16);
        assertEquals(5, registry.write(new Temperature((short) 7), out, 4));
        assertEquals(List.of(new TlvFrame(2, Bytes.fromHex("07 00"))),
                TlvDecoder.decodeAll(TlvFormat.STANDARD, out.slice(4, 9)));
        assertThrows(IndexOutOfBoundsException.class, () -> registry.write(new Point(0, 0), out, 6));
        assertEquals(Bytes.of(new byte[7]), out.slice(9, 16).copy());
    }

    @Test
    void unregisteredMessageClassIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> registry.encode("not a message"));
    }

    @Test
    void duplicateTypeOrClassIsRejected() {
        TlvCodecRegistry.Builder b = TlvCodecRegistry.builder(TlvFormat.STANDARD).register(1, Point.class, POINT);
        assertThrows(IllegalArgumentException.class, () -> b.register(1, Temperature.class, TEMPERATURE));
        assertThrows(IllegalArgumentException.class, () -> b.register(3, Point.class, POINT));
    }

    @Test
    void typeOrSizeTheFormatCannotCarryIsRejected() {
        TlvCodecRegistry.Builder b = TlvCodecRegistry.builder(TlvFormat.builder().maxValueLength(4).build());
        assertThrows(IllegalArgumentException.class, () -> b.register(0, Temperature.class, TEMPERATURE));
        assertThrows(IllegalArgumentException.class, () -> b.register(256, Temperature.class, TEMPERATURE));
        assertThrows(IllegalArgumentException.class, () -> b.register(1, Point.class, POINT));
    }

    @Test
    void typesAboveTheSmallRangeAreDispatched() {
        TlvFormat wide = TlvFormat.builder().typeWidth(4).build();
        TlvCodecRegistry r = TlvCodecRegistry.builder(wide).register(-7, Temperature.class, TEMPERATURE)
                .register(70_000, Point.class, POINT).build();
        byte[] stream = ByteArrays.concat(r.encode(new Temperature((short) 5)).toByteArray(),
                r.encode(new Point(9, 9)).toByteArray());
        List<Object> messages = new ArrayList<>();
        new TlvDecoder(wide).feed(stream, r.dispatcher(messages::add));
        assertEquals(List.of(new Temperature((short) 5), new Point(9, 9)), messages);
        assertEquals(Set.of(-7, 70_000), r.types());
    }

    @Test
    void unknownTypeFedThroughADecoderNamesTheFramesStreamOffset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        UnknownFrameTypeException e = assertThrows(UnknownFrameTypeException.class,
                () -> decoder.feed(streamRejecting(UNKNOWN_TYPE), registry.dispatcher(m -> { })));
        assertEquals(27, rejectedAt);
        assertEquals(rejectedAt, e.frameOffset());
        assertEquals("no codec is registered for TLV frame type 9 at stream offset 27 (value of 2 byte(s)); "
                + "registered types: [1, 2]", e.getMessage());
    }

    @Test
    void lengthMismatchFedThroughADecoderNamesTheFramesStreamOffset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> decoder.feed(streamRejecting(TOO_LONG), registry.dispatcher(m -> { })));
        assertEquals(rejectedAt, e.frameOffset());
        assertEquals("TLV frame of type 2 at stream offset 27 has a value of 3 byte(s) but its codec Temperature "
                + "expects exactly 2", e.getMessage());
    }

    @Test
    void lengthMismatchFromTheDispatcherWithAFallbackNamesTheFramesStreamOffset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> decoder.feed(streamRejecting(TOO_LONG), registry.dispatcher(m -> { }, (t, v) -> { })));
        assertEquals(rejectedAt, e.frameOffset());
    }

    @Test
    void rejectedFrameFedOneByteAtATimeIsLocatedFromTheAccumulator() {
        byte[] stream = streamRejecting(TOO_LONG);
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        TlvHandler handler = registry.dispatcher(m -> { });
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class, () -> {
            for (byte b : stream) {
                decoder.feed(new byte[] {b}, handler);
            }
        });
        assertEquals(rejectedAt, e.frameOffset());
        assertTrue(e.getMessage().contains("at stream offset 27"), e.getMessage());
    }

    @Test
    void rejectedFrameWhoseHeaderIsSplitAcrossChunksIsLocated() {
        byte[] stream = streamRejecting(UNKNOWN_TYPE);
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        TlvHandler handler = registry.dispatcher(m -> { });
        decoder.feed(Arrays.copyOfRange(stream, 0, rejectedAt + 1), handler);
        UnknownFrameTypeException e = assertThrows(UnknownFrameTypeException.class,
                () -> decoder.feed(Arrays.copyOfRange(stream, rejectedAt + 1, stream.length), handler));
        assertEquals(rejectedAt, e.frameOffset());
    }

    @Test
    void rejectedFrameSplitAcrossDirectBufferChunksIsLocated() {
        byte[] stream = streamRejecting(UNKNOWN_TYPE);
        int cut = rejectedAt + 4;
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        TlvHandler handler = registry.dispatcher(m -> { });
        decoder.feed(direct(Arrays.copyOfRange(stream, 0, cut)), handler);
        ByteBuffer rest = direct(Arrays.copyOfRange(stream, cut, stream.length));
        UnknownFrameTypeException e = assertThrows(UnknownFrameTypeException.class, () -> decoder.feed(rest, handler));
        assertEquals(rejectedAt, e.frameOffset());
        assertTrue(e.getMessage().contains("at stream offset 27"), e.getMessage());
        assertEquals(1, rest.position());
    }

    @Test
    void rejectedFrameSplitAcrossViewChunksIsLocated() {
        byte[] stream = streamRejecting(TOO_LONG);
        int cut = rejectedAt + 5;
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        TlvHandler handler = registry.dispatcher(m -> { });
        decoder.feed(ByteView.wrap(stream, 0, cut), handler);
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> decoder.feed(ByteView.wrap(stream, cut, stream.length - cut), handler));
        assertEquals(rejectedAt, e.frameOffset());
        assertTrue(e.getMessage().contains("at stream offset 27"), e.getMessage());
    }

    @Test
    void rejectedFrameInAWiderFormatIsLocatedWithThatFormatsHeaderSize() {
        TlvFormat wide = TlvFormat.builder().typeWidth(4).lengthWidth(4).build();
        TlvCodecRegistry r = TlvCodecRegistry.builder(wide).register(1, Point.class, POINT).build();
        TlvWriter writer = new TlvWriter(wide);
        byte[] stream = ByteArrays.concat(r.encode(new Point(1, 1)).toByteArray(),
                writer.encode(1, Bytes.of(new byte[5]).view()).toByteArray());
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> new TlvDecoder(wide).feed(stream, r.dispatcher(m -> { })));
        assertEquals(16, e.frameOffset());
    }

    @Test
    void frameOffsetCountsFromTheDecodersLastReset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        decoder.feed(prefix, registry.dispatcher(m -> { }));
        decoder.reset();
        UnknownFrameTypeException e = assertThrows(UnknownFrameTypeException.class,
                () -> decoder.feed(streamRejecting(UNKNOWN_TYPE), registry.dispatcher(m -> { })));
        assertEquals(rejectedAt, e.frameOffset());
    }

    @Test
    void decoderPassesOnTheExceptionObjectTheHandlerThrew() {
        List<TlvException> fromHandler = new ArrayList<>();
        TlvHandler dispatcher = registry.dispatcher(m -> { });
        TlvHandler handler = (type, value) -> {
            try {
                dispatcher.onFrame(type, value);
            } catch (TlvException e) {
                fromHandler.add(e);
                assertEquals(-1, ((UnknownFrameTypeException) e).frameOffset());
                throw e;
            }
        };
        UnknownFrameTypeException e = assertThrows(UnknownFrameTypeException.class,
                () -> new TlvDecoder(TlvFormat.STANDARD).feed(streamRejecting(UNKNOWN_TYPE), handler));
        assertSame(fromHandler.get(0), e);
        assertEquals(rejectedAt, e.frameOffset());
    }

    @Test
    void offsetSetByANestedDecoderIsKept() {
        // the outer frame's value is a stream of its own, decoded by an inner decoder
        byte[] inner = streamRejecting(UNKNOWN_TYPE);
        byte[] outer = ByteArrays.concat(prefix, new TlvWriter(TlvFormat.STANDARD).encode(7, Bytes.of(inner).view())
                .toByteArray());
        TlvDecoder innerDecoder = new TlvDecoder(TlvFormat.STANDARD);
        UnknownFrameTypeException e = assertThrows(UnknownFrameTypeException.class,
                () -> new TlvDecoder(TlvFormat.STANDARD).feed(outer, (type, value) -> {
                    if (type == 7) {
                        innerDecoder.feed(value, registry.dispatcher(m -> { }));
                    }
                }));
        assertEquals(rejectedAt, e.frameOffset());
    }

    @Test
    void decodeCalledDirectlyFromAHandlerIsNotGivenTheOffsetOfTheFrameBeingHandled() {
        // the handler decodes part of the value (a temperature after a one-byte tag): the exception is about
        // that part, not about the frame at rejectedAt, so no stream offset is made up for it
        byte[] tagged = Bytes.fromHex("05 00 04 aa 01 02 03").toByteArray();
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> new TlvDecoder(TlvFormat.STANDARD).feed(streamRejecting(tagged), (type, value) -> {
                    if (type == 5) {
                        registry.decode(2, value.slice(1, 4));
                    }
                }));
        assertEquals(-1, e.frameOffset());
        assertEquals("TLV frame of type 2 has a value of 3 byte(s) but its codec Temperature expects exactly 2",
                e.getMessage());
    }

    @Test
    void decodeCalledDirectlyHasNoFrameOffsetAndKeepsItsMessage() {
        UnknownFrameTypeException unknown = assertThrows(UnknownFrameTypeException.class,
                () -> registry.decode(9, ByteView.wrap(new byte[2])));
        assertEquals(-1, unknown.frameOffset());
        assertEquals("no codec is registered for TLV frame type 9 (value of 2 byte(s)); registered types: [1, 2]",
                unknown.getMessage());
        FrameLengthMismatchException mismatch = assertThrows(FrameLengthMismatchException.class,
                () -> registry.decode(2, ByteView.wrap(new byte[3])));
        assertEquals(-1, mismatch.frameOffset());
        assertEquals("TLV frame of type 2 has a value of 3 byte(s) but its codec Temperature expects exactly 2",
                mismatch.getMessage());
    }

    @Test
    void decoderIsNotFailedAndStandsRightAfterTheRejectedFrame() {
        byte[] stream = streamRejecting(UNKNOWN_TYPE);
        List<Object> messages = new ArrayList<>();
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD);
        assertThrows(UnknownFrameTypeException.class, () -> decoder.feed(stream, registry.dispatcher(messages::add)));
        assertFalse(decoder.isFailed());
        assertFalse(decoder.hasPartialFrame());
        int after = rejectedAt + UNKNOWN_TYPE.length;
        assertEquals(after, decoder.streamOffset());
        decoder.feed(stream, after, stream.length - after, registry.dispatcher(messages::add));
        decoder.finish();
        assertEquals(List.of(new Point(1, 2), new Point(3, 4), new Temperature((short) 5), new Temperature((short) 6)),
                messages);
    }

    @Test
    void locatedExceptionKeepsItsOffsetThroughSerialization() throws IOException, ClassNotFoundException {
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> new TlvDecoder(TlvFormat.STANDARD).feed(streamRejecting(TOO_LONG), registry.dispatcher(m -> { })));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            FrameLengthMismatchException copy = (FrameLengthMismatchException) in.readObject();
            assertEquals(rejectedAt, copy.frameOffset());
            assertEquals(e.getMessage(), copy.getMessage());
        }
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }
}
