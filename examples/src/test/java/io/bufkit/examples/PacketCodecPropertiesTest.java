package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.PacketCodec;
import io.bufkit.layout.PacketLayout;
import io.bufkit.testkit.PacketLayouts;
import io.bufkit.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The sensor and legacy codecs against the testkit's layout generators: every valid packet decodes and
 * encodes back to the same bytes, and arbitrary bytes are decoded or rejected with a {@link LayoutException}.
 */
class PacketCodecPropertiesTest {

    private static <T> void decodeThenEncodeGivesTheSameBytes(PacketLayout layout, PacketCodec<T> codec) {
        Property.forAll(PacketLayouts.packets(layout)).check(packet -> {
            T value = codec.decode(ByteView.wrap(packet));
            MutableByteView out = MutableByteView.allocate(codec.size());
            codec.encode(value, out);
            assertArrayEquals(packet, out.toByteArray());
        });
    }

    private static <T> void arbitraryBytesAreDecodedOrRejectedWithLayoutException(PacketLayout layout, PacketCodec<T> codec) {
        Property.forAll(PacketLayouts.arbitraryPackets(layout)).check(bytes -> {
            try {
                codec.decode(ByteView.wrap(bytes));
                assertEquals(codec.size(), bytes.length);
            } catch (LayoutException rejected) {
                assertEquals(layout.name(), rejected.layout());
            }
        });
    }

    @Test
    void everySensorPacketDecodesAndEncodesBackToTheSameBytes() {
        decodeThenEncodeGivesTheSameBytes(SensorPacket.LAYOUT, SensorPacket.CODEC);
    }

    @Test
    void everyLegacyPacketDecodesAndEncodesBackToTheSameBytes() {
        decodeThenEncodeGivesTheSameBytes(LegacyPacket.LAYOUT, LegacyPacket.CODEC);
    }

    @Test
    void arbitraryBytesAreDecodedAsASensorPacketOrRejected() {
        arbitraryBytesAreDecodedOrRejectedWithLayoutException(SensorPacket.LAYOUT, SensorPacket.CODEC);
    }

    @Test
    void arbitraryBytesAreDecodedAsALegacyPacketOrRejected() {
        arbitraryBytesAreDecodedOrRejectedWithLayoutException(LegacyPacket.LAYOUT, LegacyPacket.CODEC);
    }
}
