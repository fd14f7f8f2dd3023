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
 *   <tr><td>{@code u24be u24le i24be i24le}</td><td>3</td><td>{@link IntField}</td><td>{@code int}</td></tr>
 *   <tr><td>{@code u40* i40* u48* i48* u56* i56*}</td><td>5, 6, 7</td><td>{@link LongField}</td><td>{@code long}</td></tr>
 *   <tr><td>{@code bits sbits bitsLsb sbitsLsb bit}</td><td>1 to 64 bits in a run of whole bytes</td><td>{@link IntField} or {@link LongField}</td><td>{@code int} or {@code long}</td></tr>
 *   <tr><td>{@code text(name, n, charset, padding)}</td><td>n</td><td>{@link TextField}</td><td>borrowed {@link ByteView}, or owned {@code String}</td></tr>
 *   <tr><td>{@code internetChecksum crc32be crc32le crc32cbe crc32cle}</td><td>2, 4</td><td>{@link ChecksumField}</td><td>{@code long}, verified by {@link #validate(ByteView)}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Fields follow each other from offset 0 unless {@link LayoutBuilder#at(int)} places the next one;
 * {@link LayoutBuilder#padding(int)} declares bytes that belong to no field. {@link LayoutBuilder#build()} rejects a
 * layout with overlapping fields, bytes that belong to no field and are not declared padding, duplicate
 * names, or fields past a {@linkplain LayoutBuilder#size(int) declared size}: an overlap silently corrupts data,
 * so it is an error at declaration, not at run time.
 *
 * <p>Packets are read from views the caller owns or borrows; nothing here keeps a view. A layout and its
 * handles are immutable and thread-safe.
 */
public final class PacketLayout {

    static {
        io.bufkit.internal.codec.LayoutBindings.install(new FieldBindings());
    }

    private final String name;
    private final int size;
    private final List<LayoutField> fields;
    private final Map<String, Handle> byName;
    private final Handle[] constants;
    private final ChecksumHandle[] checksums;
    private final Segment[] segments;
    private final boolean prefix;
    /** The declarations, to build the layout again in another byte order. */
    private final LayoutBuilder declarations;

    PacketLayout(String name, int size, boolean prefix, List<LayoutField> fields, Segment[] segments,
            LayoutBuilder declarations) {
        this.declarations = declarations;
        this.name = name;
        this.size = size;
        this.prefix = prefix;
        this.fields = Collections.unmodifiableList(fields);
        Map<String, Handle> map = new HashMap<>();
        for (LayoutField f : fields) {
            map.put(f.name(), Handle.of(f));
        }
        this.byName = map;
        this.constants = fields.stream().filter(LayoutField::isConstant).map(Handle::of).toArray(Handle[]::new);
        this.checksums = fields.stream().filter(f -> f instanceof ChecksumHandle c && !c.pseudoHeader())
                .map(ChecksumHandle.class::cast).toArray(ChecksumHandle[]::new);
        this.segments = segments;
    }

    /**
     * Starts declaring a layout.
     *
     * @param name the layout's name, used in messages and dumps, for example {@code "sensor"}
     * @return a new builder
     * @throws IllegalArgumentException if the name is blank
     */
    public static LayoutBuilder builder(String name) {
        return new LayoutBuilder(requireName(name, "layout name"));
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
     * The handle of a field declared with {@link LayoutBuilder#bytes(String, int)}.
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
                    + article(f.info().kind().handleType()) + ", not with " + article(type) + "; use " + lookup(f.info().kind().handleType())
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
     * Checks that a packet fits the layout: exactly {@link #size()} bytes long (at least that long for a
     * {@linkplain LayoutBuilder#prefix() prefix layout}), every field declared with {@code expect(...)}
     * holds its constant, and every checksum field that needs no pseudo-header holds the right checksum.
     * Call it once per packet, before reading fields.
     *
     * @param packet the packet's bytes, borrowed for the call
     * @return where the rest of the packet begins: {@link #size()}; for a prefix layout the bytes from there
     *         on are the payload, see {@link #rest(ByteView)}
     * @throws LayoutException if the length is wrong (naming the expected and actual length), a constant
     *         is wrong (naming the field, its offset, the expected and the actual value) or a checksum is
     *         wrong (naming the field and the expected and stored checksum)
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public int validate(ByteView packet) {
        int length = packet.length();
        if (length != size && (!prefix || length < size)) {
            packet.slice(0, 0); // a stale view reports its lease first, like every other access
            throw wrongLength(length);
        }
        if (constants.length != 0 || checksums.length != 0) {
            checkValues(packet);
        }
        return size;
    }

    /**
     * The same layout with every field whose type names a byte order ({@code u16be}, {@code i32le},
     * {@code f64be}, {@code flags32le}, {@code crc32be}, ...) in {@code order}, for formats whose byte order
     * is chosen by each file or packet, such as pcap, whose magic number is written in the writer's order:
     *
     * <pre>{@code
     * static final PacketLayout PCAP = PacketLayout.builder("pcap").u32be("magic").expectAnyOf(0xA1B2C3D4L, 0xA1B23C4DL)...build();
     * static final PacketLayout PCAP_LE = PCAP.withByteOrder(ByteOrder.LITTLE_ENDIAN);
     * PacketLayout header = file.u32be(0) == 0xA1B2C3D4L || file.u32be(0) == 0xA1B23C4DL ? PCAP : PCAP_LE;
     * }</pre>
     *
     * Declare the layout once in either order and keep both bindings (and their handles) as constants:
     * each is built once here, and its handles read with constant byte orders.
     *
     * @param order the byte order of every multi-byte field
     * @return a new layout with the same name, fields, offsets and constants
     */
    public PacketLayout withByteOrder(java.nio.ByteOrder order) {
        return declarations.inByteOrder(java.util.Objects.requireNonNull(order, "order")).build();
    }

    /**
     * Whether the layout is a prefix: a header that {@link #validate(ByteView)} accepts at the start of a
     * longer view.
     *
     * @return {@code true} if declared with {@link LayoutBuilder#prefix()}
     */
    public boolean isPrefix() {
        return prefix;
    }

    /**
     * The bytes after the layout's {@link #size()}: the payload that follows a header.
     *
     * @param packet the packet, at least {@link #size()} bytes long
     * @return a <em>borrowed</em> view of {@code [size(), packet.length())}, under the packet's lease
     * @throws IndexOutOfBoundsException if the packet is shorter than the layout
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public ByteView rest(ByteView packet) {
        if (packet.length() < size) {
            throw new IndexOutOfBoundsException("layout '" + name + "' is " + size + " bytes long but the packet is "
                    + packet.length());
        }
        return packet.slice(size, packet.length());
    }

    /**
     * Checks only that every field declared with {@code expect(...)} holds its constant: not the length, not
     * the checksums. For a header whose checksum covers more bytes than the header itself (IPv4's covers its
     * options), whose checksum is checked once those bytes are known.
     *
     * @param packet the packet's bytes, at least {@link #size()} long; borrowed for the call
     * @throws LayoutException if a constant is wrong, naming the field, its offset, the expected and the
     *     actual value
     * @throws IndexOutOfBoundsException if the view is shorter than a constant field's end
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void checkConstants(ByteView packet) {
        for (Handle c : constants) {
            if (!c.holdsExpected(packet)) {
                throw wrongConstant(c, packet);
            }
        }
    }

    /** Kept out of {@link #validate(ByteView)} so that layouts without constants compile to a length check. */
    private void checkValues(ByteView packet) {
        checkConstants(packet);
        for (ChecksumHandle c : checksums) {
            String wrong = c.mismatch(packet);
            if (wrong != null) {
                throw new LayoutException("layout '" + name + "', " + c.info().where() + ": checksum " + wrong, name,
                        c.name(), c.offset(), c.hex(c.compute(packet)), c.hex(c.get(packet)));
            }
        }
    }

    /**
     * Fills in every checksum field that needs no pseudo-header, computed over the whole packet; call it
     * after every other field is written (a codec's last step in {@code encode}). Checksums with a
     * pseudo-header are filled through their {@link ChecksumField}.
     *
     * @param packet the whole packet, borrowed for the call
     * @throws IndexOutOfBoundsException if the view is shorter than {@link #size()}
     * @throws io.bufkit.StaleViewException if the view's lease ended
     */
    public void fillChecksums(MutableByteView packet) {
        for (ChecksumHandle c : checksums) {
            c.fill(packet);
        }
    }

    /**
     * The handle of a text field.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public TextField textField(String fieldName) {
        return typed(fieldName, TextField.class);
    }

    /**
     * The handle of a checksum field.
     *
     * @param fieldName the field's name
     * @return the handle
     * @throws IllegalArgumentException if the layout has no field of that name, or it is of another type
     */
    public ChecksumField checksumField(String fieldName) {
        return typed(fieldName, ChecksumField.class);
    }

    private LayoutException wrongLength(int length) {
        String where;
        if (length < size) {
            Handle cut = fieldAt(length);
            where = "it ends at offset " + length + (cut == null ? "" : ", inside " + cut.info().where());
        } else {
            where = (length - size) + " unexpected byte(s) from offset " + size
                    + "; declare the layout with prefix() if a payload follows it";
        }
        return new LayoutException("layout '" + name + "': the packet is " + length + " bytes long, expected "
                + size + " (" + where + ")", name, null, Math.min(length, size), size + " bytes", length + " bytes");
    }

    /** The field that covers {@code offset}, or null if padding does. */
    private Handle fieldAt(int offset) {
        for (Segment s : segments) {
            if (offset >= s.offset() && offset < s.offset() + s.width()) {
                return s.bits() == null ? s.field() : s.bits()[0];
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
            if (s.isPadding()) {
                packet.fill(s.offset(), s.offset() + s.width(), (byte) 0);
            }
        }
        for (Handle c : constants) {
            c.writeExpected(packet);
        }
    }

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
        return LayoutDump.describe(this, packet);
    }

    /**
     * Describes the layout: its name, size, and its fields and padding with their types, offsets and constants.
     *
     * @return for example
     *         {@code "PacketLayout[legacy, 16 bytes: signature u16be @0 = 51966 (0xcafe), deviceId i32le @2, ...]"}
     */
    @Override
    public String toString() {
        return LayoutDump.summary(this);
    }

    /** The fields and padding in offset order, for {@link LayoutDump}; not a copy. */
    Segment[] segments() {
        return segments;
    }

    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return name;
    }
}
