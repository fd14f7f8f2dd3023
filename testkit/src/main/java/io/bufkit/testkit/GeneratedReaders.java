package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.layout.BytesField;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.DoubleField;
import io.bufkit.layout.FlagsField;
import io.bufkit.layout.FloatField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.TextField;
import io.bufkit.message.Message;
import io.bufkit.message.MessagePart;
import io.bufkit.message.ReaderSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compares what a reader written by {@link ReaderSource} hands out for a message with the decoded
 * {@link Message}: every getter of every level, through the getter names {@link ReaderSource#getterName}
 * gives, by reflection.
 */
final class GeneratedReaders {
    private GeneratedReaders() {
    }

    /** Checks that level object {@code level} reads as {@code m} does; {@code path} names it in failures. */
    static void compare(Object level, Message m, String path) {
        var parts = m.layout().parts();
        if (parts.isEmpty() || parts.get(0).kind() == MessagePart.Kind.SECTION
                || parts.get(0).kind() == MessagePart.Kind.FIXED_FIELD) {   // where the level's first part starts
            same(path + ".start()", call(level, "start"), parts.isEmpty() ? m.end() : m.start(parts.get(0).name()));
        }
        same(path + ".end()", call(level, "end"), m.end());
        for (MessagePart part : m.layout().parts()) {
            String name = part.name();
            String at = path + "." + name;
            String kind = part.kind().name();
            if (part.kind() == MessagePart.Kind.SECTION || part.kind() == MessagePart.Kind.FIXED_FIELD) {
                ByteView section = m.bytes(name);
                for (LayoutField f : part.section().fields()) {
                    String getter = part.kind() == MessagePart.Kind.FIXED_FIELD ? ReaderSource.getterName(name)
                            : ReaderSource.getterName(name, f.name());
                    same(at + "." + f.name(), call(level, getter), field(f, section));
                }
            } else if (kind.endsWith("_BYTES")) {
                same(at, call(level, ReaderSource.getterName(name)), m.bytes(name));
            } else if (kind.contains("REPEAT")) {
                boolean present = part.kind() != MessagePart.Kind.NULLABLE_REPEAT || m.isPresent(name);
                if (part.kind() == MessagePart.Kind.NULLABLE_REPEAT) {
                    same(at + " present", call(level, ReaderSource.getterName("has", name)), present);
                }
                int count = present ? m.count(name) : 0;
                same(at + " count", call(level, ReaderSource.getterName(name, "count")), count);
                for (int i = 0; i < count; i++) {
                    compare(call(level, ReaderSource.getterName(name), i), m.element(name, i), at + "[" + i + "]");
                }
            } else if (part.kind() == MessagePart.Kind.WHEN) {
                boolean present = m.isPresent(name);
                same(at + " present", call(level, ReaderSource.getterName("has", name)), present);
                Object sub = call(level, ReaderSource.getterName(name));
                if (present) {
                    compare(sub, m.sub(name), at);
                } else {
                    same(at, sub, null);
                }
            } else if (part.kind() == MessagePart.Kind.NESTED || part.kind() == MessagePart.Kind.SIZED) {
                compare(call(level, ReaderSource.getterName(name)), m.sub(name), at);
            } else if (part.kind() == MessagePart.Kind.CHOICE) {
                same(at + " bytes", call(level, ReaderSource.getterName(name, "bytes")), m.bytes(name));
                Message chosen = m.isPresent(name) ? m.sub(name) : null;
                for (var alt : part.alternatives().values().stream().distinct().toList()) {
                    Object sub = call(level, ReaderSource.getterName(name, alt.name()));
                    if (chosen != null && chosen.layout() == alt) {
                        compare(sub, chosen, at + "(" + alt.name() + ")");
                    } else {
                        same(at + " as " + alt.name(), sub, null);
                    }
                }
            } else if (part.kind() == MessagePart.Kind.FIELD) {
                Object expected;
                try {
                    expected = m.value(name, part.fieldKind());
                } catch (LayoutException malformed) {   // the reader's names the part, if not the whole path
                    LayoutException got = assertThrows(LayoutException.class,
                            () -> call(level, ReaderSource.getterName(name), part.fieldKind()), at);
                    same(at + " malformed, at offset", got.offset(), malformed.offset());
                    continue;
                }
                same(at, call(level, ReaderSource.getterName(name), part.fieldKind()), expected);
                same(at + " bytes", call(level, ReaderSource.getterName(name, "bytes")), m.bytes(name));
            } else if (part.kind() == MessagePart.Kind.VARINT) {
                same(at, call(level, ReaderSource.getterName(name)), m.intValue(name));
            }
        }
    }

    /** A section's field read through its handle, as the reader's getter types it. */
    private static Object field(LayoutField f, ByteView section) {
        if (f instanceof IntField i) {
            return i.get(section);
        } else if (f instanceof LongField l) {
            return l.get(section);
        } else if (f instanceof ChecksumField c) {
            return c.get(section);
        } else if (f instanceof FloatField x) {
            return x.get(section);
        } else if (f instanceof DoubleField x) {
            return x.get(section);
        } else if (f instanceof FlagsField x) {
            return x.get(section);
        } else if (f instanceof TextField x) {
            return x.string(section);
        } else if (f instanceof BytesField x) {
            return x.get(section);
        }
        throw new IllegalArgumentException("no reading of " + f);
    }

    private static void same(String what, Object got, Object expected) {
        Object g = got instanceof ByteView v ? v.toByteArray() : got;
        Object e = expected instanceof ByteView v ? v.toByteArray() : expected;
        boolean equal = g instanceof byte[] a && e instanceof byte[] b ? Arrays.equals(a, b) : Objects.equals(g, e);
        if (!equal) {
            throw new AssertionError(what + ": the generated reader gives " + show(g) + ", the message " + show(e));
        }
    }

    private static String show(Object o) {
        return o instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(o);
    }

    private static Object call(Object target, String method, Object... args) {
        for (Method x : target.getClass().getMethods()) {
            if (x.getName().equals(method) && x.getParameterCount() == args.length) {
                try {
                    return x.invoke(target, args);
                } catch (IllegalAccessException e) {
                    throw new AssertionError("cannot call " + method + " of " + target.getClass().getName(), e);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new AssertionError(method + " failed", e.getCause());
                }
            }
        }
        throw new AssertionError(target.getClass().getName() + " has no getter " + method + "()");
    }
}
