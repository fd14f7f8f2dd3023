package io.bufkit.layout;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declared shape of a fixed-size binary packet: named, typed fields at fixed offsets. A layout is
 * declared once, usually as a constant, and hands out typed {@linkplain LayoutField field handles} that
 * read and write packets without allocating:
 *
 * <pre>{@code
 * static final PacketLayout SENSOR = PacketLayout.builder("sensor")
 *     .u32be("sensorId").f64be("timestamp").u16be("sensorType")
 *     .flags8("statusFlags", "bit0", "bit1", "bit2").i8("temperature")
 *     .f32be("humidity").f32be("pressure")
 *     .build();                                               // 24 bytes, offsets computed, checked
 * static final LongField SENSOR_ID = SENSOR.longField("sensorId");
 *
 * SENSOR.validate(packet);                                    // length (and constants), else LayoutException
 * long id = SENSOR_ID.get(packet);
 * }</pre>
 *
 * <p>Field types and their handles:
 * <table class="striped">
 *   <caption>Builder methods and handle types</caption>
 *   <thead><tr><th>builder method</th><th>bytes</th><th>handle</th><th>value</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code u8 i8 u16be u16le i16be i16le i32be i32le}</td><td>1, 2, 4</td><td>{@link IntField}</td><td>{@code int}</td></tr>
 *   <tr><td>{@code u32be u32le i64be i64le}</td><td>4, 8</td><td>{@link LongField}</td><td>{@code long}</td></tr>
 *   <tr><td>{@code f32be f32le}</td><td>4</td><td>{@link FloatField}</td><td>{@code float}</td></tr>
 *   <tr><td>{@code f64be f64le}</td><td>8</td><td>{@link DoubleField}</td><td>{@code double}</td></tr>
 *   <tr><td>{@code bytes(name, n)}</td><td>n</td><td>{@link BytesField}</td><td>borrowed {@link ByteView}, or owned {@link Bytes}</td></tr>
 *   <tr><td>{@code flags8 flags16be flags16le flags32be flags32le}</td><td>1, 2, 4</td><td>{@link FlagsField}</td><td>{@code int} bits with names</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Fields follow each other from offset 0 unless {@link Builder#at(int)} places the next one;
 * {@link Builder#padding(int)} declares bytes that belong to no field. {@link Builder#build()} rejects a
 * layout with overlapping fields, bytes that belong to no field and are not declared padding, duplicate
 * names, or fields past a {@linkplain Builder#size(int) declared size}: an overlap silently corrupts data,
 * so it is an error at declaration, not at run time.
 *
 * <p>Packets are read from views the caller owns or borrows; nothing here keeps a view. A layout and its
 * handles are immutable and thread-safe.
 */
public final class PacketLayout {

    /** One declared run of bytes in offset order: a field, or padding when {@code field} is null. */
    private record Segment(int offset, int width, Handle field) {
    }

    private final String name;
    private final int size;
    private final List<LayoutField> fields;
    private final Map<String, Handle> byName;
    private final Handle[] constants;
    private final Segment[] segments;

    private PacketLayout(String name, int size, List<LayoutField> fields, Segment[] segments) {
        this.name = name;
        this.size = size;
        this.fields = Collections.unmodifiableList(fields);
        Map<String, Handle> map = new HashMap<>();
        for (LayoutField f : fields) {
            map.put(f.name(), Handle.of(f));
        }
        this.byName = map;
        this.constants = fields.stream().filter(LayoutField::isConstant).map(Handle::of).toArray(Handle[]::new);
        this.segments = segments;
    }

    /**
     * Starts declaring a layout.
     *
     * @param name the layout's name, used in messages and dumps, for example {@code "sensor"}
     * @return a new builder
     * @throws IllegalArgumentException if the name is blank
     */
    public static Builder builder(String name) {
        return new Builder(requireName(name, "layout name"));
    }

    /**
     * The layout's name.
     *
     * @return the name given to {@link #builder(String)}
     */
    public String name() {
        return name;
    }

    /**
     * The packet size: the declared size, or the end of the last field or padding.
     *
     * @return the size in bytes
     */
    public int size() {
        return size;
    }

    /**
     * Every field, in offset order; padding is not a field.
     *
     * @return an unmodifiable list of the fields' handles
     */
    public List<LayoutField> fields() {
        return fields;
    }

    /**
     * The handle of a field, whatever its type.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name
     */
    public LayoutField field(String fieldName) {
        LayoutField f = byName.get(Objects.requireNonNull(fieldName, "fieldName"));
        if (f == null) {
            throw new IllegalArgumentException("layout '" + name + "' has no field named '" + fieldName
                    + "'; its fields are " + fieldNames());
        }
        return f;
    }

    /**
     * The handle of a field of type {@code u8}, {@code i8}, {@code u16*}, {@code i16*} or {@code i32*}.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public IntField intField(String fieldName) {
        return typed(fieldName, IntField.class);
    }

    /**
     * The handle of a field of type {@code u32be}, {@code u32le}, {@code i64be} or {@code i64le}.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public LongField longField(String fieldName) {
        return typed(fieldName, LongField.class);
    }

    /**
     * The handle of a field of type {@code f32be} or {@code f32le}.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public FloatField floatField(String fieldName) {
        return typed(fieldName, FloatField.class);
    }

    /**
     * The handle of a field of type {@code f64be} or {@code f64le}.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public DoubleField doubleField(String fieldName) {
        return typed(fieldName, DoubleField.class);
    }

    /**
     * The handle of a field declared with {@link Builder#bytes(String, int)}.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public BytesField bytesField(String fieldName) {
        return typed(fieldName, BytesField.class);
    }

    /**
     * The handle of a field declared with {@code flags8}, {@code flags16be}, {@code flags16le},
     * {@code flags32be} or {@code flags32le}.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public FlagsField flagsField(String fieldName) {
        return typed(fieldName, FlagsField.class);
    }

    private <F extends LayoutField> F typed(String fieldName, Class<F> type) {
        Handle f = Handle.of(field(fieldName));
        if (!type.isInstance(f)) {
            throw new IllegalArgumentException("layout '" + name + "', " + f.info().where() + " is read with "
                    + article(f.info().kind().handle) + ", not with " + article(type) + "; use " + lookup(f.info().kind().handle)
                    + "(\"" + fieldName + "\")");
        }
        return type.cast(f);
    }

    private static String article(Class<?> handle) {
        String n = handle.getSimpleName();
        return ("AEIOU".indexOf(n.charAt(0)) >= 0 ? "an " : "a ") + n;
    }

    private static String lookup(Class<?> handle) {
        String n = handle.getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    private List<String> fieldNames() {
        List<String> names = new ArrayList<>(fields.size());
        for (LayoutField f : fields) {
            names.add(f.name());
        }
        return names;
    }

    /**
     * Checks that a packet fits the layout: exactly {@link #size()} bytes long, and every field declared
     * with {@code expect(...)} holds its constant. Call it once per packet, before reading fields.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @throws LayoutException if the length is wrong (naming the expected and actual length) or a constant
     *         is wrong (naming the field, its offset, the expected and the actual value)
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void validate(ByteView packet) {
        int length = packet.length();
        if (length != size) {
            packet.slice(0, 0); // a stale view reports its lease first, like every other access
            throw wrongLength(length);
        }
        if (constants.length != 0) {
            checkConstants(packet);
        }
    }

    /** Kept out of {@link #validate(ByteView)} so that layouts without constants compile to a length check. */
    private void checkConstants(ByteView packet) {
        for (Handle c : constants) {
            if (!c.holdsExpected(packet)) {
                throw wrongConstant(c, packet);
            }
        }
    }

    private LayoutException wrongLength(int length) {
        String where;
        if (length < size) {
            Handle cut = fieldAt(length);
            where = "it ends at offset " + length + (cut == null ? "" : ", inside " + cut.info().where());
        } else {
            where = (length - size) + " unexpected byte(s) from offset " + size;
        }
        return new LayoutException("layout '" + name + "': the packet is " + length + " bytes long, expected "
                + size + " (" + where + ")", name, null, Math.min(length, size), size + " bytes", length + " bytes");
    }

    /** The field that covers {@code offset}, or null if padding does. */
    private Handle fieldAt(int offset) {
        for (Segment s : segments) {
            if (offset >= s.offset && offset < s.offset + s.width) {
                return s.field;
            }
        }
        return null;
    }

    private LayoutException wrongConstant(Handle c, ByteView packet) {
        String expected = c.formatExpected();
        String actual = c.formatAsConstant(packet);
        return new LayoutException("layout '" + name + "', " + c.info().where() + ": expected " + expected + " but was "
                + actual, name, c.name(), c.offset(), expected, actual);
    }

    /**
     * Writes the parts of a packet that do not depend on values: every constant declared with
     * {@code expect(...)}, and zeroes in every padding byte. Codecs call it first in
     * {@link PacketCodec#encode(Object, MutableByteView)}, then set the fields.
     *
     * @param packet where the packet is written, at least {@link #size()} bytes long; borrowed for the call
     * @throws IndexOutOfBoundsException if the view is shorter than {@link #size()}
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void writeConstants(MutableByteView packet) {
        if (packet.length() < size) {
            throw new IndexOutOfBoundsException("layout '" + name + "' needs " + size
                    + " bytes but the view to write to is " + packet.length() + " bytes long");
        }
        for (Segment s : segments) {
            if (s.field == null) {
                packet.fill(s.offset, s.offset + s.width, (byte) 0);
            }
        }
        for (Handle c : constants) {
            c.writeExpected(packet);
        }
    }

    // ------------------------------------------------------------------ describe

    private static final int MAX_DUMP_BYTES = 16;

    /**
     * An annotated hex dump of a packet for people: one line per field or padding, with the offset, the
     * raw bytes, the field's name and type, and the decoded value. Constants say whether they hold the
     * expected value. A packet of the wrong length is still described: missing fields are marked, and
     * bytes beyond the layout get a line of their own.
     *
     * <pre>
     * layout 'legacy', 16 bytes
     * offset  bytes        field      type   value
     *      0  ca fe        signature  u16be  51966 (0xcafe), as expected
     *      2  ad de 00 00  deviceId   i32le  57005
     * </pre>
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return the dump, one line per field, each line ending in a newline
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public String describe(ByteView packet) {
        int length = packet.length();
        int rows = segments.length + (length > size ? 1 : 0);
        String[][] table = new String[rows + 1][];
        table[0] = new String[] {"offset", "bytes", "field", "type", "value"};
        for (int r = 0; r < segments.length; r++) {
            Segment s = segments[r];
            Handle f = s.field;
            String type = f == null ? "padding" : f.info().kind() == FieldKind.BYTES ? "bytes[" + s.width + "]" : f.typeName();
            String value;
            if (s.offset + s.width > length) {
                value = "(missing: the packet ends at offset " + length + ")";
            } else if (f == null) {
                value = "";
            } else if (f.isConstant()) {
                value = f.holdsExpected(packet) ? f.formatAsConstant(packet) + ", as expected"
                        : f.formatAsConstant(packet) + ", EXPECTED " + f.formatExpected();
            } else {
                value = f.format(packet);
            }
            table[r + 1] = new String[] {Integer.toString(s.offset), hex(packet, s.offset, s.offset + s.width),
                f == null ? "(padding)" : f.name(), type, value};
        }
        if (length > size) {
            table[rows] = new String[] {Integer.toString(size), hex(packet, size, length), "(beyond the layout)",
                "", (length - size) + " byte(s)"};
        }
        StringBuilder sb = new StringBuilder(64 * (rows + 2));
        sb.append("layout '").append(name).append("', ").append(size).append(size == 1 ? " byte" : " bytes");
        if (length != size) {
            sb.append("; the packet is ").append(length).append(" bytes long");
        }
        sb.append('\n');
        int[] widths = new int[5];
        for (String[] row : table) {
            for (int c = 0; c < 5; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : table) {
            int start = sb.length();
            pad(sb, widths[0] - row[0].length()).append(row[0]);
            for (int c = 1; c < 5; c++) {
                sb.append("  ").append(row[c]);
                if (c < 4) {
                    pad(sb, widths[c] - row[c].length());
                }
            }
            int end = sb.length();
            while (end > start && sb.charAt(end - 1) == ' ') {
                end--;
            }
            sb.setLength(end);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
        return sb;
    }

    /** The bytes of {@code [from, min(to, length))} in hex, at most {@link #MAX_DUMP_BYTES} of them. */
    private static String hex(ByteView packet, int from, int to) {
        int end = Math.min(to, packet.length());
        StringBuilder sb = new StringBuilder(3 * MAX_DUMP_BYTES + 4);
        for (int i = from; i < end && i < from + MAX_DUMP_BYTES; i++) {
            int b = packet.u8(i);
            if (i > from) {
                sb.append(' ');
            }
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
        }
        if (end - from > MAX_DUMP_BYTES) {
            sb.append(" ..");
        }
        return sb.toString();
    }

    /**
     * Describes the layout: its name, size, and its fields and padding with their types, offsets and constants.
     *
     * @return for example
     *         {@code "PacketLayout[legacy, 16 bytes: signature u16be @0 = 51966 (0xcafe), deviceId i32le @2, ...]"}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PacketLayout[").append(name).append(", ").append(size).append(" bytes:");
        for (int i = 0; i < segments.length; i++) {
            Segment s = segments[i];
            sb.append(i == 0 ? " " : ", ");
            if (s.field == null) {
                sb.append("padding[").append(s.width).append(']');
            } else {
                sb.append(s.field.name()).append(' ').append(s.field.typeName());
                if (s.field.info().kind() == FieldKind.BYTES) {
                    sb.append('[').append(s.width).append(']');
                }
            }
            sb.append(" @").append(s.offset);
            if (s.field != null && s.field.isConstant()) {
                sb.append(" = ").append(s.field.formatExpected());
            }
        }
        return sb.append(']').toString();
    }

    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return name;
    }

    // ------------------------------------------------------------------ builder

    /**
     * Declares a {@link PacketLayout}, field by field. Each field method takes the field's name and places
     * the field right after the previous declaration, or at the offset given to {@link #at(int)} just
     * before it. {@link #expect(long)} and its overloads make the field just declared a constant.
     * {@link #build()} checks the whole declaration. Not thread-safe; a builder may build more than once.
     */
    public static final class Builder {

        /** One declaration: a field, or padding when {@code name} is null. */
        private static final class Decl {
            final FieldKind kind;
            final String name;
            final int offset;
            final int width;
            final String[] bitNames;
            final int index;
            boolean hasConstant;
            long constantLong;
            double constantDouble;
            Bytes constantBytes;

            Decl(FieldKind kind, String name, int offset, int width, String[] bitNames, int index) {
                this.kind = kind;
                this.name = name;
                this.offset = offset;
                this.width = width;
                this.bitNames = bitNames;
                this.index = index;
            }

            int end() {
                return offset + width;
            }

            String where() {
                return (name == null ? "padding" : "field '" + name + "' (" + kind.typeName + ")") + " at bytes ["
                        + offset + ", " + end() + ")";
            }
        }

        private final String name;
        private final List<Decl> decls = new ArrayList<>();
        private int cursor;
        private int declaredSize = -1;
        private Decl last;

        private Builder(String name) {
            this.name = name;
        }

        private Builder add(FieldKind kind, String fieldName, int width, String[] bitNames) {
            requireName(fieldName, "field name");
            return place(kind, fieldName, width, bitNames);
        }

        private Builder place(FieldKind kind, String fieldName, int width, String[] bitNames) {
            int offset = cursor;
            if (width > Integer.MAX_VALUE - offset) {
                throw new IllegalArgumentException("layout '" + name + "': " + (fieldName == null ? "padding"
                        : "field '" + fieldName + "'") + " of " + width + " byte(s) at offset " + offset
                        + " would end past the largest possible packet");
            }
            Decl d = new Decl(kind, fieldName, offset, width, bitNames, decls.size());
            decls.add(d);
            last = d;
            cursor = offset + width;
            return this;
        }

        /**
         * Places the next declaration at an explicit offset; later declarations follow it.
         *
         * @param offset the offset of the next field or padding
         * @return this builder
         * @throws IllegalArgumentException if the offset is negative
         */
        public Builder at(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("layout '" + name + "': negative offset " + offset);
            }
            cursor = offset;
            last = null;
            return this;
        }

        /**
         * Declares the packet size; {@link #build()} then rejects fields past it and bytes before it that
         * belong to no field and are not padding. Without it, the size is the end of the last declaration.
         *
         * @param size the packet size in bytes
         * @return this builder
         * @throws IllegalArgumentException if the size is not positive
         */
        public Builder size(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("layout '" + name + "': the size must be positive, not " + size);
            }
            declaredSize = size;
            return this;
        }

        /**
         * Declares bytes that belong to no field, for example reserved or alignment bytes.
         * {@link PacketLayout#writeConstants(MutableByteView)} zeroes them; reads ignore them.
         *
         * @param length the number of bytes
         * @return this builder
         * @throws IllegalArgumentException if the length is not positive
         */
        public Builder padding(int length) {
            if (length <= 0) {
                throw new IllegalArgumentException("layout '" + name + "': padding length must be positive, not "
                        + length);
            }
            return place(FieldKind.PADDING, null, length, null);
        }

        /**
         * Declares an unsigned 8-bit field, read by an {@link IntField} (0 to 255).
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder u8(String fieldName) {
            return add(FieldKind.U8, fieldName, 1, null);
        }

        /**
         * Declares a signed 8-bit field, read by an {@link IntField} (-128 to 127).
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder i8(String fieldName) {
            return add(FieldKind.I8, fieldName, 1, null);
        }

        /**
         * Declares an unsigned big-endian 16-bit field, read by an {@link IntField} (0 to 65535).
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder u16be(String fieldName) {
            return add(FieldKind.U16BE, fieldName, 2, null);
        }

        /**
         * Declares an unsigned little-endian 16-bit field, read by an {@link IntField} (0 to 65535).
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder u16le(String fieldName) {
            return add(FieldKind.U16LE, fieldName, 2, null);
        }

        /**
         * Declares a signed big-endian 16-bit field, read by an {@link IntField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder i16be(String fieldName) {
            return add(FieldKind.I16BE, fieldName, 2, null);
        }

        /**
         * Declares a signed little-endian 16-bit field, read by an {@link IntField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder i16le(String fieldName) {
            return add(FieldKind.I16LE, fieldName, 2, null);
        }

        /**
         * Declares an unsigned big-endian 32-bit field, read by a {@link LongField} (0 to 2<sup>32</sup>-1).
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder u32be(String fieldName) {
            return add(FieldKind.U32BE, fieldName, 4, null);
        }

        /**
         * Declares an unsigned little-endian 32-bit field, read by a {@link LongField} (0 to
         * 2<sup>32</sup>-1).
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder u32le(String fieldName) {
            return add(FieldKind.U32LE, fieldName, 4, null);
        }

        /**
         * Declares a signed big-endian 32-bit field, read by an {@link IntField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder i32be(String fieldName) {
            return add(FieldKind.I32BE, fieldName, 4, null);
        }

        /**
         * Declares a signed little-endian 32-bit field, read by an {@link IntField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder i32le(String fieldName) {
            return add(FieldKind.I32LE, fieldName, 4, null);
        }

        /**
         * Declares a signed big-endian 64-bit field, read by a {@link LongField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder i64be(String fieldName) {
            return add(FieldKind.I64BE, fieldName, 8, null);
        }

        /**
         * Declares a signed little-endian 64-bit field, read by a {@link LongField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder i64le(String fieldName) {
            return add(FieldKind.I64LE, fieldName, 8, null);
        }

        /**
         * Declares a big-endian IEEE 754 single-precision field, read by a {@link FloatField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder f32be(String fieldName) {
            return add(FieldKind.F32BE, fieldName, 4, null);
        }

        /**
         * Declares a little-endian IEEE 754 single-precision field, read by a {@link FloatField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder f32le(String fieldName) {
            return add(FieldKind.F32LE, fieldName, 4, null);
        }

        /**
         * Declares a big-endian IEEE 754 double-precision field, read by a {@link DoubleField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder f64be(String fieldName) {
            return add(FieldKind.F64BE, fieldName, 8, null);
        }

        /**
         * Declares a little-endian IEEE 754 double-precision field, read by a {@link DoubleField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder f64le(String fieldName) {
            return add(FieldKind.F64LE, fieldName, 8, null);
        }

        /**
         * Declares a fixed-size run of raw bytes, read by a {@link BytesField} as a borrowed view or an
         * owned copy.
         *
         * @param fieldName the field's name, unique in the layout
         * @param length the number of bytes
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or the length is not positive
         */
        public Builder bytes(String fieldName, int length) {
            if (length <= 0) {
                throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName
                        + "': a bytes field needs a positive length, not " + length);
            }
            return add(FieldKind.BYTES, fieldName, length, null);
        }

        /**
         * Declares an 8-bit flags field, read by a {@link FlagsField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 8; {@code null} leaves a
         *        bit unnamed
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
         *         name is blank or repeated
         */
        public Builder flags8(String fieldName, String... bitNames) {
            return flags(FieldKind.FLAGS8, fieldName, bitNames);
        }

        /**
         * Declares a big-endian 16-bit flags field, read by a {@link FlagsField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 16; {@code null} leaves a
         *        bit unnamed
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
         *         name is blank or repeated
         */
        public Builder flags16be(String fieldName, String... bitNames) {
            return flags(FieldKind.FLAGS16BE, fieldName, bitNames);
        }

        /**
         * Declares a little-endian 16-bit flags field, read by a {@link FlagsField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 16; {@code null} leaves a
         *        bit unnamed
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
         *         name is blank or repeated
         */
        public Builder flags16le(String fieldName, String... bitNames) {
            return flags(FieldKind.FLAGS16LE, fieldName, bitNames);
        }

        /**
         * Declares a big-endian 32-bit flags field, read by a {@link FlagsField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 32; {@code null} leaves a
         *        bit unnamed
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
         *         name is blank or repeated
         */
        public Builder flags32be(String fieldName, String... bitNames) {
            return flags(FieldKind.FLAGS32BE, fieldName, bitNames);
        }

        /**
         * Declares a little-endian 32-bit flags field, read by a {@link FlagsField}.
         *
         * @param fieldName the field's name, unique in the layout
         * @param bitNames names of bit 0 (least significant), bit 1, ...; at most 32; {@code null} leaves a
         *        bit unnamed
         * @return this builder
         * @throws IllegalArgumentException if the name is blank, there are too many bit names, or a bit
         *         name is blank or repeated
         */
        public Builder flags32le(String fieldName, String... bitNames) {
            return flags(FieldKind.FLAGS32LE, fieldName, bitNames);
        }

        private Builder flags(FieldKind kind, String fieldName, String[] bitNames) {
            requireName(fieldName, "field name");
            String[] names = bitNames.clone();
            int bits = 8 * kind.width;
            if (names.length > bits) {
                throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': "
                        + names.length + " bit names given but " + kind.typeName + " has " + bits + " bits");
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i] == null) {
                    continue;
                }
                if (names[i].isBlank()) {
                    throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName + "': bit " + i
                            + " has a blank name; use null for an unnamed bit");
                }
                for (int j = 0; j < i; j++) {
                    if (names[i].equals(names[j])) {
                        throw new IllegalArgumentException("layout '" + name + "', field '" + fieldName
                                + "': bits " + j + " and " + i + " are both named '" + names[i] + "'");
                    }
                }
            }
            return add(kind, fieldName, kind.width, names);
        }

        private Decl constantTarget(String form) {
            if (last == null) {
                throw new IllegalStateException("layout '" + name + "': " + form
                        + " applies to the field declared just before it, but no field was declared since the "
                        + (decls.isEmpty() ? "builder was created" : "last at(offset)"));
            }
            if (last.name == null) {
                throw new IllegalStateException("layout '" + name + "': " + form
                        + " applies to the field declared just before it, but that declaration is padding");
            }
            if (last.hasConstant) {
                throw new IllegalStateException("layout '" + name + "', " + last.where()
                        + " already has an expected value");
            }
            return last;
        }

        private IllegalArgumentException badConstant(Decl d, String why) {
            return new IllegalArgumentException("layout '" + name + "', " + d.where() + ": " + why);
        }

        /**
         * Makes the field just declared a constant, such as a magic number: an integer or flags field, or a
         * float field when the value is a whole number it holds exactly (|value| &le; 2<sup>24</sup> for
         * {@code f32}, 2<sup>53</sup> for {@code f64}). {@link PacketLayout#validate(ByteView)} rejects
         * packets that hold another value; {@link PacketLayout#writeConstants(MutableByteView)} writes it.
         *
         * @param value the constant; for {@code u32} fields 0 to 2<sup>32</sup>-1, for {@code flags32}
         *        fields any 32-bit pattern
         * @return this builder
         * @throws IllegalStateException if the last declaration is not a field or already has a constant
         * @throws IllegalArgumentException if the field's type cannot hold the value, or it is a bytes field
         */
        public Builder expect(long value) {
            Decl d = constantTarget("expect(" + value + ")");
            long min;
            long max;
            switch (d.kind) {
                case U8, FLAGS8 -> { min = 0; max = 0xFF; }
                case I8 -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
                case U16BE, U16LE, FLAGS16BE, FLAGS16LE -> { min = 0; max = 0xFFFF; }
                case I16BE, I16LE -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
                case I32BE, I32LE -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
                case FLAGS32BE, FLAGS32LE -> { min = Integer.MIN_VALUE; max = 0xFFFF_FFFFL; }
                case U32BE, U32LE -> { min = 0; max = 0xFFFF_FFFFL; }
                case I64BE, I64LE -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
                case F32BE, F32LE, F64BE, F64LE -> {
                    long exact = d.kind == FieldKind.F32BE || d.kind == FieldKind.F32LE ? 1L << 24 : 1L << 53;
                    if (value < -exact || value > exact) {
                        throw badConstant(d, "the whole number " + value
                                + " is not exactly representable; use expect(double)");
                    }
                    return expect((double) value);
                }
                default -> throw badConstant(d, "a bytes field takes its constant as expect(Bytes)");
            }
            if (value < min || value > max) {
                throw badConstant(d, "the constant " + value + " is outside " + min + " to " + max);
            }
            d.hasConstant = true;
            d.constantLong = value;
            return this;
        }

        /**
         * Makes the float or double field just declared a constant. For an {@code f32} field the value must
         * be exactly representable as a {@code float}. A NaN constant matches any NaN.
         *
         * @param value the constant
         * @return this builder
         * @throws IllegalStateException if the last declaration is not a field or already has a constant
         * @throws IllegalArgumentException if the field is not a float or double field, or an {@code f32}
         *         field cannot hold the value exactly
         */
        public Builder expect(double value) {
            Decl d = constantTarget("expect(" + value + ")");
            switch (d.kind) {
                case F32BE, F32LE -> {
                    if (!Double.isNaN(value) && (double) (float) value != value) {
                        throw badConstant(d, "the constant " + value + " is not exactly representable as a float");
                    }
                }
                case F64BE, F64LE -> {
                }
                default -> throw badConstant(d, "only float and double fields take expect(double); use "
                        + (d.kind == FieldKind.BYTES ? "expect(Bytes)" : "expect(long)"));
            }
            d.hasConstant = true;
            d.constantDouble = value;
            return this;
        }

        /**
         * Makes the bytes field just declared a constant, such as a magic string.
         *
         * @param value the constant, exactly as long as the field
         * @return this builder
         * @throws IllegalStateException if the last declaration is not a field or already has a constant
         * @throws IllegalArgumentException if the field is not a bytes field or the length differs
         */
        public Builder expect(Bytes value) {
            Objects.requireNonNull(value, "value");
            Decl d = constantTarget("expect(" + value + ")");
            if (d.kind != FieldKind.BYTES) {
                throw badConstant(d, "only bytes fields take expect(Bytes)");
            }
            if (value.length() != d.width) {
                throw badConstant(d, "the constant is " + value.length() + " byte(s) long but the field is " + d.width);
            }
            d.hasConstant = true;
            d.constantBytes = value;
            return this;
        }

        /**
         * Checks the declarations and builds the layout. Every problem found is reported at once: fields
         * that overlap, bytes that belong to no field and are not declared padding (between fields, before
         * the first, or up to the declared size), duplicate field names, fields past the declared size, and
         * a layout without fields. Each problem names the fields and their byte ranges.
         *
         * @return the layout
         * @throws IllegalStateException if the declarations are inconsistent
         */
        public PacketLayout build() {
            List<String> problems = new ArrayList<>();
            Map<String, Decl> seen = new LinkedHashMap<>();
            boolean anyField = false;
            for (Decl d : decls) {
                if (d.name == null) {
                    continue;
                }
                anyField = true;
                Decl first = seen.putIfAbsent(d.name, d);
                if (first != null) {
                    problems.add("duplicate field name '" + d.name + "': " + first.where() + " and " + d.where());
                }
            }
            if (!anyField) {
                problems.add("no fields are declared");
            }
            List<Decl> sorted = new ArrayList<>(decls);
            sorted.sort(Comparator.comparingInt((Decl d) -> d.offset).thenComparingInt(d -> d.index));
            Decl reach = null;
            int covered = 0;
            for (Decl d : sorted) {
                if (reach != null && d.offset < reach.end()) {
                    problems.add(reach.where() + " and " + d.where() + " overlap at bytes [" + d.offset + ", "
                            + Math.min(reach.end(), d.end()) + ")");
                } else if (d.offset > covered) {
                    problems.add("bytes [" + covered + ", " + d.offset + ") "
                            + (reach == null ? "before " + d.where() : "between " + reach.where() + " and " + d.where())
                            + " belong to no field; declare them with padding(" + (d.offset - covered) + ")");
                }
                if (reach == null || d.end() > reach.end()) {
                    reach = d;
                }
                covered = Math.max(covered, d.end());
            }
            if (declaredSize >= 0) {
                for (Decl d : sorted) {
                    if (d.end() > declaredSize) {
                        problems.add(d.where() + " ends past the declared size of " + declaredSize + " bytes");
                    }
                }
                if (covered < declaredSize && reach != null) {
                    problems.add("bytes [" + covered + ", " + declaredSize + ") after " + reach.where()
                            + " up to the declared size belong to no field; declare them with padding("
                            + (declaredSize - covered) + ")");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("layout '" + name + "' is invalid: " + String.join("; ", problems));
            }
            int size = declaredSize >= 0 ? declaredSize : covered;
            List<LayoutField> fields = new ArrayList<>();
            Segment[] segments = new Segment[sorted.size()];
            for (int i = 0; i < segments.length; i++) {
                Decl d = sorted.get(i);
                Handle f = d.name == null ? null : handle(d);
                if (f != null) {
                    fields.add(f);
                }
                segments[i] = new Segment(d.offset, d.width, f);
            }
            return new PacketLayout(name, size, fields, segments);
        }

        private Handle handle(Decl d) {
            String[] bits = d.bitNames == null ? null : java.util.Arrays.copyOf(d.bitNames, 8 * d.kind.width);
            FieldInfo info = FieldInfo.of(name, d.name, d.kind, d.offset, d.width, d.hasConstant, d.constantLong,
                    d.constantDouble, d.hasConstant ? d.constantBytes : null, bits);
            return switch (d.kind) {
                case U8, I8, U16BE, U16LE, I16BE, I16LE, I32BE, I32LE -> IntHandle.of(info);
                case U32BE, U32LE, I64BE, I64LE -> LongHandle.of(info);
                case F32BE, F32LE -> FloatHandle.of(info);
                case F64BE, F64LE -> DoubleHandle.of(info);
                case BYTES -> new BytesHandle(info);
                case FLAGS8, FLAGS16BE, FLAGS16LE, FLAGS32BE, FLAGS32LE -> FlagsHandle.of(info);
                case PADDING -> throw new AssertionError("padding has no handle");
            };
        }

        /**
         * Describes the builder's declarations so far.
         *
         * @return the layout name and the number of declarations
         */
        @Override
        public String toString() {
            return "PacketLayout.Builder[" + name + ", " + decls.size() + " declaration(s), next offset " + cursor
                    + "]";
        }
    }
}
