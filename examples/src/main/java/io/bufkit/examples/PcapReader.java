package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.layout.IntField;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketLayout;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.Size;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a classic pcap file (draft-ietf-opsawg-pcap §4, §5) and prints one line per packet the way
 * {@code tcpdump -r file -nn} does (times in UTC): the file header's magic decides the byte order of the
 * header and of every 16-byte record header, whose captured length frames the packet that follows.
 * Ethernet frames carrying IPv4 are decoded with {@link Ipv4Packet#LAYOUT}.
 *
 * <p>Run: {@code java -cp examples/target/classes:core/target/classes io.bufkit.examples.PcapReader file.pcap}
 */
public final class PcapReader {
    static final long MICROS = 0xA1B2C3D4L;
    static final long NANOS = 0xA1B23C4DL;
    static final PacketLayout FILE_HEADER = PacketLayout.builder("pcap-header")
            .u32be("magic").expectAnyOf(MICROS, NANOS).u16be("major").u16be("minor").i32be("thiszone")
            .i32be("sigfigs").i32be("snaplen").i32be("linktype").build();
    static final PacketLayout RECORD_HEADER = PacketLayout.builder("pcap-record")
            .i32be("seconds").i32be("fraction").i32be("capturedLength").i32be("originalLength").build();
    static final PacketLayout FILE_HEADER_LE = FILE_HEADER.withByteOrder(ByteOrder.LITTLE_ENDIAN);
    static final MessageLayout BIG_ENDIAN = file(FILE_HEADER, RECORD_HEADER);
    static final MessageLayout LITTLE_ENDIAN = file(FILE_HEADER_LE, RECORD_HEADER.withByteOrder(ByteOrder.LITTLE_ENDIAN));
    static final PacketLayout ETHERNET = PacketLayout.builder("ethernet")
            .bytes("dst", 6).bytes("src", 6).u16be("type").build();
    static final int LINKTYPE_ETHERNET = 1;
    static final int TCP_FIN = 0x01;
    static final int TCP_SYN = 0x02;
    static final int TCP_ACK = 0x10;
    static final int TCP_URG = 0x20;
    static final String TCP_FLAG_LETTERS = "FSRP.UEW";
    private static final IntField IP_TOTAL_LENGTH = Ipv4Packet.IP.intField("totalLength");
    private static final IntField IP_IHL = Ipv4Packet.IP.intField("ihl");
    private static final IntField IP_PROTOCOL = Ipv4Packet.IP.intField("protocol");

    /** Sequence-number bases of the TCP connections seen, as tcpdump keeps them for relative numbers. */
    private final Map<String, long[]> connections = new HashMap<>();

    private static MessageLayout file(PacketLayout header, PacketLayout recordHeader) {
        MessageLayout record = MessageLayout.builder("record")
                .section("header", recordHeader).bytes("packet", Size.of("header.capturedLength")).build();
        return MessageLayout.builder("pcap").section("file", header).repeatToEnd("records", record).build();
    }

    /**
     * Prints one line per packet of a pcap file.
     *
     * @param args the file's path
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PcapReader file.pcap");
            System.exit(2);
        }
        for (String line : new PcapReader().lines(ByteView.wrap(Files.readAllBytes(Path.of(args[0]))))) {
            System.out.println(line);
        }
    }

    /**
     * The lines {@code tcpdump -nn} prints for the packets of a pcap file.
     *
     * @param pcap the whole file, borrowed for the call
     * @return one line per packet
     * @throws LayoutException if the magic is unknown or a record runs past the end; a malformed packet is
     *     a line naming where it breaks, such as {@code IP [|transport.options.option[0].value.data]}
     */
    public List<String> lines(ByteView pcap) {
        long magic = pcap.length() >= 4 ? pcap.u32be(0) : 0;
        boolean bigEndian = magic == MICROS || magic == NANOS;
        Message file = (bigEndian ? BIG_ENDIAN : LITTLE_ENDIAN).decode(pcap);
        PacketLayout header = bigEndian ? FILE_HEADER : FILE_HEADER_LE;
        header.validate(file.bytes("file"));   // the magic, read in the order it chose, is one of the two
        boolean nanos = header.longField("magic").get(file.bytes("file")) == NANOS;
        int linktype = file.intValue("file.linktype");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < file.count("records"); i++) {
            Message record = file.element("records", i);
            int fraction = record.intValue("header.fraction");
            String time = time(record.intValue("header.seconds") & 0xFFFFFFFFL, nanos ? fraction / 1000 : fraction);
            ByteView packet = record.bytes("packet");
            lines.add(time + " " + (linktype != LINKTYPE_ETHERNET ? "link-type " + linktype + ", length "
                    + packet.length() : packet.length() < ETHERNET.size() ? "[|ether]" : ethernet(packet)));
        }
        return lines;
    }

    private static String time(long seconds, int micros) {
        long s = seconds % 86400;
        return String.format("%02d:%02d:%02d.%06d", s / 3600, s / 60 % 60, s % 60, micros);
    }

    private String ethernet(ByteView frame) {
        int type = frame.u16be(12);
        if (type != 0x0800) {
            return String.format("ethertype 0x%04x, length %d", type, frame.length());
        }
        ByteView ip = frame.slice(ETHERNET.size(), frame.length());
        if (ip.length() < Ipv4Packet.IP.size() || IP_TOTAL_LENGTH.get(ip) > ip.length()) {
            return "IP [|ip]";
        }
        try {
            return "IP " + ipv4(Ipv4Packet.LAYOUT.decodePrefix(ip));   // padding after the total length is left out
        } catch (LayoutException e) {   // a malformed packet: say where, as tcpdump says [|tcp]
            return "IP [|" + e.field().orElse(e.layout()) + "]";
        }
    }

    private String ipv4(Message packet) {
        String src = address(packet.intValue("ip.src"));
        String dst = address(packet.intValue("ip.dst"));
        int payload = packet.intValue("ip.totalLength") - packet.intValue("ip.ihl") * 4;
        if (!packet.isPresent("transport")) {
            return src + " > " + dst + ": ip-proto-" + packet.intValue("ip.protocol") + " " + payload;
        }
        Message t = packet.sub("transport");
        return switch (packet.intValue("ip.protocol")) {
            case 6 -> src + "." + t.intValue("tcp.srcPort") + " > " + dst + "." + t.intValue("tcp.dstPort") + ": "
                    + tcp(src + "." + t.intValue("tcp.srcPort"), dst + "." + t.intValue("tcp.dstPort"), t);
            case 17 -> src + "." + t.intValue("udp.srcPort") + " > " + dst + "." + t.intValue("udp.dstPort")
                    + ": UDP, length " + t.bytes("payload").length();
            default -> src + " > " + dst + ": " + icmp(t, payload);
        };
    }

    private static String icmp(Message m, int length) {
        ByteView body = m.bytes("body");
        int type = m.intValue("icmp.type");
        if ((type == 0 || type == 8) && body.length() >= 4) {
            return "ICMP echo " + (type == 8 ? "request" : "reply") + ", id " + body.u16be(0) + ", seq "
                    + body.u16be(2) + ", length " + length;
        }
        if (type == 3 && m.intValue("icmp.code") == 3 && body.length() >= 4 + 20
                && body.length() >= 4 + IP_IHL.get(body.slice(4, body.length())) * 4 + 4) {
            ByteView inner = body.slice(4, body.length());
            int at = IP_IHL.get(inner) * 4;
            String proto = IP_PROTOCOL.get(inner) == 17 ? "udp" : "tcp";
            return "ICMP " + address(inner.i32be(16)) + " " + proto + " port " + inner.u16be(at + 2)
                    + " unreachable, length " + length;
        }
        return "ICMP type-#" + type + ", length " + length;
    }

    private String tcp(String from, String to, Message t) {
        int flags = t.intValue("tcp.flags");
        long seq = t.intValue("tcp.seq") & 0xFFFFFFFFL;
        long ack = t.intValue("tcp.ack") & 0xFFFFFFFFL;
        if ((flags & TCP_ACK) != 0) {
            boolean reverse = from.compareTo(to) > 0;
            String key = reverse ? to + ">" + from : from + ">" + to;
            long[] base = connections.get(key);
            if (base == null || (flags & TCP_SYN) != 0) {
                connections.put(key, reverse ? new long[] {ack - 1, seq} : new long[] {seq, ack - 1});
            } else {
                seq = (seq - base[reverse ? 1 : 0]) & 0xFFFFFFFFL;
                ack = (ack - base[reverse ? 0 : 1]) & 0xFFFFFFFFL;
            }
        }
        int length = t.bytes("payload").length();
        StringBuilder out = new StringBuilder("Flags [");
        for (int bit = 0; bit < 8; bit++) {
            if ((flags & 1 << bit) != 0) {
                out.append(TCP_FLAG_LETTERS.charAt(bit));
            }
        }
        out.append(flags == 0 ? "none]" : "]");
        if (length > 0) {
            out.append(", seq ").append(seq).append(':').append((seq + length) & 0xFFFFFFFFL);
        } else if ((flags & (TCP_SYN | TCP_FIN | 0x04)) != 0) {
            out.append(", seq ").append(seq);
        }
        if ((flags & TCP_ACK) != 0) {
            out.append(", ack ").append(ack);
        }
        out.append(", win ").append(t.intValue("tcp.window"));
        if ((flags & TCP_URG) != 0) {
            out.append(", urg ").append(t.intValue("tcp.urgent"));
        }
        if (t.count("options") > 0) {
            out.append(", options [").append(tcpOptions(t)).append(']');
        }
        return out.append(", length ").append(length).toString();
    }

    private static String tcpOptions(Message segment) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segment.count("options"); i++) {
            Message option = segment.element("options", i);
            int kind = option.intValue("kind");
            ByteView data = kind > 1 ? option.sub("value").bytes("data") : ByteView.empty();
            int length = data.length();
            out.add(kind == 0 ? "eol" : kind == 1 ? "nop" : kind == 2 && length == 2 ? "mss " + data.u16be(0)
                    : kind == 3 && length == 1 ? "wscale " + data.u8(0) : kind == 4 && length == 0 ? "sackOK"
                    : kind == 8 && length == 8 ? "TS val " + data.u32be(0) + " ecr " + data.u32be(4)
                    : "unknown-" + kind);
        }
        return String.join(",", out);
    }

    static String address(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    }
}
