package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.testsupport.ForkedJvm;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Handle reads go through a shortcut that checks the view's length against the field's end and its
 * lease once, instead of the view's own checks. {@link HandleHotPathProbe} runs the shortcut in a fresh
 * JVM with {@code -Xbatch} (each compilation finishes before the call that asked for it goes on) and
 * {@code -XX:+PrintCompilation}; these tests read its output to check that C2 (tier 4) had compiled the
 * reading methods when rounds of reads were checked right and when a short and a stale view were refused.
 * Run without a JIT, they fail instead of passing unchanged.
 */
class HandleHotPathTest {

    /** A PrintCompilation line: time, compile id, attribute flags, tier, {@code class::method}, rest. */
    private static final Pattern COMPILATION = Pattern.compile(
            "\\s*\\d+\\s+\\d+\\s+([%sbn! ]*?)\\s*(\\d)\\s+(\\S+::\\S+)\\s.*");

    private static final String PROBE = HandleHotPathProbe.class.getName();

    /** Whether {@code method} of the probe is C2-compiled (not on-stack replacement) after {@code lines}. */
    private static boolean c2Compiled(List<String> lines, String method) {
        boolean compiled = false;
        for (String line : lines) {
            Matcher m = COMPILATION.matcher(line);
            if (m.matches() && m.group(3).equals(PROBE + "::" + method)) {
                boolean osr = m.group(1).contains("%");
                if (line.contains("made not entrant") || line.contains("made zombie")) {
                    compiled &= osr || !m.group(2).equals("4");
                } else if (!osr && m.group(2).equals("4")) {
                    compiled = true;
                }
            }
        }
        return compiled;
    }

    /** The first of {@code lines} after index {@code from} that starts with {@code prefix}, or "". */
    private static String firstAfter(List<String> lines, int from, String prefix) {
        return lines.subList(from + 1, lines.size()).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    private static void compiledReadsReadTheRightBytesAndRefuseShortAndStaleViews(String memory) {
        ForkedJvm.Run run = ForkedJvm.run(HandleHotPathProbe.class, List.of("-Xbatch", "-XX:+PrintCompilation"),
                List.of(memory), 120);
        List<String> lines = run.lines();
        assertEquals(0, run.exitValue(), run.text());

        int shortCheck = lines.indexOf("short check");
        int staleCheck = lines.indexOf("stale check");
        assertTrue(shortCheck > 0 && staleCheck > shortCheck, run.text());
        int lastRounds = lines.indexOf("checked " + HandleHotPathProbe.ROUNDS + " rounds");
        int firstCompiledRounds = -1;
        for (int i = 0; i < lastRounds + 1 && firstCompiledRounds < 0; i++) {
            if (lines.get(i).startsWith("checked ") && c2Compiled(lines.subList(0, i), "readAll")
                    && c2Compiled(lines.subList(0, i), "readLast")) {
                firstCompiledRounds = i;
            }
        }
        assertTrue(firstCompiledRounds > 0, "no rounds were checked after C2 compiled the reads:\n" + run.text());
        // a compiled method may refuse by deoptimizing and throwing from the interpreter: it never reads
        assertTrue(c2Compiled(lines.subList(0, shortCheck), "readLast"), "readLast not C2-compiled:\n" + run.text());
        assertTrue(firstAfter(lines, shortCheck, "short refused: ").startsWith(
                "short refused: i64le at offset 12 needs 8 byte(s)"), run.text());
        assertTrue(c2Compiled(lines.subList(0, staleCheck), "readAll"), "readAll not C2-compiled:\n" + run.text());
        assertTrue(firstAfter(lines, staleCheck, "stale refused: ").contains("lease 'hot'"), run.text());
    }

    @Test
    void compiledReadsOfHeapPacketsReadTheRightBytesAndRefuseShortAndStaleViews() {
        compiledReadsReadTheRightBytesAndRefuseShortAndStaleViews("heap");
    }

    @Test
    void compiledReadsOfDirectPacketsReadTheRightBytesAndRefuseShortAndStaleViews() {
        compiledReadsReadTheRightBytesAndRefuseShortAndStaleViews("direct");
    }

    @Test
    void aTooShortViewNamesTheFieldsOffsetAndWidth() {
        PacketLayout layout = HandleHotPathProbe.LAYOUT;
        ByteView packet = ByteView.wrap(new byte[layout.size() - 1]);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> layout.longField("f").get(packet));
        assertEquals("i64le at offset 12 needs 8 byte(s) but the view length is 19", e.getMessage());
        ByteView shorter = ByteView.wrap(new byte[10]);
        assertEquals("f32be at offset 8 needs 4 byte(s) but the view length is 10",
                assertThrows(IndexOutOfBoundsException.class, () -> layout.floatField("e").get(shorter)).getMessage());
        assertEquals("flags8 at offset 7 needs 1 byte(s) but the view length is 7",
                assertThrows(IndexOutOfBoundsException.class,
                        () -> layout.flagsField("d").get(ByteView.wrap(new byte[7]))).getMessage());
    }
}
