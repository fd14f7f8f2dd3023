package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;

/**
 * The {@link BytesField} implementation.
 *
 * @param info the field's description
 */
record BytesHandle(FieldInfo info) implements BytesField, Handle {

    @Override
    public ByteView get(ByteView packet) {
        return packet.slice(info.offset(), info.end());
    }

    @Override
    public Bytes copy(ByteView packet) {
        return get(packet).copy();
    }

    @Override
    public void set(MutableByteView packet, ByteView value) {
        int width = info.width();
        if (value.length() != width) {
            throw info.invalidWrite("value is " + value.length() + " byte(s) long but the field is exactly " + width
                    + " byte(s)");
        }
        packet.put(info.offset(), value);
    }

    @Override
    public void set(MutableByteView packet, Bytes value) {
        set(packet, value.view());
    }

    @Override
    public void set(MutableByteView packet, byte[] value) {
        set(packet, ByteView.wrap(value));
    }

    @Override
    public String format(ByteView packet) {
        ByteView v = get(packet);
        StringBuilder sb = new StringBuilder().append('"');
        int n = Math.min(v.length(), 32);
        for (int i = 0; i < n; i++) {
            int b = v.u8(i);
            sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        sb.append('"');
        if (n < v.length()) {
            sb.append("...");
        }
        return sb.toString();
    }

    @Override
    public String formatAsConstant(ByteView packet) {
        return get(packet).copy().toHex();
    }

    @Override
    public String formatExpected() {
        return info.expectedBytes().toHex();
    }

    @Override
    public boolean holdsExpected(ByteView packet) {
        return get(packet).contentEquals(info.expectedBytes().view());
    }

    @Override
    public void writeExpected(MutableByteView packet) {
        set(packet, info.expectedBytes());
    }

    @Override
    public String toString() {
        return describe();
    }
}
