package io.bufkit.tlv;

import io.bufkit.testsupport.ByteArrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rejecting frames at their header, and memory that grows with the bytes received, not with a header's claim. */
class TlvHeaderCheckTest {

    private final TlvCodecRegistry registry = TlvCodecRegistry.builder(TlvFormat.STANDARD)
            .register(1, TlvCodecRegistryTest.Point.class, TlvCodecRegistryTest.POINT)
            .register(2, TlvCodecRegistryTest.Temperature.class, TlvCodecRegistryTest.TEMPERATURE)
            .build();

    @Test
    void registryCheckRejectsAWrongLengthAtTheHeaderNamingItsStreamOffset() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD, registry.headerCheck());
        byte[] point = registry.encode(new TlvCodecRegistryTest.Point(1, 2)).toByteArray();
        List<Object> messages = new ArrayList<>();
        decoder.feed(point, registry.dispatcher(messages::add));
        FrameLengthMismatchException e = assertThrows(FrameLengthMismatchException.class,
                () -> decoder.feed(Bytes.fromHex("02 ff ff").toByteArray(), registry.dispatcher(messages::add)));
        assertEquals(point.length, e.frameOffset());
        assertEquals(2, e.expectedLength());
        assertEquals(65535, e.actualLength());
        assertTrue(e.getMessage().contains("stream offset " + point.length), e.getMessage());
        assertEquals(0, decoder.bufferedBytes(), "nothing of the value is buffered");
        assertEquals(3, decoder.retainedBytes());
        assertTrue(decoder.isFailed());
        assertSame(e, assertThrows(IllegalStateException.class, () -> decoder.feed(point, (t, v) -> { })).getCause());
        assertEquals(1, messages.size());
    }

    @Test
    void registryCheckLetsRightLengthsAndUnknownTypesThrough() {
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD, registry.headerCheck());
        List<Integer> types = new ArrayList<>();
        byte[] stream = ByteArrays.concat(registry.encode(new TlvCodecRegistryTest.Temperature((short) 7)).toByteArray(),
                Bytes.fromHex("09 00 01 00").toByteArray());
        for (int i = 0; i < stream.length; i++) {
            decoder.feed(stream, i, 1, (t, v) -> types.add(t));
        }
        decoder.finish();
        assertEquals(List.of(2, 9), types);
    }

    @Test
    void checkSeesTypeAndLengthBeforeAnyValueByte() {
        List<String> seen = new ArrayList<>();
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD, (type, length) -> seen.add(type + ":" + length));
        decoder.feed(Bytes.fromHex("07 01 00").toByteArray(), (t, v) -> { });
        assertEquals(List.of("7:256"), seen);
        assertEquals(3, decoder.bufferedBytes());
    }

    @Test
    void anyExceptionFromTheCheckFailsTheDecoderUntilReset() {
        IllegalArgumentException no = new IllegalArgumentException("no");
        TlvDecoder decoder = new TlvDecoder(TlvFormat.STANDARD, (type, length) -> {
            throw no;
        });
        assertSame(no, assertThrows(IllegalArgumentException.class,
                () -> decoder.feed(Bytes.fromHex("01 00 00").toByteArray(), (t, v) -> { })));
        assertTrue(decoder.isFailed());
        decoder.reset();
        assertEquals(0, decoder.streamOffset());
    }

    @Test
    void headerClaimingSixteenMebibytesReservesOnlyItsOwnBytes() {
        TlvFormat format = TlvFormat.builder().typeWidth(2).lengthWidth(4).build();
        TlvDecoder decoder = new TlvDecoder(format);
        decoder.feed(Bytes.fromHex("00 01 01 00 00 00").toByteArray(), (t, v) -> { });
        assertEquals(6, decoder.retainedBytes());
        decoder.feed(new byte[1460], (t, v) -> { });
        assertTrue(decoder.retainedBytes() <= 2 * (6 + 1460), "retained " + decoder.retainedBytes());
    }

    @Test
    void accumulatorShrinksBackAfterAFrameAboveItsKeptSize() {
        TlvFormat format = TlvFormat.builder().lengthWidth(4).build();
        TlvDecoder decoder = new TlvDecoder(format);
        byte[] frame = new byte[5 + 300_000];
        frame[0] = 1;
        frame[2] = 4;
        frame[3] = (byte) 0x93;
        frame[4] = (byte) 0xe0;   // 0x0493e0 = 300000
        List<Integer> lengths = new ArrayList<>();
        for (int at = 0; at < frame.length; at += 1460) {
            decoder.feed(frame, at, Math.min(1460, frame.length - at), (t, v) -> lengths.add(v.length()));
        }
        assertEquals(List.of(300_000), lengths);
        assertEquals(5, decoder.retainedBytes());
    }
}
