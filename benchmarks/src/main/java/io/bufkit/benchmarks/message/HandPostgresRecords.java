package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.examples.Postgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written parser of PostgreSQL backend messages (RowDescription, DataRow, ErrorResponse, any other
 * as raw bytes) into the same records {@link Postgres#CODEC} decodes, with the same checks: the peer of the
 * PostgreSQL layouts in the line counts.
 */
final class HandPostgresRecords {
    private HandPostgresRecords() {
    }

    /** The message at the start of {@code m} and where it ends, in {@code end[0]}. */
    static Postgres parse(ByteView m, int[] end) {
        if (m.length() < 5 || m.i32be(1) < 4 || 1 + m.i32be(1) > m.length()) {
            throw new IllegalArgumentException("pg-backend: head or length at offset 0 runs past the end");
        }
        int type = m.u8(0);
        end[0] = 1 + m.i32be(1);
        int[] at = {5};
        Postgres.Body body;
        if (type == 'T' || type == 'D') {
            need(at[0] + 2, end[0], at[0], "count");
            int n = m.u16be(at[0]);
            at[0] += 2;
            List<Postgres.Column> columns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (type == 'T') {
                    columns.add(column(m, at, end[0]));
                } else {
                    values.add(value(m, at, end[0]));
                }
            }
            body = type == 'T' ? new Postgres.RowDescription(columns)
                    : new Postgres.DataRow(values);
        } else if (type == 'E') {
            List<Postgres.ErrorField> fields = new ArrayList<>();
            while (true) {
                need(at[0] + 1, end[0], at[0], "field code");
                int code = m.u8(at[0]++);
                if (code == 0) {
                    break;
                }
                fields.add(new Postgres.ErrorField(code, text(m, at, end[0])));
            }
            body = new Postgres.ErrorResponse(fields);
        } else {
            body = new Postgres.Other(Bytes.copyOf(m.slice(at[0], end[0])));
            at[0] = end[0];
        }
        if (at[0] != end[0]) {
            throw new IllegalArgumentException("pg-backend: body ends at " + at[0] + ", its length says " + end[0]);
        }
        return new Postgres(new Postgres.Head(type), body);
    }

    private static Postgres.Column column(ByteView m, int[] at, int end) {
        String name = text(m, at, end);
        int a = at[0];
        need(a + 18, end, a, "column attributes");
        at[0] += 18;
        return new Postgres.Column(name, new Postgres.Attrs(m.i32be(a), m.i16be(a + 4), m.i32be(a + 6),
                m.i16be(a + 10), m.i32be(a + 12), m.i16be(a + 16)));
    }

    private static String value(ByteView m, int[] at, int end) {
        int a = at[0];
        need(a + 4, end, a, "value length");
        int length = m.i32be(a);
        if (length < -1 || a + 4 + length > end) {
            throw new IllegalArgumentException("value at offset " + a + ": length " + length + " runs past the end");
        }
        at[0] = a + 4 + Math.max(length, 0);
        return length < 0 ? null : m.slice(a + 4, a + 4 + length).toString(StandardCharsets.UTF_8);
    }

    private static String text(ByteView m, int[] at, int end) {
        for (int i = at[0]; i < end; i++) {
            if (m.u8(i) == 0) {
                String text = m.slice(at[0], i).toString(StandardCharsets.UTF_8);
                at[0] = i + 1;
                return text;
            }
        }
        throw new IllegalArgumentException("string at offset " + at[0] + " has no NUL before " + end);
    }

    private static void need(int to, int end, int at, String what) {
        if (to > end) {
            throw new IllegalArgumentException(what + " at offset " + at + " runs past the end (" + end + ")");
        }
    }
}
