package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.Size;
import java.util.Map;

/**
 * HTTP/2 frames (RFC 9113) declared as message layouts: {@link #FRAME} is the 9-byte frame header
 * {@link #HEAD} (§4.1) followed by a payload of the header's length, chosen by its type — DATA, HEADERS,
 * PRIORITY, RST_STREAM, SETTINGS, PING, GOAWAY and WINDOW_UPDATE decoded into their parts, every other type
 * (PUSH_PROMISE, CONTINUATION, extensions) kept as raw bytes. DATA and HEADERS read the header's PADDED and
 * PRIORITY flags from the enclosing level, so they are decoded and encoded within {@link #FRAME}; encoding
 * computes the frame length and the pad length from the parts given.
 *
 * <p>A client's stream starts with {@link #PREFACE}; after it, and from the start of a server's stream,
 * {@code FRAME.decodePrefix(stream)} decodes the frame at the start, and its {@code end()} is where the next
 * frame starts. Header blocks stay HPACK-compressed bytes (RFC 7541).
 */
public final class Http2Frame {
    private Http2Frame() {
    }

    /** The client connection preface (§3.4), {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}: 24 owned bytes. */
    public static final Bytes PREFACE = Bytes.utf8("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

    /**
     * The frame header (§4.1): 24-bit payload length, type, the eight flag bits (PRIORITY 0x20, PADDED 0x08,
     * END_HEADERS 0x04, and 0x01: END_STREAM on DATA and HEADERS, ACK on SETTINGS and PING), a reserved bit and
     * the 31-bit stream identifier.
     */
    public static final PacketLayout HEAD = PacketLayout.builder("h2-head").u24be("length").u8("type")
            .bits("unused", 2).bit("priority").bit("unused2").bit("padded").bit("endHeaders").bit("unused3")
            .bit("endStreamOrAck").bit("reserved").bits("streamId", 31).build();

    /** A stream dependency and weight (§5.3.1), the fields HEADERS with PRIORITY and PRIORITY frames share. */
    static final PacketLayout DEPENDENCY = PacketLayout.builder("h2-dependency").bit("exclusive").bits("stream", 31)
            .u8("weight").build();

    /** The priority fields as a message: HEADERS' optional part and the whole PRIORITY payload. */
    static final MessageLayout PRIORITY_FIELDS = MessageLayout.builder("priority")
            .section("dependency", DEPENDENCY).build();

    static final MessageLayout PADDED_DATA = MessageLayout.builder("padded-data").field("padLength", WireType.U8)
            .rest("data").bytes("padding", Size.of("padLength")).build();
    static final MessageLayout PLAIN_DATA = MessageLayout.builder("plain-data").rest("data").build();

    /**
     * DATA's payload (§6.1): with the header's PADDED flag, part {@code padded} (Pad Length, the data, that
     * many bytes of padding); without it, part {@code plain} (the data).
     */
    public static final MessageLayout DATA = MessageLayout.builder("DATA")
            .when("padded", "../head.padded", p -> p != 0, PADDED_DATA)
            .when("plain", "../head.padded", p -> p == 0, PLAIN_DATA)
            .build();

    static final MessageLayout PADDED_HEADERS = MessageLayout.builder("padded-headers")
            .field("padLength", WireType.U8)
            .when("priority", "../../head.priority", p -> p != 0, PRIORITY_FIELDS)
            .rest("fragment").bytes("padding", Size.of("padLength")).build();
    static final MessageLayout PLAIN_HEADERS = MessageLayout.builder("plain-headers")
            .when("priority", "../../head.priority", p -> p != 0, PRIORITY_FIELDS)
            .rest("fragment").build();

    /**
     * HEADERS' payload (§6.2): like {@link #DATA}, part {@code padded} or {@code plain} by the PADDED flag;
     * each holds the priority fields (part {@code priority}) when the PRIORITY flag is set, then the header
     * block fragment.
     */
    public static final MessageLayout HEADERS = MessageLayout.builder("HEADERS")
            .when("padded", "../head.padded", p -> p != 0, PADDED_HEADERS)
            .when("plain", "../head.padded", p -> p == 0, PLAIN_HEADERS)
            .build();

    /** PRIORITY's payload (§6.3): the exclusive bit, stream dependency and weight (the wire byte, weight − 1). */
    public static final MessageLayout PRIORITY = PRIORITY_FIELDS;

    /** RST_STREAM's payload (§6.4): a 32-bit error code (§7). */
    public static final MessageLayout RST_STREAM = MessageLayout.builder("RST_STREAM")
            .field("errorCode", WireType.U32BE).build();

    static final MessageLayout SETTING = MessageLayout.builder("setting").field("id", WireType.U16BE)
            .field("value", WireType.U32BE).build();

    /** SETTINGS' payload (§6.5): 6-byte parameters, a 16-bit id and a 32-bit value each, up to its end. */
    public static final MessageLayout SETTINGS = MessageLayout.builder("SETTINGS").repeatToEnd("settings", SETTING)
            .build();

    /** PING's payload (§6.7): 8 bytes of opaque data. */
    public static final MessageLayout PING = MessageLayout.builder("PING").field("opaqueData", WireType.I64BE)
            .build();

    /**
     * GOAWAY's payload (§6.8): a reserved bit, the last stream identifier, the error code (§7), then the
     * additional debug data up to its end.
     */
    public static final MessageLayout GOAWAY = MessageLayout.builder("GOAWAY")
            .section("last", PacketLayout.builder("goaway-last").bit("reserved").bits("lastStreamId", 31)
                    .u32be("errorCode").build())
            .rest("debugData").build();

    /** WINDOW_UPDATE's payload (§6.9): a reserved bit and the 31-bit window size increment. */
    public static final MessageLayout WINDOW_UPDATE = MessageLayout.builder("WINDOW_UPDATE")
            .section("window", PacketLayout.builder("window-update").bit("reserved").bits("increment", 31).build())
            .build();

    /**
     * Any frame (§4.1): part {@code head} ({@link #HEAD}), then part {@code payload} of {@code head.length}
     * bytes by {@code head.type}: DATA (0), HEADERS (1), PRIORITY (2), RST_STREAM (3), SETTINGS (4), PING (6),
     * GOAWAY (7), WINDOW_UPDATE (8); every other type as raw bytes.
     */
    public static final MessageLayout FRAME = MessageLayout.builder("h2-frame").section("head", HEAD)
            .choice("payload", "head.type", Size.of("head.length"), Map.of(0, DATA, 1, HEADERS, 2, PRIORITY,
                    3, RST_STREAM, 4, SETTINGS, 6, PING, 7, GOAWAY, 8, WINDOW_UPDATE))
            .build();
}
