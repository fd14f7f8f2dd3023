package io.bufkit.layout.headers;

import io.bufkit.ByteView;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The capture files under {@code src/test/resources/captures}, and the pcap layouts that walk them. */
final class Captures {

    /** The pcap file header (draft-ietf-opsawg-pcap §4), declared once, big-endian. */
    static final PacketLayout PCAP_FILE = PacketLayout.builder("pcapFile")
            .u32be("magic").expectAnyOf(0xA1B2C3D4L, 0xA1B23C4DL)
            .u16be("versionMajor").expect(2).u16be("versionMinor").expect(4)
            .i32be("thisZone").u32be("sigFigs").u32be("snapLen").u32be("linkType")
            .prefix()
            .build();
    /** The same header bound to little-endian files. */
    static final PacketLayout PCAP_FILE_LE = PCAP_FILE.withByteOrder(ByteOrder.LITTLE_ENDIAN);

    /** The pcap packet record header (§5), declared once, big-endian. */
    static final PacketLayout PCAP_RECORD = PacketLayout.builder("pcapRecord")
            .u32be("seconds").u32be("fraction").u32be("capturedLength").u32be("originalLength")
            .prefix()
            .build();
    static final PacketLayout PCAP_RECORD_LE = PCAP_RECORD.withByteOrder(ByteOrder.LITTLE_ENDIAN);

    /** The Ethernet II header in front of every packet of a LINKTYPE_ETHERNET capture. */
    static final int ETHERNET = 14;

    private Captures() {
    }

    static ByteView resource(String path) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /captures/" + path);
            }
            return ByteView.wrap(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return resource(path).toString(StandardCharsets.UTF_8);
    }

    /** Whether a pcap file is big-endian, from its magic as written. */
    static boolean bigEndian(ByteView file) {
        long magic = file.u32be(0);
        return magic == 0xA1B2C3D4L || magic == 0xA1B23C4DL;
    }

    /** The packets of a pcap file (without their record headers), walked with the record layout. */
    static List<ByteView> packets(ByteView file) {
        boolean be = bigEndian(file);
        PacketLayout header = be ? PCAP_FILE : PCAP_FILE_LE;
        PacketLayout record = be ? PCAP_RECORD : PCAP_RECORD_LE;
        LongField captured = record.longField("capturedLength");
        List<ByteView> packets = new ArrayList<>();
        ByteView rest = header.rest(file);
        header.validate(file);
        while (rest.length() > 0) {
            int start = record.validate(rest);
            int length = (int) captured.get(rest);
            packets.add(rest.slice(start, start + length));
            rest = rest.slice(start + length, rest.length());
        }
        return packets;
    }

    /** tshark's tab-separated field values: one map per line after the header, by column name. */
    static List<Map<String, String>> tsv(String path) {
        String[] lines = text(path).split("\n");
        String[] names = lines[0].split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < names.length; c++) {
                row.put(names[c], c < cells.length ? cells[c] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** A tshark number: decimal, or hex with 0x. */
    static long number(String s) {
        return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }
}
