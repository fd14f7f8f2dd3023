package io.bufkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import io.bufkit.testsupport.PrintedText;
import org.junit.jupiter.api.Test;

class TlvStreamExampleTest {

    @Test
    void chunksAreTheReferenceCutsOfTheReferenceStream() {
        StringBuilder hex = new StringBuilder();
        for (Bytes c : TlvStreamExample.CHUNKS) {
            hex.append(c.toHex());
        }
        assertEquals("01000568656c6c6f" + "020008676f6f6462796521", hex.toString());
        assertEquals(4, TlvStreamExample.CHUNKS.get(0).length());
        assertEquals(10, TlvStreamExample.CHUNKS.get(1).length());
        assertEquals(5, TlvStreamExample.CHUNKS.get(2).length());
    }

    @Test
    void printsBothFramesInOrderAndTheTruncation() {
        PrintedText.Printed<Integer> printed = PrintedText.withResult(TlvStreamExample::run);
        int frames = printed.result();
        String out = printed.text();
        assertEquals(2, frames);
        int hello = out.indexOf("frame type=1 length=5 value=\"hello\"");
        int goodbye = out.indexOf("frame type=2 length=8 value=\"goodbye!\"");
        assertTrue(hello > 0 && goodbye > hello, out);
        assertTrue(out.contains("missing 4 byte(s) of its value"), out);
    }
}
