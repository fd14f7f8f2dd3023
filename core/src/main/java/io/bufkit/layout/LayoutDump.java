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
        int rows = segments.length + (length > size ? 1 : 0);
        String[][] table = new String[rows + 1][];
        table[0] = new String[] {"offset", "bytes", "field", "type", "value"};
        for (int r = 0; r < segments.length; r++) {
            Segment s = segments[r];
            Handle f = s.field();
            String type = f == null ? "padding" : f.info().kind() == WireType.BYTES ? "bytes[" + s.width() + "]" : f.typeName();
            String value;
            if (s.offset() + s.width() > length) {
                value = "(missing: the packet ends at offset " + length + ")";
            } else if (f == null) {
                value = "";
            } else if (f.isConstant()) {
                value = f.holdsExpected(packet) ? f.formatAsConstant(packet) + ", as expected"
                        : f.formatAsConstant(packet) + ", EXPECTED " + f.formatExpected();
            } else {
                value = f.format(packet);
            }
            table[r + 1] = new String[] {Integer.toString(s.offset()), hex(packet, s.offset(), s.offset() + s.width()),
                f == null ? "(padding)" : f.name(), type, value};
        }
        if (length > size) {
            table[rows] = new String[] {Integer.toString(size), hex(packet, size, length), "(beyond the layout)",
                "", (length - size) + " byte(s)"};
        }
        StringBuilder sb = new StringBuilder(64 * (rows + 2));
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
            if (s.field() == null) {
                sb.append("padding[").append(s.width()).append(']');
            } else {
                sb.append(s.field().name()).append(' ').append(s.field().typeName());
                if (s.field().info().kind() == WireType.BYTES) {
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
