package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's "Framing a stream" example identical to the compiled one. */
class FramingReadmeTest {

    @Test
    void readmeShowsTheCompiledFramingExampleVerbatim() throws IOException {
        String example = Files.readString(Path.of("src/test/java/io/bufkit/examples/FramingReadmeExampleTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + example + "```"),
                "README.md's \"Framing a stream\" section must show FramingReadmeExampleTest.java verbatim");
    }
}
