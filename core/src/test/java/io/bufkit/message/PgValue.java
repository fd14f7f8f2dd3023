package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.nio.charset.StandardCharsets;

/** A PostgreSQL DataRow column value: an Int32 length, -1 for NULL, then that many bytes (text format). */
final class PgValue implements FieldKind<String> {
    static final PgValue KIND = new PgValue();

    @Override
    public String name() {
        return "pg-value";
    }

    @Override
    public int end(ByteView message, int at, int limit) {
        if (at + 4 > limit) {
            throw new FieldFault(at, "value length runs past the end");
        }
        int length = message.i32be(at);
        if (length == -1) {
            return at + 4;
        }
        if (length < 0 || length > limit - at - 4) {
            throw new FieldFault(at, "value length " + length + " points past the end");
        }
        return at + 4 + length;
    }

    @Override
    public String read(ByteView message, int at) {
        int length = message.i32be(at);
        return length == -1 ? null : message.slice(at + 4, at + 4 + length).toString(StandardCharsets.UTF_8);
    }

    @Override
    public Class<String> valueType() {
        return String.class;
    }

    @Override
    public int size(String value) {
        return value == null ? 4 : 4 + value.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void write(String value, MutableByteView out, int at) {
        if (value == null) {
            out.putI32be(at, -1);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        out.putI32be(at, b.length);
        out.put(at + 4, b);
    }
}
