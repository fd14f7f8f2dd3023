package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.examples.Mqtt;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A hand-written parser of MQTT 3.1.1 packets of every type into the same records {@link Mqtt#CODEC} decodes,
 * with the same checks: the peer of the MQTT layouts in the line counts.
 */
final class HandMqttRecords {
    private HandMqttRecords() {
    }

    /** A packet sliced to its length: CONNECT and PUBLISH bodies decoded, any other type's body as bytes. */
    static Mqtt.Packet parse(ByteView p) {
        int first = p.u8(0);
        Mqtt.Fixed fixed = new Mqtt.Fixed(first >>> 4, first >>> 3 & 1, first >>> 1 & 3, first & 1);
        int remaining = 0;
        int[] at = {1};
        for (int shift = 0;; shift += 7) {
            if (at[0] >= p.length() || shift == 28) {
                throw new IllegalArgumentException("remaining length at offset 1 runs past the end or is longer "
                        + "than 4 bytes");
            }
            int b = p.u8(at[0]++);
            remaining |= (b & 0x7F) << shift;
            if (b < 0x80) {
                break;
            }
        }
        if (at[0] + remaining != p.length()) {
            throw new IllegalArgumentException("remaining length " + remaining + " at offset 1: the packet has "
                    + (p.length() - at[0]) + " bytes after it");
        }
        Mqtt.Body body;
        if (fixed.type() == 1) {
            String protocol = string(p, at);
            int a = at[0];
            if (a + 4 > p.length()) {
                throw new IllegalArgumentException("connect flags at offset " + a + " run past the end");
            }
            int f = p.u8(a + 1);
            Mqtt.Flags flags = new Mqtt.Flags(p.u8(a), f >>> 7, f >>> 6 & 1, f >>> 5 & 1, f >>> 3 & 3, f >>> 2 & 1,
                    f >>> 1 & 1, f & 1, p.u16be(a + 2));
            at[0] += 4;
            String clientId = string(p, at);
            Optional<Mqtt.Will> will = (f & 0x04) == 0 ? Optional.empty()
                    : Optional.of(new Mqtt.Will(string(p, at), Bytes.copyOf(bytes(p, at))));
            Optional<String> username = (f & 0x80) == 0 ? Optional.empty() : Optional.of(string(p, at));
            Optional<String> password = (f & 0x40) == 0 ? Optional.empty() : Optional.of(string(p, at));
            body = new Mqtt.Connect(protocol, flags, clientId, will, username, password);
        } else if (fixed.type() == 3) {
            String topic = string(p, at);
            Optional<Integer> id = Optional.empty();
            if (fixed.qos() > 0) {
                if (at[0] + 2 > p.length()) {
                    throw new IllegalArgumentException("packet id at offset " + at[0] + " runs past the end");
                }
                id = Optional.of(p.u16be(at[0]));
                at[0] += 2;
            }
            body = new Mqtt.Publish(topic, id, Bytes.copyOf(p.slice(at[0], p.length())));
            at[0] = p.length();
        } else {
            body = new Mqtt.Other(Bytes.copyOf(p.slice(at[0], p.length())));
            at[0] = p.length();
        }
        if (at[0] != p.length()) {
            throw new IllegalArgumentException("mqtt: packet ends at " + at[0] + " of " + p.length());
        }
        return new Mqtt.Packet(fixed, body);
    }

    private static String string(ByteView p, int[] at) {
        return bytes(p, at).toString(StandardCharsets.UTF_8);
    }

    /** The 2-byte-length-prefixed bytes at {@code at[0]}, borrowed; moves {@code at[0]} past them. */
    private static ByteView bytes(ByteView p, int[] at) {
        int a = at[0];
        if (a + 2 > p.length() || a + 2 + p.u16be(a) > p.length()) {
            throw new IllegalArgumentException("string at offset " + a + " runs past the end");
        }
        at[0] = a + 2 + p.u16be(a);
        return p.slice(a + 2, at[0]);
    }
}
