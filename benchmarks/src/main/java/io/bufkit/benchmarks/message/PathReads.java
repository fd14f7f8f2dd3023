package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.examples.DnsMessage;
import io.bufkit.examples.DnsName;
import io.bufkit.examples.Ipv4Packet;
import io.bufkit.message.IntPath;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.MessagePart;
import io.bufkit.message.PartPath;

/**
 * The reads of {@link LayoutReads#ipv4Tcp} and {@link LayoutReads#dns} through paths resolved once: integer
 * fields through {@link IntPath}s, every part (sub-levels, repeats, bytes, names) through {@link PartPath}s,
 * so that no read looks a name up.
 */
final class PathReads {
    private PathReads() {
    }

    /** Reads what {@link LayoutReads#ipv4Tcp} reads: IPv4, then ICMP, TCP or UDP. */
    static void ipv4TcpByPaths(Message p, FieldSink out) {
        for (IntPath f : IP_PATHS) {
            out.consume(f.get(p));
        }
        options(IP_OPTIONS, p, out);
        Message t = TRANSPORT.sub(p);
        switch (PROTOCOL.get(p)) {
            case 1 -> {
                for (IntPath f : ICMP_PATHS) {
                    out.consume(f.get(t));
                }
                out.consume(ICMP_BODY.bytes(t).length());
            }
            case 6 -> {
                for (IntPath f : TCP_PATHS) {
                    out.consume(f.get(t));
                }
                options(TCP_OPTIONS, t, out);
                out.consume(PAYLOAD.bytes(t).length());
            }
            case 17 -> {
                for (IntPath f : UDP_PATHS) {
                    out.consume(f.get(t));
                }
                out.consume(UDP_PAYLOAD.bytes(t).length());
            }
        }
    }

    private static void options(PartPath options, Message level, FieldSink out) {
        int n = options.count(level);
        for (int i = 0; i < n; i++) {
            Message o = options.element(level, i);
            int kind = KIND.get(o);
            out.consume(kind);
            if (kind > 1) {
                LayoutReads.optionValue(kind, DATA.bytes(VALUE.sub(o)), out);
            }
        }
    }

    static final IntPath[] IP_PATHS = paths(Ipv4Packet.LAYOUT, LayoutReads.IP_FIELDS);
    static final IntPath[] TCP_PATHS = paths(Ipv4Packet.TCP_SEGMENT, LayoutReads.TCP_FIELDS);
    static final PartPath IP_OPTIONS = Ipv4Packet.LAYOUT.partPath("options");
    static final PartPath TRANSPORT = Ipv4Packet.LAYOUT.partPath("transport");
    static final PartPath TCP_OPTIONS = Ipv4Packet.TCP_SEGMENT.partPath("options");
    static final PartPath PAYLOAD = Ipv4Packet.TCP_SEGMENT.partPath("payload");
    static final IntPath PROTOCOL = Ipv4Packet.LAYOUT.intPath("ip.protocol");
    static final IntPath[] UDP_PATHS = paths(Ipv4Packet.UDP_DATAGRAM, LayoutReads.UDP_FIELDS);
    static final PartPath UDP_PAYLOAD = Ipv4Packet.UDP_DATAGRAM.partPath("payload");
    static final IntPath[] ICMP_PATHS = paths(Ipv4Packet.ICMP_MESSAGE, LayoutReads.ICMP_FIELDS);
    static final PartPath ICMP_BODY = Ipv4Packet.ICMP_MESSAGE.partPath("body");
    static final IntPath KIND = Ipv4Packet.OPTION.intPath("kind");
    static final PartPath VALUE = Ipv4Packet.OPTION.partPath("value");
    static final PartPath DATA = body(Ipv4Packet.OPTION, "value").partPath("data");

    /** Reads what {@link LayoutReads#dns} reads. */
    static void dnsByPaths(Message m, FieldSink out) {
        out.consume(ID.get(m));
        out.consume(FLAGS.get(m));
        int questions = QUESTIONS.count(m);
        for (int i = 0; i < questions; i++) {
            Message q = QUESTIONS.element(m, i);
            out.consume(QUESTION_NAME.value(q, DnsName.KIND));
            out.consume(QUESTION_TYPE.get(q));
            out.consume(QUESTION_CLASS.get(q));
        }
        for (PartPath section : SECTIONS) {
            int n = section.count(m);
            for (int i = 0; i < n; i++) {
                record(section.element(m, i), out);
            }
        }
    }

