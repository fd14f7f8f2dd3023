package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.charset.StandardCharsets;

/**
 * A field whose bytes depend on where it is: zero bytes up to the next offset of the message that is a
 * multiple of 4, then NUL-terminated ASCII text. Its value is the text.
 */
final class AlignedText implements FieldKind<String> {
    static final AlignedText KIND = new AlignedText();

    @Override
    public String name() {
        return "aligned-text";
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        int text = textStart(message, at, limit);
        for (int pos = text; pos < limit; pos++) {
            if (message.u8(pos) == 0) {
                return pos + 1;
            }
        }
        throw new FieldFault(limit, "no NUL after the text");
    }

    private static int textStart(ByteView message, int at, int limit) {
        int text = align(at);
        for (int pos = at; pos < text; pos++) {
            if (pos >= limit || message.u8(pos) != 0) {
                throw new FieldFault(pos, "padding is not zero");
            }
        }
        return text;
    }

    @Override
    public String read(ByteView message, int at) {
        int text = textStart(message, at, message.length());
        int end = text;
        while (message.u8(end) != 0) {
            end++;
        }
        return message.slice(text, end).toString(StandardCharsets.US_ASCII);
    }

    @Override
    public Class<String> valueType() {
        return String.class;
    }

    /** Without a message the field is taken to start aligned. */
    @Override
    public int size(String value) {
        return value.length() + 1;
    }

    @Override
    public void write(String value, MutableByteView out, int at) {
        for (int i = 0; i < value.length(); i++) {
            out.putU8(at + i, value.charAt(i));
        }
        out.putU8(at + value.length(), 0);
    }

    @Override
    public int size(String value, EncodingContext context) {
        return align(context.offset()) - context.offset() + size(value);
    }

    @Override
    public void write(String value, MutableByteView out, EncodingContext context) {
        int at = context.offset();
        for (int pos = at; pos < align(at); pos++) {
            out.putU8(pos, 0);
        }
        write(value, out, align(at));
    }

    static int align(int offset) {
        return (offset + 3) & ~3;
    }
}
