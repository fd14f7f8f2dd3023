package io.bufkit.testkit;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutField;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.MessagePart;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Equality of message values as {@link MessageLayouts#sameValues(Object, Object)} defines it, and the values
 * decoding gives back with what encoding computes (constants, checksums, derived fields) left out.
 */
final class MessageValueEquality {
    private MessageValueEquality() {
    }

    /** The form that compares exactly with {@link Object#equals}: bytes as {@link Bytes}, floats as raw bits. */
    static Object normal(Object v) {
        if (v instanceof byte[] a) {
            return Bytes.of(a);
        } else if (v instanceof ByteView view) {
            return view.copy();
        } else if (v instanceof Float || v instanceof Double) {
            return LayoutValues.rawBits(v);
        } else if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(e.getKey(), normal(e.getValue()));
            }
            return out;
        } else if (v instanceof java.util.Optional<?> o) {
            return java.util.Optional.ofNullable(normal(o.orElse(null)));
        } else if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normal(o));
            }
            return out;
        } else if (v != null && v.getClass().isRecord()) {
            List<Object> out = new ArrayList<>();
            out.add(v.getClass());
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    out.add(normal(c.getAccessor().invoke(v)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + c + " of " + v.getClass().getName(), e);
                }
            }
            return out;
        }
        return v;
    }

    /** Decoded values without what the caller does not give: constants, checksums, derived fields. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> given(MessageLayout layout, Map<String, Object> decoded) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MessagePart p : layout.parts()) {
            if (!decoded.containsKey(p.name())) {
                continue;
            }
            Object v = decoded.get(p.name());
            switch (p.kind()) {
                case SECTION -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (LayoutField f : p.section().fields()) {
                        if (MessageValueGen.given(p, f)) {
                            fields.put(f.name(), ((Map<String, Object>) v).get(f.name()));
                        }
                    }
                    v = fields;
                }
                case FIXED_FIELD -> {
                    if (!MessageValueGen.given(p, p.section().fields().get(0))) {
                        continue;   // computed by encoding
                    }
                }
                case COUNTED_REPEAT, NULLABLE_REPEAT, REPEAT_UNTIL, REPEAT_TO_END, SIZED_REPEAT -> {
                    if (v == null) {
                        break;   // a NULL repeat
                    }
                    List<Object> elements = new ArrayList<>();
                    for (Object e : (List<Object>) v) {
                        elements.add(given(p.body(), (Map<String, Object>) e));
                    }
                    v = elements;
                }
                case WHEN, SIZED, NESTED -> v = given(p.body(), (Map<String, Object>) v);
                case VARINT -> {
                    if (!p.derivedFields().isEmpty()) {
                        continue;   // computed by encoding
                    }
                }
                case CHOICE -> {
                    if (v instanceof Map<?, ?> m) {
                        Object key = MessageValueGen.valueOf(decoded, p.fieldPath());
                        v = given(p.alternatives().get((Integer) key), (Map<String, Object>) m);
                    }
                }
                default -> {
                }
            }
            out.put(p.name(), v);
        }
        return out;
    }
}
