package io.bufkit.benchmarks;

import io.bufkit.ByteView;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LongField;
import io.bufkit.layout.PacketLayout;
import java.nio.ByteBuffer;
import java.util.HexFormat;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding a 20-byte IPv4 header (RFC 791 §3.1) with its bit fields (4+4, 6+2, 1+1+1+13) and verifying its
 * header checksum (RFC 1071): through a {@link PacketLayout}'s handles and {@code validate}, against
 * hand-written {@link ByteBuffer} code with shifts and masks over the same heap bytes — the floor.
 *
 * <p>Both read all 14 fields into a blackhole after checking the version and the checksum. Target: handles
 * at most 1.2x the floor, 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class Ipv4HeaderBenchmark {

    static final PacketLayout IPV4 = PacketLayout.builder("ipv4")
            .bits("version", 4).expect(4).bits("ihl", 4)
            .bits("dscp", 6).bits("ecn", 2)
            .u16be("totalLength").u16be("identification")
            .bit("reserved").bit("dontFragment").bit("moreFragments").bits("fragmentOffset", 13)
            .u8("ttl").u8("protocol").internetChecksum("headerChecksum")
            .u32be("source").u32be("destination")
            .build();
    static final IntField IHL = IPV4.intField("ihl");
    static final IntField DSCP = IPV4.intField("dscp");
    static final IntField ECN = IPV4.intField("ecn");
    static final IntField TOTAL_LENGTH = IPV4.intField("totalLength");
    static final IntField IDENTIFICATION = IPV4.intField("identification");
    static final IntField DONT_FRAGMENT = IPV4.intField("dontFragment");
    static final IntField MORE_FRAGMENTS = IPV4.intField("moreFragments");
    static final IntField FRAGMENT_OFFSET = IPV4.intField("fragmentOffset");
    static final IntField TTL = IPV4.intField("ttl");
    static final IntField PROTOCOL = IPV4.intField("protocol");
    static final ChecksumField CHECKSUM = IPV4.checksumField("headerChecksum");
    static final LongField SOURCE = IPV4.longField("source");
    static final LongField DESTINATION = IPV4.longField("destination");

    /** An IPv4 header with a correct checksum: 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7. */
    static final byte[] HEADER = HexFormat.of().parseHex("450000730000400040 11b861c0a80001c0a800c7".replace(" ", ""));

    ByteView view;
    ByteBuffer buffer;

    @Setup
    public void setUp() {
        view = ByteView.wrap(HEADER.clone());
        buffer = ByteBuffer.wrap(HEADER.clone());
    }

    @Benchmark
    public void handles(Blackhole bh) {
        ByteView h = view;
        IPV4.validate(h);   // length, version 4, header checksum
        bh.consume(IHL.get(h));
        bh.consume(DSCP.get(h));
        bh.consume(ECN.get(h));
        bh.consume(TOTAL_LENGTH.get(h));
        bh.consume(IDENTIFICATION.get(h));
        bh.consume(DONT_FRAGMENT.get(h));
        bh.consume(MORE_FRAGMENTS.get(h));
        bh.consume(FRAGMENT_OFFSET.get(h));
        bh.consume(TTL.get(h));
        bh.consume(PROTOCOL.get(h));
        bh.consume(CHECKSUM.get(h));
        bh.consume(SOURCE.get(h));
        bh.consume(DESTINATION.get(h));
    }

    @Benchmark
    public void byteBuffer(Blackhole bh) {
        ByteBuffer b = buffer;
        if (b.remaining() != 20) {
            throw new IllegalArgumentException("length " + b.remaining());
        }
        int first = b.get(0) & 0xFF;
        if (first >>> 4 != 4) {
            throw new IllegalArgumentException("version " + (first >>> 4));
        }
        long sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += b.getShort(i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        if (sum != 0xFFFF) {
            throw new IllegalArgumentException("checksum");
        }
        int second = b.get(1) & 0xFF;
        int flagsAndOffset = b.getShort(6) & 0xFFFF;
        bh.consume(first & 0x0F);
        bh.consume(second >>> 2);
        bh.consume(second & 0x03);
        bh.consume(b.getShort(2) & 0xFFFF);
        bh.consume(b.getShort(4) & 0xFFFF);
        bh.consume((flagsAndOffset >>> 14) & 1);
        bh.consume((flagsAndOffset >>> 13) & 1);
        bh.consume(flagsAndOffset & 0x1FFF);
        bh.consume(b.get(8) & 0xFF);
        bh.consume(b.get(9) & 0xFF);
        bh.consume((long) (b.getShort(10) & 0xFFFF));
        bh.consume(b.getInt(12) & 0xFFFF_FFFFL);
        bh.consume(b.getInt(16) & 0xFFFF_FFFFL);
    }
}
