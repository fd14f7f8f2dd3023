package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.layout.LayoutException;
import io.bufkit.message.DecoderSource;
import io.bufkit.message.GeneratedDecoder;
import io.bufkit.message.MessageCodec;
import io.bufkit.message.MessageLayout;
import io.bufkit.testkit.DecoderLayouts.Check;
import io.bufkit.testkit.DecoderLayouts.Checked;
import io.bufkit.testkit.DecoderLayouts.CompactText;
import io.bufkit.testkit.DecoderLayouts.Covered;
import io.bufkit.testkit.DecoderLayouts.Echo;
import io.bufkit.testkit.DecoderLayouts.Enclosing;
import io.bufkit.testkit.DecoderLayouts.Entry;
import io.bufkit.testkit.DecoderLayouts.EchoHead;
import io.bufkit.testkit.DecoderLayouts.Conditional;
import io.bufkit.testkit.DecoderLayouts.Extra;
import io.bufkit.testkit.DecoderLayouts.FrameHead;
import io.bufkit.testkit.DecoderLayouts.Fp;
import io.bufkit.testkit.DecoderLayouts.Head;
import io.bufkit.testkit.DecoderLayouts.Item;
import io.bufkit.testkit.DecoderLayouts.Kind;
import io.bufkit.testkit.DecoderLayouts.Lists;
import io.bufkit.testkit.DecoderLayouts.Mixed;
import io.bufkit.testkit.DecoderLayouts.MixedHead;
import io.bufkit.testkit.DecoderLayouts.MixedRaw;
import io.bufkit.testkit.DecoderLayouts.Note;
import io.bufkit.testkit.DecoderLayouts.NullableList;
import io.bufkit.testkit.DecoderLayouts.NullableText;
import io.bufkit.testkit.DecoderLayouts.Pair;
import io.bufkit.testkit.DecoderLayouts.Ping;
import io.bufkit.testkit.DecoderLayouts.Prefixed;
import io.bufkit.testkit.DecoderLayouts.Raw;
import io.bufkit.testkit.DecoderLayouts.Remaining;
import io.bufkit.testkit.DecoderLayouts.Sized;
import io.bufkit.testkit.DecoderLayouts.Summed;
import io.bufkit.testkit.DecoderLayouts.Trailer;
import io.bufkit.testkit.DecoderLayouts.Unsized;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Decoders {@link DecoderSource} generates for layouts of every part kind it writes, compiled and loaded at
 * test time: each decodes as its codec does, on generated and on arbitrary messages (tries from
 * {@code bufkit.tries}) and on hand-written ones with exact records; codecs it does not write are refused.
 */
class GeneratedDecoderTest {
    private static final String LAYOUTS = "io.bufkit.testkit.DecoderLayouts.";

    /** A codec of one of {@link DecoderLayouts}' layouts, with the decoder generated, compiled and loaded for it. */
    private record Compiled<R extends Record>(MessageCodec<R> own, GeneratedDecoder<R> decoder,
            MessageCodec<R> generated) {
        static <R extends Record> Compiled<R> of(MessageLayout layout, String field, Class<R> type) {
            MessageCodec<R> own = MessageCodec.of(layout, type);
            GeneratedDecoder<R> decoder = GeneratedSources.compile(own, LAYOUTS + field, DecoderLayouts.class, type);
            return new Compiled<>(own, decoder, own.withDecoder(decoder));
        }

        /**
         * {@link #of}, having checked the differential property of {@link MessageLayouts#checkGeneratedDecoder}
         * over generated and arbitrary messages.
         */
        static <R extends Record> Compiled<R> checked(MessageLayout layout, String field, Class<R> type) {
            Compiled<R> c = of(layout, field, type);
            MessageLayouts.of(layout).checkGeneratedDecoder(c.own, c.decoder);
            return c;
        }

        /** The record the generated code makes, asserting it takes the message and both codecs agree. */
        R decodes(String hex) {
            ByteView message = ByteView.wrap(Bytes.fromHex(hex).toByteArray());
            R got = decoder.decode(message);
            assertNotNull(got, "the generated decoder gave up on " + hex);
            R expected = own.decode(message);
            assertTrue(MessageLayouts.sameValues(expected, got), "generated " + got + ", codec " + expected);
            R through = generated.decode(message);
            assertTrue(MessageLayouts.sameValues(got, through), "generated " + got + ", through the codec " + through);
            return got;
        }

        /** Asserts that the generated code gives up and the codec rejects, with or without it, alike. */
        LayoutException rejects(String hex) {
            byte[] bytes = Bytes.fromHex(hex).toByteArray();
            assertNull(decoder.decode(ByteView.wrap(bytes)), "the generated decoder took " + hex);
            LayoutException e = assertThrows(LayoutException.class, () -> own.decode(ByteView.wrap(bytes)));
            LayoutException again = assertThrows(LayoutException.class,
                    () -> generated.decode(ByteView.wrap(bytes)));
            assertEquals(e.getMessage(), again.getMessage());
            return e;
        }
    }

