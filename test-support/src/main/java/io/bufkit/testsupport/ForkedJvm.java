package io.bufkit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a fresh JVM on this JVM's class path, for what is decided once per JVM
 * (system properties read at class initialization, JIT flags).
 */
public final class ForkedJvm {

    private ForkedJvm() {
    }

    /**
     * The output of a finished run.
     *
     * @param exitValue the process's exit value
     * @param lines standard output and standard error, merged, line by line
     */
    public record Run(int exitValue, List<String> lines) {

        /**
         * The output as one text, for assertion messages.
         *
         * @return the lines joined by newlines
         */
        public String text() {
            return String.join("\n", lines);
        }
    }

    /**
     * Runs {@code main} with the given JVM options and waits up to {@code timeoutSeconds} for it.
     *
     * @param main the class whose {@code main} to run
     * @param jvmOptions options before the class name, for example {@code -Dname=value}
     * @param timeoutSeconds how long to wait before the run is killed and reported as failed
     * @return the finished run
     * @throws AssertionError if the run does not finish in time
     */
    public static Run run(Class<?> main, List<String> jvmOptions, long timeoutSeconds) {
        return run(main, jvmOptions, List.of(), timeoutSeconds);
    }

    /**
     * Runs {@code main} with the given JVM options and program arguments and waits up to
     * {@code timeoutSeconds} for it.
     *
     * @param main the class whose {@code main} to run
     * @param jvmOptions options before the class name, for example {@code -Dname=value}
     * @param arguments the arguments {@code main} gets
     * @param timeoutSeconds how long to wait before the run is killed and reported as failed
     * @return the finished run
     * @throws AssertionError if the run does not finish in time
     */
    public static Run run(Class<?> main, List<String> jvmOptions, List<String> arguments, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        Path output = null;
        try {
            output = Files.createTempFile("forked-jvm", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(main.getName() + " did not finish in " + timeoutSeconds + " s:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + main.getName(), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover file in the temporary directory is harmless
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
