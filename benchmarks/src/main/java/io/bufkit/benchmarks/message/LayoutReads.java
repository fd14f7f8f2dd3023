package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.examples.DnsName;
import io.bufkit.message.Message;

/** Reads the fields the hand-written parsers read, through decoded {@link Message}s of the examples' layouts. */
final class LayoutReads {
    private LayoutReads() {
    }

    static void ipv4Tcp(Message p, FieldSink out) {
        for (String f : IP_FIELDS) {
            out.consume(p.intValue(f));
        }
        options(p.sub("options"), out);
        Message t = p.sub("transport");
        for (String f : TCP_FIELDS) {
            out.consume(t.intValue(f));
        }
        options(t.sub("options"), out);
        out.consume(t.bytes("payload").length());
    }

    static final String[] IP_FIELDS = {"ip.version", "ip.ihl", "ip.tos", "ip.totalLength", "ip.id", "ip.flags",
        "ip.fragmentOffset", "ip.ttl", "ip.protocol", "ip.checksum", "ip.src", "ip.dst"};
    static final String[] TCP_FIELDS = {"tcp.srcPort", "tcp.dstPort", "tcp.seq", "tcp.ack", "tcp.dataOffset",
        "tcp.flags", "tcp.window", "tcp.checksum", "tcp.urgent"};

    private static void options(Message options, FieldSink out) {
        for (int i = 0; i < options.count("option"); i++) {
            Message o = options.element("option", i);
            int kind = o.intValue("o.kind");
            out.consume(kind);
            if (kind > 1) {
                ByteView data = o.sub("value").bytes("data");
                if (kind == 2 && data.length() == 2) {
                    out.consume(data.u16be(0));
                } else if (kind == 3 && data.length() == 1) {
                    out.consume(data.u8(0));
                } else if (kind == 8 && data.length() == 8) {
                    out.consume(data.i32be(0));
                    out.consume(data.i32be(4));
                } else {
                    out.consume(data.length());
                }
            }
        }
    }

    static void dns(Message m, FieldSink out) {
        out.consume(m.intValue("header.id"));
        out.consume(m.intValue("header.flags"));
        for (int i = 0; i < m.count("questions"); i++) {
            Message q = m.element("questions", i);
            out.consume(q.value("name", DnsName.KIND));
            out.consume(q.intValue("q.type"));
            out.consume(q.intValue("q.class"));
        }
        for (String section : SECTIONS) {
            for (int i = 0; i < m.count(section); i++) {
                record(m.element(section, i), out);
            }
        }
    }

    static final String[] SECTIONS = {"answers", "authority", "additional"};

    private static void record(Message r, FieldSink out) {
        out.consume(r.value("name", DnsName.KIND));
        int type = r.intValue("rr.type");
        out.consume(type);
        out.consume(r.intValue("rr.class"));
        out.consume(r.intValue("rr.ttl"));
        if (!r.isPresent("rdata")) {
            out.consume(r.bytes("rdata").length());
            return;
        }
        Message rdata = r.sub("rdata");
        switch (type) {
            case 1, 28 -> {
                ByteView address = rdata.bytes("address");
                out.consume(address.i32be(address.length() - 4));
            }
            case 15 -> {
                out.consume(rdata.intValue("mx.preference"));
                out.consume(rdata.value("exchange", DnsName.KIND));
            }
            default -> out.consume(rdata.value("target", DnsName.KIND));
        }
    }
}
