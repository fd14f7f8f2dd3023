package io.bufkit.testkit;

import io.bufkit.ByteView;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Short, safe descriptions of values and bytes for failure reports.
 */
final class Text {

    /** Longest description of a single value before it is cut. */
    static final int MAX_CHARS = 2000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Text() {
    }

    /** Space-separated hex of {@code a[from, to)}, cut after {@code maxBytes} bytes. */
    static String hex(byte[] a, int from, int to, int maxBytes) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(to, from + maxBytes);
        for (int i = from; i < end; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(HEX[(a[i] >> 4) & 15]).append(HEX[a[i] & 15]);
        }
        if (end < to) {
            sb.append(" … (").append(to - end).append(" more)");
        }
        return sb.toString();
    }

    /** {@code count} and the noun, plural unless the count is one: {@code "1 byte"}, {@code "2 bytes"}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /**
     * {@code text} with every control character written as a Java Unicode escape (a backslash, {@code u}
     * and four hex digits), so that a report of a value decoded from raw bytes stays one printable line (a
     * NUL in a log makes tools treat the log as binary).
     */
    static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15])
                        .append(HEX[c & 15]);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * A description of any value that never throws, shows control characters as Unicode escapes in hex and
     * is at most about {@link #MAX_CHARS} long.
     */
    static String describe(Object value) {
        String s;
        try {
            if (value == null) {
                s = "null";
            } else if (value instanceof byte[]) {
                byte[] a = (byte[]) value;
                s = "byte[" + a.length + "] {" + hex(a, 0, a.length, 256) + "}";
            } else if (value instanceof ByteBuffer) {
                ByteBuffer b = ((ByteBuffer) value).duplicate();
                byte[] a = new byte[b.remaining()];
                b.get(a);
                s = value + " {" + hex(a, 0, a.length, 256) + "}";
            } else if (value instanceof ByteView) {
                s = value.toString();
            } else if (value instanceof List) {
                StringBuilder sb = new StringBuilder("[");
                for (Object element : (List<?>) value) {
                    if (sb.length() > 1) {
                        sb.append(", ");
                    }
                    sb.append(describe(element));
                    if (sb.length() > MAX_CHARS) {
                        break;
                    }
                }
                s = sb.append(']').toString();
            } else if (value instanceof Object[]) {
                s = describe(Arrays.asList((Object[]) value));
            } else if (value.getClass().isArray()) {
                s = Arrays.deepToString(new Object[] {value});
                s = s.substring(1, s.length() - 1);
            } else {
                s = String.valueOf(value);
            }
        } catch (RuntimeException | StackOverflowError e) {
            s = "<" + value.getClass().getName() + ": toString threw " + e + ">";
        }
        s = printable(s);
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "… (" + (s.length() - MAX_CHARS) + " more chars)" : s;
    }
}
