package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.LayoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The README's IPv4 example: the compiled record and layout, its decoding, and its describe() output. */
class Ipv4HeaderTest {

    /** A UDP datagram's IPv4 header, 192.168.0.1 to 192.168.0.199, whose checksum is b861. */
    private static final byte[] HEADER = HexFormat.of().parseHex("4500007300004000401" + "1b861c0a80001c0a800c7");

    @Test
    void decodesAndEncodesBackToTheSameBytes() {
        Ipv4Header h = Ipv4Header.CODEC.decode(ByteView.wrap(HEADER));
        assertEquals(new Ipv4Header(0, 0, 115, 0, true, false, 0, 64, 17, 0xC0A80001L, 0xC0A800C7L), h);
        MutableByteView out = MutableByteView.allocate(20);
        Ipv4Header.CODEC.encode(h, out);
        assertArrayEquals(HEADER, out.toByteArray());
    }

    @Test
    void aWrongChecksumIsRejected() {
        byte[] bad = HEADER.clone();
        bad[8] = 63;   // TTL 63 without updating the checksum
        LayoutException e = assertThrows(LayoutException.class, () -> Ipv4Header.CODEC.decode(ByteView.wrap(bad)));
        assertTrue(e.getMessage().contains("field 'headerChecksum' (internetChecksum at offset 10): checksum expected 0xb961 but was 0xb861"),
                e.getMessage());
    }

    @Test
    void readmeShowsTheCompiledExampleAndItsDescribeOutputVerbatim() throws IOException {
        String example = Files.readString(Path.of("src/main/java/io/bufkit/examples/Ipv4Header.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String code = example.substring(example.indexOf("import io.bufkit.*;"));
        assertTrue(readme.contains("```java\n" + code + "```"), "README.md must show Ipv4Header.java verbatim");
        String described = Ipv4Header.LAYOUT.describe(ByteView.wrap(HEADER));
        assertTrue(readme.contains("```\n" + described + "```"), "README.md must show describe() as it is:\n" + described);
    }
}
