package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.checksum.InternetChecksum;
import io.bufkit.examples.Dns;
import io.bufkit.examples.Ipv4;
import io.bufkit.examples.Ipv4Packet;
import io.bufkit.message.Message;
import java.util.Arrays;
import java.util.Map;
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
 * Encoding the packets of {@link MessageDecodeBenchmark} back from what they decoded to: the IPv4+TCP SYN
 * from its records through the record codec, against a hand-written encoder of the same records
 * ({@link HandIpv4Encoder}: lengths, IHL, data offset, header checksum and TCP checksum computed); the SYN
 * through the layout from its values in the generic model; and the DNS response (names compressed) from its
 * records. {@link #setUp} checks that every encoder gives the captured bytes, the SYN with the TCP checksum
 * the kernel left to the network card replaced by the real one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class MessageEncodeBenchmark {
    Ipv4 syn;
    Map<String, Object> synValues;
    Dns dns;

    /** Decodes the inputs once and checks that each encoder gives the captured bytes back. */
    @Setup
    public void setUp() {
        syn = Ipv4.CODEC.decode(ByteView.wrap(MessageDecodeBenchmark.SYN));
        Message decoded = Ipv4Packet.LAYOUT.decode(ByteView.wrap(MessageDecodeBenchmark.SYN));
        synValues = decoded.toValues();
        dns = Dns.CODEC.decode(ByteView.wrap(MessageDecodeBenchmark.DNS));
        // the captured SYN's TCP checksum is the one the kernel left to the card; the encoders fill in the real one
        byte[] expected = MessageDecodeBenchmark.SYN.clone();
        MutableByteView packet = MutableByteView.wrap(expected);
        packet.putU16be(20 + 16, 0);
        packet.putU16be(20 + 16, InternetChecksum.compute(HandIpv4Encoder.pseudoHeader(packet, expected.length - 20),
                packet.slice(20, expected.length)));
        if (!Arrays.equals(expected, HandIpv4Encoder.encode(syn))
                || !Arrays.equals(expected, Ipv4.CODEC.encode(syn))
                || !Arrays.equals(expected, Ipv4Packet.LAYOUT.encode(synValues))
                || !Arrays.equals(MessageDecodeBenchmark.DNS, Dns.CODEC.encode(dns))) {
            throw new IllegalStateException("an encoder does not give the captured bytes back");
        }
    }

    /**
     * IPv4 + TCP: a hand-written encoder of the records.
     *
     * @return the packet
     */
    @Benchmark
    public byte[] ipv4TcpHandEncode() {
        return HandIpv4Encoder.encode(syn);
    }

    /**
     * IPv4 + TCP: the record codec.
     *
     * @return the packet
     */
    @Benchmark
    public byte[] ipv4TcpRecordEncode() {
        return Ipv4.CODEC.encode(syn);
    }

    /**
     * IPv4 + TCP: the layout, from the generic value model.
     *
     * @return the packet
     */
    @Benchmark
    public byte[] ipv4TcpLayoutEncode() {
        return Ipv4Packet.LAYOUT.encode(synValues);
    }

    /**
     * DNS response: the record codec, names compressed.
     *
     * @return the message
     */
    @Benchmark
    public byte[] dnsRecordEncode() {
        return Dns.CODEC.encode(dns);
    }
}
