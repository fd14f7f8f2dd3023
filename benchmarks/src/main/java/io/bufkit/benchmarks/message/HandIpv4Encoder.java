package io.bufkit.benchmarks.message;

import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import io.bufkit.checksum.InternetChecksum;
import io.bufkit.examples.Ipv4;
import java.util.List;

/**
 * A hand-written encoder of the examples' {@link Ipv4} records, the peer of {@code Ipv4.CODEC.encode}: it
 * sizes the options and the transport, computes the total length, IHL, data offset and UDP length, writes
 * every field and fills in the header checksum (RFC 791 §3.1, RFC 1071), the ICMP checksum, and the TCP and
 * UDP checksums over the IPv4 pseudo-header (RFC 9293 §3.1, RFC 768), as the codec does.
 */
final class HandIpv4Encoder {
    private HandIpv4Encoder() {
    }

    static byte[] encode(Ipv4 p) {
        int ipOptions = size(p.options());
        int header = 20 + ipOptions;
        if (ipOptions % 4 != 0) {
            throw new IllegalArgumentException("ipv4 options: " + ipOptions + " bytes are not whole 32-bit words");
        }
        int transport;
        if (p.transport() instanceof Ipv4.TcpSegment t) {
            transport = 20 + size(t.options()) + t.payload().length();
        } else if (p.transport() instanceof Ipv4.UdpDatagram u) {
            transport = 8 + u.payload().length();
        } else {
            transport = 4 + ((Ipv4.IcmpMessage) p.transport()).body().length();
        }
        if (header + transport > 0xFFFF) {
            throw new IllegalArgumentException("ipv4.totalLength: cannot hold " + (header + transport));
        }
        byte[] out = new byte[header + transport];
        MutableByteView v = MutableByteView.wrap(out);
        Ipv4.Ip ip = p.ip();
        v.putU8(0, ip.version() << 4 | header / 4);
        v.putU8(1, ip.tos());
        v.putU16be(2, out.length);
        v.putU16be(4, ip.id());
        v.putU16be(6, ip.flags() << 13 | ip.fragmentOffset());
        v.putU8(8, ip.ttl());
        v.putU8(9, ip.protocol());
        v.putI32be(12, ip.src());
        v.putI32be(16, ip.dst());
        write(p.options(), v, 20);
        v.putU16be(10, InternetChecksum.compute(v.slice(0, header)));
        int t = header;
        if (p.transport() instanceof Ipv4.TcpSegment s) {
            Ipv4.Tcp tcp = s.tcp();
            int options = size(s.options());
            v.putU16be(t, tcp.srcPort());
            v.putU16be(t + 2, tcp.dstPort());
            v.putI32be(t + 4, tcp.seq());
            v.putI32be(t + 8, tcp.ack());
            v.putU8(t + 12, (20 + options) / 4 << 4 | tcp.reserved());
            v.putU8(t + 13, tcp.flags());
            v.putU16be(t + 14, tcp.window());
            v.putU16be(t + 18, tcp.urgent());
            write(s.options(), v, t + 20);
            put(v, t + 20 + options, s.payload());
        } else if (p.transport() instanceof Ipv4.UdpDatagram u) {
            v.putU16be(t, u.udp().srcPort());
            v.putU16be(t + 2, u.udp().dstPort());
            v.putU16be(t + 4, 8 + u.payload().length());
            put(v, t + 8, u.payload());
        } else if (p.transport() instanceof Ipv4.IcmpMessage i) {
            v.putU8(t, i.icmp().type());
            v.putU8(t + 1, i.icmp().code());
            put(v, t + 4, i.body());
            v.putU16be(t + 2, InternetChecksum.compute(v.slice(t, out.length)));
        }
        if (!(p.transport() instanceof Ipv4.IcmpMessage)) {
            int at = t + (p.transport() instanceof Ipv4.TcpSegment ? 16 : 6);
            v.putU16be(at, 0);
            int sum = InternetChecksum.compute(pseudoHeader(v, transport), v.slice(t, out.length));
            v.putU16be(at, sum == 0 && ip.protocol() == 17 ? 0xFFFF : sum);   // UDP sends a computed 0 as all ones
        }
        return out;
    }

    /** The IPv4 pseudo-header of a packet's transport: source, destination, zero, protocol, transport length. */
    static MutableByteView pseudoHeader(MutableByteView packet, int transport) {
        MutableByteView pseudo = MutableByteView.wrap(new byte[12]);
        pseudo.putI32be(0, packet.i32be(12));
        pseudo.putI32be(4, packet.i32be(16));
        pseudo.putU8(9, packet.u8(9));
        pseudo.putU16be(10, transport);
        return pseudo;
    }

    private static int size(List<Ipv4.Option> options) {
        int n = 0;
        for (Ipv4.Option o : options) {
            n += o.value().isPresent() ? 2 + o.value().get().length() : 1;
        }
        return n;
    }

    private static void write(List<Ipv4.Option> options, MutableByteView v, int at) {
        for (Ipv4.Option o : options) {
            v.putU8(at++, o.kind());
            if (o.value().isPresent()) {
                Bytes data = o.value().get();
                v.putU8(at, 2 + data.length());
                put(v, at + 1, data);
                at += 1 + data.length();
            }
        }
    }

    private static void put(MutableByteView v, int at, Bytes data) {
        v.put(at, data.view());
    }
}
