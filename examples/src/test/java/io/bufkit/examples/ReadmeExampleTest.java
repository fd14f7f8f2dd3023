package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's examples identical to the compiled ones. */
class ReadmeExampleTest {

    @Test
    void readmeShowsTheCompiledDecoderTestVerbatim() throws IOException {
        assertReadmeShows("LengthPrefixedDecoderTest.java", "Testing your own decoder");
    }

    @Test
    void readmeShowsTheCompiledFramingExampleVerbatim() throws IOException {
        assertReadmeShows("FramingReadmeExampleTest.java", "Framing a stream");
    }

    private static void assertReadmeShows(String file, String section) throws IOException {
        String example = Files.readString(Path.of("src/test/java/io/bufkit/examples/" + file));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + example + "```"),
                "README.md's \"" + section + "\" section must show " + file + " verbatim");
    }
}
