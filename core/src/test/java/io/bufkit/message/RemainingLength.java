package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

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

    @Override
    public Class<Integer> valueType() {
        return Integer.class;
    }

    @Override
    public int size(Integer value) {
        if (value == null || value < 0 || value > 268_435_455) {
            throw new IllegalArgumentException("remaining length " + value + " is not 0 to 268435455");
        }
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    @Override
    public void write(Integer value, MutableByteView out, int at) {
        int v = value;
        int i = 0;
        do {
            int b = v & 0x7F;
            v >>>= 7;
            out.putU8(at + i++, v == 0 ? b : b | 0x80);
        } while (v != 0);
    }
}
