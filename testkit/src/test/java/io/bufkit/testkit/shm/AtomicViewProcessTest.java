package io.bufkit.testkit.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.MappedFile;
import io.bufkit.MutableByteView;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVM processes run random atomic operations ({@link AtomicWorkload}) on one memory-mapped file at the
 * same time; the file and what both processes saw agree with the sequential model. The second process is
 * this class's {@link #main}, started with the current {@code java}; every wait is bounded.
 */
class AtomicViewProcessTest {

    private static final int OPS_PER_PROCESS = 50_000;
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void twoProcessesOfRandomAtomicOperationsOnOneMappedFileAgreeWithTheSequentialModel() throws Exception {
        String configured = System.getProperty("bufkit.seed", "");
        long first = configured.isEmpty() ? new SplittableRandom().nextLong() : Long.parseLong(configured);
        for (int run = 0; run < 2; run++) {
            long seed = first + run;
            try {
                runTwoProcesses(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("two-process run failed; replay with -Dbufkit.seed=" + seed, e);
            }
        }
    }

    private void runTwoProcesses(long seed) throws IOException, InterruptedException {
        AtomicWorkload w = workload(seed);
        Path file = dir.resolve("shared-" + seed);
        Path log = dir.resolve("second-" + seed + ".log");
        try (MappedFile mapped = MappedFile.readWrite(file, 0, w.size() + 8)) {
            MutableByteView all = mapped.mutableView();
            MutableByteView view = all.slice(0, w.size());
            Process other = new ProcessBuilder(javaCommand(file, seed)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                await(all, w.size(), "the second process to map the file", other, log);
                all.setReleaseI32le(w.size() + 4, 1);   // go
                AtomicWorkload.Observations mine = w.run(view, 0);
                if (!other.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the second process did not finish in " + TIMEOUT_SECONDS + " s");
                }
                List<String> output = Files.readAllLines(log);
                assertEquals(0, other.exitValue(), "the second process failed:\n" + String.join("\n", output));
                String report = output.stream().filter(l -> l.startsWith("observed")).findFirst()
                        .orElseThrow(() -> new AssertionError("no report from the second process: " + output));
                w.check(view, List.of(mine, AtomicWorkload.Observations.decode(report)));
            } finally {
                other.destroyForcibly();
            }
        }
    }

    private static AtomicWorkload workload(long seed) {
        return AtomicWorkload.random(new SplittableRandom(seed), 2, OPS_PER_PROCESS);
    }

    /**
     * The second process: maps the file, says it is ready, waits for the go, runs worker 1's operations and
     * prints what it saw.
     *
     * @param args the file and the seed
     * @throws Exception if anything fails; the exit status is then not 0
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        AtomicWorkload w = workload(Long.parseLong(args[1]));
        try (MappedFile mapped = MappedFile.readWrite(file, 0, w.size() + 8)) {
            MutableByteView all = mapped.mutableView();
            all.setReleaseI32le(w.size(), 1);   // ready
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (all.getAcquireI32le(w.size() + 4) != 1) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no go from the first process");
                }
                Thread.onSpinWait();
            }
            System.out.println(w.run(all.slice(0, w.size()), 1).encode());
        }
    }

    private static void await(MutableByteView all, int offset, String what, Process other, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (all.getAcquireI32le(offset) != 1) {
            if (!other.isAlive()) {
                throw new IllegalStateException("the second process exited with " + other.exitValue() + ":\n"
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    private static List<String> javaCommand(Path file, long seed) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = location(AtomicViewProcessTest.class) + File.pathSeparator + location(MappedFile.class)
                + File.pathSeparator + location(Test.class)
                + File.pathSeparator + location(org.opentest4j.AssertionFailedError.class);
        return List.of(java, "-cp", classPath, AtomicViewProcessTest.class.getName(), file.toString(), Long.toString(seed));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
