package io.bufkit.benchmarks;

import io.bufkit.ByteView;
import io.bufkit.examples.SensorPacket;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding the reference sensor packet (24 bytes, big-endian) into a record through a {@link PacketLayout}'s
 * field handles, against hand-written {@link ByteBuffer} code over the same memory — the floor — for heap
 * and direct memory. The handles are the examples' {@link SensorPacket}'s and the codec is written with them
 * by hand ({@link HandWrittenSensorCodec}); {@link RecordCodecBenchmark} measures the examples' derived codec
 * against it.
 *
 * <ul>
 *   <li>{@code decodeWithHandles} / {@code decodeWithByteBuffer}: validate the length, read the seven
 *       fields, build the record (both allocate the record, and nothing else);</li>
 *   <li>{@code readWithHandles} / {@code readWithByteBuffer}: the seven reads alone, into a blackhole
 *       (expected: 0 B/op for both).</li>
 * </ul>
 *
 * <p>Target: handles at most 1.2x the floor, and 0 B/op for handle reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class LayoutBenchmark {

    /** The codec: validate once, then one handle read per field, written by hand. */
    static final PacketCodec<SensorPacket> CODEC = HandWrittenSensorCodec.CODEC;

    /** The floor: what a careful user writes by hand with {@link ByteBuffer} absolute reads. */
    static SensorPacket decodeByHand(ByteBuffer b) {
        if (b.remaining() != 24) {
            throw new IllegalArgumentException("sensor packet must be 24 bytes, not " + b.remaining());
        }
        int p = b.position();
        return new SensorPacket(Integer.toUnsignedLong(b.getInt(p)), b.getDouble(p + 4), b.getShort(p + 12) & 0xFFFF,
                b.get(p + 14) & 0xFF, b.get(p + 15), b.getFloat(p + 16), b.getFloat(p + 20));
    }

    /** The reference sensor packet of the examples' tests: sensor 420, status flags 5. */
    static final byte[] VECTOR =
            HexFormat.ofDelimiter(" ").parseHex("00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8"
                    + " 66 66");

    /** Where the packet lives: a heap array or a direct buffer. */
    @Param({"heap", "direct"})
    public String memory;

    private ByteView view;
    private ByteBuffer buffer;

    /** Puts the vector in the chosen memory and checks that both decoders agree on it. */
    @Setup
    public void setUp() {
        buffer = "direct".equals(memory) ? ByteBuffer.allocateDirect(VECTOR.length)
                : ByteBuffer.allocate(VECTOR.length);
        buffer.order(ByteOrder.BIG_ENDIAN).put(VECTOR).flip();
        view = ByteView.wrap(buffer);
        SensorPacket a = CODEC.decode(view);
        SensorPacket b = decodeByHand(buffer);
        if (!a.equals(b) || a.sensorId() != 420 || a.statusFlags() != 5) {
            throw new IllegalStateException("decoders disagree: " + a + " vs " + b);
        }
        try {
            CODEC.decode(view.slice(0, 23));
            throw new IllegalStateException("a short packet was accepted");
        } catch (LayoutException expected) {
            // the codec validates the length, like the floor
        }
    }

    /**
     * Decodes through the layout's handles.
     *
     * @return the record
     */
    @Benchmark
    public SensorPacket decodeWithHandles() {
        return CODEC.decode(view);
    }

    /**
     * Decodes with hand-written {@link ByteBuffer} code.
     *
     * @return the record
     */
    @Benchmark
    public SensorPacket decodeWithByteBuffer() {
        return decodeByHand(buffer);
    }

    /**
     * Reads the seven fields through handles, without building a record.
     *
     * @param bh sink for the values
     */
    @Benchmark
    public void readWithHandles(Blackhole bh) {
        ByteView v = view;
        bh.consume(SensorPacket.SENSOR_ID.get(v));
        bh.consume(SensorPacket.TIMESTAMP.get(v));
        bh.consume(SensorPacket.SENSOR_TYPE.get(v));
        bh.consume(SensorPacket.STATUS_FLAGS.get(v));
        bh.consume(SensorPacket.TEMPERATURE.get(v));
        bh.consume(SensorPacket.HUMIDITY.get(v));
        bh.consume(SensorPacket.PRESSURE.get(v));
    }

    /**
     * Reads the seven fields with the view's own reads at literal offsets, without handles: the
     * difference to {@link #readWithHandles(Blackhole)} is what the handles cost.
     *
     * @param bh sink for the values
     */
    @Benchmark
    public void readWithByteView(Blackhole bh) {
        ByteView v = view;
        bh.consume(v.u32be(0));
        bh.consume(v.f64be(4));
        bh.consume(v.u16be(12));
        bh.consume(v.u8(14));
        bh.consume(v.i8(15));
        bh.consume(v.f32be(16));
        bh.consume(v.f32be(20));
    }

    /**
     * Reads the seven fields with hand-written {@link ByteBuffer} code, without building a record.
     *
     * @param bh sink for the values
     */
    @Benchmark
    public void readWithByteBuffer(Blackhole bh) {
        ByteBuffer b = buffer;
        bh.consume(Integer.toUnsignedLong(b.getInt(0)));
        bh.consume(b.getDouble(4));
        bh.consume(b.getShort(12) & 0xFFFF);
        bh.consume(b.get(14) & 0xFF);
        bh.consume(b.get(15));
        bh.consume(b.getFloat(16));
        bh.consume(b.getFloat(20));
    }
}
