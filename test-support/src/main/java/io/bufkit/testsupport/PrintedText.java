package io.bufkit.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/** What a piece of code prints to the {@link PrintStream} it is given, captured as UTF-8 text. */
public final class PrintedText {

    private PrintedText() {
    }

    /**
     * Runs {@code code} with a fresh stream and returns what it printed.
     *
     * @param code prints to the stream it is given
     * @return everything printed, decoded as UTF-8
     */
    public static String of(Consumer<PrintStream> code) {
        return withResult(out -> {
            code.accept(out);
            return null;
        }).text();
    }

    /**
     * Runs {@code code} with a fresh stream and returns what it printed and what it returned.
     *
     * @param code prints to the stream it is given and returns a result
     * @param <R> the result type
     * @return the text printed, decoded as UTF-8, and the result
     */
    public static <R> Printed<R> withResult(Function<PrintStream, R> code) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        R result;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result = code.apply(out);
        }
        return new Printed<>(bytes.toString(StandardCharsets.UTF_8), result);
    }

    /**
     * The text some code printed and what it returned.
     *
     * @param text the printed text
     * @param result the returned value
     * @param <R> the result type
     */
    public record Printed<R>(String text, R result) {
    }
}
