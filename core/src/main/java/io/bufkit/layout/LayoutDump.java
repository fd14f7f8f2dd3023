package io.bufkit.layout;

import io.bufkit.ByteView;

/** The text a layout shows people: {@link PacketLayout#describe(ByteView)}'s annotated dump and its {@code toString()}. */
final class LayoutDump {

    private static final int MAX_DUMP_BYTES = 16;

    private LayoutDump() {
    }

    /** The annotated hex dump of {@code packet}; see {@link PacketLayout#describe(ByteView)}. */
    static String describe(PacketLayout layout, ByteView packet) {
        String name = layout.name();
        int size = layout.size();
        Segment[] segments = layout.segments();
        int length = packet.length();
        java.util.List<String[]> table = new java.util.ArrayList<>();
        table.add(new String[] {"offset", "bytes", "field", "type", "value"});
        for (Segment s : segments) {
            String offset = Integer.toString(s.offset());
            String bytes = hex(packet, s.offset(), s.offset() + s.width());
            boolean missing = s.offset() + s.width() > length;
            if (s.bits() != null) {
                for (Handle f : s.bits()) {
                    String value = missing ? missing(length) : bitPicture(packet, s, f) + " = " + value(f, packet);
                    table.add(new String[] {offset, bytes, f.name(), f.typeName(), value});
                    offset = "";
                    bytes = "";
                }
                continue;
            }
            Handle f = s.field();
            String type = f == null ? "padding" : f.info().kind() == WireType.BYTES || f.info().kind() == WireType.TEXT
                    ? f.typeName() + "[" + s.width() + "]" : f.typeName();
            String value = missing ? missing(length) : f == null ? "" : value(f, packet);
            table.add(new String[] {offset, bytes, f == null ? "(padding)" : f.name(), type, value});
        }
        if (length > size) {
            table.add(new String[] {Integer.toString(size), hex(packet, size, length), "(beyond the layout)",
                "", (length - size) + " byte(s)"});
        }
        StringBuilder sb = new StringBuilder(64 * (table.size() + 1));
        sb.append("layout '").append(name).append("', ").append(size).append(size == 1 ? " byte" : " bytes");
        if (length != size) {
            sb.append("; the packet is ").append(length).append(" bytes long");
        }
        sb.append('\n');
        int[] widths = new int[5];
        for (String[] row : table) {
            for (int c = 0; c < 5; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : table) {
            int start = sb.length();
            pad(sb, widths[0] - row[0].length()).append(row[0]);
            for (int c = 1; c < 5; c++) {
                sb.append("  ").append(row[c]);
                if (c < 4) {
                    pad(sb, widths[c] - row[c].length());
                }
            }
            int end = sb.length();
            while (end > start && sb.charAt(end - 1) == ' ') {
                end--;
            }
            sb.setLength(end);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String missing(int length) {
        return "(missing: the packet ends at offset " + length + ")";
    }

    /** A field's value as {@code describe} shows it: constants say whether they hold the expected value. */
    private static String value(Handle f, ByteView packet) {
        if (!f.isConstant()) {
            return f.format(packet);
        }
        return f.holdsExpected(packet) ? f.formatAsConstant(packet) + ", as expected"
                : f.formatAsConstant(packet) + ", EXPECTED " + f.formatExpected();
    }

    /**
     * The bits of a run of bit fields as the run's bytes are written, most significant bit of each byte
     * first, with the field's own bits shown and the others as dots, in groups of four:
     * {@code "0100 ...."} for IPv4's version.
     */
    static String bitPicture(ByteView packet, Segment run, Handle f) {
        FieldInfo info = f.info();
        int first = 8 * (info.offset() - run.offset()) + info.bitOffset();
        boolean lsbFirst = info.kind().lsbFirst();
        int total = 8 * run.width();
        char[] bits = new char[total];
        java.util.Arrays.fill(bits, '.');
        for (int k = first; k < first + info.bitWidth(); k++) {
            int shown = lsbFirst ? 8 * (k / 8) + 7 - k % 8 : k;
            int b = packet.u8(run.offset() + shown / 8);
            bits[shown] = (b >>> (7 - shown % 8) & 1) == 0 ? '0' : '1';
        }
        StringBuilder sb = new StringBuilder(total + total / 4);
        for (int i = 0; i < total; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
            sb.append(bits[i]);
        }
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
        return sb;
    }

    /** The bytes of {@code [from, min(to, length))} in hex, at most {@link #MAX_DUMP_BYTES} of them. */
    private static String hex(ByteView packet, int from, int to) {
        int end = Math.min(to, packet.length());
        StringBuilder sb = new StringBuilder(3 * MAX_DUMP_BYTES + 4);
        for (int i = from; i < end && i < from + MAX_DUMP_BYTES; i++) {
            int b = packet.u8(i);
            if (i > from) {
                sb.append(' ');
            }
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
        }
        if (end - from > MAX_DUMP_BYTES) {
            sb.append(" ..");
        }
        return sb.toString();
    }

    /** The one-line summary of a layout; see {@link PacketLayout#toString()}. */
    static String summary(PacketLayout layout) {
        String name = layout.name();
        int size = layout.size();
        Segment[] segments = layout.segments();
        StringBuilder sb = new StringBuilder("PacketLayout[").append(name).append(", ").append(size).append(" bytes:");
        for (int i = 0; i < segments.length; i++) {
            Segment s = segments[i];
            sb.append(i == 0 ? " " : ", ");
            if (s.bits() != null) {
                for (int k = 0; k < s.bits().length; k++) {
                    Handle b = s.bits()[k];
                    sb.append(k == 0 ? "" : ", ").append(b.name()).append(' ').append(b.typeName());
                    if (b.isConstant()) {
                        sb.append(" = ").append(b.formatExpected());
                    }
                }
            } else if (s.field() == null) {
                sb.append("padding[").append(s.width()).append(']');
            } else {
                sb.append(s.field().name()).append(' ').append(s.field().typeName());
                if (s.field().info().kind() == WireType.BYTES || s.field().info().kind() == WireType.TEXT) {
                    sb.append('[').append(s.width()).append(']');
                }
            }
            sb.append(" @").append(s.offset());
            if (s.field() != null && s.field().isConstant()) {
                sb.append(" = ").append(s.field().formatExpected());
            }
        }
        return sb.append(']').toString();
    }
}
