package io.bufkit.benchmarks.message;

import io.bufkit.examples.Ipv4Packet;
import io.bufkit.message.IntPath;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;

/** {@link LayoutReads#ipv4Tcp} with the integer fields read through paths resolved once ({@link IntPath}). */
final class PathReads {
    private PathReads() {
    }

    /** Reads what {@link LayoutReads#ipv4Tcp} reads. */
    static void ipv4TcpByPaths(Message p, FieldSink out) {
        for (IntPath f : IP_PATHS) {
            out.consume(f.get(p));
        }
        LayoutReads.options(p.sub("options"), out);
        Message t = p.sub("transport");
        for (IntPath f : TCP_PATHS) {
            out.consume(f.get(t));
        }
        LayoutReads.options(t.sub("options"), out);
        out.consume(t.bytes("payload").length());
    }

    static final IntPath[] IP_PATHS = paths(Ipv4Packet.LAYOUT, LayoutReads.IP_FIELDS);
    static final IntPath[] TCP_PATHS = paths(Ipv4Packet.TCP_SEGMENT, LayoutReads.TCP_FIELDS);

    private static IntPath[] paths(MessageLayout layout, String[] fields) {
        IntPath[] paths = new IntPath[fields.length];
        for (int i = 0; i < fields.length; i++) {
            paths[i] = layout.intPath(fields[i]);
        }
        return paths;
    }
}
