package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bufkit.Bytes;
import io.bufkit.examples.LegacyPacket;
import io.bufkit.examples.SensorPacket;
import io.bufkit.tlv.TlvFrame;
import io.bufkit.tlv.TlvReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sensor service's protocol on a Netty server, over loopback TCP. */
class NettySensorServerTest {

    @Test
    void framesWrittenInRandomPiecesAreAggregatedAndAcknowledgedInOrder() throws Exception {
        SplittableRandom random = new SplittableRandom(16);
        List<Object> messages = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            messages.add(random.nextBoolean() ? Frames.sensor(random.nextInt(20)) : Frames.legacy(random.nextInt(20)));
        }
        byte[] stream = Frames.concat(messages.stream().map(Frames::frame).toArray(Bytes[]::new)).toByteArray();
        SensorAggregates expected = new SensorAggregates();
        messages.forEach(m -> Frames.expect(expected, m));

        try (NettySensorServer server = NettySensorServer.start(0);
                Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (int p = 0; p < stream.length; ) {
                int n = Math.min(stream.length - p, 1 + random.nextInt(100));
                out.write(stream, p, n);
                out.flush();
                p += n;
            }
            InputStream in = socket.getInputStream();
            TlvReader acks = TlvReader.of(in, SensorProtocol.FORMAT);
            for (int i = 0; i < messages.size(); i++) {
                TlvFrame frame = acks.read();
                Ack ack = SensorProtocol.ACKS.decode(frame.type(), frame.value().view(), Ack.class);
                int type = messages.get(i) instanceof SensorPacket ? SensorProtocol.SENSOR : SensorProtocol.LEGACY;
                assertEquals(Ack.of(type, i + 1), ack);
            }
            assertEquals(expected.snapshot(), server.aggregates().snapshot());
            assertEquals(500, server.frames());
            assertEquals(0, server.protocolErrors());
        }
    }

    @Test
    void aFrameOfTheWrongLengthClosesTheConnectionAfterTheFramesBeforeIt() throws Exception {
        LegacyPacket valid = Frames.legacy(7);
        try (NettySensorServer server = NettySensorServer.start(0);
                Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.getOutputStream().write(Frames.concat(Frames.frame(valid), Frames.sensorFrameOfLength(3)).toByteArray());
            TlvReader acks = TlvReader.of(socket.getInputStream(), SensorProtocol.FORMAT);
            TlvFrame first = acks.read();
            assertEquals(Ack.of(SensorProtocol.LEGACY, 1),
                    SensorProtocol.ACKS.decode(first.type(), first.value().view(), Ack.class));
            assertFalse(acks.hasNext(), "the server closed the connection");
            assertEquals(1, server.frames());
            assertEquals(1, server.protocolErrors());
        }
    }
}
