package io.bufkit.message;

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

    @Override
    final void putValue(Message m, int index, Map<String, Object> into) {
        // takes no bytes and has no value; a field of a section holds the checksum
    }

    @Override
    final int size(LevelEncoding e, int index) {
        return 0;
    }
}
