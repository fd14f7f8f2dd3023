package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.examples.Dns;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written DNS message parser into the same records {@link Dns#CODEC} decodes, with the same checks:
 * the peer of the record codec in {@link MessageDecodeBenchmark} and of the DNS layout in the line counts.
 */
final class HandDnsRecords {
    private HandDnsRecords() {
    }

    static Dns parse(ByteView m) {
        if (m.length() < 12) {
            throw new IllegalArgumentException("dns: header needs 12 bytes, " + m.length() + " remain");
        }
        int[] at = {12};
        List<Dns.Question> questions = new ArrayList<>(m.u16be(4));
        for (int i = 0; i < m.u16be(4); i++) {
            String name = name(m, at);
            if (at[0] + 4 > m.length()) {
                throw new IllegalArgumentException("questions[" + i + "] at offset " + at[0] + ": type and class run past the end");
            }
            questions.add(new Dns.Question(name, new Dns.TypeAndClass(m.u16be(at[0]), m.u16be(at[0] + 2))));
            at[0] += 4;
        }
        List<Dns.Rr> answers = records(m, m.u16be(6), at);
        List<Dns.Rr> authority = records(m, m.u16be(8), at);
        List<Dns.Rr> additional = records(m, m.u16be(10), at);
        if (at[0] != m.length()) {
            throw new IllegalArgumentException("dns: " + (m.length() - at[0]) + " bytes after the last record");
        }
        return new Dns(new Dns.Header(m.u16be(0), m.u16be(2)), questions, answers, authority, additional);
    }

    private static List<Dns.Rr> records(ByteView m, int count, int[] at) {
        List<Dns.Rr> records = new ArrayList<>(Math.min(count, m.length() / 11));
        for (int i = 0; i < count; i++) {
            String name = name(m, at);
            int fixed = at[0];
            if (fixed + 10 > m.length()) {
                throw new IllegalArgumentException("record at offset " + fixed + ": fixed fields run past the end");
            }
            int type = m.u16be(fixed);
            int rdata = fixed + 10;
            int end = rdata + m.u16be(fixed + 8);
            if (end > m.length()) {
                throw new IllegalArgumentException("record at offset " + fixed + ": rdlength runs past the end");
            }
            at[0] = rdata;
            Dns.Rdata data = switch (type) {
                case 1, 28 -> new Dns.Address(Bytes.copyOf(m.slice(rdata, at[0] = end)));
                case 2, 5, 12 -> new Dns.Name(name(m, at));
                case 33 -> {
                    if (rdata + 6 > end) {
                        throw new IllegalArgumentException("record at offset " + fixed + ": SRV fields run past rdlength");
                    }
                    at[0] += 6;
                    yield new Dns.Srv(new Dns.SrvFields(m.u16be(rdata), m.u16be(rdata + 2), m.u16be(rdata + 4)),
                            name(m, at));
                }
                case 6 -> {
                    String mname = name(m, at);
                    String rname = name(m, at);
                    int t = at[0];
                    if (t + 20 > end) {
                        throw new IllegalArgumentException("record at offset " + fixed + ": SOA times run past rdlength");
                    }
                    at[0] = t + 20;
                    yield new Dns.Soa(mname, rname, new Dns.SoaTimes(m.u32be(t), m.u32be(t + 4), m.u32be(t + 8),
                            m.u32be(t + 12), m.u32be(t + 16)));
                }
                case 15 -> {
                    at[0] += 2;
                    yield new Dns.Mx(m.u16be(rdata), name(m, at));
                }
                default -> new Dns.Unknown(Bytes.copyOf(m.slice(rdata, at[0] = end)));
            };
            if (at[0] != end) {
                throw new IllegalArgumentException("record at offset " + fixed + ": rdata ends at " + at[0]
                        + ", rdlength says " + end);
            }
            records.add(new Dns.Rr(name, new Dns.RrFields(type, m.u16be(fixed + 2), m.i32be(fixed + 4)), data));
        }
        return records;
    }

    /** Reads the name at {@code at[0]} and moves {@code at[0]} past it (past its first pointer, if any). */
    private static String name(ByteView m, int[] at) {
        StringBuilder name = new StringBuilder();
        int pos = at[0];
        int end = -1;
        for (int hops = 0;; ) {
            if (pos >= m.length()) {
                throw new IllegalArgumentException("name at offset " + at[0] + " runs past the end");
            }
            int len = m.u8(pos);
            if (len == 0) {
                at[0] = end < 0 ? pos + 1 : end;
                return name.toString();
            }
            if ((len & 0xC0) == 0xC0) {
                if (pos + 2 > m.length() || ++hops > m.length() / 2) {
                    throw new IllegalArgumentException("name at offset " + at[0] + ": bad or looping pointer at " + pos);
                }
                end = end < 0 ? pos + 2 : end;
                pos = m.u16be(pos) & 0x3FFF;
                continue;
            }
            if ((len & 0xC0) != 0 || pos + 1 + len > m.length() || name.length() + len + 1 > 255) {
                throw new IllegalArgumentException("name at offset " + at[0] + ": bad label at " + pos);
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
