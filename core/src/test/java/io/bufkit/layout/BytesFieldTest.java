package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.StaleViewException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BytesFieldTest {

    private static final PacketLayout LAYOUT = PacketLayout.builder("t").u16be("len").bytes("name", 4).u8("end").build();
    private static final BytesField NAME = LAYOUT.bytesField("name");

    @Test
    void getReturnsABorrowedViewOfTheFieldsBytesWithoutCopying() {
        byte[] memory = {0, 4, 'a', 'b', 'c', 'd', 9};
        ByteView name = NAME.get(ByteView.wrap(memory));
        assertEquals(Bytes.utf8("abcd"), name.copy());
        memory[2] = 'X';
        assertEquals('X', name.u8(0));
    }

    @Test
    void theBorrowedViewGoesStaleWithThePacketButTheCopyStays() {
        Lease lease = Lease.open("read");
        ByteView packet = lease.wrap(new byte[] {0, 4, 'a', 'b', 'c', 'd', 9});
        ByteView borrowed = NAME.get(packet);
        Bytes owned = NAME.copy(packet);
        lease.close();
        assertThrows(StaleViewException.class, () -> borrowed.u8(0));
        assertEquals(Bytes.utf8("abcd"), owned);
    }

    @Test
    void readsFromDirectMemory() {
        ByteBuffer direct = ByteBuffer.allocateDirect(7).put(new byte[] {0, 4, 'w', 'x', 'y', 'z', 0}).flip();
        assertEquals(Bytes.utf8("wxyz"), NAME.copy(ByteView.wrap(direct)));
    }

    @Test
    void setCopiesExactlyTheFieldsWidth() {
        MutableByteView v = MutableByteView.allocate(LAYOUT.size());
        NAME.set(v, Bytes.utf8("wxyz"));
        assertArrayEquals(new byte[] {0, 0, 'w', 'x', 'y', 'z', 0}, v.toByteArray());
        NAME.set(v, new byte[] {1, 2, 3, 4});
        NAME.set(v, ByteView.wrap(new byte[] {5, 6, 7, 8}));
        assertArrayEquals(new byte[] {0, 0, 5, 6, 7, 8, 0}, v.toByteArray());
    }

    @Test
    void setRejectsAValueOfAnotherLengthNamingTheFieldAndWritesNothing() {
        MutableByteView v = MutableByteView.allocate(LAYOUT.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NAME.set(v, Bytes.utf8("abc")));
        assertTrue(e.getMessage().contains("field 'name' (bytes at offset 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("3 byte(s) long but the field is exactly 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NAME.set(v, new byte[5]));
        assertArrayEquals(new byte[LAYOUT.size()], v.toByteArray());
    }

    @Test
    void aViewTooShortThrowsIndexOutOfBounds() {
        assertThrows(IndexOutOfBoundsException.class, () -> NAME.get(ByteView.wrap(new byte[5])));
    }
}
