package io.bufkit.testkit;

import io.bufkit.Bytes;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.PseudoHeader;
import io.bufkit.message.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layouts and records for decoders generated at test time: public, so that generated classes loaded by
 * another class loader read the layouts from these fields and make these records. Together they hold every
 * part kind and component type {@link io.bufkit.message.DecoderSource} writes, and some it refuses.
 */
public final class DecoderLayouts {
    private DecoderLayouts() {
    }

    /** Byte parts after prefixes of 1, 2 and 4 bytes, each counting itself, and one of 1 counting nothing. */
    public static final MessageLayout PREFIXED = MessageLayout.builder("prefixed")
            .prefixed("name", 1).prefixed("tag", 1, 1).prefixed("data", 2, 2).prefixed("blob", 4, 4).build();

    /**
     * The prefixed parts as a String, Bytes, byte[] and Bytes.
     *
     * @param name UTF-8
     * @param tag owned
     * @param data owned
     * @param blob owned
     */
    public record Prefixed(String name, Bytes tag, byte[] data, Bytes blob) {
    }

    /** A header with a magic constant, a count and a byte size for the repeats after it, and long fields. */
    public static final PacketLayout HEAD = PacketLayout.builder("head").u8("magic").expect(0xB5).u8("version")
            .u8("count").u8("tagBytes").u32be("stamp").i64be("serial").build();
    /** An element of a counted repeat: an id and a label. */
    public static final MessageLayout ITEM = MessageLayout.builder("item").field("id", WireType.U16BE)
            .prefixed("label", 1).build();
    /** An element of one part, held as that part's value. */
    public static final MessageLayout TAG = MessageLayout.builder("tag").prefixed("text", 1).build();
    /** A checked section, a repeat counted by its field, a repeat sized by another. */
    public static final MessageLayout LISTS = MessageLayout.builder("lists").section("head", HEAD)
            .repeat("items", "head.count", ITEM).repeatSized("tags", Size.of("head.tagBytes"), TAG).build();

    /**
     * The header without its constant and derived fields.
     *
     * @param version the version
     * @param stamp u32 as long
     * @param serial i64
     */
    public record Head(int version, long stamp, long serial) {
    }

    /**
     * An item.
     *
     * @param id the id
     * @param label UTF-8
     */
    public record Item(int id, String label) {
    }

    /**
     * The repeats.
     *
     * @param head the header
     * @param items the counted items
     * @param tags the sized tags, one-part elements
     */
    public record Lists(Head head, List<Item> items, List<String> tags) {
    }

    /** The body of the conditional parts. */
    public static final MessageLayout EXTRA = MessageLayout.builder("extra").field("code", WireType.U16BE)
            .prefixed("note", 1).build();
    /** Three conditional bodies on the bits of a plain field, then the rest. */
    public static final MessageLayout CONDITIONAL = MessageLayout.builder("conditional").field("bits", WireType.U8)
            .when("extra", "bits", bits -> (bits & 1) != 0, EXTRA)
            .when("more", "bits", bits -> (bits & 2) != 0, EXTRA)
            .when("hidden", "bits", bits -> (bits & 4) != 0, EXTRA)
            .rest("tail").build();

    /**
     * A conditional body.
     *
     * @param code the code
     * @param note owned
     */
    public record Extra(int code, Bytes note) {
    }

    /**
     * The conditional parts as an Optional, as a record or null, and left out ({@code hidden}).
     *
     * @param bits which bodies are there, boxed
     * @param extra bit 0
     * @param more bit 1, null when absent
     * @param tail owned
     */
    public record Conditional(Integer bits, Optional<Extra> extra, Extra more, byte[] tail) {
    }

