package io.bufkit.benchmarks;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.StaleViewException;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Reads the 24-byte sensor packet (PROTOCOLS.md §1) field by field — u32be, f64be, u16be, u8, i8, f32be,
 * f32be — through a leased {@link ByteView}, through hand-written {@link ByteBuffer} absolute gets, and
 * through raw {@link VarHandle}s (the floor), on heap and direct memory. {@code byteViewUnchecked} runs
 * in forks with {@code -Dbufkit.checkLeases=false} to show what the lease check costs.
 *
 * <p>The packet sits at a non-zero offset of a larger buffer, as it would in a read buffer, and that
 * offset is a field read at run time in every variant, as a parser reading frames at varying positions
 * sees it: with a compile-time constant offset the JIT would fold the hand-written baselines' index
 * arithmetic and bounds checks into constants, which no real parser gets. Each benchmark folds the
 * seven values into one {@code long} with the same cheap arithmetic, so every variant does the same
 * work besides the reads.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ByteViewBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class ByteViewBenchmark {

    /** The sensor packet vector of PROTOCOLS.md §1. */
    static final String SENSOR_PACKET = "00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8 66 66";

    /** Where the packet is placed in the backing memory. */
    static final int PACKET_OFFSET = 40;

    private static final VarHandle ARRAY_I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BUFFER_I16 = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BUFFER_I32 = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BUFFER_I64 = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The memory the packet lives in. */
    @Param({"heap", "direct"})
    public String memory;

    /** The backing array for heap memory; {@code null} for direct. */
    byte[] array;
    /** A buffer over the memory: the array wrapped for heap, a direct buffer for direct. */
    ByteBuffer buffer;
    /** A view of the packet, under an open lease. */
    ByteView view;
    /** Where the packet starts in {@link #array} and {@link #buffer}; a field, so it is not a constant. */
    int at;

    /**
     * Places the packet at {@link #PACKET_OFFSET} and checks that the fork runs with the lease setting its benchmark
     * expects.
     *
     * @param params the benchmark being run
     */
    @Setup
    public void setUp(BenchmarkParams params) {
        byte[] packet = Bytes.fromHex(SENSOR_PACKET).toByteArray();
        Lease lease = Lease.open("benchmark");
        at = PACKET_OFFSET;
        if (memory.equals("heap")) {
            array = new byte[at + packet.length + 40];
            System.arraycopy(packet, 0, array, at, packet.length);
            buffer = ByteBuffer.wrap(array);
            view = lease.wrap(array, at, packet.length);
        } else {
            buffer = ByteBuffer.allocateDirect(at + packet.length + 40);
            buffer.put(at, packet);
            view = lease.wrap(buffer.duplicate().position(at).limit(at + packet.length));
        }
        if (mix(view.u32be(0), view.f64be(4), view.u16be(12), view.u8(14), view.i8(15), view.f32be(16), view.f32be(20))
                != byteBuffer()) {
            throw new AssertionError("the view and the buffer disagree");
        }
        boolean unchecked = params.getBenchmark().endsWith("Unchecked");
        if (leaseChecksOn() == unchecked) {
            throw new IllegalStateException(params.getBenchmark() + " must run with lease checks "
                    + (unchecked ? "off" : "on") + "; pass no -jvmArgs that override the benchmark's fork settings");
        }
    }

    /** Whether this JVM checks leases: reads a view after its lease ended. */
    private static boolean leaseChecksOn() {
        Lease lease = Lease.open("probe");
        ByteView probe = lease.wrap(new byte[1]);
        lease.close();
        try {
            probe.u8(0);
            return false;
        } catch (StaleViewException e) {
            return true;
        }
    }

    /** Folds the packet's fields into one value; the same work for every variant. */
    private static long mix(long sensorId, double timestamp, int sensorType, int flags, int temperature,
            float humidity, float pressure) {
        return sensorId + Double.doubleToRawLongBits(timestamp) + (sensorType << 16) + (flags << 8) + temperature
                + Float.floatToRawIntBits(humidity) + ((long) Float.floatToRawIntBits(pressure) << 32);
    }

    /**
     * The packet read through a leased {@link ByteView}: bounds and lease checked on every read.
     *
     * @return the folded fields
     */
    @Benchmark
    public long byteView() {
        ByteView v = view;
        return mix(v.u32be(0), v.f64be(4), v.u16be(12), v.u8(14), v.i8(15), v.f32be(16), v.f32be(20));
    }

    /**
     * The same as {@link #byteView()} in forks with {@code -Dbufkit.checkLeases=false}.
     *
     * @return the folded fields
     */
    @Benchmark
    @Fork(jvmArgsAppend = "-Dbufkit.checkLeases=false")
    public long byteViewUnchecked() {
        ByteView v = view;
        return mix(v.u32be(0), v.f64be(4), v.u16be(12), v.u8(14), v.i8(15), v.f32be(16), v.f32be(20));
    }

    /**
     * The packet read with hand-written {@link ByteBuffer} absolute gets (big-endian by default).
     *
     * @return the folded fields
     */
    @Benchmark
    public long byteBuffer() {
        ByteBuffer b = buffer;
        int at = this.at;
        return mix(b.getInt(at) & 0xFFFF_FFFFL, b.getDouble(at + 4), b.getShort(at + 12) & 0xFFFF,
                b.get(at + 14) & 0xFF, b.get(at + 15), b.getFloat(at + 16), b.getFloat(at + 20));
    }

    /**
     * The packet read with raw {@link VarHandle}s on the array (heap) or the buffer (direct): the floor.
     *
     * @return the folded fields
     */
    @Benchmark
    public long varHandle() {
        byte[] a = array;
        int at = this.at;
        if (a != null) {
            return mix(Integer.toUnsignedLong((int) ARRAY_I32.get(a, at)),
                    Double.longBitsToDouble((long) ARRAY_I64.get(a, at + 4)), (short) ARRAY_I16.get(a, at + 12) & 0xFFFF,
                    a[at + 14] & 0xFF, a[at + 15], Float.intBitsToFloat((int) ARRAY_I32.get(a, at + 16)),
                    Float.intBitsToFloat((int) ARRAY_I32.get(a, at + 20)));
        }
        ByteBuffer b = buffer;
        return mix(Integer.toUnsignedLong((int) BUFFER_I32.get(b, at)),
                Double.longBitsToDouble((long) BUFFER_I64.get(b, at + 4)), (short) BUFFER_I16.get(b, at + 12) & 0xFFFF,
                b.get(at + 14) & 0xFF, b.get(at + 15), Float.intBitsToFloat((int) BUFFER_I32.get(b, at + 16)),
                Float.intBitsToFloat((int) BUFFER_I32.get(b, at + 20)));
    }

    /**
     * {@link #varHandle()} with the packet offset a compile-time constant: the JIT folds the offsets and
     * bounds checks into constants. Shown for reference; no parser of frames at varying positions gets
     * this.
     *
     * @return the folded fields
     */
    @Benchmark
    public long varHandleConstantOffset() {
        byte[] a = array;
        if (a != null) {
            return mix(Integer.toUnsignedLong((int) ARRAY_I32.get(a, PACKET_OFFSET)),
                    Double.longBitsToDouble((long) ARRAY_I64.get(a, PACKET_OFFSET + 4)),
                    (short) ARRAY_I16.get(a, PACKET_OFFSET + 12) & 0xFFFF, a[PACKET_OFFSET + 14] & 0xFF,
                    a[PACKET_OFFSET + 15], Float.intBitsToFloat((int) ARRAY_I32.get(a, PACKET_OFFSET + 16)),
                    Float.intBitsToFloat((int) ARRAY_I32.get(a, PACKET_OFFSET + 20)));
        }
        ByteBuffer b = buffer;
        return mix(Integer.toUnsignedLong((int) BUFFER_I32.get(b, PACKET_OFFSET)),
                Double.longBitsToDouble((long) BUFFER_I64.get(b, PACKET_OFFSET + 4)),
                (short) BUFFER_I16.get(b, PACKET_OFFSET + 12) & 0xFFFF, b.get(PACKET_OFFSET + 14) & 0xFF,
                b.get(PACKET_OFFSET + 15), Float.intBitsToFloat((int) BUFFER_I32.get(b, PACKET_OFFSET + 16)),
                Float.intBitsToFloat((int) BUFFER_I32.get(b, PACKET_OFFSET + 20)));
    }
}
