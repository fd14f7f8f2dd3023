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

    @Override
    final void putValue(Message m, int index, Map<String, Object> into) {
        // takes no bytes and has no value; a field of a section holds the checksum
    }

    @Override
    final int size(LevelEncoding e, int index) {
        return 0;
    }
}
