package io.bufkit.examples;

import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.Size;
import java.util.Map;

/**
 * A DNS message (RFC 1035 §4.1) declared as a message layout, with {@link DnsName} as a user-defined kind.
 * RDATA is declared for A, AAAA, NS, CNAME, PTR, MX and SOA, whose names are compressed (RFC 1035 §3.3,
 * §4.1.4), and SRV, whose target is not (RFC 2782); other types stay raw bytes.
 */
public final class DnsMessage {
    private DnsMessage() {
    }

    static final PacketLayout HEADER = PacketLayout.builder("dns-header")
            .u16be("id").u16be("flags").u16be("qd").u16be("an").u16be("ns").u16be("ar").build();
    static final MessageLayout QUESTION = MessageLayout.builder("question")
            .field("name", DnsName.KIND)
            .section("q", PacketLayout.builder("q").u16be("type").u16be("class").build()).build();
    static final MessageLayout ADDRESS = MessageLayout.builder("address").rest("address").build();
    static final MessageLayout NAME = MessageLayout.builder("name").field("target", DnsName.KIND).build();
    static final MessageLayout MX = MessageLayout.builder("mx")
            .field("preference", WireType.U16BE).field("exchange", DnsName.KIND).build();
    static final MessageLayout SOA = MessageLayout.builder("soa")
            .field("mname", DnsName.KIND).field("rname", DnsName.KIND)
            .section("times", PacketLayout.builder("times")
                    .u32be("serial").u32be("refresh").u32be("retry").u32be("expire").u32be("minimum").build())
            .build();
    static final MessageLayout SRV = MessageLayout.builder("srv")
            .section("srv", PacketLayout.builder("srv").u16be("priority").u16be("weight").u16be("port").build())
            .field("target", DnsName.UNCOMPRESSED).build();
    static final MessageLayout RECORD = MessageLayout.builder("record")
            .field("name", DnsName.KIND)
            .section("rr", PacketLayout.builder("rr").u16be("type").u16be("class").i32be("ttl").u16be("rdlength").build())
            .choice("rdata", "rr.type", Size.of("rr.rdlength"), Map.of(1, ADDRESS, 28, ADDRESS, 2, NAME, 5, NAME, 12, NAME, 15, MX, 6, SOA, 33, SRV))
            .build();
    /** The whole message: header, then four counted repeats. */
    public static final MessageLayout LAYOUT = MessageLayout.builder("dns")
            .section("header", HEADER)
            .repeat("questions", "header.qd", QUESTION)
            .repeat("answers", "header.an", RECORD)
            .repeat("authority", "header.ns", RECORD)
            .repeat("additional", "header.ar", RECORD)
            .build();
}
