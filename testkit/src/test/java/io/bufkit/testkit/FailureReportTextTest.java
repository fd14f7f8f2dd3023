package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Failure reports stay printable text and count in correct English. */
class FailureReportTextTest {

    @Test
    void countsUseTheSingularForOneAndThePluralOtherwise() {
        assertEquals("0 bytes", Text.count(0, "byte"));
        assertEquals("1 byte", Text.count(1, "byte"));
        assertEquals("2 chunks", Text.count(2, "chunk"));
    }

    @Test
    void controlCharactersInADescribedValueAreWrittenAsHexEscapes() {
        assertEquals("a\\u0000b\\u001fc\\u007f", Text.describe("a\0b\u001fc\u007f"));
        assertEquals("plain text, é and ü stay", Text.describe("plain text, é and ü stay"));
    }

    @Test
    void aPropertyFailingForTextDecodedFromRawBytesReportsNoControlCharacters() {
        String decoded = new String(new byte[] {'i', 'd', 0, 1, '\n'}, StandardCharsets.ISO_8859_1);
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.constant(decoded)).tries(1).check(s -> assertTrue(s.isEmpty())));

        assertTrue(f.getMessage().contains("property failed for id\\u0000\\u0001\\u000a"), f.getMessage());
        assertFalse(f.getMessage().chars().anyMatch(c -> c < 0x20 && c != '\n'), f.getMessage());
        assertTrue(f.getMessage().contains("shrunk:   0 steps, 0 candidates checked"), f.getMessage());
    }

    @Test
    void aChunkingFailureOfOneByteSaysByteInTheSingular() {
        ChunkingFailure f = assertThrows(ChunkingFailure.class, () -> ChunkProperty
                .<Integer>ofViews(chunks -> {
                    int length = chunks.stream().mapToInt(ByteView::length).sum();
                    if (length > 0 && chunks.size() > 1) {
                        throw new IllegalStateException("more than one chunk");
                    }
                    return length;
                })
                .check(new byte[] {7}));

        assertTrue(f.getMessage().contains("input:    1 byte: "), f.getMessage());
        assertTrue(f.getMessage().matches("(?s).*shrunk:   \\d+ steps? \\(\\d+ candidates?\\) from 1 byte in \\d+ chunks?"),
                f.getMessage());
        assertFalse(f.getMessage().matches("(?s).*\\b1 (bytes|chunks|steps|candidates)\\b.*"), f.getMessage());
    }
}
