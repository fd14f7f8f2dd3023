package io.bufkit.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordMapping} on its own, as a codec of a variable-length message would use it: a length the
 * caller computes may be left out of the record.
 */
class RecordMappingTest {

    /** A 2-byte length, then a 2-byte id: the length is the caller's to fill. */
    private static final List<FieldBinding> FIELDS = List.of(u16be("length", 0), u16be("id", 2));

    record WithoutLength(int id) {
    }

    record WithLength(int length, int id) {
    }

    private static FieldBinding u16be(String name, int offset) {
        try {
            MethodHandle read = MethodHandles.insertArguments(MethodHandles.publicLookup().findVirtual(ByteView.class,
                    "u16be", MethodType.methodType(int.class, int.class)), 1, offset);
            MethodHandle write = MethodHandles.insertArguments(MethodHandles.publicLookup().findVirtual(
                    MutableByteView.class, "putU16be", MethodType.methodType(MutableByteView.class, int.class, int.class)),
                    1, offset).asType(MethodType.methodType(void.class, MutableByteView.class, int.class));
            return new FieldBinding(name, "message m field " + name, "u16be",
                    List.of(new FieldBinding.Access(int.class, read, write)), false);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFieldTheCallerFillsMayBeLeftOutAndIsNotWritten() throws Throwable {
        RecordMapping<WithoutLength> mapping = RecordMapping.of(WithoutLength.class, MethodHandles.lookup(), "message m",
                FIELDS, Set.of("length"));
        MutableByteView out = MutableByteView.allocate(4);
        out.putU16be(0, 0x7777);
        MethodHandle encoder = mapping.encoder(MutableByteView.class, null, null);
        encoder.invoke(out, new WithoutLength(0x0102));
        assertEquals(Bytes.fromHex("77770102"), Bytes.copyOf(out));
        assertEquals(new WithoutLength(0x0102), (WithoutLength) mapping.decoder(ByteView.class, null).invoke((ByteView) out));
    }

    @Test
    void aFieldTheCallerFillsThatIsAComponentIsReadButNotWritten() throws Throwable {
        RecordMapping<WithLength> mapping = RecordMapping.of(WithLength.class, MethodHandles.lookup(), "message m",
                FIELDS, Set.of("length"));
        MutableByteView out = MutableByteView.allocate(4);
        mapping.encoder(MutableByteView.class, null, null).invoke(out, new WithLength(9, 3));
        assertEquals(Bytes.fromHex("00000003"), Bytes.copyOf(out));
        out.putU16be(0, 4);
        assertEquals(new WithLength(4, 3), (WithLength) mapping.decoder(ByteView.class, null).invoke((ByteView) out));
    }

    @Test
    void withoutTheOptionTheFieldIsRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordMapping.of(
                WithoutLength.class, MethodHandles.lookup(), "message m", FIELDS, Set.of()));
        assertEquals("message m field length (u16be) has no component in record WithoutLength; add a component length"
                + " of type int", e.getMessage());
    }

    @Test
    void aCallerFilledNameMustNameAField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordMapping.of(
                WithoutLength.class, MethodHandles.lookup(), "message m", FIELDS, Set.of("count")));
        assertEquals("message m has no field count to be filled by the caller", e.getMessage());
    }
}
