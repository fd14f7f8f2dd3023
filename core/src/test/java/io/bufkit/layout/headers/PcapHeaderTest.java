package io.bufkit.layout.headers;

import static io.bufkit.layout.headers.Captures.PCAP_FILE;
import static io.bufkit.layout.headers.Captures.PCAP_FILE_LE;
import static io.bufkit.layout.headers.Captures.PCAP_RECORD;
import static io.bufkit.layout.headers.Captures.PCAP_RECORD_LE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pcap global and record headers (draft-ietf-opsawg-pcap §4, §5), declared once and bound to the byte
 * order of each file, against tcpdump's own file in both byte orders (captures/pcap, with tshark's values).
 */
class PcapHeaderTest {

    @Test
    void theGlobalHeaderReadsTheSameInBothByteOrders() {
        for (String file : List.of("loopback.pcap", "loopback-be.pcap", "loopback-nsec.pcap", "loopback-nsec-be.pcap")) {
            ByteView bytes = Captures.resource("pcap/" + file);
            PacketLayout header = Captures.bigEndian(bytes) ? PCAP_FILE : PCAP_FILE_LE;
            assertEquals(24, header.validate(bytes), file);
            assertEquals(2, header.intField("versionMajor").get(bytes));
            assertEquals(4, header.intField("versionMinor").get(bytes));
            assertEquals(262144, header.longField("snapLen").get(bytes));
            assertEquals(1, header.longField("linkType").get(bytes));
            long magic = header.longField("magic").get(bytes);
            assertEquals(file.contains("nsec") ? 0xA1B23C4DL : 0xA1B2C3D4L, magic, file);
        }
    }

    @Test
    void aFileReadInTheWrongOrderIsRejectedNamingTheAllowedMagics() {
        ByteView le = Captures.resource("pcap/loopback.pcap");
        LayoutException e = assertThrows(LayoutException.class, () -> PCAP_FILE.validate(le));
        assertTrue(e.getMessage().contains("field 'magic'")
                && e.getMessage().contains("expected one of 2712847316 (0xa1b2c3d4), 2712812621 (0xa1b23c4d)")
                && e.getMessage().contains("but was 3569595041 (0xd4c3b2a1)"), e.getMessage());
    }

    @Test
    void recordHeadersMatchTsharksTimesAndLengthsInBothOrders() {
        List<Map<String, String>> tshark = Captures.tsv("pcap/loopback.fields.tsv");
        for (String file : List.of("loopback.pcap", "loopback-be.pcap")) {
            ByteView bytes = Captures.resource("pcap/" + file);
            PacketLayout record = Captures.bigEndian(bytes) ? PCAP_RECORD : PCAP_RECORD_LE;
            int at = 24;
            for (Map<String, String> row : tshark) {
                ByteView rest = bytes.slice(at, bytes.length());
                String[] time = row.get("frame.time_epoch").split("\\.");
                assertEquals(Long.parseLong(time[0]), record.longField("seconds").get(rest), file);
                assertEquals(Long.parseLong(time[1]) / 1000, record.longField("fraction").get(rest), file);
                assertEquals(Long.parseLong(row.get("frame.cap_len")), record.longField("capturedLength").get(rest));
                assertEquals(Long.parseLong(row.get("frame.len")), record.longField("originalLength").get(rest));
                at += 16 + (int) record.longField("capturedLength").get(rest);
            }
            assertEquals(bytes.length(), at, file);
        }
        assertEquals(16, Captures.packets(Captures.resource("pcap/loopback-be.pcap")).size());
    }

    @Test
    void bothBindingsWriteTheSameHeaderInTheirOwnOrder() {
        MutableByteView be = MutableByteView.allocate(24);
        MutableByteView le = MutableByteView.allocate(24);
        for (PacketLayout l : List.of(PCAP_FILE, PCAP_FILE_LE)) {
            MutableByteView out = l == PCAP_FILE ? be : le;
            l.writeConstants(out);
            l.longField("snapLen").set(out, 262144);
            l.longField("linkType").set(out, 1);
        }
        assertArrayEquals(Captures.resource("pcap/loopback-be.pcap").slice(0, 24).toByteArray(), be.toByteArray());
        assertArrayEquals(Captures.resource("pcap/loopback.pcap").slice(0, 24).toByteArray(), le.toByteArray());
        assertEquals("u32le", PCAP_FILE_LE.field("magic").typeName());
    }
}
