package io.bufkit.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
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
        assertThrows(IllegalStateException.class, () -> publish.intValue("body.packetId.id"));
        assertEquals("publish has no integer field nothing.id", assertThrows(IllegalArgumentException.class,
                () -> publish.intValue("body.nothing.id")).getMessage());
        assertEquals("mqtt has no integer field fixed.nothing", assertThrows(IllegalArgumentException.class,
                () -> publish.intValue("fixed.nothing")).getMessage());
        assertEquals("mqtt has no integer field remaining.x", assertThrows(IllegalArgumentException.class,
                () -> publish.intValue("remaining.x")).getMessage());
    }
}
