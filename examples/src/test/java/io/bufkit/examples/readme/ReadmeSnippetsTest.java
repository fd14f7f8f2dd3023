package io.bufkit.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the project's READMEs against the library, the testkit, the
 * examples and JUnit, so that a snippet that stops compiling fails the build. A new block is picked up
 * without changes here; see {@link MarkdownSnippets} for the markers of fragments and
 * {@link SnippetContext} for the names fragments may use undeclared.
 */
class ReadmeSnippetsTest {

    /** The project's root: tests run in the examples module's directory. */
    private static final Path ROOT = Path.of("..");

    private static JavaCompiler compiler;
    private static StandardJavaFileManager files;

    @TempDir
    static Path output;

    @BeforeAll
    static void openCompiler() {
        compiler = ToolProvider.getSystemJavaCompiler();
        files = compiler.getStandardFileManager(null, null, null);
    }

    @AfterAll
    static void closeCompiler() throws IOException {
        files.close();
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockOfEveryReadmeCompiles() throws IOException {
        assertFalse(MarkdownSnippets.of("README.md", Files.readString(ROOT.resolve("README.md"))).isEmpty(),
                "no ```java block found in " + ROOT.resolve("README.md").toAbsolutePath());
        List<Snippet> snippets = new ArrayList<>();
        for (Path readme : readmes()) {
            snippets.addAll(MarkdownSnippets.of(ROOT.relativize(readme).toString(), Files.readString(readme)));
        }
        return snippets.stream().filter(s -> s.kind() != Snippet.Kind.JAVA22).map(s -> DynamicTest.dynamicTest(s.where() + " (" + s.kind() + ")", () -> {
            List<String> errors = compile(s);
            assertTrue(errors.isEmpty(), s.where() + " does not compile as " + s.kind() + ":\n"
                    + String.join("\n", errors) + "\n\n" + hint());
        }));
    }

    @Test
    void aBlockThatDoesNotCompileIsReportedAtItsReadmeLine() {
        String markdown = "intro\n\n```java\nint x = 1;\nString s = x;\n```\n";

        Snippet snippet = MarkdownSnippets.of("T.md", markdown).get(0);
        List<String> errors = compile(snippet);

        assertEquals(Snippet.Kind.STATEMENTS, snippet.kind());
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).startsWith("T.md line 5: "), errors.toString());
    }

    @Test
    void blocksAreStatementsUnitsOrMarkedMembers() {
        String markdown = String.join("\n", "```java", "import io.bufkit.*;", "", "ByteView v = ByteView.wrap(new byte[1]);",
                "```", "```java", "@ExtendWith(PoolLeakCheck.class)", "class ReaderTest {", "}", "```",
                "<!-- snippet: members -->", "```java", "@Test", "void t() {", "}", "```", "```sh", "mvn", "```");

        List<Snippet> snippets = MarkdownSnippets.of("T.md", markdown);

        assertEquals(List.of(Snippet.Kind.STATEMENTS, Snippet.Kind.UNIT, Snippet.Kind.MEMBERS),
                snippets.stream().map(Snippet::kind).toList());
        assertEquals(List.of(2, 7, 13), snippets.stream().map(Snippet::line).toList());
        snippets.forEach(s -> assertEquals(List.of(), compile(s), s.where()));
    }

    @Test
    void anUnknownMarkerIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarkdownSnippets.of("T.md", "<!-- snippet: fragment -->\n```java\nint x;\n```\n"));

        assertTrue(e.getMessage().contains("unknown snippet kind 'fragment'"), e.getMessage());
    }

    /** The README.md files of the root and of every module, not those of build output. */
    private static List<Path> readmes() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT, 2)) {
            return paths.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> !p.toString().contains("target")).sorted().toList();
        }
    }

    private static String hint() {
        return "A ```java block in a README is compiled as a whole file if it has a package line or a top-level"
                + " type, else as statements. Mark a fragment on the line before its fence with"
                + " <!-- snippet: members --> (fields and methods) or <!-- snippet: statements -->; names it uses"
                + " undeclared come from " + SnippetContext.class.getName() + ", where new ones can be added.";
    }

    /** Compiles one snippet; returns its errors, each starting with the Markdown file and line. */
    private static List<String> compile(Snippet snippet) {
        JavaFileObject source = new SimpleJavaFileObject(
                Path.of(snippet.fileName()).toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return snippet.source();
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
                "-d", output.resolve("line" + snippet.line()).toString(), "-implicit:none");
        boolean ok = compiler.getTask(null, files, diagnostics, options, null, List.of(source)).call();
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> snippet.file() + " line " + (snippet.line() + d.getLineNumber() - 1 - snippet.prefixLines())
                        + ": " + d.getMessage(null))
                .collect(Collectors.toList());
        if (!ok && errors.isEmpty()) {
            errors.add(snippet.where() + ": the compiler failed without naming an error");
        }
        return errors;
    }
}
