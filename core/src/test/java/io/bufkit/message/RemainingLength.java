package io.bufkit.message;

import io.bufkit.ByteView;

/** MQTT's Remaining Length (§2.2.3): 1 to 4 bytes of 7 bits each, least significant group first. */
final class RemainingLength implements FieldKind<Integer> {
    static final RemainingLength KIND = new RemainingLength();

    @Override
    public String name() {
        return "mqtt-remaining-length";
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        for (int i = 0; i < 4; i++) {
            if (at + i >= limit) {
                throw new FieldFault(at + i, "remaining length runs past the end");
            }
            if ((message.u8(at + i) & 0x80) == 0) {
                return at + i + 1;
            }
        }
        throw new FieldFault(at, "remaining length longer than 4 bytes");
    }

    @Override
    public Integer read(ByteView message, int at) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int b = message.u8(at + i);
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new FieldFault(at, "remaining length longer than 4 bytes");
    }
}
