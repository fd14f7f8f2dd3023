package io.bufkit.tlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.PacketCodec;
import java.util.ArrayList;
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

    @Test
    void encodesAMessageAsAFrameOfItsRegisteredType() {
        assertEquals(Bytes.fromHex("01 00 08 00 00 00 03 ff ff ff fc"), registry.encode(new Point(3, -4)));
        assertEquals(Bytes.fromHex("02 00 02 e8 03"), registry.encode(new Temperature((short) 1000)));
    }

    @Test
    void dispatchesDecodedFramesToTypedMessages() {
        byte[] stream = TlvDecoderTest.concat(registry.encode(new Point(1, 2)).toByteArray(),
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
        byte[] stream = TlvDecoderTest.concat(r.encode(new Temperature((short) 5)).toByteArray(),
                r.encode(new Point(9, 9)).toByteArray());
        List<Object> messages = new ArrayList<>();
        new TlvDecoder(wide).feed(stream, r.dispatcher(messages::add));
        assertEquals(List.of(new Temperature((short) 5), new Point(9, 9)), messages);
        assertEquals(Set.of(-7, 70_000), r.types());
    }
}
