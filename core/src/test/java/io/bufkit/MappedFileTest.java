package io.bufkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {

    @TempDir
    Path dir;

    @Test
    void aReadOnlyMappingViewsTheFilesBytes() throws IOException {
        Path file = Files.write(dir.resolve("data"), Bytes.fromHex("00 01 02 03 04 05 06 07 08 09").toByteArray());
        try (MappedFile whole = MappedFile.readOnly(file); MappedFile region = MappedFile.readOnly(file, 6, 4)) {
            assertTrue(whole.isReadOnly());
            assertEquals(10, whole.length());
            assertEquals(0x00010203, whole.view().i32be(0));
            assertEquals(4, region.view().length());
            assertEquals(6, region.position());
            assertEquals("06070809", region.view().copy().toHex());
            assertTrue(region.view().isDirect());
            assertEquals(file, region.path());
        }
    }

    @Test
    void aReadOnlyMappingRefusesToWrite() throws IOException {
        Path file = Files.write(dir.resolve("data"), new byte[8]);
        try (MappedFile mapped = MappedFile.readOnly(file)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, mapped::mutableView);
            assertEquals("mutableView of the read-only mapping of " + file + ": it was mapped read-only;"
                    + " map it with MappedFile.readWrite to write", e.getMessage());
            mapped.force();   // nothing to write back; allowed
        }
    }

    @Test
    void aRegionPastTheEndOfTheFileIsRefusedReadOnly() throws IOException {
        Path file = Files.write(dir.resolve("data"), new byte[8]);
        EOFException e = assertThrows(EOFException.class, () -> MappedFile.readOnly(file, 4, 8));
        assertEquals("cannot map [4, 12) of " + file + " read-only: the file is only 8 bytes long", e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> MappedFile.readWrite(file, -1, 8));
        assertTrue(negative.getMessage().contains("at position -1 with length 8"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MappedFile.readOnly(file, 0, -1));
    }

    @Test
    void aReadWriteMappingCreatesAndExtendsTheFileAndWritesReachIt() throws IOException {
        Path file = dir.resolve("new");
        try (MappedFile mapped = MappedFile.readWrite(file, 8, 16)) {
            assertFalse(mapped.isReadOnly());
            assertEquals(24, Files.size(file));
            MutableByteView v = mapped.mutableView();
            v.putI32be(0, 0xCAFEBABE);
            v.getAndAddI64le(8, 5);
            mapped.force();
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals(Bytes.fromHex("00 00 00 00 00 00 00 00 ca fe ba be 00 00 00 00 05 00 00 00 00 00 00 00")
                    .toByteArray(), bytes);
        }
    }

    @Test
    void twoMappingsOfOneFileShareTheirMemory() throws IOException {
        Path file = dir.resolve("shared");
        try (MappedFile a = MappedFile.readWrite(file, 0, 64); MappedFile b = MappedFile.readWrite(file, 0, 64)) {
            a.mutableView().getAndAddI32le(16, 3);
            b.mutableView().getAndAddI32le(16, 4);
            assertEquals(7, a.mutableView().getVolatileI32le(16));
            assertTrue(b.mutableView().compareAndSetI64be(24, 0, 42));
            assertEquals(42, a.view().i64be(24));
        }
    }

    @Test
    void viewsGoStaleWhenTheMappingCloses() throws IOException {
        MappedFile mapped = MappedFile.readWrite(dir.resolve("f"), 0, 8);
        MutableByteView v = mapped.mutableView();
        ByteView slice = mapped.view().slice(4, 8);
        v.setVolatileI32le(0, 1);
        mapped.close();
        assertFalse(mapped.isOpen());
        StaleViewException e = assertThrows(StaleViewException.class, () -> v.getAndAddI32le(0, 1));
        assertTrue(e.getMessage().contains("read-write mapping of " + dir.resolve("f")), e.getMessage());
        assertThrows(StaleViewException.class, () -> slice.u8(0));
        assertThrows(IllegalStateException.class, mapped::view);
        IllegalStateException force = assertThrows(IllegalStateException.class, mapped::force);
        assertEquals("force of the read-write mapping of " + dir.resolve("f") + " after it was closed", force.getMessage());
        mapped.close();   // closing twice does nothing
    }

    @Test
    void alignmentFollowsThePositionInTheFile() throws IOException {
        try (MappedFile mapped = MappedFile.readWrite(dir.resolve("f"), 4, 16)) {
            MutableByteView v = mapped.mutableView();
            assertEquals(0, v.getAndAddI32le(0, 1), "position 4: 4-byte aligned");
            MisalignedAccessException e = assertThrows(MisalignedAccessException.class, () -> v.getAndAddI64le(0, 1));
            assertEquals(8, e.alignment());
            assertEquals(0, v.getAndAddI64le(4, 1), "position 4 + offset 4: 8-byte aligned");
        }
    }
}
