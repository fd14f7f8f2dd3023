package io.bufkit.message;

import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.DoubleField;
import io.bufkit.layout.FloatField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Declares a {@link MessageLayout} part by part, in wire order. Every size, count, condition and
 * discriminator names an integer field of a section (or a single field or varint) declared earlier at the
 * same level, checked here; so does a level's {@link #remainingLength} or {@link #totalLength}. A condition
 * may also name a field of an enclosing level ({@code "../fixed.qos"}, see {@link #when}), which the layout
 * holding this one checks when it is built.
 *
 * <p>Not thread-safe; the built layout is.
 */
public final class MessageBuilder {
    private final String name;
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, FieldRef> refs = new HashMap<>();
    /** The {@link FieldRef#id} of the next ref made. */
    private int refIds;
    /** The ints a level's record takes in a {@link LevelTape} with the parts added so far. */
    private int recordSize = LevelTape.HEADER;

    MessageBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds a fixed section read through the layout's constant-offset handles.
     *
     * @param partName the section's name, used in field paths ({@code header.ihl})
     * @param layout the fixed layout
     * @return this builder
     */
    public MessageBuilder section(String partName, PacketLayout layout) {
        return addSection(new SectionPart(partName, Objects.requireNonNull(layout, "layout"), false));
    }

    /**
     * Adds one fixed-width field at this level, addressed by its own name: {@code .field("n", WireType.U16BE)}
     * is read as {@code intValue("n")}, named {@code "n"} by sizes, counts, conditions and discriminators
     * ({@code .repeat("columns", "n", COLUMN)}), holds its plain value in the value model
     * ({@code "n": 2}) and maps to a record component of its natural type ({@code int n}); where a section of
     * one field would be addressed {@code "count.n"}, hold a map and need a record of one component. A field
     * that a later part derives (a count, a length) may be left out of values and records, as a section's.
     *
     * @param partName the part's name, which is also the field's
     * @param type an integer or floating-point wire type, such as {@link WireType#U8} or {@link WireType#U16BE}
     * @return this builder
     * @throws IllegalArgumentException if the type is a checksum, flags, bytes or text type (declare those in
     *     a {@link #section}), or the name holds a {@code '.'}
     */
    public MessageBuilder field(String partName, WireType type) {
        Objects.requireNonNull(type, "type");
        if (Objects.requireNonNull(partName, "partName").indexOf('.') >= 0) {
            throw new IllegalArgumentException(name + ": a single field's name is its path, so it has no '.': "
                    + partName);
        }
        Class<?> handle = type.handleType();
        if (type.isBitField() || handle != IntField.class && handle != LongField.class && handle != FloatField.class
                && handle != DoubleField.class) {
            throw new IllegalArgumentException(name + ": " + partName + " is " + type.typeName() + "; a single field "
                    + "is an integer or floating-point type, and a " + type.typeName() + " field goes in a section");
        }
        PacketLayout one = PacketLayout.builder(partName).field(partName, type).build();
        return addSection(new SectionPart(partName, one, true));
    }

    /** Adds a section and makes a ref for each of its integer fields and 16-bit checksums. */
    private MessageBuilder addSection(SectionPart part) {
        add(part);
        List<LayoutField> fields = part.layout.fields();
        for (int k = 0; k < fields.size(); k++) {
            String path = part.fieldPath(part.name, fields.get(k).name());
            if (fields.get(k) instanceof IntField i) {
                refs.put(path, new FieldRef(part, i, k, path, refIds++));
            } else if (fields.get(k) instanceof ChecksumField c && c.width() == 2) {
                refs.put(path, new FieldRef(part, c, k, path, refIds++));
            }
        }
        return this;
    }

    /**
     * Adds bytes whose length an earlier field gives through simple arithmetic.
     *
     * @param partName the part's name
     * @param size the length, such as {@code Size.of("header.ihl").times(4).plus(-20)}
     * @return this builder
     */
    public MessageBuilder bytes(String partName, Size size) {
        add(new BytesPart(partName, BytesPart.Kind.SIZED, resolve(size.path()), size, 0, 0));
        return this;
    }

    /**
     * Adds bytes preceded by a big-endian unsigned length prefix.
     *
     * @param partName the part's name
     * @param prefixBytes the prefix's width: 1, 2 or 4
     * @return this builder
     */
    public MessageBuilder prefixed(String partName, int prefixBytes) {
        return prefixed(partName, prefixBytes, 0);
    }

    /**
     * Adds bytes preceded by a big-endian unsigned length prefix that counts {@code alsoCounts} bytes besides
     * them: the bytes of the element that come before the data, the prefix's own included. This is the
     * type-length-value shape whose length covers the whole element: IPv4 and TCP options (a kind byte, a
     * length byte counting both, RFC 791 §3.1 and RFC 9293 §3.1: {@code prefixed("data", 1, 2)} after the
     * kind), RADIUS attributes (RFC 2865 §5, also 2), SCTP parameters (RFC 9260 §3.2.1, a 2-byte type and a
     * 2-byte length counting both: {@code prefixed("value", 2, 4)} after the type).
     *
     * <p>Decoding: the part's bytes are the prefix's value less {@code alsoCounts}; a prefix smaller than
     * {@code alsoCounts}, or one reaching past the end, is a {@link io.bufkit.layout.LayoutException} naming
     * the part's path and offset. Encoding writes the value's length plus {@code alsoCounts}. A record
     * component or value of the part holds the data alone.
     *
     * @param partName the part's name
     * @param prefixBytes the prefix's width: 1, 2 or 4
     * @param alsoCounts the bytes the prefix counts besides the data, from 0 to the largest prefix value
     * @return this builder
     * @throws IllegalArgumentException if the width is not 1, 2 or 4, or {@code alsoCounts} is negative or more
     *     than the prefix can hold
     */
    public MessageBuilder prefixed(String partName, int prefixBytes, int alsoCounts) {
        if (prefixBytes != 1 && prefixBytes != 2 && prefixBytes != 4) {
            throw new IllegalArgumentException("prefix width must be 1, 2 or 4: " + prefixBytes);
        }
        long most = (1L << (8 * prefixBytes)) - 1;
        if (alsoCounts < 0 || alsoCounts > most) {
            throw new IllegalArgumentException(name + ": " + partName + " is prefixed by " + prefixBytes + " byte"
                    + (prefixBytes == 1 ? "" : "s") + ", which count 0 to " + most + " bytes besides the data, not "
                    + alsoCounts);
        }
        add(new BytesPart(partName, BytesPart.Kind.PREFIXED, null, null, prefixBytes, alsoCounts));
        return this;
    }

    /**
     * Adds bytes or NULL after a big-endian <em>signed</em> length prefix whose value -1 stands for NULL, as
     * PostgreSQL's DataRow column values (Int32), Kafka's nullable strings (INT16) and nullable bytes (INT32)
     * and Cassandra's {@code [bytes]} (int) are written.
     *
     * <p>Decoding: a prefix of -1 makes the part NULL, taking the prefix alone: {@link Message#bytes(String)}
     * and {@link Message#string(String)} return {@code null}, {@link Message#isPresent(String)} false,
     * {@link Message#toValues()} gives {@code null}; 0 is an empty value, not NULL. Any other negative length,
     * or one past the end, is a {@link io.bufkit.layout.LayoutException} naming the part's path and offset.
     * (Cassandra reads every negative length as NULL; this part rejects the ones other than -1, which its
     * writers never send.) Encoding: a value of {@code null}, or no value at all, writes the prefix -1;
     * {@code Bytes}, {@code byte[]} or a {@code String} (UTF-8) write their length and bytes, at most 32767
     * bytes under a 2-byte prefix. In a {@link MessageCodec} the part maps to {@code Bytes}, {@code byte[]} or
     * {@code String}, {@code null} for NULL, or to an {@code Optional} of one of them.
     *
     * <p>Only big-endian prefixes of 2 or 4 bytes are offered: every protocol that writes a NULL as length -1
     * does so, as {@link #prefixed} covers big-endian unsigned prefixes only.
     *
     * @param partName the part's name
     * @param prefixBytes the prefix's width: 2 or 4
     * @return this builder
     * @throws IllegalArgumentException if the width is not 2 or 4
     */
    public MessageBuilder nullablePrefixed(String partName, int prefixBytes) {
        if (prefixBytes != 2 && prefixBytes != 4) {
            throw new IllegalArgumentException("a nullable prefix's width must be 2 or 4: " + prefixBytes);
        }
        add(new BytesPart(partName, BytesPart.Kind.NULLABLE, null, null, prefixBytes, 0));
        return this;
    }

    /**
     * Adds bytes after an unsigned varint of up to 5 bytes holding their length plus one: Kafka's
     * COMPACT_STRING and COMPACT_BYTES (KIP-482). A varint of 0 (NULL) is a
     * {@link io.bufkit.layout.LayoutException} here; declare a part that may be NULL with
     * {@link #nullableCompact}. Encoding writes the length plus one.
     *
     * @param partName the part's name
     * @return this builder
     */
    public MessageBuilder compact(String partName) {
        add(new BytesPart(partName, BytesPart.Kind.COMPACT, null, null, 0, 0));
        return this;
    }

    /**
     * Adds bytes or NULL after an unsigned varint of up to 5 bytes holding their length plus one, 0 for NULL:
     * Kafka's COMPACT_NULLABLE_STRING and COMPACT_NULLABLE_BYTES (KIP-482). A NULL reads as {@code null}, as a
     * {@link #nullablePrefixed} part's does ({@code isPresent} false, {@code null} in the value model, a
     * {@code null} or empty {@code Optional} record component); encoding writes 0 for {@code null}.
     *
     * @param partName the part's name
     * @return this builder
     */
    public MessageBuilder nullableCompact(String partName) {
        add(new BytesPart(partName, BytesPart.Kind.NULLABLE_COMPACT, null, null, 0, 0));
        return this;
    }

    /**
     * Adds bytes ended by a NUL byte, which is consumed but not part of the value.
     *
     * @param partName the part's name
     * @return this builder
     */
    public MessageBuilder nulTerminated(String partName) {
        add(new BytesPart(partName, BytesPart.Kind.NUL_TERMINATED, null, null, 0, 0));
        return this;
    }

    /**
     * Adds the rest of the message (or of the enclosing sized level): the bytes up to its end, less those of
     * the fixed sections and single fields declared after it (a CRC trailing the payload, gzip's CRC-32 and
     * size) and of the byte parts after it sized by fields declared before it (HTTP/2's padding,
     * {@code .field("padLength", WireType.U8).rest("data").bytes("padding", Size.of("padLength"))}), which it
     * leaves room for. Only such parts, and the coverage of a checksum, may follow it.
     *
     * @param partName the part's name
     * @return this builder
     */
    public MessageBuilder rest(String partName) {
        add(new BytesPart(partName, BytesPart.Kind.REST, null, null, 0, 0));
        return this;
    }

    /**
     * Adds a repeat of a sub-layout whose count an earlier field gives.
     *
     * @param partName the part's name
     * @param countPath {@code "section.field"} holding the count
     * @param element the layout of each element
     * @return this builder
     */
    public MessageBuilder repeat(String partName, String countPath, MessageLayout element) {
        add(new RepeatPart(partName, resolve(countPath), -1, Objects.requireNonNull(element, "element")));
        return this;
    }

    /**
     * Adds a repeat of a sub-layout whose count an earlier field gives through simple arithmetic: Kafka's
     * compact arrays (KIP-482) hold the count plus one in a varint,
     * {@code .varint("n", 5).repeat("topics", Size.of("n").plus(-1), TOPIC)}. A count below 0 (a Kafka null
     * array, 0) or one the bytes left cannot hold is a {@link io.bufkit.layout.LayoutException} naming the
     * path; encoding derives the field from the number of elements, refusing a number no value of the field
     * describes.
     *
     * @param partName the part's name
     * @param count the number of elements, such as {@code Size.of("n").plus(-1)}
     * @param element the layout of each element
     * @return this builder
     */
    public MessageBuilder repeat(String partName, Size count, MessageLayout element) {
        add(new RepeatPart(partName, resolve(count.path()), count, false, Objects.requireNonNull(element, "element")));
        return this;
    }

    /**
     * Adds a counted repeat that may be NULL: a count of -1 is NULL, which holds no elements and reads apart
     * from an empty repeat. Kafka's nullable compact arrays hold the count plus one, 0 for NULL
     * ({@code .varint("n", 5).nullableRepeat("topics", Size.of("n").plus(-1), TOPIC)}; a Metadata request's
     * NULL topics ask for every topic, an empty list for none), its older nullable arrays an INT32 count, -1
     * for NULL ({@code Size.of("n")}). A NULL repeat has no elements ({@code count} 0), {@code isPresent}
     * false, the value {@code null} in the value model, and maps to a {@code List} component that is
     * {@code null} or an {@code Optional<List<..>>} that is empty; encoding writes the count -1 for a
     * {@code null} or missing value. Any other negative count is a {@link io.bufkit.layout.LayoutException}.
     *
     * @param partName the part's name
     * @param count the number of elements, -1 for NULL, such as {@code Size.of("n").plus(-1)}
     * @param element the layout of each element
     * @return this builder
     */
    public MessageBuilder nullableRepeat(String partName, Size count, MessageLayout element) {
        add(new RepeatPart(partName, resolve(count.path()), count, true, Objects.requireNonNull(element, "element")));
        return this;
    }

    /**
     * Adds elements of a sub-layout that follow each other until a terminator byte stands where the next
     * element would start (PostgreSQL's ErrorResponse fields end with a 0 byte); the terminator is consumed.
     *
     * @param partName the part's name
     * @param terminator the terminating byte value, 0-255
     * @param element the layout of each element
     * @return this builder
     */
    public MessageBuilder repeatUntil(String partName, int terminator, MessageLayout element) {
        if (terminator < 0 || terminator > 255) {
            throw new IllegalArgumentException("terminator must be a byte value 0-255: " + terminator);
        }
        add(new RepeatPart(partName, null, terminator, Objects.requireNonNull(element, "element")));
        return this;
    }

    /**
     * Adds an unsigned base-128 varint, least significant group first, as MQTT's remaining length and
     * protobuf's lengths are written. Later parts take sizes, counts and conditions from it by its name
     * ({@code Size.of("remaining")}); encoding derives it from the part it sizes.
     *
     * @param partName the part's name
     * @param maxBytes the most bytes it may take, 1 to 5 (MQTT: 4)
     * @return this builder
     */
    public MessageBuilder varint(String partName, int maxBytes) {
        if (maxBytes < 1 || maxBytes > 5) {
            throw new IllegalArgumentException("a varint takes 1 to 5 bytes: " + maxBytes);
        }
        VarintPart part = new VarintPart(partName, maxBytes);
        add(part);
        refs.put(partName, new FieldRef(part, refIds++));
        return this;
    }

    /**
     * Adds elements of a sub-layout that follow each other up to the end of the enclosing message (the
     * records of a pcap file); must be the last part.
     *
     * @param partName the part's name
     * @param element the layout of each element; it must take at least one byte
     * @return this builder
     */
    public MessageBuilder repeatToEnd(String partName, MessageLayout element) {
        add(new RepeatPart(partName, null, RepeatPart.TO_END, Objects.requireNonNull(element, "element")));
        return this;
    }

    /**
     * Adds elements of a sub-layout that follow each other to fill exactly the bytes an earlier field gives,
     * as IPv4 and TCP options fill the header length a field gives ({@code repeatSized("options",
     * Size.of("tcp.dataOffset").times(4).plus(-20), OPTION)}), TLS extensions and BGP path attributes a
     * length before them. The part's value is the list of elements, with no level between them and the
     * part, as {@code sized(name, size, layoutRepeatingToEnd)} would have. Decoding fails, naming the path and
     * offset, if the size points past the end or an element reaches past it; encoding derives the field from
     * the elements' bytes.
     *
     * @param partName the part's name
     * @param size the bytes the elements fill, such as {@code Size.of("ip.ihl").times(4).plus(-20)}
     * @param element the layout of each element; each must take at least one byte
     * @return this builder
     * @throws IllegalArgumentException if the size's path names no integer field of a section declared before
     */
    public MessageBuilder repeatSized(String partName, Size size, MessageLayout element) {
        add(new RepeatPart(partName, resolve(size.path()), size, Objects.requireNonNull(element, "element")));
        return this;
    }

    /**
     * Adds a field of a user-defined kind.
     *
     * @param partName the part's name
     * @param kind how the field is measured, read and described
     * @return this builder
     */
    public MessageBuilder field(String partName, FieldKind<?> kind) {
        add(new CustomPart(partName, Objects.requireNonNull(kind, "kind")));
        return this;
    }

    /**
     * Adds a sub-layout present only when an earlier field passes a test.
     *
     * <p>The field may be one of an enclosing level: {@code "../fixed.qos"} names field {@code qos} of
     * section {@code fixed} of the level that holds this one (the level whose choice, repeat, conditional or
     * sized part this level is), and each further {@code "../"} one level further up. MQTT's PUBLISH body
     * carries a packet id only when the QoS in the fixed header before it is above 0:
     * <pre>{@code
     * MessageLayout publish = MessageLayout.builder("PUBLISH-body").prefixed("topic", 2)
     *         .when("packetId", "../fixed.qos", qos -> qos > 0, PACKET_ID).rest("payload").build();
     * MessageLayout packet = MessageLayout.builder("mqtt").section("fixed", FIXED)
     *         .varint("remaining", 4).remainingLength(Size.of("remaining"))
     *         .choice("body", "fixed.type", Map.of(1, connect, 3, publish)).build();
     * }</pre>
     * The layout holding such a layout checks, when it is built, that it declares the field before the part
     * that holds it; a layout whose conditions read an enclosing level cannot be decoded or encoded on its
     * own.
     *
     * @param partName the part's name
     * @param conditionPath {@code "section.field"} (or a single field's or varint's name) the test reads,
     *     declared before at this level, or {@code "../section.field"} in an enclosing level
     * @param test whether the part is present for the field's value
     * @param body the layout of the part when present
     * @return this builder
     * @throws IllegalArgumentException if this level declares no such integer field before, or an
     *     enclosing path names no field after its {@code "../"}
     */
    public MessageBuilder when(String partName, String conditionPath, IntPredicate test, MessageLayout body) {
        Objects.requireNonNull(conditionPath, "conditionPath");
        boolean enclosing = EnclosingField.names(conditionPath);
        add(new OptionalPart(partName, enclosing ? null : resolve(conditionPath),
                enclosing ? EnclosingField.of(name, conditionPath) : null, Objects.requireNonNull(test, "test"),
                Objects.requireNonNull(body, "body")));
        return this;
    }

    /**
     * Adds a sub-layout that ends where its own parts do: a structure several layouts share, read and written
     * as a level of its own ({@code sub("tags")}, a nested record), such as the tagged fields that end every
     * structure of Kafka's flexible versions or a common header. Its conditions may read this level's fields
     * as {@code "../section.field"}.
     *
     * @param partName the part's name
     * @param body the layout of the part
     * @return this builder
     */
    public MessageBuilder nested(String partName, MessageLayout body) {
        add(new NestedPart(partName, null, null, Objects.requireNonNull(body, "body")));
        return this;
    }

    /**
     * Adds a sub-layout confined to a size an earlier field gives (MQTT's remaining length, a record's
     * length field); the sub-layout must fill exactly that many bytes, and encoding derives the field.
     *
     * @param partName the part's name
     * @param size the part's length, such as {@code Size.of("fixed.remaining")}
     * @param body the layout of the part
     * @return this builder
     */
    public MessageBuilder sized(String partName, Size size, MessageLayout body) {
        add(new NestedPart(partName, resolve(size.path()), size,
                Objects.requireNonNull(body, "body")));
        return this;
    }

    /**
     * Declares that the parts declared after this point take exactly {@code size} bytes, as MQTT's remaining
     * length counts the rest of its packet: {@code .varint("remaining", 4).remainingLength(Size.of("remaining"))}.
     * It takes no bytes and has no value. Decoding ends the level there: the parts after it may not run past
     * that end (a {@code rest} part runs up to it), must reach it, and {@link Message#end()} is there, with
     * any bytes after it outside the message. Encoding derives the field from the bytes of those parts,
     * exactly through the {@link Size}, as {@link #sized} does.
     *
     * @param size the length, computed from an integer field of a section or a varint declared before
     * @return this builder
     * @throws IllegalArgumentException if the size names no integer field or varint declared before, or the
     *     level already declares a remaining or total length
     */
    public MessageBuilder remainingLength(Size size) {
        return levelLength(false, size);
    }

    /**
     * Declares that the whole level, from its first byte, takes exactly {@code size} bytes, as IPv4's total
     * length counts header, options and payload: {@code .section("ip", IP).totalLength(Size.of("ip.totalLength"))}.
     * It takes no bytes and has no value. Decoding ends the level there: the parts after this point may not
     * run past that end (a {@code rest} part or a choice runs up to it), must reach it, and
     * {@link Message#end()} is there, with any bytes after it (the padding of a short Ethernet frame) outside
     * the message; a length smaller than the parts before this point is bad input. Encoding derives the
     * field from the level's bytes, exactly through the {@link Size} (a varint holding it counts its own
     * bytes too).
     *
     * @param size the length, computed from an integer field of a section or a varint declared before
     * @return this builder
     * @throws IllegalArgumentException if the size names no integer field or varint declared before, or the
     *     level already declares a remaining or total length
     */
    public MessageBuilder totalLength(Size size) {
        return levelLength(true, size);
    }

    private MessageBuilder levelLength(boolean total, Size size) {
        Objects.requireNonNull(size, "size");
        for (Part p : parts) {
            if (p instanceof LevelLengthPart declared) {
                throw new IllegalArgumentException(name + ": a level declares at most one remainingLength or "
                        + "totalLength, and it has " + declared.declaration());
            }
        }
        add(new LevelLengthPart(total, resolve(size.path()), size));
        return this;
    }

    /**
     * Declares that the checksum field {@code checksumPath} covers the bytes from its section's first byte up
     * to this point: the section and every part declared between them, as IPv4's header checksum covers the
     * fixed header and its options:
     * {@code .section("ip", IP).sized("options", ..., OPTIONS).checksumUpToHere("ip.checksum")}, with
     * {@code IP} declaring {@code internetChecksum("checksum")}. It takes no bytes and has no value. Decoding
     * checks the checksum here, once the bytes it covers are decoded (the section itself checks only its
     * constants), and fails with a {@link io.bufkit.layout.LayoutException} naming the field's path, its
     * offset, the expected and the stored checksum; encoding fills the field in once those bytes are written,
     * so a caller need not give it. The field's own bytes count as zero, as its kind says
     * ({@link io.bufkit.layout.ChecksumField}).
     *
     * @param checksumPath {@code "section.field"}: a checksum field that needs no pseudo-header, of a section
     *     declared before at this level
     * @return this builder
     * @throws IllegalArgumentException if the path names no such field, or its coverage is declared already
     */
    public MessageBuilder checksumUpToHere(String checksumPath) {
        SectionPart section = checksumSection("checksumUpToHere(" + checksumPath + ")", checksumPath);
        add(new ChecksumPart(section, section.coverableChecksum()));
        section.coverChecksumLater();
        return this;
    }

    /**
     * Declares that the checksum field {@code checksumPath} covers the parts from {@code firstPart} through
     * {@code lastPart} (prefixes and terminators included), which do not hold the field: a checksum kept
     * apart from the bytes it covers. The CRC-32C of a Kafka record batch, declared before them, covers the
     * batch from its attributes to its end; PNG's chunk CRC, trailing the chunk, covers its type and data
     * but not its length (ISO/IEC 15948 §5.3):
     * <pre>{@code
     * .field("length", WireType.I32BE).section("type", TYPE).bytes("data", Size.of("length"))
     * .section("crc", PacketLayout.builder("crc").crc32be("value").build())
     * .checksumOver("crc.value", "type", "data")
     * }</pre>
     * It takes no bytes and has no value; declare it once the section and the covered parts are declared.
     * Decoding checks the checksum here (the section itself checks only its constants), and fails with a
     * {@link io.bufkit.layout.LayoutException} naming the field's path, its offset, the expected and the
     * stored checksum; encoding fills the field in once they are written, so a caller need not give it.
     *
     * @param checksumPath {@code "section.field"}: a checksum field that needs no pseudo-header, of a section
     *     declared before
     * @param firstPart the first part covered, declared before
     * @param lastPart the last part covered: {@code firstPart} or a part declared after it
     * @return this builder
     * @throws IllegalArgumentException if there is no such field or part, the parts are out of order or hold
     *     the checksum's section, or the field's coverage is declared already
     */
    public MessageBuilder checksumOver(String checksumPath, String firstPart, String lastPart) {
        String call = "checksumOver(" + checksumPath + ", " + firstPart + ", " + lastPart + ")";
        SectionPart section = checksumSection(call, checksumPath);
        Integer first = index.get(Objects.requireNonNull(firstPart, "firstPart"));
        Integer last = index.get(Objects.requireNonNull(lastPart, "lastPart"));
        String wrong = first == null ? "no part " + firstPart : last == null ? "no part " + lastPart
                : first > last ? lastPart + " comes before " + firstPart
                : first <= section.index && section.index <= last ? "the covered parts hold section " + section.name
                : null;
        if (wrong != null) {
            throw new IllegalArgumentException(name + ": " + call + ": " + wrong);
        }
        add(new ChecksumOverPart(section, section.coverableChecksum(), parts.get(first), parts.get(last)));
        section.coverChecksumLater();
        return this;
    }

    /**
     * The section of {@code checksumPath}, {@code "section.field"}, declared before, whose checksum field
     * needing no pseudo-header that is, and whose coverage is not declared yet; else a failure naming
     * {@code call}.
     */
    private SectionPart checksumSection(String call, String checksumPath) {
        Objects.requireNonNull(checksumPath, "checksumPath");
        int dot = checksumPath.indexOf('.');
        Integer at = dot < 0 ? null : index.get(checksumPath.substring(0, dot));
        if (at == null || !(parts.get(at) instanceof SectionPart section)) {
            throw new IllegalArgumentException(name + ": " + call + " names no section declared before; path is "
                    + "section.field");
        }
        ChecksumField field = section.coverableChecksum();
        if (field == null || !field.name().equals(checksumPath.substring(dot + 1))) {
            throw new IllegalArgumentException(name + ": " + checksumPath + " is not a checksum field of section "
                    + section.name + " that needs no pseudo-header" + (field == null ? "; it has none"
                    : "; its checksum is " + field.name()));
        }
        if (section.checksumCoveredLater()) {
            throw new IllegalArgumentException(name + ": the coverage of " + checksumPath + " is declared already");
        }
        return section;
    }

    /**
     * Declares that the transport checksum of the level part {@code partName} holds covers a pseudo-header
     * made of this level's fields, as TCP's and UDP's checksums cover one made of the IP header's
     * (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1):
     * {@code .choice("transport", "ip.protocol", ...).pseudoHeaderChecksum("transport",
     * PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol"))}. In each layout the part may hold, the checksum
     * is the first field declared with {@code internetChecksumWithPseudoHeader} in a section, and it covers
     * the level's bytes from that section's first byte to the level's end; layouts without one (ICMP) are
     * left alone. It takes no bytes and has no value. Encoding fills the checksum in once the level is
     * written, so a caller need not give it; decoding checks it only if the pseudo-header was made with
     * {@link PseudoHeader#checkedWhenDecoding()}. A layout with such a checksum encoded on its own, with no
     * level around it to supply the pseudo-header, writes the checksum as given (0 if not given).
     *
     * @param partName a choice, conditional or sized part declared before at this level
     * @param header the pseudo-header: paths of address and protocol fields of sections declared before the part
     * @return this builder
     * @throws IllegalArgumentException if the part holds no level, no layout it holds has a checksum over a
     *     pseudo-header, a path names no field of a section declared before the part, an address is not 4
     *     (IPv4) or 16 (IPv6) bytes wide, or the protocol is not a one-byte integer field
     */
    public MessageBuilder pseudoHeaderChecksum(String partName, PseudoHeader header) {
        Objects.requireNonNull(header, "header");
        Integer at = index.get(Objects.requireNonNull(partName, "partName"));
        Part held = at == null ? null : parts.get(at);
        if (held == null || !held.holdsLevel()) {
            throw new IllegalArgumentException(name + ": pseudoHeaderChecksum(" + partName + ") names no choice, "
                    + "conditional or sized part declared before");
        }
        Map<MessageLayout, PseudoHeaderChecksumPart.Covered> covered = new java.util.IdentityHashMap<>();
        for (MessageLayout layout : held.heldLayouts()) {
            PseudoHeaderChecksumPart.Covered c = PseudoHeaderChecksumPart.coveredIn(layout);
            if (c != null) {
                covered.put(layout, c);
            }
        }
        if (covered.isEmpty()) {
            throw new IllegalArgumentException(name + ": no layout of " + partName + " declares a checksum over a "
                    + "pseudo-header (internetChecksumWithPseudoHeader)");
        }
        for (Part p : parts) {
            if (p instanceof PseudoHeaderChecksumPart declared && declared.held == held) {
                throw new IllegalArgumentException(name + ": the pseudo-header of " + partName
                        + " is declared already");
            }
        }
        add(new PseudoHeaderChecksumPart(held, header, source(header.source, header.addressBytes, held),
                source(header.destination, header.addressBytes, held), source(header.protocol, 1, held), covered));
        return this;
    }

    /** A field of a section declared before {@code held}, {@code width} bytes wide, for a pseudo-header. */
    private PseudoHeaderChecksumPart.Source source(String path, int width, Part held) {
        int dot = path.indexOf('.');
        Integer at = dot < 0 ? null : index.get(path.substring(0, dot));
        if (at == null || at >= held.index || !(parts.get(at) instanceof SectionPart section)) {
            throw new IllegalArgumentException(name + ": pseudo-header field " + path + " is no field of a section "
                    + "declared before " + held.name + "; path is section.field");
        }
        LayoutField field = section.layout.fields().stream().filter(f -> f.name().equals(path.substring(dot + 1)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(name + ": section " + section.name
                        + " has no field " + path.substring(dot + 1) + " for the pseudo-header"));
        if (field.width() != width || field.bitWidth() != 8 * width || width == 1 && !(field instanceof IntField)) {
            throw new IllegalArgumentException(name + ": pseudo-header field " + path + " is " + field.typeName()
                    + " (" + field.width() + " bytes); it must be " + (width == 1 ? "a one-byte integer field"
                    : width + " bytes wide"));
        }
        return new PseudoHeaderChecksumPart.Source(section, field);
    }

    /**
     * Adds a sub-layout chosen by an earlier field's value, running to the end of the enclosing message.
     *
     * @param partName the part's name
     * @param discriminatorPath {@code "section.field"} whose value picks the alternative
     * @param alternatives the layout for each known value
     * @return this builder
     */
    public MessageBuilder choice(String partName, String discriminatorPath, Map<Integer, MessageLayout> alternatives) {
        add(new ChoicePart(partName, resolve(discriminatorPath), alternatives, null, null));
        return this;
    }

    /**
     * Adds a sub-layout chosen by an earlier field's value and confined to a size; a value with no
     * alternative keeps the bytes raw.
     *
     * @param partName the part's name
     * @param discriminatorPath {@code "section.field"} whose value picks the alternative
     * @param size the part's length
     * @param alternatives the layout for each known value
     * @return this builder
     */
    public MessageBuilder choice(String partName, String discriminatorPath, Size size,
            Map<Integer, MessageLayout> alternatives) {
        add(new ChoicePart(partName, resolve(discriminatorPath), alternatives,
                resolve(size.path()), size));
        return this;
    }

    /**
     * Builds the layout.
     *
     * @return the immutable layout
     * @throws IllegalStateException if a rest-of-message part is followed by a part other than a fixed
     *     section, a single field, bytes sized by a field declared before it or a checksum's coverage, or a
     *     repeat to the end by a part other than a checksum's coverage
     * @throws IllegalArgumentException if a remaining length is declared last, with no part to count, or a
     *     layout this one holds has a condition on a field of this level ({@code "../section.field"}) that
     *     this level does not declare before the part holding it
     */
    public MessageLayout build() {
        for (int i = 0; i < parts.size() - 1; i++) {
            Part p = parts.get(i);
            List<Part> after = parts.subList(i + 1, parts.size());
            if (p instanceof BytesPart b && b.kind == BytesPart.Kind.REST) {
                // the rest leaves room for fixed parts and for bytes sized by fields read before it; the
                // coverage of a checksum takes no bytes
                int rest = i;
                Part other = after.stream().filter(q -> !(q instanceof SectionPart || q instanceof ChecksumDeclaration
                        || q instanceof BytesPart s && s.kind == BytesPart.Kind.SIZED && s.sizeField.section < rest))
                        .findFirst().orElse(null);
                if (other != null) {
                    throw new IllegalStateException(name + ": part " + p.name + " runs to the end, so only fixed "
                            + "sections and fields, and bytes sized by fields before it, which it leaves room for, "
                            + "may follow it, not part " + other.name);
                }
                b.trailer = after.stream().mapToInt(q -> q instanceof SectionPart s ? s.layout.size() : 0).sum();
                BytesPart[] sized = after.stream().filter(q -> q instanceof BytesPart).toArray(BytesPart[]::new);
                b.sizedTrailer = sized.length == 0 ? null : sized;
            }
            boolean toEnd = p instanceof RepeatPart r && r.terminator == RepeatPart.TO_END && r.size == null;
            // only the end of a checksum's coverage, which takes no bytes, may follow it
            if (toEnd && after.stream().anyMatch(q -> !(q instanceof ChecksumDeclaration))) {
                throw new IllegalStateException(name + ": part " + p.name + " runs to the end and must be last");
            }
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof LevelLengthPart l && !l.total) {
            throw new IllegalArgumentException(name + ": remainingLength(" + l.size + ") is declared last, so no "
                    + "part follows to take its bytes; declare it before the parts it counts");
        }
        return new MessageLayout(name, parts, refs, refIds, recordSize, enclosingNeeds());
    }

    /**
     * What this level's conditions and those of the layouts it holds need from the levels enclosing it; a
     * need of a held layout for a field of this level is checked here instead.
     */
    private List<EnclosingField.Need> enclosingNeeds() {
        java.util.Set<EnclosingField.Need> needs = new java.util.LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof OptionalPart o && o.enclosing != null) {
                needs.add(new EnclosingField.Need(o.enclosing, o.enclosing.up, name + "." + o.name));
            }
            for (MessageLayout held : p.heldLayouts()) {
                for (EnclosingField.Need n : held.enclosingNeeds()) {
                    if (n.up() > 1) {
                        needs.add(new EnclosingField.Need(n.field(), n.up() - 1, n.reader()));
                        continue;
                    }
                    FieldRef r = refs.get(n.field().field);
                    if (r == null || r.checksum != null) {
                        throw new IllegalArgumentException(name + ": " + n.reader() + " reads " + n.field().path
                                + ", but " + name + ", which holds it in part " + p.name + ", has no integer field "
                                + n.field().field + "; known: " + integerFields());
                    }
                    if (r.section >= p.index) {
                        throw new IllegalArgumentException(name + ": " + n.reader() + " reads " + n.field().path
                                + ", but " + name + " declares " + n.field().field + " after part " + p.name
                                + ", which holds it; a condition reads a field decoded before it");
                    }
                }
            }
        }
        return List.copyOf(needs);
    }

    /** The paths of this level's integer fields, for failures. */
    private List<String> integerFields() {
        return refs.values().stream().filter(r -> r.checksum == null).map(r -> r.path).sorted().toList();
    }

    private int add(Part part) {
        Objects.requireNonNull(part.name, "partName");
        if (index.containsKey(part.name)) {
            throw new IllegalArgumentException(name + " already has a part " + part.name);
        }
        part.index = parts.size();
        part.startSlot = parts.isEmpty() ? LevelTape.START : parts.get(parts.size() - 1).slot;
        part.slot = recordSize;
        recordSize += part.slots();
        index.put(part.name, parts.size());
        parts.add(part);
        return parts.size() - 1;
    }

    private FieldRef resolve(String path) {
        FieldRef r = refs.get(path);
        if (r != null && r.checksum != null) {
            throw new IllegalArgumentException(name + ": " + path + " is a checksum; a size, count, condition or "
                    + "discriminator needs an integer field");
        }
        if (r == null) {
            throw new IllegalArgumentException(name + ": no integer field " + path
                    + " in a section declared before; known: " + integerFields());
        }
        return r;
    }
}
