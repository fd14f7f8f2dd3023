package io.bufkit.message;

import java.util.List;

/**
 * Names to their positions in a list, looked up without dividing: an open-addressing table of a power of
 * two size. Reads by name ({@link Message#intValue(String)}, {@link Message#sub(String)}) look names up on
 * every call, and the string constants callers pass are usually the very instances the table holds, which
 * the lookup compares first.
 *
 * <p>Immutable and thread-safe.
 */
final class NameIndex {
    private final String[] names;
    private final int[] positions;
    private final int mask;

    NameIndex(List<String> list) {
        int size = Integer.highestOneBit(Math.max(4, list.size() * 2 - 1)) << 1;
        this.names = new String[size];
        this.positions = new int[size];
        this.mask = size - 1;
        for (int p = 0; p < list.size(); p++) {
            int i = slot(list.get(p));
            while (names[i] != null) {
                i = (i + 1) & mask;
            }
            names[i] = list.get(p);
            positions[i] = p;
        }
    }

    private int slot(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    /** The position of {@code name} in the list, or -1. */
    int get(String name) {
        for (int i = slot(name);; i = (i + 1) & mask) {
            String n = names[i];
            if (n == name) {
                return positions[i];
            }
            if (n == null) {
                return -1;
            }
            if (n.equals(name)) {
                return positions[i];
            }
        }
    }
}
