package io.bufkit.examples;

import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;

/**
 * The reference legacy packet: 16 bytes with mixed byte orders and a magic signature, as a record with
 * its {@link PacketLayout} and {@link PacketCodec}.
 *
 * <pre>
 * offset len type  order field
 *      0   2 u16   BE    signature, always 0xCAFE
 *      2   4 i32   LE    deviceId
 *      6   4 f32   BE    voltage
 *     10   1 u8    -     status
 *     11   1 u8    -     checksum
 *     12   4 u32   LE    uptime (seconds)
 * </pre>
 *
 * <p>The signature is a constant of the layout, not a component of the record: decoding checks it,
 * encoding writes it.
 *
 * @param deviceId the device id
 * @param voltage the supply voltage in volts
 * @param status the status byte, 0 to 255
 * @param checksum the checksum byte as sent, 0 to 255
 * @param uptime seconds since the device started, 0 to 2<sup>32</sup>-1
 */
public record LegacyPacket(int deviceId, float voltage, int status, int checksum, long uptime) {

    /** The signature every legacy packet starts with. */
    public static final int SIGNATURE = 0xCAFE;

    /** The packet's layout: 16 bytes, mixed byte orders, signature 0xCAFE. */
    public static final PacketLayout LAYOUT = PacketLayout.builder("legacy")
            .u16be("signature").expect(SIGNATURE)
            .i32le("deviceId").f32be("voltage").u8("status").u8("checksum").u32le("uptime")
            .size(16)
            .build();

    /**
     * Decodes and encodes legacy packets, derived from the record's components. {@code decode} rejects a
     * packet that is not exactly 16 bytes, or whose signature is not 0xCAFE, with a
     * {@link io.bufkit.layout.LayoutException} naming the field, the expected and the actual value.
     */
    public static final PacketCodec<LegacyPacket> CODEC = PacketCodec.of(LAYOUT, LegacyPacket.class);
}
