package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.nio.charset.StandardCharsets;

/** A byte part (sized, prefixed, NUL-terminated or the rest) bound to a {@link Bytes}, {@code byte[]} or UTF-8 {@link String} component. */
final class BytesBinding extends ComponentBinding {
    private enum As { BYTES, ARRAY, STRING }

    private final As as;

    private BytesBinding(As as) {
        this.as = as;
    }

    static BytesBinding bind(Class<?> type, String where) {
        if (type == Bytes.class) {
            return new BytesBinding(As.BYTES);
        } else if (type == byte[].class) {
            return new BytesBinding(As.ARRAY);
        } else if (type == String.class) {
            return new BytesBinding(As.STRING);
        }
        throw new IllegalArgumentException(where + ": bytes map to Bytes, byte[] or String (UTF-8), not "
                + type.getSimpleName());
    }

    @Override
    Object decode(LevelTape t, int level, Part part) {
        ByteView b = t.bytes(level, part);
        switch (as) {
            case BYTES:
                return Bytes.copyOf(b);
            case ARRAY:
                return b.toByteArray();
            default:
                return b.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    ByteView bytes(Object v) {
        switch (as) {
            case BYTES:
                return ((Bytes) v).view();
            case ARRAY:
                return ByteView.wrap((byte[]) v);
            default:
                return ByteView.wrap(((String) v).getBytes(StandardCharsets.UTF_8));
        }
    }
}