    @Test
    void prefixedPartsOfEveryWidthAsStringBytesAndArray() {
        Compiled<Prefixed> c = Compiled.checked(DecoderLayouts.PREFIXED, "PREFIXED", Prefixed.class);
        // name "hi" (prefix 2), tag "x" (prefix counts itself: 2), data 01 02 03 (5), blob empty (4)
        Prefixed p = c.decodes("02 6869 02 78 0005 010203 00000004");
        assertEquals("hi", p.name());
        assertEquals(Bytes.utf8("x"), p.tag());
        assertArrayEquals(new byte[] {1, 2, 3}, p.data());
        assertEquals(Bytes.empty(), p.blob());
        assertTrue(c.rejects("00 00 0002 00000004").getMessage().contains("tag"),
                "a prefix below what it counts besides the data");
        c.rejects("00 01 0002 00000005");    // the blob's prefix reaches past the end
        c.rejects("00 01 0002 00000004 00"); // a byte after the message
    }

    @Test
    void countedAndSizedRepeatsAfterACheckedSection() {
        Compiled<Lists> c = Compiled.checked(DecoderLayouts.LISTS, "LISTS", Lists.class);
        String head = "B5 07 02 05 FFFFFFFE 8000000000000001";
        String items = "0001 01 61 0100 00";
        String tags = "02 6F6B 01 7A";
        Lists l = c.decodes(head + items + tags);
        assertEquals(new Lists(new Head(7, 0xFFFF_FFFEL, Long.MIN_VALUE + 1),
                List.of(new Item(1, "a"), new Item(256, "")), List.of("ok", "z")), l);
        c.rejects("B4" + head.substring(2) + items + tags);     // the magic constant
        c.rejects(head + items + "02 6F6B 02 7A");          // a tag past the sized end
        c.rejects(head + "0001 01 61");                      // one item of two
        Lists empty = c.decodes("B5 00 00 00 00000000 0000000000000000");
        assertEquals(List.of(), empty.items());
        assertEquals(List.of(), empty.tags());
    }

    @Test
    void conditionalBodiesAsOptionalAsNullableAndLeftOut() {
        Compiled<Conditional> c = Compiled.checked(DecoderLayouts.CONDITIONAL, "CONDITIONAL", Conditional.class);
        // bits 5: extra (code 7, note "n") and the hidden body (code 9, empty note), then tail DE AD
        Conditional both = c.decodes("05 0007 01 6E 0009 00 DEAD");
        assertEquals(5, both.bits());
        assertEquals(Optional.of(new Extra(7, Bytes.utf8("n"))), both.extra());
        assertNull(both.more());
        assertArrayEquals(new byte[] {(byte) 0xDE, (byte) 0xAD}, both.tail());
        Conditional more = c.decodes("02 0100 00");
        assertEquals(Optional.empty(), more.extra());
        assertEquals(new Extra(256, Bytes.empty()), more.more());
        assertArrayEquals(new byte[0], more.tail());
        Conditional none = c.decodes("00 0102");
        assertEquals(Optional.empty(), none.extra());
        assertNull(none.more());
        assertArrayEquals(new byte[] {1, 2}, none.tail());
        c.rejects("04 0009 05 6E");   // the hidden body's note runs past the end
    }

    @Test
    void anUnsizedChoiceTakesItsAlternativesAndLeavesAnUnknownKeyToTheCodec() {
        Compiled<Unsized> c = Compiled.checked(DecoderLayouts.UNSIZED, "UNSIZED", Unsized.class);
        assertEquals(new Unsized(new Kind(1), new Ping(42L)), c.decodes("01 0000002A"));
        assertEquals(new Unsized(new Kind(2), new Note("hi")), c.decodes("02 6869"));
        assertEquals(new Unsized(new Kind(1), new Ping(0xFFFF_FFFFL)), c.decodes("01FFFFFFFF"));
        c.rejects("01 000000");       // a ping short of its field
        c.rejects("01 0000002A00");   // a byte after the ping
        byte[] unknown = Bytes.fromHex("036869").toByteArray();
        assertNull(c.decoder().decode(ByteView.wrap(unknown)));
        Object own = outcome(() -> c.own().decode(ByteView.wrap(unknown)));
        assertEquals(own, outcome(() -> c.generated().decode(ByteView.wrap(unknown))));
    }

