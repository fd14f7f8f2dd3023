package io.bufkit.examples;

import static io.bufkit.testsupport.RegexGroups.all;
import static io.bufkit.testsupport.RegexGroups.first;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RowDescription, DataRow and ErrorResponse of a real psql session, against tshark's decoding. */
class PostgresMessageTest {
    static ByteView backend() throws IOException {
        return ByteView.wrap(DnsMessageTest.resource("postgresql/backend.bin"));
    }

    static String tshark() throws IOException {
        return new String(DnsMessageTest.resource("postgresql/session.tshark.txt"), StandardCharsets.UTF_8);
    }

    /** Every backend message of the session, in order. */
    static List<Message> messages() throws IOException {
        ByteView all = backend();
        List<Message> out = new ArrayList<>();
        for (int at = 0; at < all.length();) {
            Message m = PostgresMessage.BACKEND.decodePrefix(all.slice(at, all.length()));
            out.add(m);
            at += m.end();
        }
        return out;
    }

    static List<Message> bodies(int type) throws IOException {
        List<Message> out = new ArrayList<>();
        for (Message m : messages()) {
            if (m.intValue("head.type") == type) {
                out.add(m.sub("body"));
            }
        }
        return out;
    }

    @Test
    void rowDescriptionMatchesTshark() throws IOException {
        String tshark = tshark();
        List<String> seen = new ArrayList<>();
        for (Message row : bodies('T')) {
            for (int i = 0; i < row.count("columns"); i++) {
                Message c = row.element("columns", i);
                seen.add(c.string("name") + " " + c.intValue("attrs.typeOid") + " " + c.intValue("attrs.typeLength")
                        + " " + c.intValue("attrs.typeModifier"));
            }
        }
        List<String> names = all(tshark, "Column name: (\\S+)");
        List<String> oids = all(tshark, "Type OID: (-?\\d+)");
        List<String> lengths = all(tshark, "            Column length: (-?\\d+)");
        List<String> modifiers = all(tshark, "Type modifier: (-?\\d+)");
        List<String> want = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            want.add(names.get(i) + " " + oids.get(i) + " " + lengths.get(i) + " " + modifiers.get(i));
        }
        assertEquals(5, want.size());
        assertEquals(want, seen);
    }

    @Test
    void dataRowsMatchTshark() throws IOException {
        List<String> lengths = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (Message row : bodies('D')) {
            for (int i = 0; i < row.count("values"); i++) {
                String v = row.element("values", i).string("value");
                lengths.add(v == null ? "-1" : Integer.toString(v.length()));
                if (v != null) {
                    data.add(MqttPacketTest.hex(ByteView.wrap(v.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        assertEquals(15, lengths.size());
        assertEquals(all(tshark(), "\n        Column length: (-?\\d+)"), lengths);
        assertEquals(all(tshark(), "        Data: ([0-9a-f]+)"), data);
    }

    @Test
    void errorResponseMatchesTshark() throws IOException {
        List<Message> errors = bodies('E');
        assertEquals(1, errors.size());
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < errors.get(0).count("fields"); i++) {
            Message f = errors.get(0).element("fields", i);
            seen.append((char) f.intValue("code")).append('=').append(f.string("value")).append('\n');
        }
        String text = seen.toString();
        String tshark = tshark();
        assertTrue(text.contains("C=" + first(tshark, "Code: (\\S+)") + "\n"), text);
        assertTrue(text.contains("M=" + first(tshark, "    Message: (.+)") + "\n"), text);
        assertTrue(text.contains("R=" + first(tshark, "Routine: (\\S+)") + "\n"), text);
        assertTrue(text.contains("L=" + first(tshark, "    Line: (\\d+)") + "\n"), text);
    }

    @Test
    void recordsReadTheSameValuesAndEncodeEveryMessageBackToItsBytes() throws IOException {
        ByteView all = backend();
        int rows = 0;
        for (Message m : messages()) {
            Postgres p = Postgres.CODEC.decode(m);
            assertArrayEquals(all.slice(m.start("head"), m.end()).toByteArray(), Postgres.CODEC.encode(p));
            all = all.slice(m.end(), all.length());
            if (p.body() instanceof Postgres.DataRow row) {
                rows++;
                assertEquals(m.sub("body").element("values", 1).string("value"), row.values().get(1));
                assertEquals(null, row.values().get(4));
            }
        }
        assertEquals(3, rows);
        int e = findType('E');
        Postgres.ErrorResponse error = (Postgres.ErrorResponse) Postgres.CODEC.decode(
                backend().slice(e, e + 1 + backend().i32be(e + 1))).body();
        assertEquals("42P01", error.fields().stream().filter(f -> f.code() == 'C').findFirst().orElseThrow().value());
    }

    @Test
    void aValueLengthPastTheBodyIsALayoutExceptionNamingTheValue() throws IOException {
        int at = findType('D');
        byte[] row = backend().slice(at, at + 1 + backend().i32be(at + 1)).toByteArray();
        row[1 + 4 + 2 + 3] = 100;   // the first value claims 100 bytes
        LayoutException e = assertThrows(LayoutException.class, () -> PostgresMessage.BACKEND.decode(ByteView.wrap(row)));
        assertTrue(e.getMessage().contains("body.values[0]"), e.getMessage());
    }

    static int findType(int type) throws IOException {
        ByteView all = backend();
        for (int at = 0;; at += 1 + all.i32be(at + 1)) {
            if (all.u8(at) == type) {
                return at;
            }
        }
    }
}
