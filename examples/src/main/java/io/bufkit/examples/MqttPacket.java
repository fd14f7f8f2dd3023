package io.bufkit.examples;

import io.bufkit.layout.PacketLayout;
import io.bufkit.message.MessageLayout;

/**
 * MQTT 3.1.1 CONNECT (§3.1) and PUBLISH (§3.3) control packets declared as message layouts: the fixed
 * header's type and flags, the remaining length (a varint of up to 4 bytes), then the packet's parts;
 * will, user name and password are present when CONNECT's flags say so, the packet id when QoS is above 0.
 *
 * <p>Decode one packet sliced to its length: {@code HEAD.decodePrefix(stream)} tells the length
 * ({@code end()} plus {@code remaining}), then {@code CONNECT.decode(packet)} or {@code PUBLISH.decode(packet)}.
 */
public final class MqttPacket {
    private MqttPacket() {
    }

    static final PacketLayout FIXED = PacketLayout.builder("mqtt-fixed")
            .bits("type", 4).bit("dup").bits("qos", 2).bit("retain").build();
    /** The fixed header and remaining length that start every packet. */
    public static final MessageLayout HEAD = MessageLayout.builder("mqtt-head")
            .section("fixed", FIXED).varint("remaining", 4).build();
    static final PacketLayout CONNECT_FLAGS = PacketLayout.builder("connect-flags")
            .u8("level").bit("username").bit("password").bit("willRetain").bits("willQos", 2).bit("willFlag")
            .bit("cleanSession").bit("reserved").u16be("keepAlive").build();
    static final MessageLayout WILL = MessageLayout.builder("will").prefixed("topic", 2).prefixed("message", 2).build();
    static final MessageLayout TEXT = MessageLayout.builder("text").prefixed("value", 2).build();
    /** CONNECT: protocol name and level, flags, keep-alive, client id, then the parts the flags name. */
    public static final MessageLayout CONNECT = MessageLayout.builder("CONNECT")
            .section("fixed", FIXED).varint("remaining", 4)
            .prefixed("protocol", 2).section("flags", CONNECT_FLAGS).prefixed("clientId", 2)
            .when("will", "flags.willFlag", flag -> flag != 0, WILL)
            .when("username", "flags.username", flag -> flag != 0, TEXT)
            .when("password", "flags.password", flag -> flag != 0, TEXT)
            .build();
    static final MessageLayout PACKET_ID = MessageLayout.builder("packet-id")
            .section("id", PacketLayout.builder("id").u16be("value").build()).build();
    /** PUBLISH: topic, a packet id when QoS is 1 or 2, then the payload. */
    public static final MessageLayout PUBLISH = MessageLayout.builder("PUBLISH")
            .section("fixed", FIXED).varint("remaining", 4).prefixed("topic", 2)
            .when("packetId", "fixed.qos", qos -> qos > 0, PACKET_ID).rest("payload").build();
}
