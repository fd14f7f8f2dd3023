package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.checksum.InternetChecksum;

/**
 * A hand-written parser of an IPv4 packet with options carrying ICMP, UDP or TCP with options (RFC 791
 * §3.1, RFC 792, RFC 768, RFC 9293 §3.1-3.2), reading the same fields as the layout in
 * {@code io.bufkit.examples.Ipv4Packet}, written as a careful user would: every length is checked before it
 * is used and bad input is an exception naming the field and offset. Named for the TCP SYN the benchmarks
 * run it on, it reads UDP and ICMP too.
 */
final class HandIpv4Tcp {
    private HandIpv4Tcp() {
    }

    static void parse(ByteView p, FieldSink out) {
        if (p.length() < 20) {
            throw new IllegalArgumentException("ipv4: header needs 20 bytes, " + p.length() + " remain");
        }
        int ihl = p.u8(0) & 0x0F;
        int totalLength = p.u16be(2);
        if (totalLength != p.length()) {
            throw new IllegalArgumentException("ipv4.totalLength at offset 2: " + totalLength + " but the packet has "
                    + p.length() + " bytes");
        }
        if (ihl < 5 || ihl * 4 > p.length()) {
            throw new IllegalArgumentException("ipv4.ihl at offset 0: " + ihl + " words do not fit " + p.length());
        }
        if (!InternetChecksum.verify(p.slice(0, ihl * 4))) {
            throw new IllegalArgumentException("ipv4.checksum at offset 10: " + p.u16be(10) + " is wrong");
        }
        out.consume(p.u8(0) >>> 4);
        out.consume(ihl);
        out.consume(p.u8(1));
        out.consume(totalLength);
        out.consume(p.u16be(4));
        out.consume(p.u16be(6) >>> 13);
        out.consume(p.u16be(6) & 0x1FFF);
        out.consume(p.u8(8));
        out.consume(p.u8(9));
        out.consume(p.u16be(10));
        out.consume(p.i32be(12));
        out.consume(p.i32be(16));
        options(p, 20, ihl * 4, out);
        int t = ihl * 4;
        switch (p.u8(9)) {
            case 1 -> icmp(p, t, out);
            case 6 -> tcp(p, t, out);
            case 17 -> udp(p, t, out);
            default -> throw new IllegalArgumentException("ipv4.protocol at offset 9: " + p.u8(9)
                    + " is none of ICMP (1), TCP (6), UDP (17)");
        }
    }

    /** A TCP segment at {@code t}: header, options, payload length. */
    private static void tcp(ByteView p, int t, FieldSink out) {
        need(p, t, 20, "tcp");
        int dataOffset = p.u8(t + 12) >>> 4;
        if (dataOffset < 5 || t + dataOffset * 4 > p.length()) {
            throw new IllegalArgumentException("tcp.dataOffset at offset " + (t + 12) + ": " + dataOffset);
        }
        out.consume(p.u16be(t));
        out.consume(p.u16be(t + 2));
        out.consume(p.i32be(t + 4));
        out.consume(p.i32be(t + 8));
        out.consume(dataOffset);
        out.consume(p.u8(t + 13));
        out.consume(p.u16be(t + 14));
        out.consume(p.u16be(t + 16));
        out.consume(p.u16be(t + 18));
        options(p, t + 20, t + dataOffset * 4, out);
        out.consume(p.length() - t - dataOffset * 4);
    }

    /** A UDP datagram at {@code t}: header, payload length; the length field counts the header and payload. */
    private static void udp(ByteView p, int t, FieldSink out) {
        need(p, t, 8, "udp");
        int length = p.u16be(t + 4);
        if (length < 8 || t + length > p.length()) {
            throw new IllegalArgumentException("udp.length at offset " + (t + 4) + ": " + length
                    + " is not within 8 (the header) to " + (p.length() - t) + " (the bytes left)");
        }
        out.consume(p.u16be(t));
        out.consume(p.u16be(t + 2));
        out.consume(length);
        out.consume(p.u16be(t + 6));
        out.consume(length - 8);
    }

    /** An ICMP message at {@code t}: type, code, checksum over the whole message (RFC 792), body length. */
    private static void icmp(ByteView p, int t, FieldSink out) {
        need(p, t, 4, "icmp");
        if (!InternetChecksum.verify(p.slice(t, p.length()))) {
            throw new IllegalArgumentException("icmp.checksum at offset " + (t + 2) + ": " + p.u16be(t + 2)
                    + " is wrong");
        }
        out.consume(p.u8(t));
        out.consume(p.u8(t + 1));
        out.consume(p.u16be(t + 2));
        out.consume(p.length() - t - 4);
    }

    private static void need(ByteView p, int at, int length, String what) {
        if (at + length > p.length()) {
            throw new IllegalArgumentException(what + " at offset " + at + ": header needs " + length + " bytes");
        }
    }

    /** IPv4 and TCP options: kinds 0 and 1 are one byte, others carry a length counting kind and length. */
    private static void options(ByteView p, int at, int end, FieldSink out) {
        while (at < end) {
            int kind = p.u8(at);
            out.consume(kind);
            if (kind <= 1) {
                at++;
                continue;
            }
            int length = at + 1 < end ? p.u8(at + 1) : -1;
            if (length < 2 || at + length > end) {
                throw new IllegalArgumentException("option at offset " + at + ": length " + length
                        + " does not fit the " + (end - at) + " option bytes left");
            }
            value(p, kind, at + 2, length - 2, out);
            at += length;
        }
    }

    private static void value(ByteView p, int kind, int at, int length, FieldSink out) {
        if (kind == 2 && length == 2) {
            out.consume(p.u16be(at));
        } else if (kind == 3 && length == 1) {
            out.consume(p.u8(at));
        } else if (kind == 8 && length == 8) {
            out.consume(p.i32be(at));
            out.consume(p.i32be(at + 4));
        } else {
            out.consume(length);
        }
    }
}
