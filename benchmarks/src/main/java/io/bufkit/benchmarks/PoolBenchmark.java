package io.bufkit.benchmarks;

import io.bufkit.pool.BufferPool;
import io.bufkit.pool.LeakDetection;
import io.bufkit.pool.PooledLease;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Acquire + release of one 64 KiB buffer: bufkit's {@link BufferPool} (heap and direct) against Netty's
 * {@code PooledByteBufAllocator.DEFAULT} and plain allocation ({@code ByteBuffer.allocateDirect},
 * {@code new byte[]}), on one thread and on two threads sharing one pool.
 *
 * <p>Each operation returns the handle it acquired so that it is not optimised away; run with
 * {@code -prof gc} to see the bytes allocated per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class PoolBenchmark {

    static final int SIZE = 65536;

    /** The pools' leak detection; the library's default is SAMPLED. */
    @Param({"SAMPLED"})
    public String leakDetection;

    /** Under SAMPLED every tenancy is watched and one in this many records its acquisition stack; the default is 1024. */
    @Param({"1024"})
    public int leakSampleInterval;

    BufferPool heapPool;
    BufferPool directPool;
    PooledByteBufAllocator netty;

    @Setup
    public void setUp() {
        LeakDetection level = LeakDetection.valueOf(leakDetection);
        heapPool = BufferPool.builder().name("bench-heap").bufferSize(SIZE).capacity(16).leakDetection(level)
                .leakSampleInterval(leakSampleInterval).build();
        directPool = BufferPool.builder().name("bench-direct").bufferSize(SIZE).capacity(16).direct(true)
                .leakDetection(level).leakSampleInterval(leakSampleInterval).build();
        netty = PooledByteBufAllocator.DEFAULT;
    }

    // ------------------------------------------------------------------ one thread

    @Benchmark
    public PooledLease bufkitHeap() {
        PooledLease lease = heapPool.acquire();
        lease.close();
        return lease;
    }

    @Benchmark
    public PooledLease bufkitDirect() {
        PooledLease lease = directPool.acquire();
        lease.close();
        return lease;
    }

    @Benchmark
    public ByteBuf nettyHeap() {
        ByteBuf buf = netty.heapBuffer(SIZE);
        buf.release();
        return buf;
    }

    @Benchmark
    public ByteBuf nettyDirect() {
        ByteBuf buf = netty.directBuffer(SIZE);
        buf.release();
        return buf;
    }

    @Benchmark
    public ByteBuffer jdkAllocateDirect() {
        return ByteBuffer.allocateDirect(SIZE);
    }

    @Benchmark
    public byte[] jdkNewByteArray() {
        return new byte[SIZE];
    }

    // ------------------------------------------------------------------ two threads, one shared pool

    @Benchmark
    @Threads(2)
    public PooledLease bufkitHeap2Threads() {
        return bufkitHeap();
    }

    @Benchmark
    @Threads(2)
    public PooledLease bufkitDirect2Threads() {
        return bufkitDirect();
    }

    @Benchmark
    @Threads(2)
    public ByteBuf nettyHeap2Threads() {
        return nettyHeap();
    }

    @Benchmark
    @Threads(2)
    public ByteBuf nettyDirect2Threads() {
        return nettyDirect();
    }

    @Benchmark
    @Threads(2)
    public ByteBuffer jdkAllocateDirect2Threads() {
        return jdkAllocateDirect();
    }

    @Benchmark
    @Threads(2)
    public byte[] jdkNewByteArray2Threads() {
        return jdkNewByteArray();
    }
}