    /** The discriminator of the unsized choice. */
    public static final PacketLayout KIND = PacketLayout.builder("kind").u8("type").build();
    /** A ping: a 32-bit sequence number. */
    public static final MessageLayout PING = MessageLayout.builder("ping").field("seq", WireType.U32BE).build();
    /** A note: text to the end of its level. */
    public static final MessageLayout NOTE = MessageLayout.builder("note").rest("text").build();
    /** A choice of ping or note running to the end of the message. */
    public static final MessageLayout UNSIZED = MessageLayout.builder("unsized").section("kind", KIND)
            .choice("body", "kind.type", Map.of(1, PING, 2, NOTE)).build();

    /**
     * The discriminator.
     *
     * @param type 1 ping, 2 note
     */
    public record Kind(int type) {
    }

    /** The unsized choice's alternatives. */
    public sealed interface Body permits Ping, Note {
    }

    /** The sized choice's alternatives, raw bytes for unknown types. */
    public sealed interface Framed permits Ping, Note, Raw {
    }

    /**
     * A ping.
     *
     * @param seq u32 as a boxed long
     */
    public record Ping(Long seq) implements Body, Framed {
    }

    /**
     * A note.
     *
     * @param text UTF-8
     */
    public record Note(String text) implements Body, Framed {
    }

    /**
     * An alternative of unknown type.
     *
     * @param bytes owned
     */
    public record Raw(Bytes bytes) implements Framed {
    }

    /**
     * The unsized choice.
     *
     * @param kind the discriminator
     * @param body the alternative
     */
    public record Unsized(Kind kind, Body body) {
    }

    /** A type and the length of the choice after it. */
    public static final PacketLayout FRAME_HEAD = PacketLayout.builder("frame-head").u8("type").u16be("length")
            .build();
    /** A constant end mark. */
    public static final PacketLayout END = PacketLayout.builder("end").u8("mark").expect(0x0A).build();
    /** A choice sized by a field, then a constant end mark. */
    public static final MessageLayout SIZED = MessageLayout.builder("sized").section("head", FRAME_HEAD)
            .choice("body", "head.type", Size.of("head.length"), Map.of(1, PING, 2, NOTE)).section("end", END)
            .build();

    /**
     * The head without the derived length.
     *
     * @param type 1 ping, 2 note, others raw
     */
    public record FrameHead(int type) {
    }

    /**
     * The sized choice; the end mark, a constant, is left out.
     *
     * @param head the head
     * @param body the alternative
     */
    public record Sized(FrameHead head, Framed body) {
    }

    /** A header with a constant, an options length, the total length and a checksum covered later. */
    public static final PacketLayout SUMMED = PacketLayout.builder("summed").u8("magic").expect(0x45)
            .u8("optBytes").u16be("total").internetChecksum("sum").build();
    /** A fixed trailer. */
    public static final PacketLayout TRAILER = PacketLayout.builder("trailer").u16be("code").build();
    /**
     * A total length, options sized by a field, a checksum over header and options, the rest, a fixed
     * trailer after the rest.
     */
    public static final MessageLayout CHECKED = MessageLayout.builder("checked").section("h", SUMMED)
            .totalLength(Size.of("h.total")).bytes("options", Size.of("h.optBytes")).checksumUpToHere("h.sum")
            .rest("payload").section("trailer", TRAILER).build();

    /**
     * The header's checksum as decoded.
     *
     * @param sum the checksum
     */
    public record Summed(long sum) {
    }

    /**
     * The trailer.
     *
     * @param code the code
     */
    public record Trailer(int code) {
    }

    /**
     * The checked message.
     *
     * @param h the header
     * @param options owned
     * @param payload UTF-8
     * @param trailer the trailer
     */
    public record Checked(Summed h, byte[] options, String payload, Trailer trailer) {
    }

    /** A remaining length in a plain field, then a prefixed part and the rest up to that length. */
    public static final MessageLayout REMAINING = MessageLayout.builder("remaining").field("len", WireType.U8)
            .remainingLength(Size.of("len")).prefixed("a", 1).rest("b").build();

