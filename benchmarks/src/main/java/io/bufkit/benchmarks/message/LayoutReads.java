package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.examples.DnsName;
import io.bufkit.examples.Ipv4Packet;
import io.bufkit.message.Message;

/** Reads the fields the hand-written parsers read, through decoded {@link Message}s of the examples' layouts. */
final class LayoutReads {
    private LayoutReads() {
    }

    /**
     * Reads what {@link HandIpv4Tcp} reads: the IPv4 header and options, then the ICMP message, TCP segment or
     * UDP datagram (named for the TCP SYN the benchmarks read).
     */
    static void ipv4Tcp(Message p, FieldSink out) {
        for (String f : IP_FIELDS) {
            out.consume(p.intValue(f));
        }
        options(p, out);
        Message t = p.sub("transport");
        switch (p.intValue("ip.protocol")) {
            case 1 -> {
                for (String f : ICMP_FIELDS) {
                    out.consume(t.intValue(f));
                }
                out.consume(t.bytes("body").length());
            }
            case 6 -> {
                for (String f : TCP_FIELDS) {
                    out.consume(t.intValue(f));
                }
                options(t, out);
                out.consume(t.bytes("payload").length());
            }
            case 17 -> {
                for (String f : UDP_FIELDS) {
                    out.consume(t.intValue(f));
                }
                out.consume(t.bytes("payload").length());
            }
        }
    }

    static final String[] IP_FIELDS = {"ip.version", "ip.ihl", "ip.tos", "ip.totalLength", "ip.id", "ip.flags",
        "ip.fragmentOffset", "ip.ttl", "ip.protocol", "ip.checksum", "ip.src", "ip.dst"};
    static final String[] TCP_FIELDS = {"tcp.srcPort", "tcp.dstPort", "tcp.seq", "tcp.ack", "tcp.dataOffset",
        "tcp.flags", "tcp.window", "tcp.checksum", "tcp.urgent"};
    static final String[] UDP_FIELDS = {"udp.srcPort", "udp.dstPort", "udp.length", "udp.checksum"};
    static final String[] ICMP_FIELDS = {"icmp.type", "icmp.code", "icmp.checksum"};

    static void options(Message level, FieldSink out) {
        for (int i = 0; i < level.count("options"); i++) {
            Message o = level.element("options", i);
            int kind = o.intValue("kind");
            out.consume(kind);
            if (kind > 1) {
                optionValue(kind, o.sub("value").bytes("data"), out);
            }
        }
    }

    /** MSS, window scale and timestamps by value, any other option by its data length. */
    static void optionValue(int kind, ByteView data, FieldSink out) {
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
                out.consume(rdata.intValue("preference"));
                out.consume(rdata.value("exchange", DnsName.KIND));
            }
            case 33 -> {
                out.consume(rdata.intValue("srv.port"));
                out.consume(rdata.value("target", DnsName.UNCOMPRESSED));
            }
            case 6 -> {
                out.consume(rdata.value("mname", DnsName.KIND));
                out.consume(rdata.value("rname", DnsName.KIND));
                out.consume(rdata.bytes("times").u32be(0));
            }
            default -> out.consume(rdata.value("target", DnsName.KIND));
        }
    }

    static void postgres(Message m, FieldSink out) {
        int type = m.intValue("head.type");
        out.consume(type);
        if (!m.isPresent("body")) {
            out.consume(m.bytes("body").length());
            return;
        }
        Message body = m.sub("body");
        if (type == 'T') {
            for (int i = 0; i < body.count("columns"); i++) {
                Message c = body.element("columns", i);
                out.consume(c.string("name"));
                for (String f : COLUMN_FIELDS) {
                    out.consume(c.intValue(f));
                }
            }
        } else if (type == 'D') {
            for (int i = 0; i < body.count("values"); i++) {
                out.consume(body.element("values", i).string("value"));
            }
        } else {
            for (int i = 0; i < body.count("fields"); i++) {
                out.consume(body.element("fields", i).intValue("code"));
                out.consume(body.element("fields", i).string("value"));
            }
        }
    }

    static final String[] COLUMN_FIELDS = {"attrs.tableOid", "attrs.columnIndex", "attrs.typeOid",
        "attrs.typeLength", "attrs.typeModifier", "attrs.format"};

    static void mqtt(Message p, FieldSink out) {
        for (String f : FIXED_FIELDS) {
            out.consume(p.intValue(f));
        }
        out.consume(p.intValue("remaining"));
        int type = p.intValue("fixed.type");
        if (type == 1) {
            Message connect = p.sub("body");
            out.consume(connect.string("protocol"));
            for (String f : CONNECT_FIELDS) {
                out.consume(connect.intValue(f));
            }
            out.consume(connect.string("clientId"));
            if (connect.isPresent("will")) {
                out.consume(connect.sub("will").string("topic"));
                out.consume(connect.sub("will").string("message"));
            }
            for (String part : CREDENTIALS) {
                if (connect.isPresent(part)) {
                    out.consume(connect.sub(part).string("value"));
                }
            }
        } else if (type == 3) {
            Message publish = p.sub("body");
            out.consume(publish.string("topic"));
            if (publish.isPresent("packetId")) {
                out.consume(publish.sub("packetId").intValue("id"));
            }
            out.consume(publish.bytes("payload").length());
        } else {
            out.consume(p.bytes("body").length());
        }
    }

    static final String[] FIXED_FIELDS = {"fixed.type", "fixed.dup", "fixed.qos", "fixed.retain"};
    static final String[] CONNECT_FIELDS = {"flags.level", "flags.username", "flags.password", "flags.willRetain",
        "flags.willQos", "flags.willFlag", "flags.cleanSession", "flags.reserved", "flags.keepAlive"};
    static final String[] CREDENTIALS = {"username", "password"};
}
