package io.bufkit.examples.service;

import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;
import java.lang.invoke.MethodHandles;

/**
 * The acknowledgement the server sends for every frame it accepted, as the value of a TLV frame of type
 * {@link SensorProtocol#ACK} (0x7F).
 *
 * <pre>
 * offset len type    field
 *      0   1 u8      ackedType  the type of the acknowledged frame (1 sensor, 2 legacy)
 *      1   4 u32 BE  sequence   1 for the first frame of the connection, then counting up (modulo 2^32)
 * </pre>
 *
 * <p>So the whole frame is 8 bytes: {@code 7f 00 05 tt ss ss ss ss}. Acknowledgements arrive in the order
 * of the frames they acknowledge.
 *
 * @param ackedType the type of the acknowledged frame, 1 to 255
 * @param sequence the acknowledged frame's position in its connection, counted from 1, modulo 2<sup>32</sup>
 */
record Ack(int ackedType, long sequence) {

    /** The acknowledgement's layout: 5 bytes, big-endian. */
    static final PacketLayout LAYOUT = PacketLayout.builder("ack")
            .u8("ackedType").u32be("sequence")
            .size(5)
            .build();

    /** Decodes and encodes acknowledgements, derived from the record's components. */
    static final PacketCodec<Ack> CODEC = PacketCodec.of(LAYOUT, Ack.class, MethodHandles.lookup());

    /**
     * The acknowledgement of the {@code count}-th frame of a connection.
     *
     * @param ackedType the frame's type
     * @param count how many frames the connection has sent so far, this one included
     * @return the acknowledgement, its sequence being {@code count} modulo 2<sup>32</sup>
     */
    static Ack of(int ackedType, long count) {
        return new Ack(ackedType, count & 0xFFFF_FFFFL);
    }
}
