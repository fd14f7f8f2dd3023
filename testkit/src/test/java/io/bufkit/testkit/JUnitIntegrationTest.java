package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.bufkit.testkit.Frames.Frame;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs fixture tests through the JUnit engine and checks what a user's test run would show. */
class JUnitIntegrationTest {

    /** Fixture: properties as a user writes them in a test class. */
    @ExtendWith(OnlyInEngineTestKit.class)
    static class UserTests {

        @Test
        void buggyDecoderOnGeneratedStreams() {
            ChunkProperty.<List<Frame>>ofViews(Frames::decodeDroppingStraddledHeaders).exhaustiveUpTo(0)
                    .checkAll(Frames.streams(), Frames::encode, frames -> frames);
        }

        @Test
        void correctDecoderOnGeneratedStreams() {
            ChunkProperty.<List<Frame>>ofViews(Frames::decode)
                    .checkAll(Frames.streams(), Frames::encode, frames -> frames);
        }

        @TestFactory
        Stream<DynamicTest> buggyDecoderOnTheReferenceVector() {
            return ChunkProperty.ofViews(Frames::decodeDroppingStraddledHeaders).headerBytes(Frames::headerOffsets)
                    .dynamicTests(ChunkPropertyTest.TWO_FRAMES);
        }

        @TestFactory
        Stream<DynamicTest> correctDecoderOnTheReferenceVector() {
            return ChunkProperty.ofViews(Frames::decode).headerBytes(Frames::headerOffsets)
                    .dynamicTests(ChunkPropertyTest.TWO_FRAMES);
        }
    }

    private static Events run(DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter").selectors(selector)
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true").execute().testEvents();
    }

    private static Events run(String method) {
        return run(selectMethod(UserTests.class, method));
    }

    private static Throwable failureOf(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void fixturesAreSkippedOutsideTheEngineTestKit() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(UserTests.class)).execute().containerEvents()
                .assertStatistics(stats -> stats.skipped(1));
    }

    @Test
    void failingPropertyFailsTheTestWithTheSeedInTheMessage() {
        Events events = run("buggyDecoderOnGeneratedStreams");
        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = failureOf(events.failed().list().get(0));
        ChunkingFailure f = assertInstanceOf(ChunkingFailure.class, failure);
        assertTrue(f.getMessage().contains("(replay: -Dbufkit.seed=" + f.seed() + ")"), f.getMessage());
    }

    @Test
    void failureShowsExpectedAndActualForTheIdeDiff() {
        ChunkingFailure f = (ChunkingFailure) failureOf(run("buggyDecoderOnGeneratedStreams").failed().list().get(0));
        assertTrue(f.isExpectedDefined() && f.isActualDefined());
        assertEquals("[Frame[type=1, value=Bytes[0: ]]]", f.getExpected().getStringRepresentation());
        assertEquals("[]", f.getActual().getStringRepresentation());
    }

    @Test
    void seedSystemPropertyReplaysTheReportedFailureExactly() {
        String before = System.getProperty(Settings.SEED);
        try {
            System.clearProperty(Settings.SEED);
            ChunkingFailure first = (ChunkingFailure) failureOf(run("buggyDecoderOnGeneratedStreams").failed().list().get(0));
            ChunkingFailure other = (ChunkingFailure) failureOf(run("buggyDecoderOnGeneratedStreams").failed().list().get(0));
            assertNotEquals(first.seed(), other.seed(), "without a seed property each run draws a fresh seed");

            System.setProperty(Settings.SEED, Long.toString(first.seed()));
            ChunkingFailure replay = (ChunkingFailure) failureOf(run("buggyDecoderOnGeneratedStreams").failed().list().get(0));
            assertEquals(first.getMessage(), replay.getMessage());
            assertEquals(first.seed(), replay.seed());
            assertEquals(first.tryNumber(), replay.tryNumber());
        } finally {
            if (before == null) {
                System.clearProperty(Settings.SEED);
            } else {
                System.setProperty(Settings.SEED, before);
            }
        }
    }

    @Test
    void passingPropertyPassesTheTest() {
        run("correctDecoderOnGeneratedStreams").assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void dynamicTestsNameEachKindOfChunkingAndFailOnlyWhereTheBugShows() {
        Events events = run(selectMethod(UserTests.class, "buggyDecoderOnTheReferenceVector"));
        List<String> names = events.started().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .collect(Collectors.toList());
        assertEquals(List.of("one byte at a time", "every single cut point (20 chunkings)",
                "empty chunks between all bytes and at both ends", "each header byte in a chunk of its own",
                Settings.tries() + " random chunkings"), names);
        List<String> failed = events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .collect(Collectors.toList());
        assertTrue(failed.containsAll(List.of("one byte at a time", "every single cut point (20 chunkings)",
                "each header byte in a chunk of its own")), failed.toString());
    }

    @Test
    void dynamicTestsPassForACorrectDecoder() {
        run(selectMethod(UserTests.class, "correctDecoderOnTheReferenceVector"))
                .assertStatistics(stats -> stats.started(5).succeeded(5));
    }
}
