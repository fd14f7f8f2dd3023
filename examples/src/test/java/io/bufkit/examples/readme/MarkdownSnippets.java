package io.bufkit.examples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code ```java} blocks of a Markdown text. A block is compiled as a whole source file when it
 * has a {@code package} line or declares a top-level type, and as statements otherwise; an HTML comment on
 * the line just before the fence says otherwise:
 *
 * <pre>
 * &lt;!-- snippet: members --&gt;      fields and methods, as in the body of a test class
 * &lt;!-- snippet: statements --&gt;   the body of a method
 * &lt;!-- snippet: unit --&gt;         a whole source file
 * &lt;!-- snippet: java22 --&gt;       Java 22+ code, compiled by the bufkit-ffm module's README test
 * </pre>
 *
 * <p>Names a statement or member snippet uses without declaring them come from {@link SnippetContext}.
 */
final class MarkdownSnippets {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*(\\w+)\\s*-->");

    private MarkdownSnippets() {
    }

    /**
     * The {@code ```java} blocks of {@code markdown}, in order.
     *
     * @throws IllegalArgumentException for a marker that names no kind, or a block that is never closed
     */
    static List<Snippet> of(String file, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": ```java block is never closed");
            }
            List<String> code = lines.subList(start, end);
            Snippet.Kind kind = marker(file, i, lines);
            snippets.add(new Snippet(file, start + 1, kind != null ? kind : Snippet.kindOf(code), code));
            i = end;
        }
        return snippets;
    }

    private static Snippet.Kind marker(String file, int fence, List<String> lines) {
        if (fence == 0) {
            return null;
        }
        Matcher m = MARKER.matcher(lines.get(fence - 1).strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return Snippet.Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + fence + ": unknown snippet kind '" + m.group(1)
                    + "'; use members, statements, unit or java22", e);
        }
    }
}
