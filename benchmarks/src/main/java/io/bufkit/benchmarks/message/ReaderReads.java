package io.bufkit.benchmarks.message;

import io.bufkit.examples.DnsMessageReader;
import io.bufkit.examples.DnsName;
import io.bufkit.examples.Ipv4PacketReader;

/**
 * The reads of {@link LayoutReads#ipv4Tcp} and {@link LayoutReads#dns} through the examples' generated readers
 * ({@code io.bufkit.message.ReaderSource}): a typed getter per field, over where the reader's check of the
 * message found each part.
 */
final class ReaderReads {
    private ReaderReads() {
    }

    /** Reads what {@link LayoutReads#ipv4Tcp} reads: IPv4, then ICMP, TCP or UDP. */
    static void ipv4Tcp(Ipv4PacketReader.Ipv4Packet p, FieldSink out) {
        out.consume(p.ipVersion());
        out.consume(p.ipIhl());
        out.consume(p.ipTos());
        out.consume(p.ipTotalLength());
        out.consume(p.ipId());
        out.consume(p.ipFlags());
        out.consume(p.ipFragmentOffset());
        out.consume(p.ipTtl());
        out.consume(p.ipProtocol());
        out.consume(p.ipChecksum());
        out.consume(p.ipSrc());
        out.consume(p.ipDst());
        for (int i = 0, n = p.optionsCount(); i < n; i++) {
            option(p.options(i), out);
        }
        switch (p.ipProtocol()) {
            case 1 -> icmp(p.transportIcmpMessage(), out);
            case 6 -> tcp(p.transportTcpSegment(), out);
            case 17 -> udp(p.transportUdpDatagram(), out);
            default -> throw new IllegalStateException("the layout takes protocols 1, 6 and 17 only");
        }
    }

    /** One method per transport, as the hand-written parser has. */
    private static void icmp(Ipv4PacketReader.IcmpMessage m, FieldSink out) {
        out.consume(m.icmpType());
        out.consume(m.icmpCode());
        out.consume(m.icmpChecksum());
        out.consume(m.body().length());
    }

    private static void tcp(Ipv4PacketReader.TcpSegment t, FieldSink out) {
        out.consume(t.tcpSrcPort());
        out.consume(t.tcpDstPort());
        out.consume(t.tcpSeq());
        out.consume(t.tcpAck());
        out.consume(t.tcpDataOffset());
        out.consume(t.tcpFlags());
        out.consume(t.tcpWindow());
        out.consume(t.tcpChecksum());
        out.consume(t.tcpUrgent());
        for (int i = 0, n = t.optionsCount(); i < n; i++) {
            option(t.options(i), out);
        }
        out.consume(t.payload().length());
    }

    private static void udp(Ipv4PacketReader.UdpDatagram u, FieldSink out) {
        out.consume(u.udpSrcPort());
        out.consume(u.udpDstPort());
        out.consume(u.udpLength());
        out.consume(u.udpChecksum());
        out.consume(u.payload().length());
    }

    private static void option(Ipv4PacketReader.Option o, FieldSink out) {
        int kind = o.kind();
        out.consume(kind);
        if (kind > 1) {
            LayoutReads.optionValue(kind, o.value().data(), out);
        }
    }

    /** Reads what {@link LayoutReads#dns} reads. */
    static void dns(DnsMessageReader.Dns m, FieldSink out) {
        out.consume(m.headerId());
        out.consume(m.headerFlags());
        for (int i = 0, n = m.questionsCount(); i < n; i++) {
            DnsMessageReader.Question q = m.questions(i);
            out.consume(q.name(DnsName.KIND));
            out.consume(q.qType());
            out.consume(q.qClass());
        }
        for (int i = 0, n = m.answersCount(); i < n; i++) {
            record(m.answers(i), out);
        }
        for (int i = 0, n = m.authorityCount(); i < n; i++) {
            record(m.authority(i), out);
        }
        for (int i = 0, n = m.additionalCount(); i < n; i++) {
            record(m.additional(i), out);
        }
    }

    private static void record(DnsMessageReader.Record r, FieldSink out) {
        out.consume(r.name(DnsName.KIND));
        int type = r.rrType();
        out.consume(type);
        out.consume(r.rrClass());
        out.consume(r.rrTtl());
        switch (type) {
            case 1, 28 -> {
                var address = r.rdataAddress().address();
                out.consume(address.i32be(address.length() - 4));
            }
            case 15 -> {
                DnsMessageReader.Mx mx = r.rdataMx();
                out.consume(mx.preference());
                out.consume(mx.exchange(DnsName.KIND));
            }
            case 33 -> {
                DnsMessageReader.Srv srv = r.rdataSrv();
                out.consume(srv.srvPort());
                out.consume(srv.target(DnsName.UNCOMPRESSED));
            }
            case 6 -> {
                DnsMessageReader.Soa soa = r.rdataSoa();
                out.consume(soa.mname(DnsName.KIND));
                out.consume(soa.rname(DnsName.KIND));
                out.consume(soa.timesSerial());
            }
            default -> {
                DnsMessageReader.Name name = r.rdataName();
                if (name == null) {
                    out.consume(r.rdataBytes().length());
                } else {
                    out.consume(name.target(DnsName.KIND));
                }
            }
        }
    }
}
