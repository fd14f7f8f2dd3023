package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Text written once per message: the first field with a text holds a length byte (below 0x80) and the
 * text; a later field with the same text holds {@code 0x80} and the first one's offset as a u16be. The
 * texts written so far are the kind's state in the {@link EncodingContext}.
 */
final class SharedText implements FieldKind<String> {
    static final SharedText KIND = new SharedText();

    @Override
    public String name() {
        return "shared-text";
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        if (at >= limit) {
            throw new FieldFault(at, "no length byte");
        }
        int n = message.u8(at) == 0x80 ? 2 : message.u8(at);
        if (n > 0x80 || at + 1 + n > limit) {
            throw new FieldFault(at, "runs past the end");
        }
        return at + 1 + n;
    }

    @Override
    public String read(ByteView message, int at) {
        if (message.u8(at) == 0x80) {
            int earlier = message.u16be(at + 1);
            if (earlier >= at || message.u8(earlier) == 0x80) {
                throw new FieldFault(at, "reference to " + earlier + " is not an earlier text");
            }
            return read(message, earlier);
        }
        return message.slice(at + 1, at + 1 + message.u8(at)).toString(StandardCharsets.US_ASCII);
    }

    @Override
    public Class<String> valueType() {
        return String.class;
    }

    @Override
    public int size(String value) {
        if (value.length() >= 0x80) {
            throw new IllegalArgumentException("text of " + value.length() + " characters; at most 127");
        }
        return 1 + value.length();
    }

    @Override
    public void write(String value, MutableByteView out, int at) {
        out.putU8(at, value.length());
        for (int i = 0; i < value.length(); i++) {
            out.putU8(at + 1 + i, value.charAt(i));
        }
    }

    @Override
    public int size(String value, EncodingContext context) {
        Integer earlier = context.<Map<String, Integer>>state(this, HashMap::new).putIfAbsent(value, context.offset());
        return earlier != null ? 3 : size(value);
    }

    @Override
    public void write(String value, MutableByteView out, EncodingContext context) {
        Integer earlier = context.<Map<String, Integer>>state(this, HashMap::new).putIfAbsent(value, context.offset());
        if (earlier == null) {
            write(value, out, context.offset());
        } else {
            out.putU8(context.offset(), 0x80);
            out.putU16be(context.offset() + 1, earlier);
        }
    }
}
