package io.bufkit.benchmarks;

import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One uncontended atomic add to a 32-bit little-endian counter in direct memory: through a leased
 * {@link MutableByteView} ({@code getAndAddI32le}: lease check, bounds check, alignment checked by the
 * {@code VarHandle}) and through the raw {@link VarHandle} from
 * {@link MethodHandles#byteBufferViewVarHandle} on the same buffer (the floor). The offset is a field, so
 * that neither variant gets a constant index.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AtomicBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class AtomicBenchmark {

    private static final VarHandle I32LE = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** The direct memory holding the counter. */
    ByteBuffer buffer;
    /** A view of the same memory under an open lease. */
    MutableByteView view;
    /** The counter's offset: 8, a field so that it is not a constant. */
    int at;
    private Lease lease;

    /** Allocates the direct buffer and opens the view's lease. */
    @Setup
    public void setUp() {
        buffer = ByteBuffer.allocateDirect(64);
        lease = Lease.open("benchmark");
        view = lease.wrapMutable(buffer);
        at = 8;
    }

    /** Ends the view's lease. */
    @TearDown
    public void tearDown() {
        lease.close();
    }

    /**
     * {@code getAndAddI32le} on the leased view.
     *
     * @return the previous value
     */
    @Benchmark
    public int viewGetAndAddI32le() {
        return view.getAndAddI32le(at, 1);
    }

    /**
     * {@code getAndAdd} through the raw {@code VarHandle} on the same buffer.
     *
     * @return the previous value
     */
    @Benchmark
    public int varHandleGetAndAdd() {
        return (int) I32LE.getAndAdd(buffer, at, 1);
    }
}
