package io.bufkit.testkit.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.bufkit.pool.BufferPool;
import io.bufkit.pool.LeakDetection;
import io.bufkit.pool.PooledLease;
import io.bufkit.testkit.PoolLeakCheck;
import io.bufkit.testsupport.CapturingLogger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class PoolLeakCheckTest {

    /** A pool whose overflow warning (one sample overflows on purpose) is dropped. */
    private static BufferPool newPool() {
        return BufferPool.builder().name("checked").bufferSize(16).capacity(2).leakDetection(LeakDetection.NONE)
                .logger(CapturingLogger.discarding()).build();
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static Throwable onlyFailure(Events events) {
        List<Event> failed = events.failed().list();
        assertEquals(1, failed.size(), "failed tests");
        return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    // ------------------------------------------------------------------ sample tests run by the engine

    @ExtendWith(PoolLeakCheck.class)
    static class LeaksThroughAField {
        final BufferPool pool = newPool();

        @Test
        void leaks() {
            pool.acquire();
        }
    }

    @ExtendWith(PoolLeakCheck.class)
    static class ReleasesThroughAField {
        final BufferPool pool = newPool();

        @Test
        void releases() {
            try (PooledLease lease = pool.acquire()) {
                lease.view().putU8(0, 1);
            }
        }
    }

    static class LeaksATrackedPool {
        @RegisterExtension
        final PoolLeakCheck leaks = new PoolLeakCheck();

        @Test
        void leaks() {
            BufferPool pool = leaks.track(newPool());
            pool.acquire();
            pool.acquire();
        }
    }

    static class ReleasesATrackedPool {
        @RegisterExtension
        final PoolLeakCheck leaks = new PoolLeakCheck();

        @Test
        void releases() {
            BufferPool pool = leaks.track(newPool());
            pool.acquire().close();
        }
    }

    @ExtendWith(PoolLeakCheck.class)
    static class LeaksAnOverflowLease {
        final BufferPool pool = newPool();

        @Test
        void leaksOverflow() {
            PooledLease a = pool.acquire();
            PooledLease b = pool.acquire();
            pool.acquire();
            a.close();
            b.close();
        }
    }

    @ExtendWith(PoolLeakCheck.class)
    static class ReleasesInAfterEach {
        final BufferPool pool = newPool();
        PooledLease held;

        @Test
        void holdsUntilAfterEach() {
            held = pool.acquire();
        }

        @AfterEach
        void release() {
            held.close();
        }
    }

    @ExtendWith(PoolLeakCheck.class)
    static class SharedPoolLeakedBefore {
        static final BufferPool SHARED = newPool();
        static final PooledLease LEAKED_BEFORE_THE_TEST = SHARED.acquire();

        @Test
        void usesTheSharedPoolCleanly() {
            SHARED.acquire().close();
        }
    }

    @ExtendWith(PoolLeakCheck.class)
    static class OuterPoolUsedByANestedTest {
        final BufferPool pool = newPool();

        @Nested
        class Inner {
            @Test
            void leaksThroughTheOuterPool() {
                pool.acquire();
            }
        }
    }

    // ------------------------------------------------------------------ the checks

    @Test
    void failsATestThatLeavesALeaseOfAFieldPoolOutstanding() {
        Throwable t = onlyFailure(run(LeaksThroughAField.class));
        assertInstanceOf(AssertionError.class, t);
        assertTrue(t.getMessage().contains("left 1 lease(s) of pool 'checked'"), t.getMessage());
    }

    @Test
    void passesATestThatReleasesEveryLeaseOfAFieldPool() {
        run(ReleasesThroughAField.class).assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void failsATestThatLeavesLeasesOfATrackedPoolOutstanding() {
        Throwable t = onlyFailure(run(LeaksATrackedPool.class));
        assertTrue(t.getMessage().contains("left 2 lease(s)"), t.getMessage());
    }

    @Test
    void passesATestThatReleasesEveryLeaseOfATrackedPool() {
        run(ReleasesATrackedPool.class).assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void countsAnUnreleasedOverflowLeaseAsALeak() {
        Throwable t = onlyFailure(run(LeaksAnOverflowLease.class));
        assertTrue(t.getMessage().contains("1 overflow"), t.getMessage());
    }

    @Test
    void letsAfterEachMethodsReleaseFirst() {
        run(ReleasesInAfterEach.class).assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void checksPoolsOfEnclosingInstancesOfNestedTests() {
        Throwable t = onlyFailure(run(OuterPoolUsedByANestedTest.class));
        assertTrue(t.getMessage().contains("left 1 lease(s) of pool 'checked'"), t.getMessage());
    }

    @Test
    void blamesOnlyLeasesAcquiredDuringTheTest() {
        run(SharedPoolLeakedBefore.class).assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }
}
