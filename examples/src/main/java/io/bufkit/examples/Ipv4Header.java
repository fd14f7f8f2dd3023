package io.bufkit.examples;

import io.bufkit.*;
import io.bufkit.layout.*;

/** An IPv4 header (RFC 791 §3.1) without options, decoded into a record; the header checksum is RFC 1071's. */
public record Ipv4Header(int dscp, int ecn, int totalLength, int identification, boolean dontFragment,
        boolean moreFragments, int fragmentOffset, int ttl, int protocol, long source, long destination) {

    public static final PacketLayout LAYOUT = PacketLayout.builder("ipv4")
            .bits("version", 4).expect(4).bits("ihl", 4).expect(5)   // 4 + 4 bits: one byte
            .bits("dscp", 6).bits("ecn", 2)
            .u16be("totalLength").u16be("identification")
            .bit("reserved").expect(0).bit("dontFragment").bit("moreFragments").bits("fragmentOffset", 13)
            .u8("ttl").u8("protocol").internetChecksum("headerChecksum")   // verified by validate()
            .u32be("source").u32be("destination")
            .prefix()                                                  // the payload follows
            .build();

    public static final PacketCodec<Ipv4Header> CODEC = PacketCodec.of(LAYOUT, Ipv4Header.class);
}
