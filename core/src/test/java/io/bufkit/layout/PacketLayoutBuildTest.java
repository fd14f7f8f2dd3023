package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketLayoutBuildTest {

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
        }
    }

    @Test
    void fieldsFollowEachOtherFromOffsetZero() {
        PacketLayout l = PacketLayout.builder("t").u8("a").u16be("b").i64le("c").f32le("d").bytes("e", 3).build();
        assertEquals(List.of(0, 1, 3, 11, 15), l.fields().stream().map(LayoutField::offset).toList());
        assertEquals(18, l.size());
    }

    @Test
    void sizeIsTheEndOfTheLastDeclarationIncludingPadding() {
        PacketLayout l = PacketLayout.builder("t").u8("a").padding(3).build();
        assertEquals(4, l.size());
        assertEquals(1, l.fields().size());
    }

    @Test
    void atPlacesFieldsAtExplicitOffsetsInAnyOrder() {
        PacketLayout l = PacketLayout.builder("t").at(4).u32be("late").at(0).u16le("early").padding(2).build();
        assertEquals(List.of("early", "late"), l.fields().stream().map(LayoutField::name).toList());
        assertEquals(4, l.longField("late").offset());
        assertEquals(8, l.size());
    }

    @Test
    void declaredSizeMatchingTheFieldsIsAccepted() {
        PacketLayout l = PacketLayout.builder("t").u32be("a").size(4).build();
        assertEquals(4, l.size());
    }

    @Test
    void overlappingFieldsAreRejectedNamingBothFieldsAndTheirBytes() {
        var b = PacketLayout.builder("t").u32be("a").at(2).u16be("b");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "layout 't'", "field 'a' (u32be) at bytes [0, 4)",
                "field 'b' (u16be) at bytes [2, 4)", "overlap at bytes [2, 4)");
    }

    @Test
    void aFieldOverlappingPaddingIsRejected() {
        var b = PacketLayout.builder("t").u8("a").padding(4).at(3).u8("b");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "padding at bytes [1, 5)", "field 'b' (u8) at bytes [3, 4)", "overlap");
    }

    @Test
    void aFieldInsideALongerEarlierFieldIsRejected() {
        var b = PacketLayout.builder("t").bytes("blob", 16).u8("tail").at(4).u8("inner");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "field 'blob' (bytes) at bytes [0, 16)", "field 'inner' (u8) at bytes [4, 5)");
    }

    @Test
    void aGapBetweenFieldsIsRejectedWithThePaddingThatWouldFillIt() {
        var b = PacketLayout.builder("t").u32be("a").at(6).u16be("b");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "bytes [4, 6) between field 'a' (u32be) at bytes [0, 4)",
                "field 'b' (u16be) at bytes [6, 8)", "padding(2)");
    }

    @Test
    void aGapBeforeTheFirstFieldIsRejected() {
        var b = PacketLayout.builder("t").at(2).u16be("b");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "bytes [0, 2) before field 'b'", "padding(2)");
    }

    @Test
    void bytesUpToTheDeclaredSizeThatBelongToNoFieldAreRejected() {
        var b = PacketLayout.builder("t").u16be("a").size(6);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "bytes [2, 6) after field 'a'", "padding(4)");
    }

    @Test
    void aFieldPastTheDeclaredSizeIsRejected() {
        var b = PacketLayout.builder("t").u16be("a").u32le("b").size(4);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "field 'b' (u32le) at bytes [2, 6) ends past the declared size of 4 bytes");
    }

    @Test
    void duplicateNamesAreRejectedNamingBothDeclarations() {
        var b = PacketLayout.builder("t").u8("x").u16le("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "duplicate field name 'x'", "field 'x' (u8) at bytes [0, 1)",
                "field 'x' (u16le) at bytes [1, 3)");
    }

    @Test
    void aLayoutWithoutFieldsIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").padding(4).build());
        assertMentions(e.getMessage(), "no fields");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var b = PacketLayout.builder("t").u8("x").u8("x").at(5).u8("y");
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertMentions(e.getMessage(), "duplicate field name 'x'", "bytes [2, 5)");
    }

    @Test
    void blankNamesAreRejectedAtDeclaration() {
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder(" "));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").u8(""));
        assertThrows(NullPointerException.class, () -> PacketLayout.builder("t").u8(null));
    }

    @Test
    void nonPositiveLengthsAndNegativeOffsetsAreRejectedAtDeclaration() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").bytes("b", 0)).getMessage(), "field 'b'", "positive length");
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").padding(0));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").at(-1));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").size(0));
    }

    @Test
    void aFieldEndingPastTheLargestPossibleOffsetIsRejected() {
        var b = PacketLayout.builder("t").at(Integer.MAX_VALUE - 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.u32be("big"));
        assertMentions(e.getMessage(), "field 'big'", "past the largest possible packet");
    }

    @Test
    void flagsRejectMoreBitNamesThanBits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").flags8("f", "0", "1", "2", "3", "4", "5", "6", "7", "8"));
        assertMentions(e.getMessage(), "field 'f'", "9 bit names", "flags8 has 8 bits");
    }

    @Test
    void flagsRejectRepeatedAndBlankBitNames() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").flags16be("f", "a", "b", "a")).getMessage(), "bits 0 and 2", "'a'");
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").flags8("f", "a", " "));
    }

    @Test
    void theBuilderCanBuildAgainAfterMoreDeclarations() {
        var b = PacketLayout.builder("t").u8("a");
        PacketLayout first = b.build();
        PacketLayout second = b.u8("b").build();
        assertEquals(1, first.size());
        assertEquals(2, second.size());
    }

    @Test
    void toStringShowsConstants() {
        PacketLayout l = PacketLayout.builder("t").u16be("sig").expect(0xCAFE).u8("v").build();
        assertEquals("PacketLayout[t, 3 bytes: sig u16be @0 = 51966 (0xcafe), v u8 @2]", l.toString());
    }

    @Test
    void toStringListsFieldsWithTypesAndOffsets() {
        PacketLayout l = PacketLayout.builder("t").u8("a").padding(1).bytes("b", 2).build();
        assertEquals("PacketLayout[t, 4 bytes: a u8 @0, padding[1] @1, b bytes[2] @2]", l.toString());
    }
}
