package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.message.DecoderSource;
import io.bufkit.message.GeneratedDecoder;
import io.bufkit.message.MessageCodec;
import io.bufkit.testkit.MessageLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoders generated for the examples' record codecs: each committed source is what
 * {@link DecoderSource} writes now, and each decodes as its codec's own decoder does, valid messages through
 * the generated path. After changing a layout or its records, write the files again with
 * {@code mvn -pl examples -am test -Dtest=GeneratedDecodersTest -Dbufkit.generate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GeneratedDecodersTest {

    /**
     * One generated decoder: its codec (with the decoder), the layout's Java expression, the class, and the
     * generators of its messages.
     */
    record Generated(String className, MessageCodec<?> codec, String layoutConstant, GeneratedDecoder<?> decoder,
            MessageLayouts messages) {
        @Override
        public String toString() {
            return className;
        }
    }

    static Stream<Generated> decoders() {
        return Stream.of(
                new Generated("Ipv4Decoder", Ipv4.CODEC, "io.bufkit.examples.Ipv4Packet.LAYOUT", new Ipv4Decoder(),
                        MessageLayouts.of(Ipv4Packet.LAYOUT)),
                new Generated("DnsDecoder", Dns.CODEC, "io.bufkit.examples.DnsMessage.LAYOUT", new DnsDecoder(),
                        DnsMessagePropertiesTest.DNS),
                new Generated("PostgresDecoder", Postgres.CODEC, "io.bufkit.examples.PostgresMessage.BACKEND",
                        new PostgresDecoder(), MessageLayouts.of(PostgresMessage.BACKEND)),
                new Generated("KafkaMetadataDecoder", Kafka.METADATA, "io.bufkit.examples.KafkaMessage.METADATA_REQUEST",
                        new KafkaMetadataDecoder(), MessageLayouts.of(KafkaMessage.METADATA_REQUEST).maxBytes(300)),
                new Generated("MqttDecoder", Mqtt.CODEC, "io.bufkit.examples.MqttPacket.PACKET", new MqttDecoder(),
                        MqttPacketTest.PACKETS),
                new Generated("KafkaProduceDecoder", Kafka.PRODUCE, "io.bufkit.examples.KafkaMessage.PRODUCE_REQUEST_V7",
                        new KafkaProduceDecoder(), MessageLayouts.of(KafkaMessage.PRODUCE_REQUEST_V7).maxBytes(300)));
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void theCommittedSourceIsWhatTheGeneratorWrites(Generated g) throws IOException {
        Path file = Path.of("src/main/java/io/bufkit/examples/" + g.className + ".java");
        String generated = DecoderSource.generate(g.codec.withoutDecoder(), g.layoutConstant,
                "io.bufkit.examples." + g.className);
        if (Boolean.getBoolean("bufkit.generate")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8), g.className
                + ".java is stale: write it again with -Dbufkit.generate=true (see this test's Javadoc)");
    }

    @ParameterizedTest
    @MethodSource("decoders")
    void decodesAsTheCodecDoes(Generated g) {
        check(g.messages, g.codec, g.decoder);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> void check(MessageLayouts messages, MessageCodec<?> codec,
            GeneratedDecoder<?> decoder) {
        messages.checkGeneratedDecoder((MessageCodec<R>) codec, (GeneratedDecoder<R>) decoder);
    }
}
