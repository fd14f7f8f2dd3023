package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.message.MessageCodec;
import java.util.Optional;

/**
 * MQTT 3.1.1 control packets of every type as records, with one {@link MessageCodec} derived from
 * {@link MqttPacket#PACKET}. The remaining length and the length prefixes are computed when encoding, so the
 * records leave them out; a packet decoded from a stream ends where {@link MqttPacket#PACKET}'s
 * {@code decodePrefix} says.
 */
public final class Mqtt {
    private Mqtt() {
    }

    /**
     * Decodes packets of any type into {@link Packet} records and encodes them back; decodes through the
     * generated {@link MqttDecoder}.
     */
    public static final MessageCodec<Packet> CODEC = MessageCodec.of(MqttPacket.PACKET, Packet.class)
            .withDecoder(new MqttDecoder());

    /**
     * A control packet.
     *
     * @param fixed the fixed header
     * @param body the packet's body: {@link Connect}, {@link Publish} or, for any other type, {@link Other}
     */
    public record Packet(Fixed fixed, Body body) {
    }

    /**
     * The fixed header's first byte.
     *
     * @param type the control packet type: 1 CONNECT, 2 CONNACK, 3 PUBLISH, 4 PUBACK, ... 14 DISCONNECT
     * @param dup the duplicate-delivery flag (PUBLISH)
     * @param qos the quality of service (PUBLISH); a packet id follows the topic when it is above 0
     * @param retain the retain flag (PUBLISH)
     */
    public record Fixed(int type, int dup, int qos, int retain) {
    }

    /** A packet's body, after the remaining length: one record per decoded packet type, the rest as bytes. */
    public sealed interface Body permits Connect, Publish, Other {
    }

    /**
     * A CONNECT packet's body.
     *
     * @param protocol the protocol name, {@code MQTT}
     * @param flags the level, connect flags and keep-alive
     * @param clientId the client identifier
     * @param will the will topic and message when the will flag is set
     * @param username the user name when its flag is set
     * @param password the password when its flag is set
     */
    public record Connect(String protocol, Flags flags, String clientId, Optional<Will> will,
            Optional<String> username, Optional<String> password) implements Body {
    }

    /**
     * CONNECT's level, flags and keep-alive.
     *
     * @param level the protocol level, 4 for 3.1.1
     * @param username whether a user name follows
     * @param password whether a password follows
     * @param willRetain whether the will is retained
     * @param willQos the will's quality of service
     * @param willFlag whether a will follows
     * @param cleanSession whether the session starts clean
     * @param reserved 0
     * @param keepAlive seconds
     */
    public record Flags(int level, int username, int password, int willRetain, int willQos, int willFlag,
            int cleanSession, int reserved, int keepAlive) {
    }

    /**
     * A will.
     *
     * @param topic the will topic
     * @param message the will message, owned
     */
    public record Will(String topic, Bytes message) {
    }

    /**
     * A PUBLISH packet's body.
     *
     * @param topic the topic name
     * @param packetId the packet identifier (1-65535), present exactly when the fixed header's QoS is above 0
     * @param payload the application message, owned
     */
    public record Publish(String topic, Optional<Integer> packetId, Bytes payload) implements Body {
    }

    /**
     * The body of a packet of any other type (CONNACK, PUBACK, SUBSCRIBE, SUBACK, DISCONNECT, ...), undecoded.
     *
     * @param data the body's bytes, owned; empty for a packet with none (DISCONNECT, PINGREQ)
     */
    public record Other(Bytes data) implements Body {
    }
}