    private static void record(Message r, FieldSink out) {
        out.consume(NAME.value(r, DnsName.KIND));
        int type = TYPE.get(r);
        out.consume(type);
        out.consume(CLASS.get(r));
        out.consume(TTL.get(r));
        if (!RDATA.isPresent(r)) {
            out.consume(RDATA.bytes(r).length());
            return;
        }
        Message rdata = RDATA.sub(r);
        switch (type) {
            case 1, 28 -> {
                ByteView address = ADDRESS.bytes(rdata);
                out.consume(address.i32be(address.length() - 4));
            }
            case 15 -> {
                out.consume(PREFERENCE.get(rdata));
                out.consume(EXCHANGE.value(rdata, DnsName.KIND));
            }
            case 33 -> {
                out.consume(PORT.get(rdata));
                out.consume(SRV_TARGET.value(rdata, DnsName.UNCOMPRESSED));
            }
            case 6 -> {
                out.consume(MNAME.value(rdata, DnsName.KIND));
                out.consume(RNAME.value(rdata, DnsName.KIND));
                out.consume(TIMES.bytes(rdata).u32be(0));
            }
            default -> out.consume(TARGET.value(rdata, DnsName.KIND));
        }
    }

    static final MessageLayout QUESTION = body(DnsMessage.LAYOUT, "questions");
    static final MessageLayout RECORD = body(DnsMessage.LAYOUT, "answers");
    static final IntPath ID = DnsMessage.LAYOUT.intPath("header.id");
    static final IntPath FLAGS = DnsMessage.LAYOUT.intPath("header.flags");
    static final PartPath QUESTIONS = DnsMessage.LAYOUT.partPath("questions");
    static final PartPath QUESTION_NAME = QUESTION.partPath("name");
    static final IntPath QUESTION_TYPE = QUESTION.intPath("q.type");
    static final IntPath QUESTION_CLASS = QUESTION.intPath("q.class");
    static final PartPath[] SECTIONS = {DnsMessage.LAYOUT.partPath("answers"),
        DnsMessage.LAYOUT.partPath("authority"), DnsMessage.LAYOUT.partPath("additional")};
    static final PartPath NAME = RECORD.partPath("name");
    static final IntPath TYPE = RECORD.intPath("rr.type");
    static final IntPath CLASS = RECORD.intPath("rr.class");
    static final IntPath TTL = RECORD.intPath("rr.ttl");
    static final PartPath RDATA = RECORD.partPath("rdata");
    static final PartPath ADDRESS = alternative(RECORD, "rdata", 1).partPath("address");
    static final IntPath PREFERENCE = alternative(RECORD, "rdata", 15).intPath("preference");
    static final PartPath EXCHANGE = alternative(RECORD, "rdata", 15).partPath("exchange");
    static final IntPath PORT = alternative(RECORD, "rdata", 33).intPath("srv.port");
    static final PartPath SRV_TARGET = alternative(RECORD, "rdata", 33).partPath("target");
    static final PartPath MNAME = alternative(RECORD, "rdata", 6).partPath("mname");
    static final PartPath RNAME = alternative(RECORD, "rdata", 6).partPath("rname");
    static final PartPath TIMES = alternative(RECORD, "rdata", 6).partPath("times");
    static final PartPath TARGET = alternative(RECORD, "rdata", 2).partPath("target");

    private static IntPath[] paths(MessageLayout layout, String[] fields) {
        IntPath[] paths = new IntPath[fields.length];
        for (int i = 0; i < fields.length; i++) {
            paths[i] = layout.intPath(fields[i]);
        }
        return paths;
    }

    /** The layout of a repeat's elements, or of a conditional or sized part, found once by name. */
    private static MessageLayout body(MessageLayout layout, String part) {
        return described(layout, part).body();
    }

    /** The alternative a choice takes for one discriminator value. */
    private static MessageLayout alternative(MessageLayout layout, String part, int key) {
        return described(layout, part).alternatives().get(key);
    }

    private static MessagePart described(MessageLayout layout, String part) {
        return layout.parts().stream().filter(p -> p.name().equals(part)).findFirst().orElseThrow();
    }
}
