package io.bufkit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the project README's code identical to compiled code: a whole source file shown in a
 * {@code ```java} block, or the lines a test marks with {@code // README name begin} and
 * {@code // README name end}. Paths are relative to the module a test runs in; the README is the project's,
 * one folder up.
 */
public final class ReadmeText {

    private static final Path README = Path.of("../README.md");

    private ReadmeText() {
    }

    /**
     * Fails unless the README shows {@code file} whole, as one {@code ```java} block.
     *
     * @param file a source file of the module under test
     * @throws AssertionError naming the file if the README shows something else
     */
    public static void assertShowsFile(Path file) {
        String source = read(file);
        if (!read(README).contains("```java\n" + source + "```")) {
            throw new AssertionError("README.md must show " + file.getFileName() + " verbatim");
        }
    }

    /**
     * Fails unless the README shows each snippet that {@code source} marks with {@code // README name begin}
     * and {@code // README name end} as a whole {@code ```java} block, without the markers' indentation.
     *
     * @param source a test source file holding the marked snippets
     * @param names the snippets' names
     * @throws AssertionError naming the snippet if it is missing from the source or shown otherwise
     */
    public static void assertShowsMarkedSnippets(Path source, String... names) {
        assertMarked(source, "```", names);
    }

    /**
     * Like {@link #assertShowsMarkedSnippets}, for snippets the README shows at the start of a
     * {@code ```java} block that goes on with lines of its own.
     *
     * @param source a test source file holding the marked snippets
     * @param names the snippets' names
     * @throws AssertionError naming the snippet if it is missing from the source or shown otherwise
     */
    public static void assertStartsBlocksWithMarkedSnippets(Path source, String... names) {
        assertMarked(source, "", names);
    }

    private static void assertMarked(Path source, String after, String... names) {
        String text = read(source);
        String readme = read(README);
        for (String name : names) {
            Matcher m = Pattern.compile("\\n( *)// README " + name + " begin\\n(.*?)\\n *// README " + name + " end",
                    Pattern.DOTALL).matcher(text);
            if (!m.find() || m.group(2).isBlank()) {
                throw new AssertionError("no '" + name + "' snippet marked in " + source.getFileName());
            }
            String snippet = m.group(2).replaceAll("(?m)^" + m.group(1), "") + "\n";
            if (!readme.contains("```java\n" + snippet + after)) {
                throw new AssertionError("README.md must show the '" + name + "' snippet of " + source.getFileName()
                        + " verbatim:\n" + snippet);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
