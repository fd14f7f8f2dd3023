package io.bufkit.benchmarks.message;

import io.bufkit.ByteView;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written parser of MQTT 3.1.1 packets, reading the same fields as {@code io.bufkit.examples.MqttPacket}'s
 * layout, written as a careful user would: CONNECT's and PUBLISH's parts, the body length of any other type.
 * The packet is sliced to its length.
 */
final class HandMqtt {
    private HandMqtt() {
    }

    static void parse(ByteView p, FieldSink out) {
        int first = p.u8(0);
        out.consume(first >>> 4);
        out.consume(first >>> 3 & 1);
        out.consume(first >>> 1 & 3);
        out.consume(first & 1);
        int remaining = 0;
        int at = 1;
        for (int shift = 0;; shift += 7) {
            if (at >= p.length() || shift == 28) {
                throw new IllegalArgumentException("remaining length at offset 1 runs past the end or is longer "
                        + "than 4 bytes");
            }
            int b = p.u8(at++);
            remaining |= (b & 0x7F) << shift;
            if (b < 0x80) {
                break;
            }
        }
        if (at + remaining != p.length()) {
            throw new IllegalArgumentException("remaining length " + remaining + " at offset 1: the packet has "
                    + (p.length() - at) + " bytes after it");
        }
        out.consume(remaining);
        if (first >>> 4 == 1) {
            at = string(p, at, out);
            if (at + 4 > p.length()) {
                throw new IllegalArgumentException("connect flags at offset " + at + " run past the end");
            }
            int flags = p.u8(at + 1);
            out.consume(p.u8(at));
            out.consume(flags >>> 7);
            out.consume(flags >>> 6 & 1);
            out.consume(flags >>> 5 & 1);
            out.consume(flags >>> 3 & 3);
            out.consume(flags >>> 2 & 1);
            out.consume(flags >>> 1 & 1);
            out.consume(flags & 1);
            out.consume(p.u16be(at + 2));
            at = string(p, at + 4, out);
            if ((flags & 0x04) != 0) {
                at = string(p, string(p, at, out), out);
            }
            if ((flags & 0x80) != 0) {
                at = string(p, at, out);
            }
            if ((flags & 0x40) != 0) {
                at = string(p, at, out);
            }
        } else if (first >>> 4 == 3) {
            at = string(p, at, out);
            if ((first >>> 1 & 3) > 0) {
                if (at + 2 > p.length()) {
                    throw new IllegalArgumentException("packet id at offset " + at + " runs past the end");
                }
                out.consume(p.u16be(at));
                at += 2;
            }
            out.consume(p.length() - at);
            at = p.length();
        } else {
            out.consume(p.length() - at);
            at = p.length();
        }
        if (at != p.length()) {
            throw new IllegalArgumentException("mqtt: packet ends at " + at + " of " + p.length());
        }
    }

    private static int string(ByteView p, int at, FieldSink out) {
        if (at + 2 > p.length() || at + 2 + p.u16be(at) > p.length()) {
            throw new IllegalArgumentException("string at offset " + at + " runs past the end");
        }
        out.consume(p.slice(at + 2, at + 2 + p.u16be(at)).toString(StandardCharsets.UTF_8));
        return at + 2 + p.u16be(at);
    }
}
