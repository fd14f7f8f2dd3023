package io.bufkit.examples;

import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.Size;
import java.util.Map;

/**
 * PostgreSQL backend messages (protocol 3.0, §55.7 "Message Formats") declared as message layouts: a type
 * byte and an Int32 length that counts itself, then RowDescription ({@code T}), DataRow ({@code D}) or
 * ErrorResponse ({@code E}); other types keep their body raw.
 *
 * <p>{@code PostgresMessage.BACKEND.decodePrefix(stream)} decodes the first message of a stream; its
 * {@code end()} is where the next begins.
 */
public final class PostgresMessage {
    private PostgresMessage() {
    }

    static final PacketLayout HEAD = PacketLayout.builder("pg-head").u8("type").i32be("length").build();
    static final MessageLayout COLUMN = MessageLayout.builder("column")
            .nulTerminated("name")
            .section("attrs", PacketLayout.builder("pg-column-attrs").i32be("tableOid").i16be("columnIndex")
                    .i32be("typeOid").i16be("typeLength").i32be("typeModifier").i16be("format").build())
            .build();
    /** RowDescription's body: a count, then each column's name and attributes. */
    public static final MessageLayout ROW_DESCRIPTION = MessageLayout.builder("RowDescription")
            .field("n", WireType.U16BE).repeat("columns", "n", COLUMN).build();
    /** A DataRow column value: an Int32 length, -1 for NULL, then that many bytes. */
    static final MessageLayout VALUE = MessageLayout.builder("value").nullablePrefixed("value", 4).build();
    /** DataRow's body: a count, then each value (length -1 for NULL). */
    public static final MessageLayout DATA_ROW = MessageLayout.builder("DataRow")
            .field("n", WireType.U16BE).repeat("values", "n", VALUE).build();
    static final MessageLayout ERROR_FIELD = MessageLayout.builder("error-field")
            .field("code", WireType.U8).nulTerminated("value").build();
    /** ErrorResponse's body: code-tagged NUL-terminated strings up to a 0 byte. */
    public static final MessageLayout ERROR_RESPONSE = MessageLayout.builder("ErrorResponse")
            .repeatUntil("fields", 0, ERROR_FIELD).build();
    /** One backend message: head, then the body its type names, sized by the length. */
    public static final MessageLayout BACKEND = MessageLayout.builder("pg-backend")
            .section("head", HEAD)
            .choice("body", "head.type", Size.of("head.length").plus(-4),
                    Map.of((int) 'T', ROW_DESCRIPTION, (int) 'D', DATA_ROW, (int) 'E', ERROR_RESPONSE))
            .build();
}
