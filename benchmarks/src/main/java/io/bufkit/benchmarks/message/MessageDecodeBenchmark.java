package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.examples.Dns;
import io.bufkit.examples.DnsMessage;
import io.bufkit.examples.DnsMessageReader;
import io.bufkit.examples.Ipv4;
import io.bufkit.examples.Ipv4Packet;
import io.bufkit.examples.Ipv4PacketReader;
import io.bufkit.message.Message;
import io.bufkit.message.MessageCodec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
 * Decoding real packets through the examples' message layouts (decode, then read every field through the
 * {@code Message}), through their record codecs ({@code MessageCodec.decode}, then read the same fields
 * from the records) and through hand-written {@link ByteView} parsers of the same fields; every variant
 * hands the same fields, in the same order, to a blackhole ({@link #setUp} checks that they agree).
 *
 * <p>Inputs: the 60-byte SYN of {@code core/src/test/resources/captures/pcap/loopback-tcp-udp.pcap}
 * (packet 3: IPv4 20 bytes, TCP 40 with MSS, SACK permitted, timestamps, NOP, window scale) and the
 * 190-byte {@code captures/dns/four-response.bin} (4 answers A, A, AAAA, MX; 2 NS; OPT; compressed names).
 * Target: layout decode within 1.5× of the hand-written parser.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class MessageDecodeBenchmark {
    static final byte[] SYN = HexFormat.of().parseHex("4500003c7f0240004006bdb77f0000017f000001c4c01b9e830d2482"
            + "00000000a002ffd7fe3000000204ffd70402080a665aec57000000000103030a");
    static final byte[] DNS = HexFormat.of().parseHex("451e8400000100040002000104666f7572066275666b69740474657374"
            + "0000ff0001c00c0001000100000e100004c000022ac00c0001000100000e100004c0000229c00c001c000100000e1000"
            + "1020010db8000000000000000000000041c00c000f000100000e100009000a046d61696cc011c0110002000100000e10"
            + "0006036e7331c011c0110002000100000e100006036e7332c01100002904d000000000001c000a0018bf91da7336cbd9"
            + "5e010000006b12be6baec78756b9444a0d");

    /** {@link Ipv4#CODEC} without its generated decoder: the codec reading the layout itself. */
    static final MessageCodec<Ipv4> INTERPRETED_IPV4 = Ipv4.CODEC.withoutDecoder();
    /** {@link Dns#CODEC} without its generated decoder. */
    static final MessageCodec<Dns> INTERPRETED_DNS = Dns.CODEC.withoutDecoder();

    ByteView syn;
    /** The generated readers: reused from one read to the next, one per benchmark thread. */
    final Ipv4PacketReader ipv4Reader = new Ipv4PacketReader();
    final DnsMessageReader dnsReader = new DnsMessageReader();
    ByteView dns;
    Message synDecoded;
    FieldSink sink;

    /**
     * Wraps the inputs and checks that the four ways of reading each one (by hand, by name, through resolved
     * paths, into records) hand out the same fields.
     *
     * @param bh the blackhole the benchmarks consume into
     */
    @Setup
    public void setUp(Blackhole bh) {
        syn = ByteView.wrap(SYN.clone());
        dns = ByteView.wrap(DNS.clone());
        synDecoded = Ipv4Packet.LAYOUT.decode(syn);
        sink = new FieldSink() {
            @Override
            public void consume(int value) {
                bh.consume(value);
            }

            @Override
            public void consume(long value) {
                bh.consume(value);
            }

            @Override
            public void consume(Object value) {
                bh.consume(value);
            }
        };
        List<Object> hand = new ArrayList<>();
        List<Object> layout = new ArrayList<>();
        List<Object> record = new ArrayList<>();
        List<Object> paths = new ArrayList<>();
        List<Object> reader = new ArrayList<>();
        HandIpv4Tcp.parse(syn, collect(hand));
        PathReads.ipv4TcpByPaths(Ipv4Packet.LAYOUT.decode(syn), collect(paths));
        LayoutReads.ipv4Tcp(Ipv4Packet.LAYOUT.decode(syn), collect(layout));
        RecordReads.ipv4Tcp(Ipv4.CODEC.decode(syn), collect(record));
        ReaderReads.ipv4Tcp(ipv4Reader.read(syn), collect(reader));
        HandDns.parse(dns, collect(hand));
        PathReads.dnsByPaths(DnsMessage.LAYOUT.decode(dns), collect(paths));
        LayoutReads.dns(DnsMessage.LAYOUT.decode(dns), collect(layout));
        RecordReads.dns(Dns.CODEC.decode(dns), collect(record));
        ReaderReads.dns(dnsReader.read(dns), collect(reader));
        if (!HandIpv4Records.parse(syn).equals(Ipv4.CODEC.decode(syn))
                || !HandIpv4Records.parse(syn).equals(INTERPRETED_IPV4.decode(syn))
                || !HandDnsRecords.parse(dns).equals(INTERPRETED_DNS.decode(dns)) || !HandDnsRecords.parse(dns).equals(Dns.CODEC.decode(dns))) {
            throw new IllegalStateException("the hand-written record parsers disagree with the record codecs");
        }
        if (!hand.equals(layout) || !hand.equals(record) || !hand.equals(paths) || !hand.equals(reader)
                || hand.size() < 60) {
            throw new IllegalStateException("the readers disagree:\n" + hand + "\n" + layout + "\n" + record
                    + "\n" + paths + "\n" + reader);
        }
    }

    static FieldSink collect(List<Object> into) {
        return new FieldSink() {
            @Override
            public void consume(int value) {
                into.add((long) value);
            }

            @Override
            public void consume(long value) {
                into.add(value);
            }

            @Override
            public void consume(Object value) {
                into.add(value);
            }
        };
    }

    /** IPv4 + TCP: hand-written parser. */
    @Benchmark
    public void ipv4TcpHand() {
        HandIpv4Tcp.parse(syn, sink);
    }

    /** IPv4 + TCP: the layout's generated reader checks the packet, then every field is read through it. */
    @Benchmark
    public void ipv4TcpReader() {
        ReaderReads.ipv4Tcp(ipv4Reader.read(syn), sink);
    }

    /**
     * IPv4 + TCP: the generated reader's check alone, nothing read (splits the reader's cost into checking and
     * reading).
     *
     * @return the packet's top level
     */
    @Benchmark
    public Ipv4PacketReader.Ipv4Packet ipv4TcpReaderCheckOnly() {
        return ipv4Reader.read(syn);
    }

    /** DNS: the layout's generated reader checks the response, then every field is read through it. */
    @Benchmark
    public void dnsReader() {
        ReaderReads.dns(dnsReader.read(dns), sink);
    }

    /** IPv4 + TCP: layout decode, fields read through the {@code Message}. */
    @Benchmark
    public void ipv4TcpLayout() {
        LayoutReads.ipv4Tcp(Ipv4Packet.LAYOUT.decode(syn), sink);
    }

    /**
     * IPv4 + TCP: layout decode, every field and part read through {@code IntPath}s and {@code PartPath}s
     * resolved once.
     */
    @Benchmark
    public void ipv4TcpLayoutPaths() {
        PathReads.ipv4TcpByPaths(Ipv4Packet.LAYOUT.decode(syn), sink);
    }

    /**
     * IPv4 + TCP: layout decode only, nothing read (splits the layout's cost into decoding and reading).
     *
     * @return the message
     */
    @Benchmark
    public Message ipv4TcpLayoutDecodeOnly() {
        return Ipv4Packet.LAYOUT.decode(syn);
    }

    /**
     * IPv4 + TCP: the reads of {@link #ipv4TcpLayout} from a message decoded once (splits the layout's cost
     * into decoding and reading).
     */
    @Benchmark
    public void ipv4TcpLayoutReadsOnly() {
        LayoutReads.ipv4Tcp(synDecoded, sink);
    }

    /**
     * IPv4 + TCP: the reads of {@link #ipv4TcpLayoutPaths} from a message decoded once (the peer of
     * {@link #ipv4TcpLayoutReadsOnly}).
     */
    @Benchmark
    public void ipv4TcpLayoutPathsReadsOnly() {
        PathReads.ipv4TcpByPaths(synDecoded, sink);
    }

    /** IPv4 + TCP: record codec decode, fields read from the records. */
    @Benchmark
    public void ipv4TcpRecord() {
        RecordReads.ipv4Tcp(Ipv4.CODEC.decode(syn), sink);
    }

    /**
     * IPv4 + TCP: record codec decode only, into the records, through the generated {@code Ipv4Decoder} (the
     * peer of {@link #ipv4TcpHandRecords}).
     *
     * @return the records
     */
    @Benchmark
    public Ipv4 ipv4TcpRecordDecodeOnly() {
        return Ipv4.CODEC.decode(syn);
    }

    /**
     * IPv4 + TCP: record codec decode only, into the records, without the generated decoder: the codec reads
     * the layout itself (the peer of {@link #ipv4TcpRecordDecodeOnly}, which decodes through the generated
     * {@code Ipv4Decoder}).
     *
     * @return the records
     */
    @Benchmark
    public Ipv4 ipv4TcpRecordInterpretedDecodeOnly() {
        return INTERPRETED_IPV4.decode(syn);
    }

    /**
     * IPv4 + TCP: a hand-written parser into the same records as {@link #ipv4TcpRecordDecodeOnly}.
     *
     * @return the records
     */
    @Benchmark
    public Ipv4 ipv4TcpHandRecords() {
        return HandIpv4Records.parse(syn);
    }

    /** DNS response: hand-written parser. */
    @Benchmark
    public void dnsHand() {
        HandDns.parse(dns, sink);
    }

    /** DNS response: layout decode, fields read through the {@code Message}. */
    @Benchmark
    public void dnsLayout() {
        LayoutReads.dns(DnsMessage.LAYOUT.decode(dns), sink);
    }

    /**
     * DNS response: layout decode, every field and part read through {@code IntPath}s and {@code PartPath}s
     * resolved once.
     */
    @Benchmark
    public void dnsLayoutPaths() {
        PathReads.dnsByPaths(DnsMessage.LAYOUT.decode(dns), sink);
    }

    /**
     * DNS response: layout decode only, nothing read.
     *
     * @return the message
     */
    @Benchmark
    public Message dnsLayoutDecodeOnly() {
        return DnsMessage.LAYOUT.decode(dns);
    }

    /** DNS response: record codec decode, fields read from the records. */
    @Benchmark
    public void dnsRecord() {
        RecordReads.dns(Dns.CODEC.decode(dns), sink);
    }

    /**
     * DNS response: record codec decode only, into the records, without the generated decoder (the peer of
     * {@link #dnsRecordDecodeOnly}, which decodes through the generated {@code DnsDecoder}).
     *
     * @return the records
     */
    @Benchmark
    public Dns dnsRecordInterpretedDecodeOnly() {
        return INTERPRETED_DNS.decode(dns);
    }

    /**
     * DNS response: record codec decode only, into the records, through the generated {@code DnsDecoder} (the
     * peer of {@link #dnsHandRecords}).
     *
     * @return the records
     */
    @Benchmark
    public Dns dnsRecordDecodeOnly() {
        return Dns.CODEC.decode(dns);
    }

    /**
     * DNS response: a hand-written parser into the same records as {@link #dnsRecordDecodeOnly}.
     *
     * @return the records
     */
    @Benchmark
    public Dns dnsHandRecords() {
        return HandDnsRecords.parse(dns);
    }
}
