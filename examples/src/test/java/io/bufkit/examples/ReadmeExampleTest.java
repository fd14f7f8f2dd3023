package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's "Testing your own decoder" example identical to the compiled one. */
class ReadmeExampleTest {

    @Test
    void readmeShowsTheCompiledDecoderTestVerbatim() throws IOException {
        String example = Files.readString(Path.of("src/test/java/io/bufkit/examples/LengthPrefixedDecoderTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + example + "```"),
                "README.md's \"Testing your own decoder\" section must show LengthPrefixedDecoderTest.java verbatim");
    }
}
