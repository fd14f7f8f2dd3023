package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.testsupport.PrintedText;
import org.junit.jupiter.api.Test;

/** The demo's sensor and legacy sections print the decoded records and the layouts' annotated dumps. */
class DemoLayoutSectionsTest {

    @Test
    void sensorSectionPrintsTheDecodedValuesAndTheDescription() {
        String text = PrintedText.of(Demo::sensor);
        assertTrue(text.contains("sensorId=420 timestamp=1672531200000 sensorType=1 statusFlags=5"), text);
        assertTrue(text.contains("pressure=100.19999694824219"), text);
        assertTrue(text.contains(SensorPacket.LAYOUT.describe(Bytes.fromHex(
                "00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8 66 66").view())), text);
        assertTrue(text.contains("23 bytes rejected"), text);
    }

    @Test
    void legacySectionPrintsTheDecodedValuesAndTheDescription() {
        String text = PrintedText.of(Demo::legacy);
        assertTrue(text.contains("signature=0xCAFE deviceId=57005 voltage=5.0 status=1 checksum=181 uptime=86400"), text);
        assertTrue(text.contains(LegacyPacket.LAYOUT.describe(
                Bytes.fromHex("ca fe ad de 00 00 40 a0 00 00 01 b5 80 51 01 00").view())), text);
        assertTrue(text.contains("wrong signature rejected"), text);
    }
}
