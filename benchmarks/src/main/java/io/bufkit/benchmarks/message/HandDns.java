package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;

/**
 * A hand-written parser of a DNS message (RFC 1035 §4.1) with compressed names, reading the same fields as
 * the layout in {@code io.bufkit.examples.DnsMessage}, written as a careful user would: counts and lengths
 * are checked, compression pointers may not loop, bad input is an exception naming what and where.
 */
final class HandDns {
    private HandDns() {
    }

    static void parse(ByteView m, FieldSink out) {
        if (m.length() < 12) {
            throw new IllegalArgumentException("dns: header needs 12 bytes, " + m.length() + " remain");
        }
        out.consume(m.u16be(0));
        out.consume(m.u16be(2));
        int at = 12;
        for (int i = 0; i < m.u16be(4); i++) {
            at = name(m, at, out);
            if (at + 4 > m.length()) {
                throw new IllegalArgumentException("questions[" + i + "] at offset " + at + ": type and class run past the end");
            }
            out.consume(m.u16be(at));
            out.consume(m.u16be(at + 2));
            at += 4;
        }
        for (int section = 6; section <= 10; section += 2) {
            for (int i = 0; i < m.u16be(section); i++) {
                at = record(m, at, out);
            }
        }
        if (at != m.length()) {
            throw new IllegalArgumentException("dns: " + (m.length() - at) + " bytes after the last record");
        }
    }

    private static int record(ByteView m, int at, FieldSink out) {
        at = name(m, at, out);
        if (at + 10 > m.length()) {
            throw new IllegalArgumentException("record at offset " + at + ": fixed fields run past the end");
        }
        int type = m.u16be(at);
        int rdlength = m.u16be(at + 8);
        int rdata = at + 10;
        if (rdata + rdlength > m.length()) {
            throw new IllegalArgumentException("record at offset " + at + ": rdlength " + rdlength + " runs past the end");
        }
        out.consume(type);
        out.consume(m.u16be(at + 2));
        out.consume(m.i32be(at + 4));
        int end = switch (type) {
            case 1, 28 -> {
                out.consume(m.i32be(rdata + rdlength - 4));
                yield rdata + rdlength;
            }
            case 2, 5, 12 -> name(m, rdata, out);
            case 15 -> {
                out.consume(m.u16be(rdata));
                yield name(m, rdata + 2, out);
            }
            case 33 -> {
                if (rdata + 6 > m.length()) {
                    throw new IllegalArgumentException("record at offset " + at + ": SRV fields run past the end");
                }
                out.consume(m.u16be(rdata + 4));
                yield name(m, rdata + 6, out);
            }
            case 6 -> {
                int times = name(m, name(m, rdata, out), out);
                if (times + 20 > m.length()) {
                    throw new IllegalArgumentException("record at offset " + at + ": SOA times run past the end");
                }
                out.consume(m.u32be(times));
                yield times + 20;
            }
            default -> {
                out.consume(rdlength);
                yield rdata + rdlength;
            }
        };
        if (end != rdata + rdlength) {
            throw new IllegalArgumentException("record at offset " + at + ": rdata ends at " + end
                    + ", rdlength says " + (rdata + rdlength));
        }
        return end;
    }

    /** Reads a possibly compressed name at {@code at}, hands it out dotted, returns where it ends in place. */
    private static int name(ByteView m, int at, FieldSink out) {
        StringBuilder name = new StringBuilder();
        int pos = at;
        int end = -1;
        for (int hops = 0;; ) {
            if (pos >= m.length()) {
                throw new IllegalArgumentException("name at offset " + at + " runs past the end");
            }
            int len = m.u8(pos);
            if (len == 0) {
                out.consume(name.toString());
                return end < 0 ? pos + 1 : end;
            }
            if ((len & 0xC0) == 0xC0) {
                if (pos + 2 > m.length() || ++hops > m.length() / 2) {
                    throw new IllegalArgumentException("name at offset " + at + ": bad or looping pointer at " + pos);
                }
                end = end < 0 ? pos + 2 : end;
                pos = m.u16be(pos) & 0x3FFF;
                continue;
            }
            if ((len & 0xC0) != 0 || pos + 1 + len > m.length()) {
                throw new IllegalArgumentException("name at offset " + at + ": bad label at " + pos);
            }
            if (name.length() > 0) {
                name.append('.');
            }
            for (int i = 0; i < len; i++) {
                name.append((char) m.u8(pos + 1 + i));
            }
            pos += 1 + len;
        }
    }
}
