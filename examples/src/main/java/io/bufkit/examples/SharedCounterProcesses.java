package io.bufkit.examples;

import io.bufkit.MappedFile;
import io.bufkit.MutableByteView;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shared counter across two JVM processes: both map one small file read-write with
 * {@link MappedFile} and add 1 to the 32-bit integer at offset 0 with {@link MutableByteView#getAndAddI32le}
 * a million times each; the file then holds the exact sum.
 *
 * <p>This process launches the second one with the same {@code java} and class path. So that both really
 * run at the same time, the other process announces that it has mapped the file ({@code getAndAddI32le}
 * at {@link #READY}) and waits for this one's go ({@code setReleaseI32le} at {@link #GO}, read with
 * {@code getAcquireI32le}): ordered access across processes. When done, it writes its own count at
 * {@link #THEIRS} with a release write. Every wait is bounded.
 */
public final class SharedCounterProcesses {

    /** The counter: a little-endian 32-bit integer at offset 0 of the file. */
    static final int COUNTER = 0;
    /** Incremented by the second process once it has mapped the file. */
    static final int READY = 4;
    /** Set to 1 by the first process to start both loops. */
    static final int GO = 8;
    /** Where the second process writes how many increments it made, when it is done. */
    static final int THEIRS = 12;
    /** The size of the mapped region. */
    static final int FILE_BYTES = 64;

    private SharedCounterProcesses() {
    }

    /**
     * The outcome of a run.
     *
     * @param total the counter's final value
     * @param mine the increments of this process
     * @param theirs the increments the other process reported
     */
    record Result(long total, long mine, long theirs) {
    }

    /**
     * The second process: maps the file, announces itself, waits for the go and adds 1 {@code args[1]} times.
     *
     * @param args the file and the number of increments
     * @throws IOException if the file cannot be mapped
     * @throws InterruptedException if interrupted while waiting for the go
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = Path.of(args[0]);
        int increments = Integer.parseInt(args[1]);
        try (MappedFile mapped = MappedFile.readWrite(file, 0, FILE_BYTES)) {
            MutableByteView shared = mapped.mutableView();
            shared.getAndAddI32le(READY, 1);
            awaitValue(shared, GO, 1, Duration.ofSeconds(30), "the first process's go");
            addOne(shared, increments);
            shared.setReleaseI32le(THEIRS, increments);
        }
    }

    /**
     * Runs the counter in this process and a second one, each adding 1 {@code increments} times.
     *
     * @param increments how many times each process adds 1
     * @param timeout how long the second process may take in all
     * @return the counts
     * @throws IOException if the file cannot be created or the process cannot be started
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the second process fails or times out
     */
    static Result run(int increments, Duration timeout) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bufkit-counter");
        Path file = dir.resolve("counter");
        Path log = dir.resolve("second-process.log");
        try (MappedFile mapped = MappedFile.readWrite(file, 0, FILE_BYTES)) {
            MutableByteView shared = mapped.mutableView();
            Process other = new ProcessBuilder(command(file, increments))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitValue(shared, READY, 1, timeout, "the second process to map " + file);
                shared.setReleaseI32le(GO, 1);
                addOne(shared, increments);
                if (!other.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the second process did not finish within " + timeout);
                }
                if (other.exitValue() != 0) {
                    throw new IllegalStateException("the second process exited with " + other.exitValue() + ": "
                            + Files.readString(log));
                }
            } finally {
                other.destroyForcibly();
            }
            long total = Integer.toUnsignedLong(shared.getVolatileI32le(COUNTER));
            return new Result(total, increments, shared.getAcquireI32le(THEIRS));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void addOne(MutableByteView shared, int increments) {
        for (int i = 0; i < increments; i++) {
            shared.getAndAddI32le(COUNTER, 1);
        }
    }

    /** Waits, polling, until the value at {@code offset} is {@code expected}; throws after {@code timeout}. */
    static void awaitValue(MutableByteView shared, int offset, int expected, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (shared.getAcquireI32le(offset) != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout);
            }
            Thread.sleep(1);
        }
    }

    /** {@code java -cp <this class path> SharedCounterProcesses <file> <increments>}, with this JVM's {@code java}. */
    private static List<String> command(Path file, int increments) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = location(SharedCounterProcesses.class) + File.pathSeparator + location(MappedFile.class);
        return List.of(java, "-cp", classPath, SharedCounterProcesses.class.getName(), file.toString(),
                Integer.toString(increments));
    }

    /** The class-path entry (directory or jar) a class was loaded from. */
    static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
