package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The system properties {@code bufkit.checkLeases} and {@code bufkit.trackLeases} are read once per JVM,
 * so each is tested in a fresh JVM running {@link LeaseModeProbe}.
 */
class LeaseModesTest {

    private static List<String> runProbe(String property) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), property, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LeaseModeProbe.class.getName())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text.lines().toList();
    }

    @Test
    void withLeaseChecksOffAStaleViewReadsWithoutThrowingButReportsItselfInvalid() throws Exception {
        List<String> lines = runProbe("-Dbufkit.checkLeases=false");

        assertEquals(List.of("valid=false", "read=42", "handle=7"), lines);
    }

    @Test
    void withLeaseTrackingOnTheStaleViewExceptionShowsWhereTheLeaseEnded() throws Exception {
        List<String> lines = runProbe("-Dbufkit.trackLeases=true");

        assertEquals("valid=false", lines.get(0));
        assertTrue(lines.get(1).startsWith("stale=u8 on a view of lease 'probe' after the lease was closed"), lines.get(1));
        assertTrue(lines.contains("endedAt=closeTheLease"), String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).startsWith("handleStale=u8 on a view of lease 'probe'"),
                String.join("\n", lines));
    }
}