    /**
     * The message without its derived length.
     *
     * @param a owned
     * @param b owned
     */
    public record Remaining(Bytes a, Bytes b) {
    }

    /** A plain field and a prefixed part; {@link #FINGERPRINT_WIDER} differs in the field's width only. */
    public static final MessageLayout FINGERPRINT = MessageLayout.builder("fp").field("n", WireType.U8)
            .prefixed("s", 1).build();
    /** {@link #FINGERPRINT} with a 2-byte field. */
    public static final MessageLayout FINGERPRINT_WIDER = MessageLayout.builder("fp").field("n", WireType.U16BE)
            .prefixed("s", 1).build();

    /**
     * Either fingerprint layout's message.
     *
     * @param n the field
     * @param s owned
     */
    public record Fp(int n, Bytes s) {
    }

    /** Bytes after a compact length (a varint holding the length plus one). */
    public static final MessageLayout COMPACT = MessageLayout.builder("compact-text").compact("name").build();
    /** Bytes or NULL after a signed prefix. */
    public static final MessageLayout NULLABLE_PREFIXED = MessageLayout.builder("nullable-text")
            .field("id", WireType.U8).nullablePrefixed("name", 2).build();
    /** A repeat that may be NULL. */
    public static final MessageLayout NULLABLE_REPEAT = MessageLayout.builder("nullable-list")
            .field("n", WireType.I32BE).nullableRepeat("tags", Size.of("n"), TAG).build();

    /**
     * The compact part.
     *
     * @param name owned
     */
    public record CompactText(Bytes name) {
    }

    /**
     * The nullable prefixed part.
     *
     * @param id the id
     * @param name empty for NULL
     */
    public record NullableText(int id, Optional<Bytes> name) {
    }

    /**
     * The nullable repeat.
     *
     * @param tags null for NULL
     */
    public record NullableList(List<String> tags) {
    }
    /** A type-length-value element whose length field is its level's remaining length. */
    public static final MessageLayout TLV = MessageLayout.builder("tlv").field("t", WireType.U8)
            .field("l", WireType.U8).remainingLength(Size.of("l")).rest("v").build();
    /** A number, an element of one single-field part. */
    public static final MessageLayout NUMBER = MessageLayout.builder("number").field("v", WireType.U16BE).build();
    /** A type and a checksum over the whole of its level, which a rest part fills. */
    public static final PacketLayout ECHO_HEAD = PacketLayout.builder("echo-head").u8("type").u8("code")
            .internetChecksum("sum").build();
    /** An echo: its head, the rest, the head's checksum over both. */
    public static final MessageLayout ECHO = MessageLayout.builder("echo").section("e", ECHO_HEAD).rest("data")
            .checksumUpToHere("e.sum").build();
    /** A fixed one-byte check. */
    public static final PacketLayout CHECK = PacketLayout.builder("check").u8("c").build();
    /** A pair: a flag, a TLV when the flag is set, the rest and a fixed check after it. */
    public static final MessageLayout PAIR = MessageLayout.builder("pair").field("flag", WireType.U8)
            .when("first", "flag", flag -> flag != 0, TLV).rest("rest").section("crc", CHECK).build();
    /** The head of {@link #MIXED}. */
    public static final PacketLayout MIXED_HEAD = PacketLayout.builder("mixed-head").u8("kind").u8("n")
            .u8("m").u8("size").u8("padUnits").build();
    /**
     * Levels within levels: counted TLVs with their own remaining lengths, numbers of one part, a choice sized
     * through arithmetic whose alternatives hold a checksum over a rest and a conditional TLV before a rest and
     * a fixed check (keys 1 and 3 share one alternative), then bytes sized through arithmetic on a field.
     */
    public static final MessageLayout MIXED = MessageLayout.builder("mixed").section("h", MIXED_HEAD)
            .repeat("tlvs", "h.n", TLV).repeat("nums", "h.m", NUMBER)
            .choice("body", "h.kind", Size.of("h.size").plus(-1), Map.of(1, ECHO, 2, PAIR, 3, ECHO))
            .bytes("pad", Size.of("h.padUnits").times(2).plus(-1)).build();

