package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import io.bufkit.ByteView;
import io.bufkit.message.DecoderSource;
import io.bufkit.message.GeneratedDecoder;
import io.bufkit.message.MessageCodec;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.ReaderSource;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * Generates a decoder's source for a codec with {@link DecoderSource}, compiles it with the platform's Java
 * compiler (the {@code javac} tool) into a temporary directory and loads it, so that tests cover many layouts without committing
 * generated files. The class path of the compilation is made of the code-source locations of the library,
 * the testkit and the classes the generated code names (the layouts' holder and the records), since the
 * test runner's {@code java.class.path} may be a jar holding a manifest alone.
 */
final class GeneratedSources {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PACKAGE = "io.bufkit.testkit.generated";

    private GeneratedSources() {
    }

    /**
     * A compiled and loaded decoder generated from {@code codec}.
     *
     * @param codec the codec, without a generated decoder
     * @param layoutConstant the Java expression of the codec's layout, a public static final field
     * @param named classes the generated source names (the layout's holder, the record types), whose locations
     *     join the class path
     * @return a new instance of the generated class
     */
    static <R extends Record> GeneratedDecoder<R> compile(MessageCodec<R> codec, String layoutConstant,
            Class<?>... named) {
        String simple = "Decoder" + NEXT.incrementAndGet();
        String source = DecoderSource.generate(codec, layoutConstant, PACKAGE + "." + simple);
        try {
            @SuppressWarnings("unchecked")
            GeneratedDecoder<R> decoder = (GeneratedDecoder<R>) load(simple, source, named).getConstructor()
                    .newInstance();
            return decoder;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("could not make the decoder generated for " + codec, e);
        }
    }

    /**
     * A compiled and loaded reader generated from {@code layout} with {@link ReaderSource}, as its
     * {@code read} method.
     *
     * @param layout the layout
     * @param layoutConstant the Java expression of the layout, a public static final field
     * @param named classes the generated source names, whose locations join the class path
     * @return the read method of a new instance of the generated class
     */
    static Function<ByteView, Object> compileReader(MessageLayout layout, String layoutConstant, Class<?>... named) {
        String simple = "Reader" + NEXT.incrementAndGet();
        Class<?> type = load(simple, ReaderSource.generate(layout, layoutConstant, PACKAGE + "." + simple), named);
        try {
            Object reader = type.getConstructor().newInstance();
            Method read = type.getMethod("read", ByteView.class);
            return view -> {
                try {
                    return read.invoke(reader, view);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new AssertionError("read failed", e.getCause());
                } catch (IllegalAccessException e) {
                    throw new AssertionError("cannot call read", e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("could not make the reader generated for " + layout.name(), e);
        }
    }

    /** Writes, compiles and loads one generated class. */
    static Class<?> load(String simple, String source, Class<?>... named) {
        everyConstantIsRead(simple, source);
        try {
            Path dir = Files.createTempDirectory("bufkit-generated");
            Path file = dir.resolve(PACKAGE.replace('.', File.separatorChar)).resolve(simple + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
            compileInto(dir, file, source, named);
            URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                    GeneratedSources.class.getClassLoader());
            return loader.loadClass(PACKAGE + "." + simple);
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("could not write, compile or load " + simple, e);
        }
    }

    /**
     * Fails if the generated class declares a constant that nothing in it reads (the layout constant
     * {@code L0} aside, which checks the expression the class was generated with).
     */
    static void everyConstantIsRead(String simple, String source) {
        Matcher m = Pattern.compile("private static final [\\w.<>?\\[\\]]+ (\\w+) =")
                .matcher(source);
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals("L0") && !Pattern.compile("\\b" + name + "\\b").matcher(source)
                    .region(m.end(), source.length()).find()) {
                fail(simple + " declares " + name + " but never reads it:\n" + source);
            }
        }
    }

    private static void compileInto(Path dir, Path file, String source, Class<?>... named) {
        // java.util.spi.ToolProvider is in java.base: the testkit module, which these tests are compiled
        // into, does not read java.compiler, where javax.tools lies
        ToolProvider javac = ToolProvider.findFirst("javac").orElse(null);
        if (javac == null) {
            fail("no Java compiler in this runtime (a JRE, not a JDK): generated decoders cannot be compiled");
        }
        Set<String> path = new LinkedHashSet<>();
        path.add(location(MessageCodec.class));
        path.add(location(MessageLayouts.class));
        path.add(location(GeneratedSources.class));
        for (Class<?> c : named) {
            path.add(location(c));
        }
        StringWriter diagnostics = new StringWriter();
        PrintWriter out = new PrintWriter(diagnostics);
        int status = javac.run(out, out, "--release", "17", "-proc:none", "-Xlint:all", "-encoding", "UTF-8",
                "-classpath", String.join(File.pathSeparator, path), "-d", dir.toString(), file.toString());
        out.flush();
        if (status != 0) {
            fail("the generated source does not compile (javac exit " + status + "):\n" + diagnostics
                    + "class path: " + path + "\nsource:\n" + source);
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError("no file location for " + c.getName(), e);
        }
    }
}
