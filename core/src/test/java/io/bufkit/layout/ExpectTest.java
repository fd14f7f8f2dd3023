package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.Bytes;
import org.junit.jupiter.api.Test;

class ExpectTest {

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
        }
    }

    @Test
    void expectMakesTheFieldJustDeclaredAConstant() {
        PacketLayout l = PacketLayout.builder("t").u16be("magic").expect(0xCAFE).u8("v").build();
        assertTrue(l.field("magic").isConstant());
        assertFalse(l.field("v").isConstant());
    }

    @Test
    void expectBeforeAnyFieldIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").expect(1));
        assertMentions(e.getMessage(), "applies to the field declared just before it");
    }

    @Test
    void expectAfterPaddingIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").u8("a").padding(1).expect(0));
        assertMentions(e.getMessage(), "padding");
    }

    @Test
    void expectAfterAtIsRejected() {
        assertThrows(IllegalStateException.class, () -> PacketLayout.builder("t").u8("a").at(4).expect(0));
    }

    @Test
    void expectTwiceOnOneFieldIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PacketLayout.builder("t").u8("a").expect(1).expect(2));
        assertMentions(e.getMessage(), "field 'a'", "already has an expected value");
    }

    @Test
    void anIntegerConstantOutsideTheFieldTypeIsRejectedWithTheRange() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").u16be("sig").expect(0x1CAFE)).getMessage(),
                "field 'sig' (u16be)", "117502", "0 to 65535");
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").u8("a").expect(256));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").i8("a").expect(-129));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").u32le("a").expect(-1));
        assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").i32be("a").expect(Integer.MAX_VALUE + 1L));
        assertThrows(IllegalArgumentException.class, () -> PacketLayout.builder("t").flags8("a").expect(0x100));
    }

    @Test
    void integerConstantsAtTheEdgesOfTheirTypesAreAccepted() {
        PacketLayout.builder("t").u8("a").expect(255).i8("b").expect(-128).u32be("c").expect(0xFFFF_FFFFL)
                .i64le("d").expect(Long.MIN_VALUE).flags32be("e").expect(0xFFFF_FFFFL).build();
    }

    @Test
    void aWholeNumberConstantForAFloatFieldMustBeExact() {
        PacketLayout.builder("t").f32be("a").expect(1 << 24).f64le("b").expect(1L << 53).build();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").f32be("a").expect((1 << 24) + 1)).getMessage(), "expect(double)");
    }

    @Test
    void aDoubleConstantOnAnIntegerFieldIsRejected() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").u16le("a").expect(1.5)).getMessage(), "field 'a'", "expect(long)");
    }

    @Test
    void aDoubleConstantAFloatCannotHoldIsRejected() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").f32le("a").expect(0.1)).getMessage(), "not exactly representable");
        PacketLayout.builder("t").f32le("a").expect(0.5).build();
    }

    @Test
    void aBytesConstantMustMatchTheFieldLength() {
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").bytes("m", 4).expect(Bytes.fromHex("01 02"))).getMessage(),
                "field 'm'", "2 byte(s) long", "is 4");
    }

    @Test
    void aBytesConstantOnlyAppliesToBytesFieldsAndViceVersa() {
        assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").u16be("a").expect(Bytes.fromHex("0102")));
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> PacketLayout.builder("t").bytes("m", 1).expect(1)).getMessage(), "expect(Bytes)");
    }

    @Test
    void handlesDescribeTheirConstant() {
        PacketLayout l = PacketLayout.builder("t").u16be("magic").expect(0xCAFE).build();
        assertEquals("t.magic: u16be at offset 0, expected 51966 (0xcafe)", l.field("magic").toString());
    }
}
