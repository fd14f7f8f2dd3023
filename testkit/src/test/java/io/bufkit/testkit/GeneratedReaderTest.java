package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.layout.LayoutException;
import io.bufkit.layout.WireType;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.ReaderSource;
import java.lang.reflect.InvocationTargetException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Readers written by {@link ReaderSource} for {@link DecoderLayouts}' layouts, compiled and loaded at test
 * time: each reads every valid message as {@link MessageLayout#decode} does and rejects every malformed one
 * with the same exception ({@link MessageLayouts#checkGeneratedReader}); hand-written vectors pin the getters'
 * values; the checks can fail; what the generator cannot write is refused, naming the layout and the parts.
 */
class GeneratedReaderTest {
    private static final String LAYOUTS = "io.bufkit.testkit.DecoderLayouts.";

    /** Every layout of {@link DecoderLayouts} whose messages the testkit can draw and whose reader is written. */
    static Stream<String> layouts() {
        return Stream.of("PREFIXED", "LISTS", "CONDITIONAL", "UNSIZED", "SIZED", "CHECKED", "REMAINING", "FINGERPRINT",
                "COMPACT", "NULLABLE_PREFIXED", "NULLABLE_REPEAT", "MIXED", "CHECKSUM_OVER", "ENCLOSING", "PADDED",
                "CHECKSUM_FIRST", "FLOATING", "SEGMENT", "PSEUDO_CHECKED", "LATE");
    }

    private static MessageLayout layout(String field) {
        try {
            return (MessageLayout) DecoderLayouts.class.getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(field, e);
        }
    }

    private static Function<ByteView, Object> reader(String field) {
        return GeneratedSources.compileReader(layout(field), LAYOUTS + field, DecoderLayouts.class);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void readsAsTheLayoutDecodesAndRejectsWhatItRejects(String field) {
        MessageLayouts.of(layout(field)).checkGeneratedReader(reader(field));
    }

    @Test
    void gettersGiveTheFieldsCountsElementsAndBytesOfAVector() {
        Function<ByteView, Object> read = reader("LISTS");
        // magic B5, version 1, 2 items, 4 tag bytes, stamp 0xFFFFFFFE, serial 2; items (7, "hi"), (8, "");
        // tags "a", "b"
        Object m = read.apply(wire("B5 01 02 04 FFFFFFFE 0000000000000002 0007 02 6869 0008 00 01 61 01 62"));
        assertEquals(0xB5, get(m, "headMagic"));
        assertEquals(1, get(m, "headVersion"));
        assertEquals(0xFFFF_FFFEL, get(m, "headStamp"));
        assertEquals(2L, get(m, "headSerial"));
        assertEquals(2, get(m, "itemsCount"));
        Object first = get(m, "items", 0);
        assertEquals(7, get(first, "id"));
        assertEquals("hi", text(get(first, "label")));
        assertEquals(16, get(first, "start"));   // after the 16-byte head
        assertEquals(21, get(first, "end"));
        Object second = get(m, "items", 1);
        assertSame(first, second, "an element is reused: asking for the next moves it");
        assertEquals(8, get(second, "id"));
        assertEquals("", text(get(second, "label")));
        assertEquals(2, get(m, "tagsCount"));
        assertEquals("b", text(get(get(m, "tags", 1), "text")));
        assertEquals(0, get(m, "start"));
        assertEquals(28, get(m, "end"));
        InvocationTargetException past = assertThrows(InvocationTargetException.class,
                () -> m.getClass().getMethod("items", int.class).invoke(m, 2));
        assertTrue(past.getCause() instanceof IndexOutOfBoundsException, past.getCause().toString());

        Object again = read.apply(wire("B5 03 00 00 00000000 0000000000000000"));
        assertSame(m, again, "the top level is reused from one read to the next");
        assertEquals(3, get(again, "headVersion"));
        assertEquals(0, get(again, "itemsCount"));
    }

    @Test
    void absentPartsAreNullAndChoicesGiveOnlyTheChosenAlternative() {
        Function<ByteView, Object> read = reader("NULLABLE_PREFIXED");
        Object m = read.apply(wire("07 FFFF"));   // id 7, NULL
        assertEquals(7, get(m, "id"));
        assertNull(get(m, "name"));
        assertEquals("ok", text(get(read.apply(wire("07 0002 6F6B")), "name")));
        Function<ByteView, Object> mixed = reader("MIXED");
        String pair = "01 09 01 CC 7A 33";   // flag, TLV (9, CC), rest "z", check 33
        // kind 2 (the pair), no TLVs, no numbers, a body of 6 bytes, no padding units: a pad of -1 is refused,
        // so one unit (1 byte)
        Object p = mixed.apply(wire("02 00 00 07 01 " + pair + " AA"));
        assertNull(get(p, "bodyEcho"));
        Object body = get(p, "bodyPair");
        assertEquals(1, get(body, "flag"));
        assertEquals(true, get(body, "hasFirst"));
        assertEquals("7a", HexFormat.of().formatHex(((ByteView) get(body, "rest")).toByteArray()));
        assertEquals(0x33, get(body, "crcC"));
    }

    @Test
    void aMalformedMessageIsRejectedWithTheLayoutsException() {
        Function<ByteView, Object> read = reader("LISTS");
        LayoutException byReader = assertThrows(LayoutException.class, () -> read.apply(wire("B6 01 00 00 "
                + "00000000 0000000000000000")));
        LayoutException byLayout = assertThrows(LayoutException.class, () -> DecoderLayouts.LISTS.decode(wire("B6 01 "
                + "00 00 00000000 0000000000000000")));
        assertEquals(byLayout.getMessage(), byReader.getMessage());
        assertTrue(byReader.getMessage().contains("magic"), byReader.getMessage());
    }

    @Test
    void theChecksCatchAReaderThatTakesWhatTheLayoutRejects() {
        Function<ByteView, Object> read = reader("PREFIXED");
        Function<ByteView, Object> lax = view -> {
            try {
                return read.apply(view);
            } catch (LayoutException e) {
                return null;
            }
        };
        assertThrows(PropertyFailure.class, () -> MessageLayouts.of(DecoderLayouts.PREFIXED).checkGeneratedReader(lax));
    }

    @Test
    void aReaderGeneratedForALayoutThatDiffersInOneFieldsWidthIsRefused() {
        // generated from FINGERPRINT, reading its layout from FINGERPRINT_WIDER
        String source = ReaderSource.generate(DecoderLayouts.FINGERPRINT, LAYOUTS + "FINGERPRINT_WIDER",
                "io.bufkit.testkit.generated.StaleReader");
        Class<?> type = GeneratedSources.load("StaleReader", source, DecoderLayouts.class);
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> type.getConstructor().newInstance());
        assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
        assertTrue(e.getCause().getMessage().contains("generate it again"), e.getCause().getMessage());
        assertEquals(ReaderSource.fingerprint(DecoderLayouts.FINGERPRINT),
                ReaderSource.fingerprint(MessageLayout.builder("fp").field("n", WireType.U8).prefixed("s", 1).build()));
    }

    @Test
    void namesThatCollideAsGettersAreRefusedNamingBoth() {
        MessageLayout clash = MessageLayout.builder("clash").section("ip", io.bufkit.layout.PacketLayout.builder("ip")
                .u8("version").build()).prefixed("ipVersion", 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReaderSource.generate(clash, "X.CLASH", "p.ClashReader"));
        assertTrue(e.getMessage().contains("ipVersion and ip.version"), e.getMessage());
        MessageLayout reserved = MessageLayout.builder("reserved").prefixed("end", 1).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> ReaderSource.generate(reserved, "X.RESERVED", "p.ReservedReader"));
        assertTrue(e.getMessage().contains("reserved: end would be read by end()"), e.getMessage());
        MessageLayout keyword = MessageLayout.builder("keyword").prefixed("class", 1).build();
        assertThrows(IllegalArgumentException.class, () -> ReaderSource.generate(keyword, "X.K", "p.KeywordReader"));
    }

    @Test
    void aPseudoHeaderChecksumInALaterSectionIsRefusedNamingTheLayoutAndThePart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReaderSource.generate(DecoderLayouts.PSEUDO_LATE, LAYOUTS + "PSEUDO_LATE", "p.LateReader"));
        assertTrue(e.getMessage().startsWith("pseudo-late: part "), e.getMessage());
    }

    @Test
    void getterNamesJoinTheWords() {
        assertEquals("ipFragmentOffset", ReaderSource.getterName("ip", "fragmentOffset"));
        assertEquals("hasWillTopic", ReaderSource.getterName("has", "will-topic"));
        assertEquals("rdataMx", ReaderSource.getterName("rdata", "mx"));
    }

    private static ByteView wire(String hex) {
        return ByteView.wrap(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static String text(Object view) {
        return ((ByteView) view).toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Object get(Object target, String getter, Object... args) {
        try {
            for (var m : target.getClass().getMethods()) {
                if (m.getName().equals(getter) && m.getParameterCount() == args.length) {
                    return m.invoke(target, args);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(getter, e);
        }
        throw new AssertionError(target.getClass().getName() + " has no " + getter);
    }
}
