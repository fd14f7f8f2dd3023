package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.checksum.InternetChecksum;

/**
 * A hand-written parser of an IPv4 packet with options carrying TCP with options (RFC 791 §3.1, RFC 9293
 * §3.1-3.2), reading the same fields as the layout in {@code io.bufkit.examples.Ipv4Packet}, written as a
 * careful user would: every length is checked before it is used and bad input is an exception naming the
 * field and offset.
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
        if (p.u8(9) != 6) {
            throw new IllegalArgumentException("ipv4.protocol at offset 9: " + p.u8(9) + " is not TCP");
        }
        int t = ihl * 4;
        if (t + 20 > p.length()) {
            throw new IllegalArgumentException("tcp at offset " + t + ": header needs 20 bytes");
        }
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
