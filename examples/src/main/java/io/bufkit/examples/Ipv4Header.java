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

    private static final IntField DSCP = LAYOUT.intField("dscp");
    private static final IntField ECN = LAYOUT.intField("ecn");
    private static final IntField TOTAL_LENGTH = LAYOUT.intField("totalLength");
    private static final IntField IDENTIFICATION = LAYOUT.intField("identification");
    private static final IntField DONT_FRAGMENT = LAYOUT.intField("dontFragment");
    private static final IntField MORE_FRAGMENTS = LAYOUT.intField("moreFragments");
    private static final IntField FRAGMENT_OFFSET = LAYOUT.intField("fragmentOffset");
    private static final IntField TTL = LAYOUT.intField("ttl");
    private static final IntField PROTOCOL = LAYOUT.intField("protocol");
    private static final LongField SOURCE = LAYOUT.longField("source");
    private static final LongField DESTINATION = LAYOUT.longField("destination");

    public static final PacketCodec<Ipv4Header> CODEC = new PacketCodec<>() {
        @Override
        public Ipv4Header decode(ByteView packet) {
            LAYOUT.validate(packet);           // length, version, IHL, reserved bit, checksum
            return new Ipv4Header(DSCP.get(packet), ECN.get(packet), TOTAL_LENGTH.get(packet),
                    IDENTIFICATION.get(packet), DONT_FRAGMENT.get(packet) == 1, MORE_FRAGMENTS.get(packet) == 1,
                    FRAGMENT_OFFSET.get(packet), TTL.get(packet), PROTOCOL.get(packet), SOURCE.get(packet),
                    DESTINATION.get(packet));
        }

        @Override
        public void encode(Ipv4Header h, MutableByteView out) {
            LAYOUT.writeConstants(out);        // version 4, IHL 5, reserved 0
            DSCP.set(out, h.dscp());
            ECN.set(out, h.ecn());
            TOTAL_LENGTH.set(out, h.totalLength());
            IDENTIFICATION.set(out, h.identification());
            DONT_FRAGMENT.set(out, h.dontFragment() ? 1 : 0);
            MORE_FRAGMENTS.set(out, h.moreFragments() ? 1 : 0);
            FRAGMENT_OFFSET.set(out, h.fragmentOffset());   // 0 to 8191, else IllegalArgumentException
            TTL.set(out, h.ttl());
            PROTOCOL.set(out, h.protocol());
            SOURCE.set(out, h.source());
            DESTINATION.set(out, h.destination());
            LAYOUT.fillChecksums(out);         // after every other field
        }

        @Override
        public int size() {
            return LAYOUT.size();
        }
    };
}
