package io.bufkit.examples.readme;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown file, and the compilation unit it is compiled as.
 *
 * @param file the Markdown file's name, for messages
 * @param line the line of the block's first code line in that file (1-based)
 * @param kind how the block is compiled
 * @param code the block's lines
 */
record Snippet(String file, int line, Kind kind, List<String> code) {

    /** How a block is compiled. */
    enum Kind {
        /** A whole source file: a {@code package} line or a top-level class, record, interface or enum. */
        UNIT,
        /** Statements: compiled as the body of a method of a {@link SnippetContext} subclass. */
        STATEMENTS,
        /** Fields and methods: compiled as the body of a {@link SnippetContext} subclass. */
        MEMBERS,
        /**
         * Java 22+ code of the {@code bufkit-ffm} module: compiled and run by that module's own README test
         * (with a JDK 22+), skipped here, where the examples compile for Java 17.
         */
        JAVA22
    }

    /** Imports added to every snippet that has no {@code package} line of its own. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import io.bufkit.*;", "import io.bufkit.layout.*;", "import io.bufkit.pool.*;", "import io.bufkit.tlv.*;",
            "import io.bufkit.frame.*;", "import io.bufkit.message.*;", "import io.bufkit.checksum.*;",
            "import io.bufkit.testkit.*;", "import io.bufkit.examples.*;", "import java.io.*;", "import java.nio.*;",
            "import java.nio.channels.*;", "import java.time.*;", "import java.util.*;", "import java.util.concurrent.*;",
            "import java.util.function.*;", "import org.junit.jupiter.api.*;", "import org.junit.jupiter.api.extension.*;",
            "import static org.junit.jupiter.api.Assertions.*;");

    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(@\\w+(\\([^)]*\\))?\\s+)*((public|final|abstract|sealed|non-sealed|strictfp)\\s+)*(class|record|interface|enum)\\s+(\\w+).*");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+((final|abstract|sealed|non-sealed|strictfp)\\s+)*(class|record|interface|enum)\\s+(\\w+).*");

    /** The kind a block has when no marker names it: a whole file if it declares a top-level type. */
    static Kind kindOf(List<String> code) {
        for (String l : code) {
            if (l.startsWith("package ") || TOP_LEVEL_TYPE.matcher(l).matches()) {
                return Kind.UNIT;
            }
        }
        return Kind.STATEMENTS;
    }

    /** Where this block is in its file, as messages and test names show it. */
    String where() {
        return file + " line " + line;
    }

    /** The name of the source file to compile: the public top-level type's, else one made from the line. */
    String fileName() {
        if (kind == Kind.UNIT) {
            for (String l : code) {
                var m = PUBLIC_TYPE.matcher(l);
                if (m.matches()) {
                    return m.group(4) + ".java";
                }
            }
        }
        return className() + ".java";
    }

    private String className() {
        return "ReadmeSnippetAtLine" + line;
    }

    /** The block's lines before the compilation unit's first code line: how to map a diagnostic back. */
    int prefixLines() {
        return prefix().size();
    }

    /** The compilation unit: the block wrapped as its kind requires, imports hoisted to the top. */
    String source() {
        StringBuilder sb = new StringBuilder();
        prefix().forEach(l -> sb.append(l).append('\n'));
        boolean inImports = true;
        for (String l : code) {
            if (kind != Kind.UNIT && inImports && (l.startsWith("import ") || l.isBlank())) {
                sb.append(l.startsWith("import ") ? "" : l).append('\n');   // hoisted by prefix(); keep the line count
                continue;
            }
            inImports = false;
            sb.append(l).append('\n');
        }
        switch (kind) {
            case STATEMENTS -> sb.append("    }\n}\n");
            case MEMBERS -> sb.append("}\n");
            default -> {
            }
        }
        return sb.toString();
    }

    private List<String> prefix() {
        boolean ownPackage = code.stream().anyMatch(l -> l.startsWith("package "));
        List<String> lines = new java.util.ArrayList<>();
        if (!ownPackage) {
            lines.addAll(DEFAULT_IMPORTS);
        }
        if (kind != Kind.UNIT) {
            for (String l : code) {
                if (l.startsWith("import ")) {
                    lines.add(l);
                } else if (!l.isBlank()) {
                    break;
                }
            }
            lines.add("class " + className() + " extends " + SnippetContext.class.getName() + " {");
            if (kind == Kind.STATEMENTS) {
                lines.add("    void snippet() throws Exception {");
            }
        }
        return lines;
    }
}
