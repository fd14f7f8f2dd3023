package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written parser of PostgreSQL backend messages (§55.7) RowDescription, DataRow and ErrorResponse,
 * reading the same fields as the layouts in {@code io.bufkit.examples.PostgresMessage}, written as a
 * careful user would. Returns where the next message starts.
 */
final class HandPostgres {
    private HandPostgres() {
    }

    static int parse(ByteView m, FieldSink out) {
        if (m.length() < 5 || m.i32be(1) < 4 || 1 + m.i32be(1) > m.length()) {
            throw new IllegalArgumentException("pg-backend: head or length at offset 0 runs past the end");
        }
        int type = m.u8(0);
        int end = 1 + m.i32be(1);
        out.consume(type);
        int at = 5;
        if (type == 'T' || type == 'D') {
            need(at + 2, end, at, "count");
            int n = m.u16be(at);
            at += 2;
            for (int i = 0; i < n; i++) {
                at = type == 'T' ? column(m, at, end, out) : value(m, at, end, out);
            }
        } else if (type == 'E') {
            while (true) {
                need(at + 1, end, at, "field code");
                int code = m.u8(at);
                if (code == 0) {
                    at++;
                    break;
                }
                out.consume(code);
                at = text(m, at + 1, end, out);
            }
        } else {
            out.consume(end - at);
            at = end;
        }
        if (at != end) {
            throw new IllegalArgumentException("pg-backend: body ends at " + at + ", its length says " + end);
        }
        return end;
    }

    private static int column(ByteView m, int at, int end, FieldSink out) {
        at = text(m, at, end, out);
        need(at + 18, end, at, "column attributes");
        out.consume(m.i32be(at));
        out.consume(m.i16be(at + 4));
        out.consume(m.i32be(at + 6));
        out.consume(m.i16be(at + 10));
        out.consume(m.i32be(at + 12));
        out.consume(m.i16be(at + 16));
        return at + 18;
    }

    private static int value(ByteView m, int at, int end, FieldSink out) {
        need(at + 4, end, at, "value length");
        int length = m.i32be(at);
        if (length < -1 || at + 4 + length > end) {
            throw new IllegalArgumentException("value at offset " + at + ": length " + length + " runs past the end");
        }
        out.consume(length < 0 ? null : m.slice(at + 4, at + 4 + length).toString(StandardCharsets.UTF_8));
        return at + 4 + Math.max(length, 0);
    }

    private static int text(ByteView m, int at, int end, FieldSink out) {
        for (int i = at; i < end; i++) {
            if (m.u8(i) == 0) {
                out.consume(m.slice(at, i).toString(StandardCharsets.UTF_8));
                return i + 1;
            }
        }
        throw new IllegalArgumentException("string at offset " + at + " has no NUL before " + end);
    }

    private static void need(int to, int end, int at, String what) {
        if (to > end) {
            throw new IllegalArgumentException(what + " at offset " + at + " runs past the end (" + end + ")");
        }
    }
}
