package io.bufkit.tlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TlvFormatTest {

    @Test
    void standardIsTypeU8LengthU16BigEndianUpTo65535() {
        TlvFormat f = TlvFormat.STANDARD;
        assertEquals(1, f.typeWidth());
        assertEquals(2, f.lengthWidth());
        assertEquals(3, f.headerSize());
        assertEquals(ByteOrder.BIG_ENDIAN, f.byteOrder());
        assertEquals(65535, f.maxValueLength());
        assertEquals(255, f.maxType());
        assertEquals("TlvFormat[type u8, length u16be, max 65535]", f.toString());
    }

    @Test
    void defaultMaxValueLengthFollowsTheLengthWidth() {
        assertEquals(255, TlvFormat.builder().lengthWidth(1).build().maxValueLength());
        assertEquals(65535, TlvFormat.builder().lengthWidth(2).build().maxValueLength());
        assertEquals(TlvFormat.DEFAULT_MAX_VALUE_LENGTH_U32, TlvFormat.builder().lengthWidth(4).build().maxValueLength());
    }

    @Test
    void maxTypeFollowsTheTypeWidth() {
        assertEquals(65535, TlvFormat.builder().typeWidth(2).build().maxType());
        assertEquals(0xFFFF_FFFFL, TlvFormat.builder().typeWidth(4).build().maxType());
    }

    @Test
    void widthsOtherThanOneTwoOrFourAreRejected() {
        for (int w : new int[] {0, 3, 5, 8, -1}) {
            assertThrows(IllegalArgumentException.class, () -> TlvFormat.builder().typeWidth(w));
            assertThrows(IllegalArgumentException.class, () -> TlvFormat.builder().lengthWidth(w));
        }
    }

    @Test
    void maxValueLengthBeyondTheLengthFieldIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlvFormat.builder().lengthWidth(1).maxValueLength(256).build());
        assertTrue(e.getMessage().contains("256") && e.getMessage().contains("255"), e.getMessage());
    }

    @Test
    void maxValueLengthOutsideTheArrayRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TlvFormat.builder().maxValueLength(-1));
        assertThrows(IllegalArgumentException.class, () -> TlvFormat.builder().maxValueLength(Integer.MAX_VALUE));
        assertEquals(TlvFormat.LARGEST_VALUE_LENGTH,
                TlvFormat.builder().lengthWidth(4).maxValueLength(TlvFormat.LARGEST_VALUE_LENGTH).build().maxValueLength());
    }

    @Test
    void typeZeroIsNeverValid() {
        for (int w : new int[] {1, 2, 4}) {
            assertFalse(TlvFormat.builder().typeWidth(w).build().isValidType(0));
        }
    }

    @Test
    void typesAreCheckedAgainstTheTypeField() {
        assertTrue(TlvFormat.STANDARD.isValidType(255));
        assertFalse(TlvFormat.STANDARD.isValidType(256));
        assertFalse(TlvFormat.STANDARD.isValidType(-1));
        TlvFormat wide = TlvFormat.builder().typeWidth(4).build();
        assertTrue(wide.isValidType(-1));
        assertTrue(wide.isValidType(Integer.MIN_VALUE));
    }

    @Test
    void frameSizeAddsTheHeaderAndChecksTheLength() {
        assertEquals(3 + 5, TlvFormat.STANDARD.frameSize(5));
        assertThrows(IllegalArgumentException.class, () -> TlvFormat.STANDARD.frameSize(65536));
        assertThrows(IllegalArgumentException.class, () -> TlvFormat.STANDARD.frameSize(-1));
    }

    @Test
    void formatsCompareByValue() {
        TlvFormat a = TlvFormat.builder().typeWidth(2).byteOrder(ByteOrder.LITTLE_ENDIAN).build();
        TlvFormat b = TlvFormat.builder().typeWidth(2).byteOrder(ByteOrder.LITTLE_ENDIAN).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, TlvFormat.STANDARD);
        assertEquals(TlvFormat.STANDARD, TlvFormat.builder().build());
        assertEquals("TlvFormat[type u16le, length u16le, max 65535]", a.toString());
    }

    @Test
    void toBuilderDerivesAVariant() {
        TlvFormat small = TlvFormat.STANDARD.toBuilder().maxValueLength(1024).build();
        assertEquals(1024, small.maxValueLength());
        assertEquals(TlvFormat.STANDARD.headerSize(), small.headerSize());
    }
}
