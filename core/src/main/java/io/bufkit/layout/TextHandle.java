package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.charset.Charset;

/**
 * The {@link TextField} implementation.
 *
 * @param info the field's description
 * @param charset the text's charset
 * @param padding the padding
 */
record TextHandle(FieldInfo info, Charset charset, TextPadding padding) implements TextField, Handle {

    @Override
    public ByteView get(ByteView packet) {
        ByteView field = packet.slice(info.offset(), info.end());
        int end;
        if (padding == TextPadding.NUL) {
            end = field.indexOf((byte) 0, 0);
            end = end < 0 ? field.length() : end;
        } else {
            end = field.length();
            while (end > 0 && field.u8(end - 1) == ' ') {
                end--;
            }
        }
        return field.slice(0, end);
    }

    @Override
    public String string(ByteView packet) {
        return get(packet).toString(charset);
    }

    @Override
    public void set(MutableByteView packet, String text) {
        byte[] bytes = text.getBytes(charset);
        if (bytes.length > info.width()) {
            throw info.invalidWrite("\"" + text + "\" is " + bytes.length + " bytes in " + charset + " but the field holds "
                    + info.width());
        }
        boolean cut = padding == TextPadding.NUL ? indexOf(bytes, (byte) 0) >= 0
                : bytes.length > 0 && bytes[bytes.length - 1] == ' ';
        if (cut) {
            throw info.invalidWrite("\"" + text + "\" holds the padding byte where a read would cut it");
        }
        packet.put(info.offset(), bytes);
        packet.fill(info.offset() + bytes.length, info.end(), padding.fill);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String format(ByteView packet) {
        return "\"" + string(packet) + "\"";
    }

    @Override
    public String formatExpected() {
        throw new IllegalStateException("a text field has no constant");
    }

    @Override
    public boolean holdsExpected(ByteView packet) {
        throw new IllegalStateException("a text field has no constant");
    }

    @Override
    public void writeExpected(MutableByteView packet) {
        throw new IllegalStateException("a text field has no constant");
    }

    @Override
    public String toString() {
        return describe();
    }
}
