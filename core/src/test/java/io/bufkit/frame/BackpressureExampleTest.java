package io.bufkit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.testsupport.ReadmeText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's "Backpressure" example runs, and the README shows it verbatim. */
class BackpressureExampleTest {

    static final byte[] STREAM = Bytes.fromHex("00 05 68 65 6c 6c 6f 00 08 67 6f 6f 64 62 79 65 21").toByteArray();

    @Test
    void readmeShowsTheCompiledExampleVerbatim() {
        ReadmeText.assertShowsFile(Path.of("src/test/java/io/bufkit/frame/BackpressureExample.java"));
    }

    @Test
    void pullGivesTheFramesOfAnyChunks() {
        List<Bytes> out = new ArrayList<>();
        BackpressureExample.pull(List.of(ByteView.wrap(STREAM, 0, 4), ByteView.wrap(STREAM, 4, 13)),
                f -> out.add(f.copy()));
        assertEquals(List.of(Bytes.utf8("hello"), Bytes.utf8("goodbye!")), out);
    }

    @Test
    void flowGivesOwnedFramesAsDemanded() throws Exception {
        PacedSubscriber<Bytes> subscriber = new PacedSubscriber<>(1);
        try (SubmissionPublisher<ByteView> chunks = new SubmissionPublisher<>()) {
            BackpressureExample.frames(chunks).subscribe(subscriber);
            chunks.submit(ByteView.wrap(STREAM, 0, 9));
            chunks.submit(ByteView.wrap(STREAM, 9, 8));
        }
        assertEquals(List.of(Bytes.utf8("hello"), Bytes.utf8("goodbye!")), subscriber.result.get(10, TimeUnit.SECONDS));
    }
}
