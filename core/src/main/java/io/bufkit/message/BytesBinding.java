package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A byte part (sized, prefixed, nullable, NUL-terminated or the rest) bound to a {@link Bytes}, {@code byte[]}
 * or UTF-8 {@link String} component; a nullable part also to an {@code Optional} of one of them, empty for
 * NULL, or to one of them that is {@code null} for NULL.
 */
final class BytesBinding extends ComponentBinding {
    enum As { BYTES, ARRAY, STRING }

    final As as;
    final boolean optional;

    private BytesBinding(As as, boolean optional) {
        this.as = as;
        this.optional = optional;
    }

    static BytesBinding bind(BytesPart part, Class<?> type, Type generic, String where) {
        boolean nullable = part.nullable();
        boolean optional = type == Optional.class;
        Type held = type;
        if (optional) {
            if (!nullable) {
                throw new IllegalArgumentException(where + ": only a nullable part (nullablePrefixed) maps to an "
                        + "Optional; bytes map to Bytes, byte[] or String (UTF-8)");
            }
            held = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        }
        if (held == Bytes.class) {
            return new BytesBinding(As.BYTES, optional);
        } else if (held == byte[].class) {
            return new BytesBinding(As.ARRAY, optional);
        } else if (held == String.class) {
            return new BytesBinding(As.STRING, optional);
        }
        throw new IllegalArgumentException(where + ": bytes map to Bytes, byte[] or String (UTF-8)"
                + (nullable ? ", or an Optional of one of them," : "") + " not "
                + (optional ? "Optional<" + held.getTypeName() + ">" : type.getSimpleName()));
    }

    @Override
    Object decode(LevelTape t, int level, Part part) {
        ByteView b = t.bytes(level, part);
        if (b == null) {
            return optional ? Optional.empty() : null;
        }
        Object v;
        switch (as) {
            case BYTES:
                v = Bytes.copyOf(b);
                break;
            case ARRAY:
                v = b.toByteArray();
                break;
            default:
                v = b.toString(StandardCharsets.UTF_8);
        }
        return optional ? Optional.of(v) : v;
    }

    private Object unwrap(Object v) {
        return optional ? ((Optional<?>) v).orElse(null) : v;
    }

    @Override
    boolean has(Object v) {
        return v != null && unwrap(v) != null;
    }

    @Override
    ByteView bytes(Object v) {
        Object held = unwrap(v);
        if (held == null) {
            return null;
        }
        switch (as) {
            case BYTES:
                return ((Bytes) held).view();
            case ARRAY:
                return ByteView.wrap((byte[]) held);
            default:
                return ByteView.wrap(((String) held).getBytes(StandardCharsets.UTF_8));
        }
    }
}
