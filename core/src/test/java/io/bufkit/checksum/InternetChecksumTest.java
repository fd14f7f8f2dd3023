package io.bufkit.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    private static ByteView bytes(int... values) {
        return ByteView.wrap(io.bufkit.TestBytes.of(values));
    }

    @Test
    void theNumericalExampleOfRfc1071() {
        // RFC 1071 §3: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2, so the checksum is 220d
        ByteView data = bytes(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);
        assertEquals(0xddf2, InternetChecksum.fold(InternetChecksum.add(0, data)));
        assertEquals(0x220d, InternetChecksum.compute(data));
    }

    @Test
    void everyLengthSumsLikeTheWordByWordDefinition() {
        byte[] b = new byte[41];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 91 + 7);
        }
        for (int n = 0; n <= b.length; n++) {
            long sum = 0;
            for (int i = 0; i < n; i += 2) {
                sum += ((b[i] & 0xFF) << 8) | (i + 1 < n ? b[i + 1] & 0xFF : 0);
            }
            ByteView v = ByteView.wrap(b, 0, n);
            assertEquals(InternetChecksum.fold(sum), InternetChecksum.fold(InternetChecksum.add(0, v)), "length " + n);
        }
    }

    @Test
    void dataHoldingItsChecksumVerifies() {
        // an IPv4 header (RFC 791 layout) whose checksum field, bytes 10-11, holds b861
        ByteView header = bytes(0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0xb8, 0x61,
                0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7);
        assertTrue(InternetChecksum.verify(header));
        byte[] zeroed = header.toByteArray();
        zeroed[10] = 0;
        zeroed[11] = 0;
        assertEquals(0xb861, InternetChecksum.compute(ByteView.wrap(zeroed)));
        assertFalse(InternetChecksum.verify(ByteView.wrap(zeroed)));
    }

    @Test
    void aPseudoHeaderIsSummedBeforeTheData() {
        ByteView pseudo = bytes(1, 2, 3, 4);
        ByteView data = bytes(5, 6, 7);
        assertEquals(InternetChecksum.compute(bytes(1, 2, 3, 4, 5, 6, 7)), InternetChecksum.compute(pseudo, data));
        assertThrows(IllegalArgumentException.class, () -> InternetChecksum.compute(bytes(1), data));
    }

    @Test
    void crc32AndCrc32cMatchTheirCheckValues() {
        // the check values of the CRC catalogue: CRC of the ASCII bytes "123456789"
        ByteView check = ByteView.wrap("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xCBF43926L, Crc.crc32(check));
        assertEquals(0xE3069283L, Crc.crc32c(check));
    }
}
