package io.bufkit.examples;

import io.bufkit.frame.FrameFormat;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.MessageLayouts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DNS messages from the testkit's message generators, with a generator of names registered for the
 * {@link DnsName} kind: the round trip, hostile input (compression-pointer loops included, found when
 * names are read) and DNS over TCP's two-byte length framing under any chunking.
 */
class DnsMessagePropertiesTest {
    /**
     * Names of 0 to 4 labels of 1 to 12 letters, digits and hyphens, or, as often, of a few labels that
     * share suffixes so that names compress; the root is "".
     */
    static final Gen<String> NAMES = Gen.frequency(1, Gen.listOf(Gen.bytes(1, 12).map(DnsMessagePropertiesTest::label), 0, 4),
            1, Gen.listOf(Gen.elements("www", "mail", "ns1", "bufkit", "test"), 0, 4))
            .map(labels -> String.join(".", labels));
    static final MessageLayouts DNS = MessageLayouts.of(DnsMessage.LAYOUT)
            .withKind(DnsName.KIND, NAMES).withKind(DnsName.UNCOMPRESSED, NAMES).maxElements(2);

    static String label(byte[] b) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(alphabet.charAt(Math.floorMod(x, alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void generatedMessagesRoundTrip() {
        DNS.checkRoundTrip();
    }

    @Test
    void generatedMessagesRoundTripThroughTheRecordCodec() {
        DNS.checkRecordRoundTrip(Dns.CODEC);
    }

    @Test
    void whatAPeerMightSendDecodesOrIsALayoutException() {
        DNS.checkArbitraryMessages();
    }

    @Test
    void dnsOverTcpSurvivesAnyChunking() {
        DNS.checkFramedChunks(FrameFormat.lengthField().lengthWidth(2).stripBytes(2).build());
    }

    @Test
    void namesAreValid() {
        io.bufkit.testkit.Property.forAll(NAMES).check(name -> DnsName.KIND.size(name));
        List.of("", "a", "a.b").forEach(DnsName.KIND::size);
    }
}