    @Test
    void aSizedChoiceMakesTheRawRecordOfAnUnknownKey() {
        Compiled<Sized> c = Compiled.checked(DecoderLayouts.SIZED, "SIZED", Sized.class);
        assertEquals(new Sized(new FrameHead(1), new Ping(42L)), c.decodes("01 0004 0000002A 0A"));
        assertEquals(new Sized(new FrameHead(2), new Note("")), c.decodes("02 0000 0A"));
        byte[] unknown = Bytes.fromHex("090002ABCD0A").toByteArray();
        Sized raw = new Sized(new FrameHead(9), new Raw(Bytes.fromHex("ABCD")));
        assertEquals(raw, c.decoder().decode(ByteView.wrap(unknown)), "the generated code makes the raw record");
        assertEquals(raw, c.generated().decode(ByteView.wrap(unknown)));
        assertEquals(raw, c.own().decode(ByteView.wrap(unknown)));
        c.rejects("01 0005 0000002AFF 0A");   // a ping that does not fill its size
        c.rejects("01 0004 0000002A 0B");     // the end mark's constant
        c.rejects("01 0009 0000002A 0A");     // a size past the end
    }

    @Test
    void aTotalLengthAChecksumCoveredLaterAndARestBeforeATrailer() {
        Compiled<Checked> c = Compiled.checked(DecoderLayouts.CHECKED, "CHECKED", Checked.class);
        // magic 45, 2 option bytes, total 12, checksum ~(4502 + 000C + 0102) = B9EF over header and options
        Checked k = c.decodes("45 02 000C B9EF 0102 6F6B 0007");
        assertEquals(new Summed(0xB9EF), k.h());
        assertArrayEquals(new byte[] {1, 2}, k.options());
        assertEquals("ok", k.payload());
        assertEquals(new Trailer(7), k.trailer());
        Checked bare = c.decodes("45 00 0008 BAF7 0000");   // ~(4500 + 0008)
        assertEquals("", bare.payload());
        assertTrue(c.rejects("45 02 000C B9EE 0102 6F6B 0007").getMessage().contains("sum"),
                "a wrong checksum names the field");
        c.rejects("46 02 000C B8EF 0102 6F6B 0007");       // the magic, checksum right
        c.rejects("45 02 000D B9EE 0102 6F6B 0007");       // a total past the end
        c.rejects("45 02 0007 B9F4 0102");                 // a total below the header
    }

    @Test
    void aRemainingLengthInAPlainField() {
        Compiled<Remaining> c = Compiled.checked(DecoderLayouts.REMAINING, "REMAINING", Remaining.class);
        assertEquals(new Remaining(Bytes.utf8("xy"), Bytes.utf8("zw")), c.decodes("05 02 7879 7A77"));
        assertEquals(new Remaining(Bytes.empty(), Bytes.empty()), c.decodes("0100"));
        c.rejects("06 02 7879 7A77");   // a length past the end
        c.rejects("01 02 7879");        // a prefix past the length
    }

