package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.MessageCodec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Ipv4Decoder}, generated from {@link Ipv4#CODEC}, on captured packets; {@link GeneratedDecodersTest}
 * checks its source and its decoding of generated and hostile packets.
 */
class Ipv4DecoderTest {
    private static final MessageCodec<Ipv4> OWN = Ipv4.CODEC.withoutDecoder();

    @Test
    void everyCapturedPacketTakesTheGeneratedPathAndGivesTheCodecsRecord() throws IOException {
        Ipv4Decoder decoder = new Ipv4Decoder();
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (String capture : List.of("loopback.pcap", "loopback-tcp-udp.pcap", "veth-checksums.pcap")) {
            for (ByteView packet : Ipv4PacketTest.packets(capture)) {
                Ipv4 got = decoder.decode(packet);
                assertNotNull(got, "the generated decoder gave up on a captured packet");
                assertEquals(OWN.decode(packet), got);
                kinds.add(got.transport().getClass().getSimpleName());
            }
        }
        assertEquals("[IcmpMessage, TcpSegment, UdpDatagram]", kinds.toString());
    }

    @Test
    void badPacketsAreLeftToTheCodecWhichNamesTheField() throws IOException {
        byte[] syn = Ipv4PacketTest.packets().get(2).toByteArray();
        syn[8] ^= 1;   // the TTL, which the header checksum covers
        assertNull(new Ipv4Decoder().decode(ByteView.wrap(syn)));
        LayoutException viaGenerated = assertThrows(LayoutException.class, () -> Ipv4.CODEC.decode(ByteView.wrap(syn)));
        LayoutException own = assertThrows(LayoutException.class, () -> OWN.decode(ByteView.wrap(syn)));
        assertEquals(own.getMessage(), viaGenerated.getMessage());
    }

    @Test
    void aDecoderGeneratedForAnotherLayoutIsRefused() {
        MessageCodec<Ipv4> other = MessageCodec.of(Ipv4Packet.LAYOUT, Ipv4.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.withDecoder(new io.bufkit.message.GeneratedDecoder<Ipv4>() {
                    @Override
                    public String fingerprint() {
                        return "0";
                    }

                    @Override
                    public Ipv4 decode(ByteView message) {
                        return null;
                    }
                }));
        assertEquals(true, e.getMessage().contains("generate it again"), e.getMessage());
    }
}
