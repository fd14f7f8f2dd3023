package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.testsupport.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system properties {@code bufkit.checkLeases} and {@code bufkit.trackLeases} are read once per JVM,
 * so each is tested in a fresh JVM running {@link LeaseModeProbe}.
 */
class LeaseModesTest {

    private static List<String> runProbe(String... properties) {
        List<String> options = new ArrayList<>(List.of(properties));
        options.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        ForkedJvm.Run run = ForkedJvm.run(LeaseModeProbe.class, options, 60);
        assertEquals(0, run.exitValue(), run.text());
        return run.lines();
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

    @Test
    void theValuesInEffectAreLoggedAtDebugUnderTheirPublishedNames(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, String.join("\n", "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL", ".level=INFO", "io.bufkit.level=FINE"));

        List<String> lines = runProbe("-D" + SystemProperties.CHECK_LEASES + "=false",
                "-Djava.util.logging.config.file=" + config);

        // System.Logger's DEBUG is java.util.logging's FINE
        assertTrue(lines.contains("FINE: in effect: bufkit.checkLeases=false, bufkit.trackLeases=false"),
                String.join("\n", lines));
    }

    @Test
    void theValuesInEffectAreNotLoggedAboveDebug() throws Exception {
        List<String> lines = runProbe("-D" + SystemProperties.TRACK_LEASES + "=true");

        assertTrue(lines.stream().noneMatch(l -> l.contains("in effect")), String.join("\n", lines));
    }
}
