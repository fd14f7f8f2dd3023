package io.bufkit.examples;

import io.bufkit.testsupport.ReadmeText;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's examples identical to the compiled ones. */
class ReadmeExampleTest {

    @Test
    void readmeShowsTheCompiledDecoderTestVerbatim() {
        ReadmeText.assertShowsFile(Path.of("src/test/java/io/bufkit/examples/LengthPrefixedDecoderTest.java"));
    }

    @Test
    void readmeShowsTheCompiledFramingExampleVerbatim() {
        ReadmeText.assertShowsFile(Path.of("src/test/java/io/bufkit/examples/FramingReadmeExampleTest.java"));
    }
}