    @Test
    void levelsWithinLevelsWithOnePartElementsAndASharedAlternative() {
        Compiled<Mixed> c = Compiled.checked(DecoderLayouts.MIXED, "MIXED", Mixed.class);
        // kind 2 (pair), 2 TLVs, 2 numbers, a choice of 7 - 1 = 6 bytes, a pad of 3 * 2 - 1 = 5 bytes
        String h = "02 02 02 07 03";
        String tlvs = "07 02 AABB 08 00";
        String nums = "0001 FFFF";
        String pair = "01 09 01 CC 7A 33";   // flag, TLV (9, CC), rest "z", check 33
        String pad = "0102030405";
        Mixed m = c.decodes(h + tlvs + nums + pair + pad);
        assertEquals(new MixedHead(2), m.h());
        assertEquals(2, m.tlvs().size());
        assertEquals(7, m.tlvs().get(0).t());
        assertArrayEquals(new byte[] {(byte) 0xAA, (byte) 0xBB}, m.tlvs().get(0).v());
        assertArrayEquals(new byte[0], m.tlvs().get(1).v());
        assertEquals(List.of(1, 0xFFFF), m.nums());
        Pair p = (Pair) m.body();
        assertEquals(1, p.flag());
        assertArrayEquals(new byte[] {(byte) 0xCC}, p.first().orElseThrow().v());
        assertEquals("z", p.rest());
        assertEquals(new Check(0x33), p.crc());
        assertEquals(Bytes.fromHex(pad), m.pad());
        // kind 3, the alternative of kind 1: one TLV (5, empty), number 2, an echo of type 8, code 0, checksum
        // ~(0800 + 6869) = 8F96 and data "hi", then 2 * 2 - 1 = 3 bytes of pad
        String one = "03 01 01 07 02 0500 0002";
        Mixed echo = c.decodes(one + "0800 8F96 6869 0A0B0C");
        assertEquals(new Echo(new EchoHead(8, 0, 0x8F96L), Bytes.utf8("hi")), echo.body());
        assertEquals(List.of(2), echo.nums());
        c.rejects(one + "0800 8F97 6869 0A0B0C");                // the echo's checksum
        c.rejects("03 01 01 07 00 0500 0002 0800 8F96 6869");    // a pad of 2 * 0 - 1 bytes
        c.rejects("03 01 01 07 02 05FF 0002 0800 8F96 6869 0A0B0C");   // a TLV past the end
        c.rejects("03 01 01 08 02 0500 0002 0800 8F96 6869 0A0B0C");   // a size one too many
        byte[] unknown = Bytes.fromHex("09 01 01 07 02 0500 0002 AABBCCDDEEFF 0A0B0C")
                .toByteArray();
        Mixed raw = c.decodes("09 01 01 07 02 0500 0002 AABBCCDDEEFF 0A0B0C");
        assertArrayEquals(Bytes.fromHex("AABBCCDDEEFF").toByteArray(), ((MixedRaw) raw.body()).bytes());
        assertTrue(MessageLayouts.sameValues(c.own().decode(ByteView.wrap(unknown)), raw));
    }

    /** A decoder that takes every message, giving {@code fallback} for those the generated one gives up on. */
    private static <R extends Record> GeneratedDecoder<R> takingAll(GeneratedDecoder<R> decoder, R fallback) {
        return new GeneratedDecoder<>() {
            @Override
            public String fingerprint() {
                return decoder.fingerprint();
            }

            @Override
            public R decode(ByteView message) {
                R r = decoder.decode(message);
                return r == null ? fallback : r;
            }
        };
    }

    @Test
    void theChecksCatchADecoderThatTakesWhatTheCodecRejects() {
        Compiled<Prefixed> prefixed = Compiled.of(DecoderLayouts.PREFIXED, "PREFIXED", Prefixed.class);
        GeneratedDecoder<Prefixed> lax = takingAll(prefixed.decoder(),
                new Prefixed("", Bytes.empty(), new byte[0], Bytes.empty()));
        Throwable e = assertThrows(PropertyFailure.class,
                () -> MessageLayouts.of(DecoderLayouts.PREFIXED).checkGeneratedDecoder(prefixed.own(), lax));
        assertTrue(e.getMessage().contains("for a message the codec rejects"), e.getMessage());
    }

    @Test
    void aGeneratedConstantThatNothingReadsFailsTheSourceCheck() {
        GeneratedSources.everyConstantIsRead("Fine", "class Fine {\n    private static final int F1 =\n            1;\n"
                + "    int f() {\n        return F1;\n    }\n}\n");
        AssertionError e = assertThrows(AssertionError.class, () -> GeneratedSources.everyConstantIsRead("Unread",
                "class Unread {\n    private static final int F1 =\n            1;\n    private static final int F12 =\n"
                        + "            2;\n    int f() {\n        return F12;\n    }\n}\n"));
        assertTrue(e.getMessage().contains("Unread declares F1 but never reads it"), e.getMessage());
    }

