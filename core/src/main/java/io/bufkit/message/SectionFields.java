package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.internal.codec.FieldBinding;
import io.bufkit.layout.BytesField;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.DoubleField;
import io.bufkit.layout.FlagsField;
import io.bufkit.layout.FloatField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.TextField;

/**
 * The field values of a section in their natural types: {@link Integer} for {@link IntField} and
 * {@link FlagsField}, {@link Long} for {@link LongField} and {@link ChecksumField}, {@link Float},
 * {@link Double}, owned {@link Bytes} for {@link BytesField} and {@link String} for {@link TextField}.
 */
final class SectionFields {
    private SectionFields() {
    }

    /**
     * Reads a field's value through its binding from the field kinds' table (the natural type's reader);
     * byte fields are owned copies.
     */
    static Object read(FieldBinding field, ByteView section) {
        try {
            return field.accesses().get(0).reader().invoke(section);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
    }

    /**
     * Writes a field's value given in its natural type (integer fields also take any integral number that
     * fits, byte fields {@code byte[]} and views, double fields floats). A checksum over a pseudo-header,
     * which the section alone cannot give, is written as given; other checksums are filled in afterwards.
     *
     * @throws IllegalArgumentException saying why, without the path, if the value has another type or does
     *     not fit the field
     */
    static void write(LayoutField f, MutableByteView section, Object v) {
        if (f instanceof IntField i) {
            long x = integral(v, "an Integer");
            if (x < i.min() || x > i.max()) {
                throw new IllegalArgumentException(x + " does not fit " + f.typeName() + " (" + i.min() + " to "
                        + i.max() + ")");
            }
            i.set(section, (int) x);
        } else if (f instanceof FlagsField flags) {
            flags.set(section, (int) integral(v, "an Integer of bits"));
        } else if (f instanceof LongField l) {
            long x = integral(v, "a Long");
            if (x < l.min() || x > l.max()) {
                throw new IllegalArgumentException(x + " does not fit " + f.typeName() + " (" + l.min() + " to "
                        + l.max() + ")");
            }
            l.set(section, x);
        } else if (f instanceof FloatField x) {
            x.set(section, (Float) typed(v, Float.class, "a Float"));
        } else if (f instanceof DoubleField d) {
            if (v instanceof Float single) {
                d.set(section, single);
            } else {
                d.set(section, (Double) typed(v, Double.class, "a Double"));
            }
        } else if (f instanceof BytesField b) {
            if (v instanceof Bytes bytes) {
                b.set(section, bytes);
            } else if (v instanceof byte[] array) {
                b.set(section, array);
            } else {
                b.set(section, (ByteView) typed(v, ByteView.class, "Bytes or byte[]"));
            }
        } else if (f instanceof TextField t) {
            t.set(section, (String) typed(v, String.class, "a String"));
        } else if (f instanceof ChecksumField c && c.needsPseudoHeader()) {
            long x = integral(v, "a Long");
            if (x < 0 || x > 0xFFFF) {
                throw new IllegalArgumentException(x + " does not fit " + f.typeName() + " (0 to 65535)");
            }
            section.putU16be(f.offset(), (int) x);   // the Internet checksum, the one kind with a pseudo-header
        }
    }

    private static long integral(Object v, String expected) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException("expected " + expected + ", not " + typeOf(v));
    }

    private static Object typed(Object v, Class<?> type, String expected) {
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("expected " + expected + ", not " + typeOf(v));
        }
        return v;
    }

    static String typeOf(Object v) {
        return v == null ? "null" : "a " + v.getClass().getName();
    }
}
