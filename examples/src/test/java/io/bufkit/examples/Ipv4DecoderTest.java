package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.DecoderSource;
import io.bufkit.message.MessageCodec;
import io.bufkit.testkit.MessageLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Ipv4Decoder}, generated from {@link Ipv4#CODEC}: the committed source is what the generator writes
 * now, and it decodes as the codec's own decoder does. After changing the layout or the records, write the
 * file again with {@code mvn -pl examples -am test -Dtest=Ipv4DecoderTest -Dbufkit.generate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class Ipv4DecoderTest {
    private static final Path SOURCE = Path.of("src/main/java/io/bufkit/examples/Ipv4Decoder.java");
    private static final MessageCodec<Ipv4> OWN = Ipv4.CODEC.withoutDecoder();

    @Test
    void theCommittedSourceIsWhatTheGeneratorWrites() throws IOException {
        String generated = DecoderSource.generate(MessageCodec.of(Ipv4Packet.LAYOUT, Ipv4.class),
                "io.bufkit.examples.Ipv4Packet.LAYOUT", "io.bufkit.examples.Ipv4Decoder");
        if (Boolean.getBoolean("bufkit.generate")) {
            Files.writeString(SOURCE, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(SOURCE, StandardCharsets.UTF_8),
                "Ipv4Decoder.java is stale: write it again with -Dbufkit.generate=true (see this test's Javadoc)");
    }

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
    void generatedAndArbitraryPacketsDecodeAsTheCodecDecodesThem() {
        MessageLayouts.of(Ipv4Packet.LAYOUT).checkGeneratedDecoder(Ipv4.CODEC, new Ipv4Decoder());
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
