package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.checksum.InternetChecksum;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.PseudoHeader;
import io.bufkit.message.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A transport checksum over a pseudo-header is filled where the segment is written even when a derived
 * varint before the IP header takes more bytes than the encoder first guessed (1): the size pass places the
 * parts after it one byte short, the write pass does not.
 */
class PseudoHeaderAfterVarintTest {
    static final MessageLayout FRAMED = MessageLayout.builder("framed").varint("n", 2).bytes("pad", Size.of("n"))
            .section("ip", Ipv4Packet.IP)
            .choice("transport", "ip.protocol", Map.of(6, Ipv4Packet.TCP_SEGMENT))
            .pseudoHeaderChecksum("transport", PseudoHeader.ipv4("ip.src", "ip.dst", "ip.protocol")
                    .checkedWhenDecoding())
            .build();

    @Test
    void theChecksumIsFilledInPlaceAfterAVarintWiderThanGuessed() {
        Map<String, Object> ip = new HashMap<>(Map.of("version", 4, "ihl", 5, "tos", 0, "totalLength", 43, "id", 1,
                "flags", 0, "fragmentOffset", 0, "ttl", 64, "protocol", 6));
        ip.put("src", 0x7f000001);
        ip.put("dst", 0x7f000002);
        Map<String, Object> tcp = new HashMap<>(Map.of("srcPort", 1, "dstPort", 2, "seq", 3, "ack", 4,
                "dataOffset", 5, "reserved", 0, "flags", 2, "window", 100, "urgent", 0));
        Map<String, Object> values = Map.of("pad", new byte[200], "ip", ip, "transport",
                Map.of("tcp", tcp, "options", List.of(), "payload", new byte[] {1, 2, 3}));
        byte[] encoded = FRAMED.encode(values);
        int ipAt = 2 + 200;   // the varint takes 2 bytes for 200
        assertEquals(ipAt + 20 + 20 + 3, encoded.length);
        ByteView segment = ByteView.wrap(encoded).slice(ipAt + 20, encoded.length);
        assertEquals(100, segment.u16be(14));   // the window, next to the checksum, untouched
        byte[] pseudo = new byte[12];           // RFC 9293 §3.1: source, destination, zero, protocol, TCP length
        System.arraycopy(encoded, ipAt + 12, pseudo, 0, 8);
        pseudo[9] = 6;
        pseudo[11] = (byte) segment.length();
        assertTrue(InternetChecksum.verify(ByteView.wrap(pseudo), segment));
        Message m = FRAMED.decode(ByteView.wrap(encoded));
        assertEquals(3, m.sub("transport").bytes("payload").length());
    }
}
