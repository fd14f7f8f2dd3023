package io.bufkit.testkit;

import io.bufkit.pool.BufferPool;
import io.bufkit.pool.PoolStats;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit Jupiter extension that fails a test which leaves pooled leases outstanding: every
 * {@link io.bufkit.pool.PooledLease} acquired during the test, pooled or overflow, must have been released
 * by the time it ends.
 *
 * <p>Two ways to use it:
 * <pre>{@code
 * @ExtendWith(PoolLeakCheck.class)         // checks every BufferPool field of the test class
 * class ReaderTest {
 *     final BufferPool pool = BufferPool.builder().bufferSize(4096).capacity(8).build();
 *     ...
 * }
 *
 * class WriterTest {
 *     @RegisterExtension
 *     final PoolLeakCheck leaks = new PoolLeakCheck();
 *
 *     @Test
 *     void writes() {
 *         BufferPool pool = leaks.track(BufferPool.builder().bufferSize(4096).capacity(8).build());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>A pool is checked against the leases it had outstanding when the test started (for a field) or
 * when it was tracked, so a pool shared by several tests only blames the test that leaked. The check runs
 * after the test's own {@code @AfterEach} methods, so they may still release. Leases released on other
 * threads must be released before the test method returns. Not for tests of one class that run
 * concurrently.
 */
public final class PoolLeakCheck implements BeforeEachCallback, AfterEachCallback {

    /** Outstanding leases per pool when checking started; identity-keyed. */
    private final Map<BufferPool, Long> baselines = new IdentityHashMap<>();

    /** Creates the extension; register it with {@code @ExtendWith} or {@code @RegisterExtension}. */
    public PoolLeakCheck() {
    }

    /**
     * Checks {@code pool} at the end of the current test, counting only leases acquired from now on.
     *
     * @param pool the pool to check
     * @return {@code pool}, for chaining
     */
    public BufferPool track(BufferPool pool) {
        Objects.requireNonNull(pool, "pool");
        synchronized (baselines) {
            baselines.put(pool, pool.stats().outstanding());
        }
        return pool;
    }

    /**
     * Records the outstanding leases of every pool already tracked or held in a field of the test.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (baselines) {
            for (BufferPool pool : fieldPools(context)) {
                baselines.put(pool, pool.stats().outstanding());
            }
            baselines.replaceAll((pool, before) -> pool.stats().outstanding());
        }
    }

    /**
     * Fails the test if any checked pool has more leases outstanding than when checking started.
     *
     * @param context the test's context
     * @throws AssertionError naming each pool that leaked and how many leases it still has out
     */
    @Override
    public void afterEach(ExtensionContext context) {
        List<String> leaks = new ArrayList<>();
        synchronized (baselines) {
            for (BufferPool pool : fieldPools(context)) {
                baselines.putIfAbsent(pool, 0L);
            }
            for (Map.Entry<BufferPool, Long> e : baselines.entrySet()) {
                BufferPool pool = e.getKey();
                PoolStats s = pool.stats();
                long leaked = s.outstanding() - e.getValue();
                if (leaked > 0) {
                    leaks.add(leaked + " lease(s) of pool '" + pool.name() + "' (" + pool.used() + " of "
                            + pool.capacity() + " pooled buffers in use; " + s.acquired() + " acquired, "
                            + s.released() + " released, " + s.overflowAllocated() + " overflow)");
                }
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left " + String.join(" and ", leaks)
                    + " unreleased; release every PooledLease, preferably with try-with-resources"
                    + " (build the pool with LeakDetection.PARANOID to log where dropped leases were acquired)");
        }
    }

    private static List<BufferPool> fieldPools(ExtensionContext context) {
        List<BufferPool> pools = new ArrayList<>();
        List<Object> instances = context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of());
        for (Object instance : instances) {
            for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (BufferPool.class.isAssignableFrom(f.getType())) {
                        Object value = read(f, Modifier.isStatic(f.getModifiers()) ? null : instance);
                        if (value != null && pools.stream().noneMatch(p -> p == value)) {
                            pools.add((BufferPool) value);
                        }
                    }
                }
            }
        }
        return pools;
    }

    private static Object read(Field f, Object instance) {
        if (!f.trySetAccessible()) {
            throw new ExtensionConfigurationException("PoolLeakCheck cannot read field " + f
                    + "; open its package to io.bufkit.testkit or register the pool with PoolLeakCheck.track(pool)");
        }
        try {
            return f.get(instance);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("PoolLeakCheck cannot read field " + f, e);
        }
    }
}