    @Test
    void generatedSourceThatDoesNotCompileFailsWithTheCompilersDiagnostics() {
        MessageCodec<Prefixed> codec = MessageCodec.of(DecoderLayouts.PREFIXED, Prefixed.class);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GeneratedSources.compile(codec, LAYOUTS + "NO_SUCH_LAYOUT", DecoderLayouts.class));
        assertTrue(e.getMessage().contains("the generated source does not compile"), e.getMessage());
        assertTrue(e.getMessage().contains(".java:") && e.getMessage().contains("NO_SUCH_LAYOUT"), e.getMessage());
    }

    @Test
    void compactAndNullableBytesAndANullableRepeat() {
        Compiled<CompactText> compact = Compiled.checked(DecoderLayouts.COMPACT, "COMPACT", CompactText.class);
        assertEquals(new CompactText(Bytes.utf8("hi")), compact.decodes("03 6869"));
        assertEquals(new CompactText(Bytes.empty()), compact.decodes("01"));
        compact.rejects("00");        // NULL, which a compact part does not take
        compact.rejects("0A 68");     // past the end
        compact.rejects("FFFFFFFFFF 00");   // a varint of more than 5 bytes
        Compiled<NullableText> nullable = Compiled.checked(DecoderLayouts.NULLABLE_PREFIXED, "NULLABLE_PREFIXED",
                NullableText.class);
        assertEquals(new NullableText(7, Optional.empty()), nullable.decodes("07 FFFF"));
        assertEquals(new NullableText(7, Optional.of(Bytes.utf8("hi"))), nullable.decodes("07 0002 6869"));
        assertEquals(new NullableText(7, Optional.of(Bytes.empty())), nullable.decodes("07 0000"));
        nullable.rejects("07 FFFE");   // a negative length other than NULL's
        Compiled<NullableList> list = Compiled.checked(DecoderLayouts.NULLABLE_REPEAT, "NULLABLE_REPEAT",
                NullableList.class);
        assertNull(list.decodes("FFFFFFFF").tags());
        assertEquals(List.of(), list.decodes("00000000").tags());
        assertEquals(List.of("a", ""), list.decodes("00000002 0161 00").tags());
        list.rejects("FFFFFFFE");
        list.rejects("00000003 0161 00");
    }

    @Test
    void aChecksumOverPartsBeforeItAndAConditionOnTheEnclosingLevel() {
        Compiled<Covered> covered = Compiled.checked(DecoderLayouts.CHECKSUM_OVER, "CHECKSUM_OVER", Covered.class);
        // CRC-32 over the prefix and the data: 02 68 69 gives 658F352F
        assertEquals(new Covered(Bytes.utf8("hi")), covered.decodes("02 6869 658F352F"));
        assertTrue(covered.rejects("02 6869 658F3520").getMessage().contains("crc.value"));
        Compiled<Covered> first = Compiled.checked(DecoderLayouts.CHECKSUM_FIRST, "CHECKSUM_FIRST", Covered.class);
        assertEquals(new Covered(Bytes.utf8("hi")), first.decodes("658F352F 02 6869"));
        first.rejects("658F352F 02 6868");
        Compiled<Enclosing> enclosing = Compiled.checked(DecoderLayouts.ENCLOSING, "ENCLOSING", Enclosing.class);
        assertEquals(new Enclosing(1, List.of(new Entry(5, Optional.empty()))), enclosing.decodes("01 01 05"));
        assertEquals(new Enclosing(2, List.of(new Entry(5, Optional.of(7)), new Entry(6, Optional.of(0x8000)))),
                enclosing.decodes("02 02 05 0007 06 8000"));
        enclosing.rejects("02 02 05 0007 06");
        enclosing.rejects("01 01 05 0007");
    }

    @Test
    void valuesAreNotDrawnForAConditionOnADerivedCountAndTheFailureSaysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Property.forAll(MessageLayouts.of(DecoderLayouts.ENCLOSING_COUNT).messages())
                        .check(wire -> DecoderLayouts.ENCLOSING_COUNT.decode(ByteView.wrap(wire))));
        assertTrue(e.getMessage().contains("entry: part b is present when ../wide says so, but that field is derived"),
                e.getMessage());
    }

    @Test
    void partsItDoesNotWriteAreRefusedNamingTheLayoutAndThePart() {
        refused(MessageCodec.of(DecoderLayouts.PSEUDO_LATE, DecoderLayouts.PseudoLate.class), "PSEUDO_LATE",
                "pseudo-late: part ", "a pseudo-header checksum in a section after the level's first part");
    }

    @Test
    void aPseudoHeaderChecksumCheckedWhenDecoding() {
        Compiled<DecoderLayouts.PseudoChecked> c = Compiled.checked(DecoderLayouts.PSEUDO_CHECKED, "PSEUDO_CHECKED",
                DecoderLayouts.PseudoChecked.class);
        for (int protocol : new int[] {6, 17}) {
            byte[] wire = c.own.encode(new DecoderLayouts.PseudoChecked(
                    new DecoderLayouts.Addresses(protocol, 0x7f000001, 0x0a000002),
                    new DecoderLayouts.Segment(new DecoderLayouts.U(0), Bytes.fromHex("cafe01"))));
            String hex = java.util.HexFormat.of().formatHex(wire);
            assertEquals(Bytes.fromHex("cafe01"), c.decodes(hex).transport().data());
            wire[wire.length - 1] ^= 1;
            c.rejects(java.util.HexFormat.of().formatHex(wire));
        }
        // UDP over IPv4 (17): a stored 0 means no checksum was computed; TCP (6): 0 is a wrong checksum
        assertEquals(Bytes.fromHex("cafe01"), c.decodes("11 7f000001 0a000002 0000 cafe01").transport().data());
        c.rejects("06 7f000001 0a000002 0000 cafe01");
    }

    @Test
    void aRestBeforeBytesSizedByAnEarlierField() {
        Compiled<DecoderLayouts.Padded> c = Compiled.checked(DecoderLayouts.PADDED, "PADDED",
                DecoderLayouts.Padded.class);
        DecoderLayouts.Padded p = c.decodes("02 aabbcc 0000");
        assertEquals(Bytes.fromHex("aabbcc"), p.data());
        assertEquals(Bytes.fromHex("0000"), p.padding());
        assertEquals(Bytes.fromHex(""), c.decodes("00").data());
        c.rejects("03 aabb");   // padding longer than what follows the pad length
    }

    @Test
    void sectionFieldsOfEveryTypeAFloatADoubleFlagsTextAndBytes() {
        Compiled<DecoderLayouts.Floating> c = Compiled.checked(DecoderLayouts.FLOATING, "FLOATING",
                DecoderLayouts.Floating.class);
        DecoderLayouts.F f = c.decodes("3fc00000 4059000000000000 02 6f6b0000 beef").f();
        assertEquals(1.5f, f.ratio());
        assertEquals(100.0, f.scale());
        assertEquals(2, f.state());
        assertEquals("ok", f.name());
        assertArrayEquals(new byte[] {(byte) 0xbe, (byte) 0xef}, f.tag());
        c.rejects("3fc00000 4059000000000000 02 6f6b0000 be");
    }

    /** The prefixed layout's record, not public: a generated class elsewhere could not make it. */
    record Hidden(String name, Bytes tag, byte[] data, Bytes blob) {
    }

    @Test
    void aRecordTypeThatIsNotPublicIsRefusedNamingIt() {
        MessageCodec<Hidden> codec = MessageCodec.of(DecoderLayouts.PREFIXED, Hidden.class, MethodHandles.lookup());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecoderSource.generate(codec, LAYOUTS + "PREFIXED", "x.HiddenDecoder"));
        assertTrue(e.getMessage().startsWith(Hidden.class.getName() + " is not a public type"), e.getMessage());
    }

    @Test
    void aDecoderGeneratedForALayoutThatDiffersInOneFieldsWidthIsRefused() {
        Compiled<Fp> narrow = Compiled.of(DecoderLayouts.FINGERPRINT, "FINGERPRINT", Fp.class);
        assertEquals(new Fp(3, Bytes.utf8("a")), narrow.decodes("030161"));
        MessageCodec<Fp> wider = MessageCodec.of(DecoderLayouts.FINGERPRINT_WIDER, Fp.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wider.withDecoder(narrow.decoder()));
        assertTrue(e.getMessage().contains("was generated from another layout or record type than " + wider),
                e.getMessage());
        assertTrue(e.getMessage().contains("generate it again"), e.getMessage());
        MessageCodec<Fp> same = MessageCodec.of(DecoderLayouts.FINGERPRINT, Fp.class);
        assertEquals(new Fp(3, Bytes.utf8("a")), same.withDecoder(narrow.decoder()).decode(ByteView.wrap(
                new byte[] {3, 1, 'a'})));
    }

    /**
     * Asserts that generating a decoder for {@code codec} fails, naming the layout and the part ({@code names},
     * how the message starts) and saying what is refused ({@code says}).
     */
    private static void refused(MessageCodec<?> codec, String field, String names, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecoderSource.generate(codec, LAYOUTS + field, "x.RefusedDecoder"));
        assertTrue(e.getMessage().startsWith(names), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertTrue(e.getMessage().endsWith("is not generated yet; decode it with the codec itself"), e.getMessage());
    }

    /** What decoding gives: the record, or the message of the exception rejecting the input. */
    private static Object outcome(Supplier<Record> decode) {
        try {
            return decode.get();
        } catch (LayoutException e) {
            return "rejected: " + e.getMessage();
        }
    }
}
