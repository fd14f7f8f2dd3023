package io.bufkit.benchmarks.message;

import io.bufkit.examples.Dns;
import io.bufkit.examples.Ipv4;
import java.util.List;

/** Reads the fields the hand-written parsers read, from the examples' records decoded by a {@code MessageCodec}. */
final class RecordReads {
    private RecordReads() {
    }

    /** Reads what {@link LayoutReads#ipv4Tcp} reads: IPv4, then ICMP, TCP or UDP. */
    static void ipv4Tcp(Ipv4 p, FieldSink out) {
        Ipv4.Ip ip = p.ip();
        out.consume(ip.version());
        out.consume(5 + optionBytes(p.options()) / 4);
        out.consume(ip.tos());
        out.consume(ip.totalLength());
        out.consume(ip.id());
        out.consume(ip.flags());
        out.consume(ip.fragmentOffset());
        out.consume(ip.ttl());
        out.consume(ip.protocol());
        out.consume(ip.checksum());
        out.consume(ip.src());
        out.consume(ip.dst());
        options(p.options(), out);
        if (p.transport() instanceof Ipv4.TcpSegment segment) {
            tcp(segment, out);
        } else if (p.transport() instanceof Ipv4.UdpDatagram udp) {
            out.consume(udp.udp().srcPort());
            out.consume(udp.udp().dstPort());
            out.consume(8 + udp.payload().length());   // the length the codec computes when encoding
            out.consume((int) udp.udp().checksum());
            out.consume(udp.payload().length());
        } else if (p.transport() instanceof Ipv4.IcmpMessage icmp) {
            out.consume(icmp.icmp().type());
            out.consume(icmp.icmp().code());
            out.consume((int) icmp.icmp().checksum());
            out.consume(icmp.body().length());
        }
    }

    private static void tcp(Ipv4.TcpSegment segment, FieldSink out) {
        Ipv4.Tcp t = segment.tcp();
        out.consume(t.srcPort());
        out.consume(t.dstPort());
        out.consume(t.seq());
        out.consume(t.ack());
        out.consume(5 + optionBytes(segment.options()) / 4);
        out.consume(t.flags());
        out.consume(t.window());
        out.consume((int) t.checksum());   // 16 bits, as the other readers give it
        out.consume(t.urgent());
        options(segment.options(), out);
        out.consume(segment.payload().length());
    }

    private static int optionBytes(List<Ipv4.Option> options) {
        int n = 0;
        for (Ipv4.Option o : options) {
            n += o.value().map(v -> 2 + v.length()).orElse(1);
        }
        return n;
    }

    private static void options(List<Ipv4.Option> options, FieldSink out) {
        for (Ipv4.Option o : options) {
            int kind = o.kind();
            out.consume(kind);
            if (o.value().isPresent()) {
                LayoutReads.optionValue(kind, o.value().get().view(), out);
            }
        }
    }

    static void dns(Dns m, FieldSink out) {
        out.consume(m.header().id());
        out.consume(m.header().flags());
        for (Dns.Question q : m.questions()) {
            out.consume(q.name());
            out.consume(q.q().type());
            out.consume(q.q().class_());
        }
        for (var section : java.util.List.of(m.answers(), m.authority(), m.additional())) {
            for (Dns.Rr r : section) {
                out.consume(r.name());
                out.consume(r.rr().type());
                out.consume(r.rr().class_());
                out.consume(r.rr().ttl());
                if (r.rdata() instanceof Dns.Address a) {
                    out.consume(a.address().view().i32be(a.address().length() - 4));
                } else if (r.rdata() instanceof Dns.Mx mx) {
                    out.consume(mx.preference());
                    out.consume(mx.exchange());
                } else if (r.rdata() instanceof Dns.Name n) {
                    out.consume(n.target());
                } else if (r.rdata() instanceof Dns.Srv srv) {
                    out.consume(srv.srv().port());
                    out.consume(srv.target());
                } else if (r.rdata() instanceof Dns.Soa soa) {
                    out.consume(soa.mname());
                    out.consume(soa.rname());
                    out.consume(soa.times().serial());
                } else {
                    out.consume(((Dns.Unknown) r.rdata()).data().length());
                }
            }
        }
    }
}
