package io.bufkit.examples;

import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.Size;

/**
 * MQTT 3.1.1 CONNECT (§3.1) and PUBLISH (§3.3) control packets declared as message layouts: the fixed
 * header's type and flags, the remaining length (a varint of up to 4 bytes) that counts every byte after
 * it, then the packet's parts; will, user name and password are present when CONNECT's flags say so, the
 * packet id when QoS is above 0. Decoding ends each packet where its remaining length says (PUBLISH's
 * payload runs up to there); encoding computes the remaining length.
 *
 * <p>Decode one packet from the start of a stream: {@code HEAD.decodePrefix(stream)} tells the packet's
 * type, then {@code CONNECT.decodePrefix(stream)} or {@code PUBLISH.decodePrefix(stream)} decodes it, and its
 * {@code end()} is where the next packet starts.
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
            .section("fixed", FIXED).varint("remaining", 4).remainingLength(Size.of("remaining"))
            .prefixed("protocol", 2).section("flags", CONNECT_FLAGS).prefixed("clientId", 2)
            .when("will", "flags.willFlag", flag -> flag != 0, WILL)
            .when("username", "flags.username", flag -> flag != 0, TEXT)
            .when("password", "flags.password", flag -> flag != 0, TEXT)
            .build();
    static final MessageLayout PACKET_ID = MessageLayout.builder("packet-id").field("id", WireType.U16BE).build();
    /** PUBLISH: topic, a packet id when QoS is 1 or 2, then the payload up to the end of the packet. */
    public static final MessageLayout PUBLISH = MessageLayout.builder("PUBLISH")
            .section("fixed", FIXED).varint("remaining", 4).remainingLength(Size.of("remaining")).prefixed("topic", 2)
            .when("packetId", "fixed.qos", qos -> qos > 0, PACKET_ID).rest("payload").build();
}
