package io.bufkit.testkit;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.layout.BytesField;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.DoubleField;
import io.bufkit.layout.FlagsField;
import io.bufkit.layout.FloatField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.TextField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of every field of one packet of a {@link PacketLayout}, by field name — a packet decoded
 * without a record type. It is what {@link PacketLayouts#values(PacketLayout)} generates, and
 * {@link #codec(PacketLayout)} is a generic {@link PacketCodec} for it that reads and writes every field
 * through the layout's handles.
 *
 * <p>Each field's value has the type of its handle: {@link Integer} for {@link IntField} and
 * {@link FlagsField}, {@link Long} for {@link LongField}, {@link Float} for {@link FloatField},
 * {@link Double} for {@link DoubleField}, an <em>owned</em> {@link Bytes} for {@link BytesField}, and
 * {@link String} for {@link TextField}, {@link Long} for {@link ChecksumField} (the stored checksum; {@link #write(MutableByteView)} computes it
 * after every other field, whatever value is held).
 * Equality is exact: floating-point values are equal only when their raw bits are (so {@code -0.0} differs
 * from {@code 0.0}, and NaNs with different payloads differ). Immutable.
 */
public final class LayoutValues {

    private final PacketLayout layout;
    private final Map<String, Object> values;

    private LayoutValues(PacketLayout layout, Map<String, Object> values) {
        this.layout = layout;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Reads every field of a packet through the layout's handles, without validating the packet.
     *
     * @param layout the packet's layout
     * @param packet the packet's bytes, borrowed for the call; at least {@code layout.size()} long
     * @return the values; byte fields are <em>owned</em> copies
     * @throws IndexOutOfBoundsException if the packet is too short for a field
     * @throws io.bufkit.StaleViewException if the packet's lease ended
     */
    public static LayoutValues read(PacketLayout layout, ByteView packet) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (LayoutField f : layout.fields()) {
            map.put(f.name(), readField(f, packet));
        }
        return new LayoutValues(layout, map);
    }

    /** Values in field order, trusted to have the fields' types and ranges. */
    static LayoutValues ofFieldOrder(PacketLayout layout, List<Object> inFieldOrder) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<LayoutField> fields = layout.fields();
        for (int i = 0; i < fields.size(); i++) {
            map.put(fields.get(i).name(), inFieldOrder.get(i));
        }
        return new LayoutValues(layout, map);
    }

    private static Object readField(LayoutField f, ByteView packet) {
        if (f instanceof IntField i) {
            return i.get(packet);
        } else if (f instanceof LongField l) {
            return l.get(packet);
        } else if (f instanceof FloatField x) {
            return x.get(packet);
        } else if (f instanceof DoubleField d) {
            return d.get(packet);
        } else if (f instanceof BytesField b) {
            return b.copy(packet);
        } else if (f instanceof ChecksumField c) {
            return c.get(packet);
        } else if (f instanceof TextField t) {
            return t.string(packet);
        } else {
            return ((FlagsField) f).get(packet);
        }
    }

    /**
     * Writes one field from a boxed value, through the field's own handle type: {@code Integer} for
     * {@link IntField} and {@link FlagsField}, {@code Long} for {@link LongField}, {@code Float},
     * {@code Double}, and {@link Bytes} for {@link BytesField}.
     *
     * @param f the field
     * @param packet the packet to write into; borrowed for the call
     * @param value the value, of the field's value type
     * @throws ClassCastException if the value is not of the field's value type
     * @throws IllegalArgumentException if the value does not fit the field
     */
    public static void writeField(LayoutField f, MutableByteView packet, Object value) {
        if (f instanceof IntField i) {
            i.set(packet, (Integer) value);
        } else if (f instanceof LongField l) {
            l.set(packet, (Long) value);
        } else if (f instanceof FloatField x) {
            x.set(packet, (Float) value);
        } else if (f instanceof DoubleField d) {
            d.set(packet, (Double) value);
        } else if (f instanceof BytesField b) {
            b.set(packet, (Bytes) value);
        } else if (f instanceof ChecksumField) {
            Objects.requireNonNull((Long) value, "value");   // computed by write(), after every other field
        } else if (f instanceof TextField t) {
            t.set(packet, (String) value);
        } else {
            ((FlagsField) f).set(packet, (Integer) value);
        }
    }

    /** The value type a field's handle reads. */
    static Class<?> valueType(LayoutField f) {
        if (f instanceof IntField || f instanceof FlagsField) {
            return Integer.class;
        } else if (f instanceof LongField || f instanceof ChecksumField) {
            return Long.class;
        } else if (f instanceof TextField) {
            return String.class;
        } else if (f instanceof FloatField) {
            return Float.class;
        } else if (f instanceof DoubleField) {
            return Double.class;
        }
        return Bytes.class;
    }

    /**
     * Values for every field of a layout, checked against the fields' types and ranges.
     *
     * @param layout the layout
     * @param values a value for every field, of the field's value type (see the class description)
     * @return the values
     * @throws IllegalArgumentException if a field has no value, a name is not a field, a value has the wrong
     *         type or does not fit its field, or a constant field does not hold its constant
     */
    public static LayoutValues of(PacketLayout layout, Map<String, ?> values) {
        Objects.requireNonNull(layout, "layout");
        Map<String, Object> map = new LinkedHashMap<>();
        for (LayoutField f : layout.fields()) {
            if (!values.containsKey(f.name())) {
                throw new IllegalArgumentException("no value for field '" + f.name() + "' of layout '" + layout.name() + "'");
            }
            map.put(f.name(), checkType(f, values.get(f.name())));
        }
        for (String name : values.keySet()) {
            layout.field(name);
        }
        LayoutValues v = new LayoutValues(layout, map);
        v.checkByEncoding();
        return v;
    }

    private static Object checkType(LayoutField f, Object value) {
        Class<?> type = valueType(f);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("field '" + f.name() + "' (" + f.typeName() + ") takes a "
                    + type.getSimpleName() + ", not " + (value == null ? "null" : "a " + value.getClass().getSimpleName()));
        }
        return value;
    }

    /** Encodes into a scratch packet: the handles reject values that do not fit; constants must hold. */
    private void checkByEncoding() {
        MutableByteView scratch = MutableByteView.allocate(layout.size());
        write(scratch);
        try {
            layout.validate(scratch);
        } catch (io.bufkit.layout.LayoutException e) {
            throw new IllegalArgumentException("the values do not hold the layout's constants: " + e.getMessage(), e);
        }
    }

    /**
     * A codec for any layout: {@code decode} validates the packet (length and constants) and reads every
     * field; {@code encode} writes the constants and padding, then every field.
     *
     * @param layout the layout
     * @return the codec
     */
    public static PacketCodec<LayoutValues> codec(PacketLayout layout) {
        Objects.requireNonNull(layout, "layout");
        return new PacketCodec<>() {
            @Override
            public LayoutValues decode(ByteView packet) {
                layout.validate(packet);
                return read(layout, packet);
            }

            @Override
            public void encode(LayoutValues value, MutableByteView out) {
                if (value.layout != layout) {
                    throw new IllegalArgumentException("values of layout '" + value.layout.name()
                            + "' given to the codec of layout '" + layout.name() + "'");
                }
                value.write(out);
            }

            @Override
            public int size() {
                return layout.size();
            }

            @Override
            public String toString() {
                return "LayoutValues.codec(" + layout.name() + ")";
            }
        };
    }

    /**
     * The layout these values belong to.
     *
     * @return the layout
     */
    public PacketLayout layout() {
        return layout;
    }

    /**
     * The value of one field.
     *
     * @param fieldName the field's name
     * @return the value, of the field's value type; a {@link Bytes} value is <em>owned</em>
     * @throws IllegalArgumentException if the layout has no such field
     */
    public Object get(String fieldName) {
        return values.get(layout.field(fieldName).name());
    }

    /**
     * Every field's value, in offset order.
     *
     * @return an unmodifiable map from field name to value
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * These values with one field changed.
     *
     * @param fieldName the field's name
     * @param value the new value, of the field's value type
     * @return new values
     * @throws IllegalArgumentException if the layout has no such field, or the value has the wrong type or
     *         does not fit the field
     */
    public LayoutValues with(String fieldName, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(values);
        map.put(fieldName, value);
        return of(layout, map);
    }

    /**
     * Writes the packet: the layout's constants and zeroed padding, then every field.
     *
     * @param packet where to write, at least {@code layout().size()} bytes; borrowed for the call
     * @throws IndexOutOfBoundsException if the view is too short
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void write(MutableByteView packet) {
        layout.writeConstants(packet);
        List<LayoutField> fields = layout.fields();
        for (LayoutField f : fields) {
            writeField(f, packet, values.get(f.name()));
        }
        layout.fillChecksums(packet);
    }

    /**
     * The encoded packet.
     *
     * @return a new <em>owned</em> array of {@code layout().size()} bytes
     */
    public byte[] toByteArray() {
        MutableByteView out = MutableByteView.allocate(layout.size());
        write(out);
        return out.toByteArray();
    }

    /**
     * Exact equality: the same layout, and every value equal, floating-point values by their raw bits.
     *
     * @param o the other object
     * @return {@code true} if {@code o} holds the same values for the same layout
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LayoutValues other) || other.layout != layout) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!Objects.equals(exact(e.getValue()), exact(other.values.get(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    /** Floating-point values as their raw bits, so that equality is exact. */
    private static Object exact(Object value) {
        if (value instanceof Float f) {
            return Float.floatToRawIntBits(f);
        } else if (value instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        }
        return value;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = System.identityHashCode(layout);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            h = 31 * h + e.getKey().hashCode() * 7 + Objects.hashCode(exact(e.getValue()));
        }
        return h;
    }

    /**
     * The layout's name and every field's value; NaNs show their raw bits.
     *
     * @return for example {@code "sensor{sensorId=420, timestamp=1.6725312E12, ...}"}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(layout.name()).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append('=');
            Object v = e.getValue();
            if (v instanceof Float f && f.isNaN()) {
                sb.append("NaN(0x").append(Integer.toHexString(Float.floatToRawIntBits(f))).append(')');
            } else if (v instanceof Double d && d.isNaN()) {
                sb.append("NaN(0x").append(Long.toHexString(Double.doubleToRawLongBits(d))).append(')');
            } else if (v instanceof Bytes b) {
                sb.append("0x").append(b.toHex());
            } else {
                sb.append(v);
            }
            first = false;
        }
        return sb.append('}').toString();
    }
}
