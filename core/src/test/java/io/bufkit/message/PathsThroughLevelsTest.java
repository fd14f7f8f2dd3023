package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.layout.WireType;
import java.util.Map;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link Message#intValue(String)} through the sub-levels parts hold, on the MQTT packets of
 * {@link EnclosingConditionTest} (real mosquitto bytes): {@code "body.packetId.id"} reads through the chosen
 * PUBLISH body and its conditional packet id.
 */
class PathsThroughLevelsTest {
    @Test
    void aPathReadsThroughChoicesAndConditionalParts() throws IOException {
        int publishes = 0;
        for (ByteView p : EnclosingConditionTest.packets("pub1-client.bin")) {
            Message m = EnclosingConditionTest.PACKET.decode(p);
            if (m.intValue("fixed.type") != 3) {
                continue;
            }
            publishes++;
            assertEquals(m.sub("body").sub("packetId").intValue("id"), m.intValue("body.packetId.id"));
            assertEquals(m.sub("body").sub("packetId").intValue("id"), m.sub("body").intValue("packetId.id"));
        }
        assertEquals(1, publishes);
    }

    static final MessageLayout A = MessageLayout.builder("a").field("x", WireType.U8).build();
    static final MessageLayout B = MessageLayout.builder("b").field("y", WireType.U16BE).build();
    static final MessageLayout TAGGED = MessageLayout.builder("tagged").field("type", WireType.U8)
            .choice("body", "type", Map.of(1, A, 2, B)).build();
    static final IntPath X = TAGGED.intPath("body.x");
    static final IntPath Y = TAGGED.intPath("body.y");

    @Test
    void aResolvedPathReadsTheAlternativeTheMessageHolds() {
        Message a = TAGGED.decode(ByteView.wrap(new byte[] {1, 7}));
        Message b = TAGGED.decode(ByteView.wrap(new byte[] {2, 1, 2}));
        assertEquals(7, X.get(a));
        assertEquals(0x0102, Y.get(b));
        assertEquals(7, a.intValue("body.x"));
        assertEquals("body.x", X.path());
        assertEquals("tagged: body holds b, which has no integer field x",
                assertThrows(IllegalStateException.class, () -> X.get(b)).getMessage());
        assertEquals("tagged has no integer field body.z (nor has any layout body holds)",
                assertThrows(IllegalArgumentException.class, () -> TAGGED.intPath("body.z")).getMessage());
        assertEquals("tagged has no integer field type.x",
                assertThrows(IllegalArgumentException.class, () -> TAGGED.intPath("type.x")).getMessage());
    }

    static final MessageLayout WIDE = MessageLayout.builder("wide").field("type", WireType.U8)
            .section("ids", io.bufkit.layout.PacketLayout.builder("ids").u32be("unsigned").i64be("big")
                    .crc32be("crc").build())
            .field("count", WireType.U32BE)
            .choice("body", "type", Map.of(1, MessageLayout.builder("one").field("v", WireType.U32LE).build()))
            .build();

    @Test
    void longValueReadsFieldsOfEveryWidthByTheSamePaths() {
        byte[] wire = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 0, 0, 0, 0, 0, 0, 0, 7,
            0x76, (byte) 0xe0, 0x7e, 0x1f, (byte) 0x80, 0, 0, 0, (byte) 0xfd, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        Message m = WIDE.decode(ByteView.wrap(wire));
        assertEquals(1, m.longValue("type"));
        assertEquals(0xFFFF_FFFEL, m.longValue("ids.unsigned"));
        assertEquals(7, m.longValue("ids.big"));
        assertEquals(0x76e0_7e1fL, m.longValue("ids.crc"), "the CRC-32 the section holds, checked while decoding");
        assertEquals(0x8000_0000L, m.longValue("count"));
        assertEquals(0xFFFF_FFFDL, m.longValue("body.v"));
        assertEquals("wide has no integer field ids.nothing", assertThrows(IllegalArgumentException.class,
                () -> m.longValue("ids.nothing")).getMessage());
        assertEquals("one has no integer field w", assertThrows(IllegalArgumentException.class,
                () -> m.longValue("body.w")).getMessage());
    }

    @Test
    void aMissingFieldOrAnAbsentLevelOnTheWayIsNamed() throws IOException {
        Message qos0 = null;
        for (ByteView p : EnclosingConditionTest.packets("pub0-client.bin")) {
            Message m = EnclosingConditionTest.PACKET.decode(p);
            if (m.intValue("fixed.type") == 3) {
                qos0 = m;
            }
        }
        Message publish = qos0;
        assertEquals("publish: packetId is absent, so packetId.id cannot be read",
                assertThrows(IllegalStateException.class, () -> publish.intValue("body.packetId.id")).getMessage());
        assertEquals("mqtt has no integer field body.nothing.id (nor has any layout body holds)",
                assertThrows(IllegalArgumentException.class, () -> publish.intValue("body.nothing.id")).getMessage());
        assertEquals("mqtt has no integer field fixed.nothing", assertThrows(IllegalArgumentException.class,
                () -> publish.intValue("fixed.nothing")).getMessage());
        assertEquals("mqtt has no integer field remaining.x", assertThrows(IllegalArgumentException.class,
                () -> publish.intValue("remaining.x")).getMessage());
    }
}
