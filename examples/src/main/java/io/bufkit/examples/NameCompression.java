package io.bufkit.examples;

import io.bufkit.MutableByteView;
import java.util.HashMap;
import java.util.Map;

/**
 * The DNS names written so far in one message, for compression (RFC 1035 §4.1.4): every suffix written as
 * labels at an offset a pointer can reach (below {@code 0x4000}), by offset, the latest copy if it was
 * written twice. A name is placed as its labels up to its longest suffix written before, then a pointer to
 * that suffix; a name with no such suffix, or one that must not be compressed, ends with the zero label.
 * Suffixes match exactly, case included, so a name reads back as given.
 * One instance lives for one pass of one encode call; the size pass and the write pass place the same
 * names at the same offsets, so they agree on every byte.
 */
final class NameCompression {
    /** The largest offset a 14-bit compression pointer reaches. */
    static final int MOST_POINTER_TARGET = 0x3FFF;

    private final Map<String, Integer> suffixes = new HashMap<>();

    /**
     * Places a valid name at {@code at}, compressed or whole: remembers the suffixes it writes as labels,
     * and writes it into {@code out} unless {@code out} is null (the size pass).
     *
     * @return the bytes the name takes
     */
    int place(String name, int at, boolean compress, MutableByteView out) {
        int pos = at;
        int labelStart = 0;
        while (labelStart < name.length()) {
            String suffix = name.substring(labelStart);
            Integer earlier = compress ? suffixes.get(suffix) : null;
            if (earlier != null) {
                if (out != null) {
                    out.putU16be(pos, 0xC000 | earlier);
                }
                return pos + 2 - at;
            }
            if (pos <= MOST_POINTER_TARGET) {
                suffixes.put(suffix, pos);
            }
            int dot = name.indexOf('.', labelStart);
            int labelEnd = dot < 0 ? name.length() : dot;
            if (out != null) {
                out.putU8(pos, labelEnd - labelStart);
                for (int k = labelStart; k < labelEnd; k++) {
                    out.putU8(pos + 1 + k - labelStart, name.charAt(k));
                }
            }
            pos += 1 + labelEnd - labelStart;
            labelStart = labelEnd + 1;
        }
        if (out != null) {
            out.putU8(pos, 0);
        }
        return pos + 1 - at;
    }
}
