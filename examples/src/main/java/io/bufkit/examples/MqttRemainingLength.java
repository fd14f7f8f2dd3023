package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.message.FieldFault;
import io.bufkit.message.FieldKind;

/** MQTT's Remaining Length (MQTT 3.1.1 §2.2.3): 1 to 4 bytes of 7 bits each, least significant first. */
public final class MqttRemainingLength implements FieldKind<Integer> {
    /** The kind, for {@code MessageBuilder.field(name, MqttRemainingLength.KIND)}. */
    public static final MqttRemainingLength KIND = new MqttRemainingLength();
    static final int MAX = 268_435_455;

    private MqttRemainingLength() {
    }

    @Override
    public String name() {
        return "mqtt-remaining-length";
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        int i = at;
        while (i < limit && i < at + 4 && message.u8(i) >= 0x80) {
            i++;
        }
        if (i == at + 4 || i >= limit) {
            throw new FieldFault(at, i >= limit ? "remaining length runs past the end" : "remaining length longer than 4 bytes");
        }
        return i + 1;
    }

    @Override
    public Integer read(ByteView message, int at) {
        int value = 0;
        int shift = 0;
        int b;
        do {
            b = message.u8(at++);
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while (b >= 0x80);
        return value;
    }

    @Override
    public Class<Integer> valueType() {
        return Integer.class;
    }

    @Override
    public int size(Integer value) {
        if (value == null || value < 0 || value > MAX) {
            throw new IllegalArgumentException("remaining length " + value + " is not 0 to " + MAX);
        }
        return 1 + (value >= 128 ? 1 : 0) + (value >= 16_384 ? 1 : 0) + (value >= 2_097_152 ? 1 : 0);
    }

    @Override
    public void write(Integer value, MutableByteView out, int at) {
        int n = size(value);
        for (int i = 0; i < n; i++) {
            int group = value >>> (7 * i) & 0x7F;
            out.putU8(at + i, i < n - 1 ? group | 0x80 : group);
        }
    }
}