    /**
     * A TLV; its length is derived.
     *
     * @param t the type
     * @param v owned
     */
    public record Tlv(int t, byte[] v) {
    }

    /**
     * The echo's head.
     *
     * @param type the type
     * @param code the code
     * @param sum the checksum as decoded
     */
    public record EchoHead(int type, int code, long sum) {
    }

    /** {@link #MIXED}'s alternatives. */
    public sealed interface MixedBody permits Echo, Pair, MixedRaw {
    }

    /**
     * An echo.
     *
     * @param e the head
     * @param data owned
     */
    public record Echo(EchoHead e, Bytes data) implements MixedBody {
    }

    /**
     * The check.
     *
     * @param c the byte
     */
    public record Check(int c) {
    }

    /**
     * A pair.
     *
     * @param flag the flag
     * @param first the TLV when the flag is set
     * @param rest UTF-8
     * @param crc the check
     */
    public record Pair(int flag, Optional<Tlv> first, String rest, Check crc) implements MixedBody {
    }

    /**
     * An alternative of unknown kind.
     *
     * @param bytes owned
     */
    public record MixedRaw(byte[] bytes) implements MixedBody {
    }

    /**
     * The head without derived fields.
     *
     * @param kind the alternative
     */
    public record MixedHead(int kind) {
    }

    /**
     * {@link #MIXED}.
     *
     * @param h the head
     * @param tlvs the TLVs
     * @param nums the numbers
     * @param body the alternative
     * @param pad owned
     */
    public record Mixed(MixedHead h, List<Tlv> tlvs, List<Integer> nums, MixedBody body, Bytes pad) {
    }

    /** A checksum kept apart from the bytes it covers, after them. */
    public static final MessageLayout CHECKSUM_OVER = MessageLayout.builder("checksum-over")
            .prefixed("data", 1).section("crc", PacketLayout.builder("crc").crc32be("value").build())
            .checksumOver("crc.value", "data", "data").build();
    /** A condition on a field of the enclosing level. */
    public static final MessageLayout ENCLOSING = MessageLayout.builder("enclosing").field("wide", WireType.U8)
            .field("n", WireType.U8).repeat("items", "n", MessageLayout.builder("entry").field("a", WireType.U8)
                    .when("b", "../wide", wide -> wide > 1, NUMBER).build())
            .build();
    /** A condition on the enclosing level's field that counts the repeat holding it. */
    public static final MessageLayout ENCLOSING_COUNT = MessageLayout.builder("enclosing-count")
            .field("wide", WireType.U8).repeat("items", "wide", MessageLayout.builder("entry").field("a", WireType.U8)
                    .when("b", "../wide", wide -> wide > 1, NUMBER).build())
            .build();
    /** Bytes sized by a field after a rest part, which the generator refuses. */
    public static final MessageLayout PADDED = MessageLayout.builder("padded").field("padLength", WireType.U8)
            .rest("data").bytes("padding", Size.of("padLength")).build();

    /** A CRC-32 section. */
    public static final PacketLayout CRC = PacketLayout.builder("crc").crc32be("value").build();
    /** A checksum whose section comes before the bytes it covers, as Kafka's record batch CRC does. */
    public static final MessageLayout CHECKSUM_FIRST = MessageLayout.builder("checksum-first").section("crc", CRC)
            .prefixed("data", 1).checksumOver("crc.value", "data", "data").build();

    /** A floating-point section field, which the generator refuses. */
    public static final MessageLayout FLOATING = MessageLayout.builder("floating")
            .section("f", PacketLayout.builder("f").f32be("ratio").f64be("scale").flags8("state", "on", "ready")
                    .text("name", 4, java.nio.charset.StandardCharsets.US_ASCII, io.bufkit.layout.TextPadding.NUL)
                    .bytes("tag", 2).build()).build();

