package io.bufkit.benchmarks;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.examples.SensorPacket;
import io.bufkit.layout.PacketCodec;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sensor packet's codec derived by {@code PacketCodec.of} from the record ({@link SensorPacket#CODEC})
 * against the same codec written by hand with the layout's handles ({@link HandWrittenSensorCodec}), on a
 * heap packet.
 *
 * <ul>
 *   <li>{@code decodeDerived} / {@code decodeHandWritten}: validate, read the seven fields, build the record
 *       (expected: the record's 40 bytes per operation, nothing else);</li>
 *   <li>{@code encodeDerived} / {@code encodeHandWritten}: write the constants and the seven fields
 *       (expected: 0 B/op).</li>
 * </ul>
 *
 * <p>Target: derived at most 1.3x hand-written, with no allocation beyond the record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RecordCodecBenchmark {

    /** The derived codec, in a constant as users keep it. */
    static final PacketCodec<SensorPacket> DERIVED = SensorPacket.CODEC;

    /** The hand-written peer. */
    static final PacketCodec<SensorPacket> HAND_WRITTEN = HandWrittenSensorCodec.CODEC;

    private static final byte[] VECTOR = LayoutBenchmark.VECTOR;

    private ByteView packet;
    private MutableByteView out;
    private SensorPacket value;

    /** Wraps the vector and checks that both codecs agree on it both ways. */
    @Setup
    public void setUp() {
        packet = ByteView.wrap(VECTOR.clone());
        out = MutableByteView.allocate(DERIVED.size());
        value = HAND_WRITTEN.decode(packet);
        if (!value.equals(DERIVED.decode(packet)) || value.sensorId() != 420) {
            throw new IllegalStateException("codecs disagree: " + value + " vs " + DERIVED.decode(packet));
        }
        DERIVED.encode(value, out);
        if (!java.util.Arrays.equals(VECTOR, out.toByteArray())) {
            throw new IllegalStateException("the derived codec does not encode the vector back");
        }
    }

    /**
     * Decodes with the derived codec.
     *
     * @return the record
     */
    @Benchmark
    public SensorPacket decodeDerived() {
        return DERIVED.decode(packet);
    }

    /**
     * Decodes with the hand-written codec.
     *
     * @return the record
     */
    @Benchmark
    public SensorPacket decodeHandWritten() {
        return HAND_WRITTEN.decode(packet);
    }

    /**
     * Encodes with the derived codec.
     *
     * @return the view written to
     */
    @Benchmark
    public MutableByteView encodeDerived() {
        DERIVED.encode(value, out);
        return out;
    }

    /**
     * Encodes with the hand-written codec.
     *
     * @return the view written to
     */
    @Benchmark
    public MutableByteView encodeHandWritten() {
        HAND_WRITTEN.encode(value, out);
        return out;
    }
}
