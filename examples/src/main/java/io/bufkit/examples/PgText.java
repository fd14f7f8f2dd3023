package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.message.FieldFault;
import io.bufkit.message.FieldKind;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL DataRow column value in text format (§55.7): an Int32 length, -1 for NULL, then that many
 * bytes; read as a {@code String}, {@code null} for NULL.
 */
public final class PgText implements FieldKind<String> {
    /** The kind, for {@code MessageBuilder.field(name, PgText.KIND)}. */
    public static final PgText KIND = new PgText();

    private PgText() {
    }

    @Override
    public String name() {
        return "pg-text";
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        int length = at + 4 <= limit ? message.i32be(at) : -2;
        if (length < -1 || length > limit - at - 4) {
            throw new FieldFault(at, length == -2 ? "value length runs past the end"
                    : "value length " + length + " is negative or points past the end");
        }
        return at + 4 + Math.max(length, 0);
    }

    @Override
    public String read(ByteView message, int at) {
        int length = message.i32be(at);
        return length < 0 ? null : message.slice(at + 4, at + 4 + length).toString(StandardCharsets.UTF_8);
    }

    @Override
    public Class<String> valueType() {
        return String.class;
    }

    @Override
    public int size(String value) {
        return 4 + (value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length);
    }

    @Override
    public void write(String value, MutableByteView out, int at) {
        byte[] text = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        out.putI32be(at, text == null ? -1 : text.length);
        if (text != null) {
            out.put(at + 4, text);
        }
    }
}
