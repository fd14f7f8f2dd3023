package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.message.MessageCodec;
import java.util.Optional;

/**
 * MQTT 3.1.1 CONNECT and PUBLISH packets as records, with {@link MessageCodec}s derived from
 * {@link MqttPacket#CONNECT} and {@link MqttPacket#PUBLISH}. Prefix lengths and the remaining length are
 * computed when encoding. The records keep the remaining length to read (where the next packet of a
 * stream starts); when encoding, the value given is not used, and {@code null} will do.
 */
public final class Mqtt {
    private Mqtt() {
    }

    /** Decodes CONNECT packets into {@link Connect} records and encodes them back. */
    public static final MessageCodec<Connect> CONNECT = MessageCodec.of(MqttPacket.CONNECT, Connect.class);
    /** Decodes PUBLISH packets into {@link Publish} records and encodes them back. */
    public static final MessageCodec<Publish> PUBLISH = MessageCodec.of(MqttPacket.PUBLISH, Publish.class);

    /**
     * The fixed header's first byte.
     *
     * @param type the control packet type: 1 CONNECT, 3 PUBLISH
     * @param dup the duplicate-delivery flag
     * @param qos the quality of service
     * @param retain the retain flag
     */
    public record Fixed(int type, int dup, int qos, int retain) {
    }

    /**
     * A CONNECT packet.
     *
     * @param fixed the fixed header
     * @param remaining the remaining length as decoded; computed when encoding, so {@code null} will do
     * @param protocol the protocol name, {@code MQTT}
     * @param flags the level, connect flags and keep-alive
     * @param clientId the client identifier
     * @param will the will topic and message when the will flag is set
     * @param username the user name when its flag is set
     * @param password the password when its flag is set
     */
    public record Connect(Fixed fixed, Integer remaining, String protocol, Flags flags, String clientId,
            Optional<Will> will, Optional<String> username, Optional<String> password) {
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
     * A PUBLISH packet.
     *
     * @param fixed the fixed header (with DUP, QoS and RETAIN)
     * @param remaining the remaining length as decoded; computed when encoding, so {@code null} will do
     * @param topic the topic name
     * @param packetId the packet identifier (1-65535) when QoS is above 0
     * @param payload the application message, owned
     */
    public record Publish(Fixed fixed, Integer remaining, String topic, Optional<Integer> packetId, Bytes payload) {
    }
}
