package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.message.MessageCodec;
import java.util.List;

/**
 * A PostgreSQL backend message as records, decoded and encoded by a {@link MessageCodec} derived from
 * {@link PostgresMessage#BACKEND}; lengths and counts are computed when encoding.
 *
 * @param head the message type
 * @param body the body its type names
 */
public record Postgres(Head head, Body body) {

    /**
     * Decodes backend messages into {@code Postgres} records and encodes them back; decodes through the
     * generated {@link PostgresDecoder}.
     */
    public static final MessageCodec<Postgres> CODEC = MessageCodec.of(PostgresMessage.BACKEND, Postgres.class)
            .withDecoder(new PostgresDecoder());

    /**
     * The message head but its length.
     *
     * @param type the type byte, such as {@code 'T'}
     */
    public record Head(int type) {
    }

    /** A body, one record per alternative of the layout's {@code body} choice. */
    public sealed interface Body permits RowDescription, DataRow, ErrorResponse, Other {
    }

    /**
     * RowDescription; the column count is left out of the record, computed when encoding.
     *
     * @param columns each column
     */
    public record RowDescription(List<Column> columns) implements Body {
    }

    /**
     * One column of a RowDescription.
     *
     * @param name the column name
     * @param attrs its attributes
     */
    public record Column(String name, Attrs attrs) {
    }

    /**
     * A column's attributes.
     *
     * @param tableOid the table's OID, or 0
     * @param columnIndex the column's attribute number, or 0
     * @param typeOid the data type's OID
     * @param typeLength the type's size, negative for variable width
     * @param typeModifier the type modifier
     * @param format 0 text, 1 binary
     */
    public record Attrs(int tableOid, int columnIndex, int typeOid, int typeLength, int typeModifier, int format) {
    }

    /**
     * DataRow; the value count is left out of the record, computed when encoding.
     *
     * @param values each value as text, {@code null} for NULL
     */
    public record DataRow(List<String> values) implements Body {
    }

    /**
     * ErrorResponse.
     *
     * @param fields each field, in order
     */
    public record ErrorResponse(List<ErrorField> fields) implements Body {
    }

    /**
     * One field of an ErrorResponse.
     *
     * @param code {@code 'S'} severity, {@code 'C'} SQLSTATE, {@code 'M'} message, ...
     * @param value its text
     */
    public record ErrorField(int code, String value) {
    }

    /**
     * A body of any other type, kept raw.
     *
     * @param data the body bytes, owned
     */
    public record Other(Bytes data) implements Body {
    }
}
