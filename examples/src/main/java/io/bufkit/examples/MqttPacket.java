package io.bufkit.examples;

import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.Size;
import java.util.Map;

/**
 * MQTT 3.1.1 control packets declared as one message layout, {@link #PACKET}: the fixed header's type and
 * flags (§2.2), the remaining length (§2.2.3, a varint of up to 4 bytes) that counts every byte after it,
 * then a body of that many bytes chosen by the packet type: CONNECT (§3.1) and PUBLISH (§3.3) decoded into
 * their parts, every other type (CONNACK, PUBACK, SUBSCRIBE, SUBACK, DISCONNECT, ...) kept as raw bytes.
 * CONNECT's will, user name and password are present when its flags say so; PUBLISH's packet id when the
 * fixed header's QoS is above 0. Encoding computes the remaining length and the length prefixes.
 *
 * <p>Decode the packets of a stream one after another: {@code PACKET.decodePrefix(stream)} decodes the
 * packet at the start, and its {@code end()} is where the next packet starts.
 */
public final class MqttPacket {
    private MqttPacket() {
    }

    static final PacketLayout FIXED = PacketLayout.builder("mqtt-fixed")
            .bits("type", 4).bit("dup").bits("qos", 2).bit("retain").build();
    static final PacketLayout CONNECT_FLAGS = PacketLayout.builder("connect-flags")
            .u8("level").bit("username").bit("password").bit("willRetain").bits("willQos", 2).bit("willFlag")
            .bit("cleanSession").bit("reserved").u16be("keepAlive").build();
    static final MessageLayout WILL = MessageLayout.builder("will").prefixed("topic", 2).prefixed("message", 2).build();
    static final MessageLayout TEXT = MessageLayout.builder("text").prefixed("value", 2).build();
    /**
     * CONNECT's body (§3.1.2, §3.1.3): protocol name and level, connect flags (§3.1.2.3), keep-alive, client
     * id, then the will topic and message, user name and password as the flags say.
     */
    public static final MessageLayout CONNECT = MessageLayout.builder("CONNECT")
            .prefixed("protocol", 2).section("flags", CONNECT_FLAGS).prefixed("clientId", 2)
            .when("will", "flags.willFlag", flag -> flag != 0, WILL)
            .when("username", "flags.username", flag -> flag != 0, TEXT)
            .when("password", "flags.password", flag -> flag != 0, TEXT)
            .build();
    static final MessageLayout PACKET_ID = MessageLayout.builder("packet-id").field("id", WireType.U16BE).build();
    /**
     * PUBLISH's body (§3.3.2, §3.3.3): topic name, a packet id when the enclosing packet's fixed header says
     * QoS 1 or 2, then the payload up to the end of the packet. It reads the enclosing level, so it is decoded
     * and encoded within {@link #PACKET}, not on its own.
     */
    public static final MessageLayout PUBLISH = MessageLayout.builder("PUBLISH").prefixed("topic", 2)
            .when("packetId", "../fixed.qos", qos -> qos > 0, PACKET_ID).rest("payload").build();
    /**
     * Any control packet: fixed header, remaining length, then a body of that many bytes, {@link #CONNECT}
     * (type 1), {@link #PUBLISH} (type 3) or, for every other type, the raw bytes.
     */
    public static final MessageLayout PACKET = MessageLayout.builder("mqtt").section("fixed", FIXED)
            .varint("remaining", 4).choice("body", "fixed.type", Size.of("remaining"), Map.of(1, CONNECT, 3, PUBLISH))
            .build();
}
