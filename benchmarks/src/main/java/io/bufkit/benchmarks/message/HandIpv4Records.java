package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.checksum.InternetChecksum;
import io.bufkit.Bytes;
import io.bufkit.examples.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written IPv4 packet parser (options, then ICMP, TCP with options or UDP) into the same records
 * {@link Ipv4#CODEC} decodes, with the same checks: the peer of the record codec in
 * {@link MessageDecodeBenchmark} and of the IPv4 layouts in the line counts.
 */
final class HandIpv4Records {
    private HandIpv4Records() {
    }

    static Ipv4 parse(ByteView p) {
        need(p, 0, 20, "ipv4");
        int ihl = p.u8(0) & 0x0F;
        if (p.u16be(2) != p.length()) {
            throw new IllegalArgumentException("ipv4.totalLength at offset 2: " + p.u16be(2) + " but the packet has "
                    + p.length() + " bytes");
        }
        if (ihl < 5 || ihl * 4 > p.length()) {
            throw new IllegalArgumentException("ipv4.ihl at offset 0: " + ihl + " words do not fit " + p.length());
        }
        if (!InternetChecksum.verify(p.slice(0, ihl * 4))) {
            throw new IllegalArgumentException("ipv4.checksum at offset 10: " + p.u16be(10) + " is wrong");
        }
        Ipv4.Ip ip = new Ipv4.Ip(p.u8(0) >>> 4, p.u8(1), p.u16be(2), p.u16be(4), p.u16be(6) >>> 13,
                p.u16be(6) & 0x1FFF, p.u8(8), p.u8(9), p.u16be(10), p.i32be(12), p.i32be(16));
        List<Ipv4.Option> options = options(p, 20, ihl * 4);
        int t = ihl * 4;
        Ipv4.Transport transport = switch (p.u8(9)) {
            case 1 -> {
                need(p, t, 4, "icmp");
                if (!InternetChecksum.verify(p.slice(t, p.length()))) {
                    throw new IllegalArgumentException("icmp.checksum at offset " + (t + 2) + ": " + p.u16be(t + 2)
                            + " is wrong");
                }
                yield new Ipv4.IcmpMessage(new Ipv4.Icmp(p.u8(t), p.u8(t + 1), p.u16be(t + 2)),
                        Bytes.copyOf(p.slice(t + 4, p.length())));
            }
            case 6 -> {
                need(p, t, 20, "tcp");
                int dataOffset = p.u8(t + 12) >>> 4;
                if (dataOffset < 5 || t + dataOffset * 4 > p.length()) {
                    throw new IllegalArgumentException("tcp.dataOffset at offset " + (t + 12) + ": " + dataOffset);
                }
                yield new Ipv4.TcpSegment(new Ipv4.Tcp(p.u16be(t), p.u16be(t + 2), p.i32be(t + 4), p.i32be(t + 8),
                        p.u8(t + 12) & 0x0F, p.u8(t + 13), p.u16be(t + 14), p.u16be(t + 16), p.u16be(t + 18)),
                        options(p, t + 20, t + dataOffset * 4), Bytes.copyOf(p.slice(t + dataOffset * 4, p.length())));
            }
            case 17 -> {
                need(p, t, 8, "udp");
                int length = p.u16be(t + 4);
                if (length < 8 || t + length > p.length()) {
                    throw new IllegalArgumentException("udp.length at offset " + (t + 4) + ": " + length);
                }
                yield new Ipv4.UdpDatagram(new Ipv4.Udp(p.u16be(t), p.u16be(t + 2), p.u16be(t + 6)),
                        Bytes.copyOf(p.slice(t + 8, t + length)));
            }
            default -> throw new IllegalArgumentException("ipv4.protocol at offset 9: no parser for " + p.u8(9));
        };
        return new Ipv4(ip, options, transport);
    }

    private static List<Ipv4.Option> options(ByteView p, int at, int end) {
        List<Ipv4.Option> options = new ArrayList<>();
        while (at < end) {
            int kind = p.u8(at);
            if (kind <= 1) {
                options.add(new Ipv4.Option(kind, Optional.empty()));
                at++;
                continue;
            }
            int length = at + 1 < end ? p.u8(at + 1) : -1;
            if (length < 2 || at + length > end) {
                throw new IllegalArgumentException("option at offset " + at + ": length " + length
                        + " does not fit the " + (end - at) + " option bytes left");
            }
            options.add(new Ipv4.Option(kind,
                    Optional.of(Bytes.copyOf(p.slice(at + 2, at + length)))));
            at += length;
        }
        return options;
    }

    private static void need(ByteView p, int at, int length, String what) {
        if (at + length > p.length()) {
            throw new IllegalArgumentException(what + " at offset " + at + ": header needs " + length + " bytes");
        }
    }
}
