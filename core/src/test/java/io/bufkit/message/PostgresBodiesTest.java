package io.bufkit.message;

import static io.bufkit.testsupport.RegexGroups.all;
import static io.bufkit.testsupport.RegexGroups.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** PostgreSQL backend messages of a real session, decoded by message layouts and checked against tshark. */
class PostgresBodiesTest {
    static final PacketLayout HEAD = PacketLayout.builder("pg-head").u8("type").i32be("length").build();
    static final PacketLayout COUNT = PacketLayout.builder("pg-count").u16be("n").build();
    static final PacketLayout ATTRS = PacketLayout.builder("pg-column-attrs")
            .i32be("tableOid").i16be("columnIndex").i32be("typeOid").i16be("typeLength").i32be("typeModifier")
            .i16be("format").build();
    static final PacketLayout CODE = PacketLayout.builder("pg-error-code").u8("code").build();

    static final MessageLayout COLUMN = MessageLayout.builder("column")
            .nulTerminated("name").section("attrs", ATTRS).build();
    static final MessageLayout ROW_DESCRIPTION = MessageLayout.builder("RowDescription")
            .section("fields", COUNT).repeat("columns", "fields.n", COLUMN).build();
    static final MessageLayout ERROR_FIELD = MessageLayout.builder("error-field")
            .section("field", CODE).nulTerminated("value").build();
    static final MessageLayout ERROR_RESPONSE = MessageLayout.builder("ErrorResponse")
            .repeatUntil("fields", 0, ERROR_FIELD).build();
    static final MessageLayout OTHER = MessageLayout.builder("other").rest("body").build();
    static final MessageLayout BACKEND = MessageLayout.builder("pg-backend")
            .section("head", HEAD)
            .choice("body", "head.type", Size.of("head.length").plus(-4),
                    Map.of((int) 'T', ROW_DESCRIPTION, (int) 'E', ERROR_RESPONSE))
            .build();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PostgresBodiesTest.class.getResourceAsStream("/captures/" + name)) {
            return in.readAllBytes();
        }
    }

    static List<Message> backendMessages() throws IOException {
        ByteView all = ByteView.wrap(resource("postgresql/backend.bin"));
        List<Message> out = new ArrayList<>();
        int at = 0;
        while (at < all.length()) {
            Message m = BACKEND.decodePrefix(all.slice(at, all.length()));
            out.add(m);
            at += m.end();
        }
        return out;
    }

    @Test
    void rowDescriptionMatchesTshark() throws IOException {
        String tshark = new String(resource("postgresql/session.tshark.txt"), StandardCharsets.UTF_8);
        List<String> names = all(tshark, "Column name: (\\S+)");
        List<String> oids = all(tshark, "Type OID: (-?\\d+)");
        List<String> lengths = all(tshark, "            Column length: (-?\\d+)");
        List<String> modifiers = all(tshark, "Type modifier: (-?\\d+)");
        List<Message> rows = new ArrayList<>();
        for (Message m : backendMessages()) {
            if (m.intValue("head.type") == 'T') {
                rows.add(m.sub("body"));
            }
        }
        assertFalse(rows.isEmpty());
        int k = 0;
        for (Message row : rows) {
            assertEquals(row.intValue("fields.n"), row.count("columns"));
            for (int i = 0; i < row.count("columns"); i++, k++) {
                Message col = row.element("columns", i);
                assertEquals(names.get(k), col.string("name"));
                assertEquals(Integer.parseInt(oids.get(k)), col.intValue("attrs.typeOid"));
                assertEquals(Integer.parseInt(lengths.get(k)), col.intValue("attrs.typeLength"));
                assertEquals(Integer.parseInt(modifiers.get(k)), col.intValue("attrs.typeModifier"));
            }
        }
        assertEquals(names.size(), k);
    }

    @Test
    void errorResponseMatchesTshark() throws IOException {
        Message error = null;
        for (Message m : backendMessages()) {
            if (m.intValue("head.type") == 'E') {
                error = m.sub("body");
            }
        }
        assertTrue(error != null);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < error.count("fields"); i++) {
            Message f = error.element("fields", i);
            seen.append((char) f.intValue("field.code")).append('=').append(f.string("value")).append('\n');
        }
        String text = seen.toString();
        String tshark = new String(resource("postgresql/session.tshark.txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains("C=" + first(tshark, "Code: (\\S+)") + "\n"), text);
        assertTrue(text.contains("M=" + first(tshark, "    Message: (.+)") + "\n"), text);
        assertTrue(text.contains("R=" + first(tshark, "Routine: (\\S+)") + "\n"), text);
        assertTrue(text.contains("L=" + first(tshark, "    Line: (\\d+)") + "\n"), text);
    }

    @Test
    void unknownTypesKeepTheirBytesAndEveryMessageIsConsumed() throws IOException {
        int total = 0;
        for (Message m : backendMessages()) {
            total += m.end();
            if (!m.isPresent("body")) {
                assertEquals(m.intValue("head.length") - 4, m.bytes("body").length());
            }
        }
        assertEquals(resource("postgresql/backend.bin").length, total);
    }

}
