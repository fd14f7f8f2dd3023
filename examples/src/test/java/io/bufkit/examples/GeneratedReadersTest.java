package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.ByteView;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.ReaderSource;
import io.bufkit.testkit.MessageLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The readers generated for the examples' layouts: each committed source is what {@link ReaderSource} writes
 * now, and each reads every field, part and level as the decoded {@code Message} does, and rejects what the
 * layout rejects with the same exception. After changing a layout, write the files again with
 * {@code mvn -pl examples -am test -Dtest=GeneratedReadersTest -Dbufkit.generate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GeneratedReadersTest {

    /** One generated reader: its class, layout, the layout's Java expression, its read, its messages. */
    record Generated(String className, MessageLayout layout, String layoutConstant, Function<ByteView, ?> read,
            MessageLayouts messages) {
        @Override
        public String toString() {
            return className;
        }
    }

    static Stream<Generated> readers() {
        return Stream.of(
                new Generated("Ipv4PacketReader", Ipv4Packet.LAYOUT, "io.bufkit.examples.Ipv4Packet.LAYOUT",
                        new Ipv4PacketReader()::read, MessageLayouts.of(Ipv4Packet.LAYOUT)),
                new Generated("DnsMessageReader", DnsMessage.LAYOUT, "io.bufkit.examples.DnsMessage.LAYOUT",
                        new DnsMessageReader()::read, DnsMessagePropertiesTest.DNS),
                new Generated("PostgresBackendReader", PostgresMessage.BACKEND,
                        "io.bufkit.examples.PostgresMessage.BACKEND", new PostgresBackendReader()::read,
                        MessageLayouts.of(PostgresMessage.BACKEND)),
                new Generated("MqttPacketReader", MqttPacket.PACKET, "io.bufkit.examples.MqttPacket.PACKET",
                        new MqttPacketReader()::read, MqttPacketTest.PACKETS));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void theCommittedSourceIsWhatTheGeneratorWrites(Generated g) throws IOException {
        Path file = Path.of("src/main/java/io/bufkit/examples/" + g.className + ".java");
        String generated = ReaderSource.generate(g.layout, g.layoutConstant, "io.bufkit.examples." + g.className);
        if (Boolean.getBoolean("bufkit.generate")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8), g.className
                + ".java is stale: write it again with -Dbufkit.generate=true (see this test's Javadoc)");
    }

    @ParameterizedTest
    @MethodSource("readers")
    void readsAsTheLayoutDecodes(Generated g) {
        g.messages.checkGeneratedReader(g.read);
    }
}
