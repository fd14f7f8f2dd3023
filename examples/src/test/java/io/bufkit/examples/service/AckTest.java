package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.Bytes;
import io.bufkit.tlv.FrameLengthMismatchException;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckTest {

    @Test
    void ackFrameIsType7fLength5AckedTypeAndBigEndianSequence() {
        assertEquals(Bytes.fromHex("7f 0005 02 00000102"), SensorProtocol.ACKS.encode(new Ack(2, 258)));
        assertEquals(8, SensorProtocol.ACK_FRAME_SIZE);
    }

    @Test
    void decodingTheReferenceFrameGivesTheAck() {
        List<TlvFrame> frames = TlvDecoder.decodeAll(SensorProtocol.FORMAT, Bytes.fromHex("7f 0005 01 ffffffff").view());
        assertEquals(new Ack(1, 0xFFFF_FFFFL), SensorProtocol.ACKS.decode(frames.get(0).type(),
                frames.get(0).value().view(), Ack.class));
    }

    @Test
    void sequenceCountsModulo2To32() {
        assertEquals(new Ack(1, 0), Ack.of(1, 1L << 32));
        assertEquals(new Ack(2, 3), Ack.of(2, (1L << 32) + 3));
        assertEquals(new Ack(1, 0xFFFF_FFFFL), Ack.of(1, 0xFFFF_FFFFL));
    }

    @Test
    void ackOfTheWrongLengthIsRejected() {
        assertThrows(FrameLengthMismatchException.class,
                () -> SensorProtocol.ACKS.decode(SensorProtocol.ACK, Bytes.fromHex("01 00000001 00").view()));
    }

    @Test
    void ackedTypeAbove255CannotBeEncoded() {
        assertThrows(IllegalArgumentException.class, () -> SensorProtocol.ACKS.encode(new Ack(256, 1)));
    }
}
