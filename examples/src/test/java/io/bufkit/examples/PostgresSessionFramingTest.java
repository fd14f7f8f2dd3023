package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresSessionFramingTest {

    static List<String> run(long seed, int maxChunk) {
        return PostgresSessionFraming.run(seed, maxChunk, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    @Test
    void framesBothDirectionsOfTheRecordedSession() {
        List<String> messages = run(1, 16);
        assertEquals(6 + 24, messages.size());
        assertTrue(messages.get(0).contains("SSLRequest") && messages.get(0).contains("8 bytes"), messages.get(0));
        assertTrue(messages.get(1).contains("StartupMessage v3.0") && messages.get(1).contains("@   8"), messages.get(1));
        assertTrue(messages.get(5).contains("'X'"), messages.get(5));
        assertTrue(messages.get(6).contains("SSL answer 'N'"), messages.get(6));
        assertTrue(messages.get(29).contains("@ 641") && messages.get(29).contains("'Z'"), messages.get(29));
    }

    @Test
    void everyChunkingGivesTheSameMessages() {
        List<String> expected = run(1, 10_000);
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(expected, run(seed, 1 + (int) (seed % 7) * 9));
        }
        assertEquals(expected, run(3, 1));
    }

    @Test
    void mainPrintsTheMessages() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            PostgresSessionFraming.main(new String[] {"5", "3"});
        } finally {
            System.setOut(old);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("6 frontend and 24 backend messages"));
    }
}
