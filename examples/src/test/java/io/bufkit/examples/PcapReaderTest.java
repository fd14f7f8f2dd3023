package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.testkit.Gen;
import io.bufkit.testkit.Property;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pcap reader's lines against {@code TZ=UTC tcpdump -r file -nn} on real loopback captures. */
class PcapReaderTest {
    static final Path CAPTURES = Path.of("../core/src/test/resources/captures/pcap");

    static List<String> tcpdump(String name) throws IOException {
        return Files.readAllLines(CAPTURES.resolve(name), StandardCharsets.UTF_8);
    }

    static List<String> read(String name) throws IOException {
        return new PcapReader().lines(ByteView.wrap(Files.readAllBytes(CAPTURES.resolve(name))));
    }

    @Test
    void mainPrintsTcpdumpsLinesForTcpUdpAndIcmpOnLoopback() throws IOException {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            PcapReader.main(new String[] {CAPTURES.resolve("loopback-tcp-udp.pcap").toString()});
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = Arrays.asList(printed.toString(StandardCharsets.UTF_8).split("\n"));
        assertEquals(tcpdump("loopback-tcp-udp.tcpdump.txt"), lines);
    }

    /** Both byte orders and both timestamp resolutions of one capture give the same lines. */
    @Test
    void theMagicDecidesByteOrderAndResolution() throws IOException {
        List<String> little = read("loopback.pcap");
        assertEquals(16, little.size());
        assertEquals(little, read("loopback-be.pcap"));
        assertEquals(little, read("loopback-nsec.pcap"));
        assertEquals(little, read("loopback-nsec-be.pcap"));
    }

    /**
     * tcpdump decodes DNS on port 53 and the reader does not: a UDP line then says {@code UDP, length N}
     * where tcpdump ends with {@code (N)}, and a TCP line stops where tcpdump appends the DNS summary.
     */
    @Test
    void dnsLinesDifferOnlyInTheApplicationSummary() throws IOException {
        List<String> ours = read("loopback.pcap");
        List<String> theirs = tcpdump("loopback.tcpdump.txt");
        assertEquals(theirs.size(), ours.size());
        Pattern udp = Pattern.compile("(.*): UDP, length (\\d+)");
        int exact = 0;
        for (int i = 0; i < ours.size(); i++) {
            String line = ours.get(i);
            Matcher m = udp.matcher(line);
            if (line.equals(theirs.get(i))) {
                exact++;
            } else if (m.matches()) {
                assertTrue(theirs.get(i).startsWith(m.group(1) + ": ") && theirs.get(i).endsWith(" (" + m.group(2) + ")"),
                        line + " vs " + theirs.get(i));
            } else {
                assertTrue(theirs.get(i).startsWith(line + " "), line + " vs " + theirs.get(i));
            }
        }
        assertEquals(12, exact);
    }

    @Test
    void aRecordPastTheEndOrAnUnknownMagicIsALayoutException() throws IOException {
        byte[] file = Files.readAllBytes(CAPTURES.resolve("loopback-tcp-udp.pcap"));
        LayoutException cut = assertThrows(LayoutException.class,
                () -> new PcapReader().lines(ByteView.wrap(Arrays.copyOf(file, file.length - 1))));
        assertTrue(cut.getMessage().contains("records["), cut.getMessage());
        file[0] = 0x11;
        assertThrows(LayoutException.class, () -> new PcapReader().lines(ByteView.wrap(file)));
    }

    @Test
    void aMalformedPacketIsALineSayingWhereItBreaks() throws IOException {
        byte[] file = Files.readAllBytes(CAPTURES.resolve("loopback-tcp-udp.pcap"));
        int synOptions = 24 + 2 * (16 + 138) + 16 + 14 + 20 + 20;   // the SYN's first TCP option
        file[synOptions + 1] = 40;                                   // MSS claims 40 bytes
        String line = new PcapReader().lines(ByteView.wrap(file)).get(2);
        assertTrue(line.endsWith(" IP [|transport.options[0].value.data]"), line);
    }

    /** Any byte of any packet changed: one line per packet still, never an exception. */
    @Test
    void flippedPacketBytesNeverBreakTheListing() throws IOException {
        byte[] file = Files.readAllBytes(CAPTURES.resolve("loopback-tcp-udp.pcap"));
        List<Integer> packetBytes = new java.util.ArrayList<>();
        for (int at = 24; at < file.length; at += 16 + ByteView.wrap(file).i32le(at + 8)) {
            for (int i = at + 16; i < at + 16 + ByteView.wrap(file).i32le(at + 8); i++) {
                packetBytes.add(i);
            }
        }
        Property.forAll(Gen.zip(Gen.elements(packetBytes), Gen.ints(0, 255), (at, value) -> new int[] {at, value}))
                .check(change -> {
                    byte[] changed = file.clone();
                    changed[change[0]] = (byte) change[1];
                    assertEquals(12, new PcapReader().lines(ByteView.wrap(changed)).size());
                });
    }
}
