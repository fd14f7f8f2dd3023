package io.bufkit.message;

import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.LayoutException;
import java.util.Map;

/**
 * A part that takes no bytes and has no value, declaring where a checksum's coverage ends or what it covers
 * ({@link ChecksumPart}, {@link PseudoHeaderChecksumPart}): decoding checks the checksum there, encoding
 * fills it in. Such a part may follow a part that runs to the end, and a record has no component for it.
 */
abstract class ChecksumDeclaration extends Part {
    ChecksumDeclaration(String name) {
        super(name);
    }

    /** A checksum in hex, as wide as its field, for failures: {@code 0x04d2}. */
    static String hex(long value, int width) {
        String h = Long.toHexString(value);
        return "0x" + "0".repeat(Math.max(0, 2 * width - h.length())) + h;
    }

    /**
     * The failure of a checksum found wrong, naming its field's {@code path} and {@code offset}, what it covers
     * ({@code "the 20 bytes from ip to here"}), and the expected and stored values in hex.
     */
    static LayoutException wrong(LevelTape t, String path, int offset, ChecksumField field, String over,
            long expected, long stored) {
        String e = hex(expected, field.width());
        String s = hex(stored, field.width());
        return t.fail(path, offset, "checksum over " + over + " is wrong: expected " + e + " but was " + s, e, s);
    }

    /** Appends the bytes the checksum covers: {@code "(checksum ip.checksum): over 24 bytes from @0 to @24"}. */
    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        int from = m.start(index);
        int to = m.end(index);
        out.append(indent).append(name).append(": over ").append(to - from).append(" bytes from @").append(from)
                .append(" to @").append(to).append('\n');
    }

    @Override
    final void putValue(Message m, int index, Map<String, Object> into) {
        // takes no bytes and has no value; a field of a section holds the checksum
    }

    @Override
    final int size(LevelEncoding e, int index) {
        return 0;
    }
}
