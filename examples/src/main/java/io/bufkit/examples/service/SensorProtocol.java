package io.bufkit.examples.service;

import io.bufkit.examples.LegacyPacket;
import io.bufkit.examples.SensorPacket;
import io.bufkit.tlv.TlvCodecRegistry;
import io.bufkit.tlv.TlvFormat;

/**
 * The sensor service's wire protocol: a stream of TLV frames in each direction, in the standard framing
 * (type u8 1 to 255, length u16 big-endian, value).
 *
 * <pre>
 * client to server  type 1  value: a 24-byte SensorPacket
 *                   type 2  value: a 16-byte LegacyPacket
 * server to client  type 0x7F value: a 5-byte Ack (acknowledged type u8, sequence u32 BE) - one per frame
 * </pre>
 *
 * <p>Values are capped at {@value #MAX_VALUE_LENGTH} bytes, so a frame header announcing a longer value is
 * rejected the moment it arrives, before any of its value is buffered. A frame of any other type, of the
 * wrong length for its type, or whose packet does not validate (a legacy packet without its 0xCAFE
 * signature) makes the server close the connection.
 */
final class SensorProtocol {

    /** The frame type of sensor packets. */
    static final int SENSOR = 1;
    /** The frame type of legacy packets. */
    static final int LEGACY = 2;
    /** The frame type of acknowledgements. */
    static final int ACK = 0x7F;
    /** The longest value a frame may announce; the longest packet is 24 bytes. */
    static final int MAX_VALUE_LENGTH = 64;

    /** Standard TLV framing with values of at most {@value #MAX_VALUE_LENGTH} bytes. */
    static final TlvFormat FORMAT = TlvFormat.STANDARD.toBuilder().maxValueLength(MAX_VALUE_LENGTH).build();

    /** The frames a client sends: sensor packets (type 1) and legacy packets (type 2). */
    static final TlvCodecRegistry REQUESTS = TlvCodecRegistry.builder(FORMAT)
            .register(SENSOR, SensorPacket.class, SensorPacket.CODEC)
            .register(LEGACY, LegacyPacket.class, LegacyPacket.CODEC)
            .build();

    /** The frames the server sends: acknowledgements (type 0x7F). */
    static final TlvCodecRegistry ACKS = TlvCodecRegistry.builder(FORMAT)
            .register(ACK, Ack.class, Ack.CODEC)
            .build();

    /** The size of an acknowledgement frame: 8 bytes. */
    static final int ACK_FRAME_SIZE = FORMAT.frameSize(Ack.CODEC.size());

    /** The size of the largest request frame: 27 bytes. */
    static final int MAX_REQUEST_FRAME_SIZE = FORMAT.frameSize(
            Math.max(SensorPacket.CODEC.size(), LegacyPacket.CODEC.size()));

    /**
     * The fewest bytes of a read that can complete a frame, apart from the first frame of the read (which
     * may have started in an earlier read): a frame's header. A read of {@code n * MIN_FRAME_SIZE} bytes
     * therefore completes at most {@code n} frames.
     */
    static final int MIN_FRAME_SIZE = FORMAT.headerSize();

    private SensorProtocol() {
    }
}