    /**
     * {@link #FLOATING}'s section.
     *
     * @param ratio a 32-bit float
     * @param scale a 64-bit float
     * @param state two flag bits
     * @param name NUL-padded ASCII text
     * @param tag two bytes
     */
    public record F(float ratio, double scale, int state, String name, byte[] tag) {
    }

    /**
     * {@link #FLOATING}'s message.
     *
     * @param f the section
     */
    public record Floating(F f) {
    }

    /** Addresses and a protocol for a pseudo-header. */
    public static final PacketLayout ADDRESSES = PacketLayout.builder("addresses").u8("protocol").i32be("src")
            .i32be("dst").build();
    /** A segment whose checksum covers a pseudo-header. */
    public static final MessageLayout SEGMENT = MessageLayout.builder("segment")
            .section("u", PacketLayout.builder("u").internetChecksumWithPseudoHeader("checksum").build())
            .rest("data").build();
    /** A pseudo-header checksum checked when decoding. */
    public static final MessageLayout PSEUDO_CHECKED = MessageLayout.builder("pseudo-checked")
            .section("ip", ADDRESSES).nested("transport", SEGMENT)
            .pseudoHeaderChecksum("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")
                    .checkedWhenDecoding())
            .build();

    /**
     * The addresses.
     *
     * @param protocol the protocol
     * @param src the source
     * @param dst the destination
     */
    public record Addresses(int protocol, int src, int dst) {
    }

    /**
     * The segment's header.
     *
     * @param checksum as decoded
     */
    public record U(long checksum) {
    }

    /**
     * The segment.
     *
     * @param u the header
     * @param data owned
     */
    public record Segment(U u, Bytes data) {
    }

    /** A level whose checksum over a pseudo-header is in its second part, which the generator refuses. */
    public static final MessageLayout LATE = MessageLayout.builder("late").field("kind", WireType.U8)
            .section("u", PacketLayout.builder("u").internetChecksumWithPseudoHeader("checksum").build())
            .rest("data").build();
    /** A pseudo-header checksum checked when decoding over {@link #LATE}. */
    public static final MessageLayout PSEUDO_LATE = MessageLayout.builder("pseudo-late")
            .section("ip", ADDRESSES).nested("transport", LATE)
            .pseudoHeaderChecksum("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")
                    .checkedWhenDecoding())
            .build();

    /**
     * {@link #LATE}'s level.
     *
     * @param kind a byte before the checksum
     * @param u the checksum's section
     * @param data owned
     */
    public record Late(int kind, U u, Bytes data) {
    }

    /**
     * {@link #PSEUDO_LATE}'s message.
     *
     * @param ip the addresses
     * @param transport the level
     */
    public record PseudoLate(Addresses ip, Late transport) {
    }

    /**
     * {@link #PSEUDO_CHECKED}'s message.
     *
     * @param ip the addresses
     * @param transport the segment
     */
    public record PseudoChecked(Addresses ip, Segment transport) {
    }

    /**
     * The message of {@link #CHECKSUM_OVER} and {@link #CHECKSUM_FIRST}; the checksum is left out.
     *
     * @param data owned
     */
    public record Covered(Bytes data) {
    }

    /**
     * An entry of {@link #ENCLOSING}.
     *
     * @param a the byte
     * @param b the number when the enclosing field is above 1
     */
    public record Entry(int a, Optional<Integer> b) {
    }

    /**
     * {@link #ENCLOSING}'s message.
     *
     * @param wide whether entries hold numbers (above 1)
     * @param items the entries
     */
    public record Enclosing(int wide, List<Entry> items) {
    }

    /**
     * {@link #PADDED}'s message; the pad length is derived.
     *
     * @param data owned
     * @param padding owned
     */
    public record Padded(Bytes data, Bytes padding) {
    }
}
