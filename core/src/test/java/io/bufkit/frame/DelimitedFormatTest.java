package io.bufkit.frame;

import static io.bufkit.frame.Framed.ascii;
import static io.bufkit.frame.Framed.decode;
import static io.bufkit.frame.Framed.decodeCut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delimited framing and lines, with the rules of Netty 4.1's {@code DelimiterBasedFrameDecoder} and {@code LineBasedFrameDecoder}. */
class DelimitedFormatTest {

    static List<String> texts(FrameFormat f, String stream, int i, int j) {
        List<String> out = new ArrayList<>();
        for (String hex : decodeCut(f, ascii(stream), i, j)) {
            out.add(ascii(Bytes.fromHex(hex)));
        }
        return out;
    }

    static void assertEveryCut(FrameFormat f, String stream, List<String> expected) {
        for (int i = 0; i <= stream.length(); i++) {
            for (int j = i; j <= stream.length(); j++) {
                assertEquals(expected, texts(f, stream, i, j), "cuts " + i + ", " + j);
            }
        }
    }

    @Test
    void linesEndAtLfOrCrlfAndAreStripped() {
        assertEveryCut(FrameFormat.lines().build(), "EHLO a\r\nb\n\r\nc\rd\n",
                List.of("EHLO a", "b", "", "c\rd"));
    }

    @Test
    void linesKeepTheirEndingWhenAsked() {
        assertEveryCut(FrameFormat.lines().stripDelimiter(false).build(), "a\r\nb\n",
                List.of("a\r\n", "b\n"));
    }

    @Test
    void shortestFrameWinsAmongDelimiters() {
        FrameFormat f = FrameFormat.delimited(Bytes.utf8("--"), Bytes.utf8("|")).build();
        assertEveryCut(f, "ab|cd--e-|", List.of("ab", "cd", "e-"));
    }

    @Test
    void atTheSamePositionTheDelimiterListedFirstWins() {
        FrameFormat crFirst = FrameFormat.delimited(Bytes.utf8("\r"), Bytes.utf8("\r\n")).build();
        assertEveryCut(crFirst, "ab\r\ncd\r", List.of("ab", "\ncd"));
        FrameFormat crlfFirst = FrameFormat.delimited(Bytes.utf8("\r\n"), Bytes.utf8("\r")).build();
        assertEveryCut(crlfFirst, "ab\r\ncd\rx\r\n", List.of("ab", "cd", "x"));
    }

    @Test
    void multiByteDelimiterSplitAcrossChunksIsFound() {
        FrameFormat f = FrameFormat.delimited(Bytes.utf8("<END>")).stripDelimiter(false).build();
        assertEveryCut(f, "x<EN<END>yy<END>", List.of("x<EN<END>", "yy<END>"));
    }

    @Test
    void frameOfExactlyTheMaximumIsAcceptedWhateverTheChunking() {
        FrameFormat f = FrameFormat.lines().maxFrameLength(3).build();
        assertEveryCut(f, "abc\r\nab\n", List.of("abc", "ab"));
    }

    @Test
    void frameOneLongerThanTheMaximumFailsAsSoonAsNoDelimiterCanEndIt() {
        FrameFormat f = FrameFormat.lines().maxFrameLength(3).build();
        FrameDecoder d = new FrameDecoder(f);
        d.feed(ascii("ok\nabc"), x -> { });
        d.feed(ascii("\r"), x -> { });   // "abc\r" may still end as "abc" + CRLF
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> d.feed(ascii("x"), x -> { }));
        assertEquals(3, e.frameOffset());
        assertEquals(-1, e.frameLength());
        assertTrue(e.getMessage().contains("stream offset 3"), e.getMessage());
        FrameDecoder whole = new FrameDecoder(f);
        assertThrows(FrameTooLongException.class, () -> whole.feed(ascii("abcd\n"), x -> { }));
        FrameDecoder direct = new FrameDecoder(f);
        assertThrows(FrameTooLongException.class, () -> direct.feed(ascii("abcd"), x -> { }));
    }

    @Test
    void delimiterSplitAtTheMaximumIsStillAccepted() {
        FrameFormat f = FrameFormat.delimited(Bytes.utf8("<END>")).maxFrameLength(2).build();
        assertEveryCut(f, "ab<END>", List.of("ab"));
        assertThrows(FrameTooLongException.class, () -> decode(f, ascii("ab<ENx"), 1));
        assertThrows(FrameTooLongException.class, () -> decode(f, ascii("abc<END>"), 100));
    }

    @Test
    void streamEndingWithoutADelimiterIsIncomplete() {
        FrameDecoder d = new FrameDecoder(FrameFormat.lines().build());
        d.feed(ascii("a\nbc"), x -> { });
        IncompleteFrameException e = assertThrows(IncompleteFrameException.class, d::finish);
        assertEquals(2, e.frameOffset());
        assertEquals(2, e.receivedBytes());
        assertEquals(false, e.lengthKnown());
    }

    @Test
    void emptyDelimiterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FrameFormat.delimited(Bytes.empty()));
        assertThrows(IllegalArgumentException.class, () -> FrameFormat.delimited());
    }

    @Test
    void partialLineGrowsWithTheBytesReceived() {
        FrameDecoder d = new FrameDecoder(FrameFormat.lines().build());
        for (int i = 0; i < 100; i++) {
            d.feed(ascii("0123456789"), x -> { });
        }
        assertEquals(1000, d.bufferedBytes());
        assertTrue(d.retainedBytes() <= 2000, "retained " + d.retainedBytes());
        List<Integer> lengths = new ArrayList<>();
        d.feed(ascii("\n"), x -> lengths.add(x.length()));
        assertEquals(List.of(1000), lengths);
    }
}
