package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.testsupport.PrintedText;
import org.junit.jupiter.api.Test;

class SensorServiceTest {

    @Test
    void defaultsAre100000FramesOn4ConnectionsInWritesOfUpTo512Bytes() {
        SensorService.Options o = SensorService.Options.parse();
        assertEquals(100_000, o.frames());
        assertEquals(4, o.connections());
        assertEquals(512, o.maxWriteSize());
    }

    @Test
    void optionsAreReadInAnyOrder() {
        assertEquals(new SensorService.Options(20_000, 8, 16, 3), SensorService.Options.parse(
                "--connections", "8", "--seed", "0x10", "--frames", "20_000", "--max-write", "3"));
    }

    @Test
    void unknownOptionIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensorService.Options.parse("--frames", "10", "--threads", "2"));
        assertEquals("unknown option \"--threads\"", e.getMessage());
    }

    @Test
    void optionWithoutAValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensorService.Options.parse("--frames"));
        assertEquals("option --frames needs a value", e.getMessage());
    }

    @Test
    void valueThatIsNotANumberIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensorService.Options.parse("--connections", "four"));
        assertEquals("option --connections needs a whole number, not \"four\"", e.getMessage());
    }

    @Test
    void valuesOutOfRangeAreRejectedWithTheRange() {
        assertEquals("option --connections is 65, but must be 1 to 64", assertThrows(IllegalArgumentException.class,
                () -> SensorService.Options.parse("--connections", "65")).getMessage());
        assertEquals("option --frames is 0, but must be 1 to 1000000000", assertThrows(IllegalArgumentException.class,
                () -> SensorService.Options.parse("--frames", "0")).getMessage());
        assertEquals("option --max-write is 0, but must be 1 to 65536", assertThrows(IllegalArgumentException.class,
                () -> SensorService.Options.parse("--max-write", "0")).getMessage());
    }

    @Test
    void runPrintsThroughputPoolStatisticsAndAFinalUsedOfZero() {
        SensorService.Report[] report = {null};
        String text = PrintedText.of(out -> report[0] = SensorService.run(out, new SensorService.Options(3_000, 3, 7, 64)));
        assertTrue(report[0].succeeded(), text);
        assertTrue(text.contains("acknowledged 3000 of 3000 frame(s) on 3 connection(s) in "), text);
        assertTrue(text.matches("(?s).*throughput: \\d+ frames/s, \\d+ bytes/s \\(\\d+\\.\\d\\d MB/s; \\d+ bytes sent\\).*"), text);
        assertTrue(text.contains("equal to what the client sent: yes"), text);
        assertTrue(text.matches("(?s).*pool 'sensor-service': 5 direct buffers of 16384 bytes; peak used \\d+, "
                + "acquired \\d+, overflow 0, leaks 0.*"), text);
        assertTrue(text.endsWith("final used()=0" + System.lineSeparator() + System.lineSeparator()), text);
    }

    @Test
    void runReportsTheCountsItPrints() {
        SensorService.Report report = PrintedText.withResult(
                out -> SensorService.run(out, new SensorService.Options(1_000, 2, 11, 1))).result();
        assertEquals(1_000, report.client().acksReceived());
        assertEquals(1_000, report.server().frames());
        assertEquals(report.client().bytesSent(), report.server().bytesReceived());
        assertEquals(0, report.usedAfter());
        assertEquals(0, report.pool().outstanding());
    }

    @Test
    void demoRuns20000FramesOn4Connections() {
        String text = PrintedText.of(SensorService::demo);
        assertTrue(text.contains("acknowledged 20000 of 20000 frame(s) on 4 connection(s)"), text);
        assertTrue(text.contains("final used()=0"), text);
    }
}
