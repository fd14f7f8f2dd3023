package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.MutableByteView;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PacketCodec#of(PacketLayout, Class)}: codecs derived from records. */
class RecordCodecTest {

    /** Every wire type a record component can hold, a constant and a trailing checksum. */
    static final PacketLayout EVERY = PacketLayout.builder("every")
            .u16be("magic").expect(0xBEEF)
            .u8("u8").i8("i8").u16be("u16be").u16le("u16le").i16be("i16be").i16le("i16le")
            .i32be("i32be").i32le("i32le").u32be("u32be").u32le("u32le").i64be("i64be").i64le("i64le")
            .u24be("u24be").u24le("u24le").i24be("i24be").i24le("i24le")
            .u40be("u40be").i40le("i40le").u48le("u48le").i48be("i48be").u56be("u56be").i56le("i56le")
            .f32be("f32be").f32le("f32le").f64be("f64be").f64le("f64le")
            .bytes("raw", 5).text("name", 6, StandardCharsets.US_ASCII, TextPadding.NUL)
            .flags8("f8", "a", "b").flags16le("f16").flags32be("f32")
            .bits("top", 3).sbits("low", 5)
            .bitsLsb("wide", 40).sbitsLsb("narrow", 24)
            .crc32be("crc")
            .build();

    /** {@link #EVERY} without its constant and checksum. */
    public record Every(int u8, int i8, int u16be, int u16le, int i16be, int i16le, int i32be, int i32le, long u32be,
            long u32le, long i64be, long i64le, int u24be, int u24le, int i24be, int i24le, long u40be, long i40le,
            long u48le, long i48be, long u56be, long i56le, float f32be, float f32le, double f64be, double f64le,
            Bytes raw, String name, int f8, int f16, int f32, int top, int low, long wide, int narrow) {
    }

    /** {@link #EVERY} with its constant and checksum as components, and the bytes field as an array. */
    public record EveryWithFixed(int magic, int u8, int i8, int u16be, int u16le, int i16be, int i16le, int i32be,
            int i32le, long u32be, long u32le, long i64be, long i64le, int u24be, int u24le, int i24be, int i24le,
            long u40be, long i40le, long u48le, long i48be, long u56be, long i56le, float f32be, float f32le,
            double f64be, double f64le, byte[] raw, String name, int f8, int f16, int f32, int top, int low,
            long wide, int narrow, long crc) {
    }

    static final PacketCodec<Every> CODEC = PacketCodec.of(EVERY, Every.class);
    static final PacketCodec<EveryWithFixed> WITH_FIXED = PacketCodec.of(EVERY, EveryWithFixed.class);

    static final PacketLayout SMALL = PacketLayout.builder("small").u16be("id").f32be("voltage").build();

    /** Not public: reachable only through a lookup from this class. */
    private record Hidden(int id, float voltage) {
    }

    public record Small(int id, float voltage) {
    }

    @Test
    void everyFieldTypeRoundTripsThroughTheRecord() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            MutableByteView packet = randomPacket(random);
            String context = "seed " + seed + ", packet " + i + ": " + Bytes.copyOf(packet).toHex();

            Every every = CODEC.decode(packet);
            EveryWithFixed fixed = WITH_FIXED.decode(packet);
            assertComponentsAreTheHandlesReads(every, packet, context);
            assertComponentsAreTheHandlesReads(fixed, packet, context);

            MutableByteView out = MutableByteView.allocate(CODEC.size());
            CODEC.encode(every, out);
            assertEquals(Bytes.copyOf(packet), Bytes.copyOf(out), context);
            assertEquals(every, CODEC.decode(out), context);

            MutableByteView fixedOut = MutableByteView.allocate(WITH_FIXED.size());
            WITH_FIXED.encode(fixed, fixedOut);
            assertEquals(Bytes.copyOf(packet), Bytes.copyOf(fixedOut), context);
        }
    }

    @Test
    void encodeWritesTheConstantAndTheComputedChecksumNotTheComponents() {
        MutableByteView packet = randomPacket(new Random(7));
        EveryWithFixed p = WITH_FIXED.decode(packet);
        assertEquals(0xBEEF, p.magic());
        assertEquals(EVERY.checksumField("crc").get(packet), p.crc());
        EveryWithFixed lying = new EveryWithFixed(1, p.u8(), p.i8(), p.u16be(), p.u16le(), p.i16be(), p.i16le(),
                p.i32be(), p.i32le(), p.u32be(), p.u32le(), p.i64be(), p.i64le(), p.u24be(), p.u24le(), p.i24be(),
                p.i24le(), p.u40be(), p.i40le(), p.u48le(), p.i48be(), p.u56be(), p.i56le(), p.f32be(), p.f32le(),
                p.f64be(), p.f64le(), p.raw(), p.name(), p.f8(), p.f16(), p.f32(), p.top(), p.low(), p.wide(),
                p.narrow(), 12345);
        MutableByteView out = MutableByteView.allocate(EVERY.size());
        WITH_FIXED.encode(lying, out);
        assertEquals(Bytes.copyOf(packet), Bytes.copyOf(out));
    }

    @Test
    void bytesComponentsAreOwnedCopies() {
        MutableByteView packet = randomPacket(new Random(11));
        Every every = CODEC.decode(packet);
        EveryWithFixed fixed = WITH_FIXED.decode(packet);
        int rawOffset = EVERY.field("raw").offset();
        byte before = packet.i8(rawOffset);
        packet.putU8(rawOffset, (before + 1) & 0xFF);
        assertEquals(before, every.raw().view().i8(0));
        assertEquals(before, fixed.raw()[0]);
        fixed.raw()[0] = (byte) (before + 2);
        assertEquals((byte) (before + 1), packet.i8(rawOffset));
    }

    @Test
    void aMalformedPacketThrowsTheLayoutsException() {
        MutableByteView packet = randomPacket(new Random(3));
        packet.putU16be(0, 0xDEAD);
        LayoutException wrongMagic = assertThrows(LayoutException.class, () -> CODEC.decode(packet));
        assertEquals("magic", wrongMagic.field().orElseThrow());

        MutableByteView changed = randomPacket(new Random(4));
        changed.putU8(EVERY.field("u8").offset(), (changed.u8(EVERY.field("u8").offset()) + 1) & 0xFF);
        LayoutException wrongCrc = assertThrows(LayoutException.class, () -> WITH_FIXED.decode(changed));
        assertEquals("crc", wrongCrc.field().orElseThrow());

        LayoutException shortPacket = assertThrows(LayoutException.class,
                () -> CODEC.decode(randomPacket(new Random(5)).slice(0, 10)));
        assertTrue(shortPacket.getMessage().contains("the packet is 10 bytes long, expected " + EVERY.size()),
                shortPacket.getMessage());
    }

    @Test
    void encodeRejectsAValueTheFieldCannotHold() {
        MutableByteView out = MutableByteView.allocate(SMALL.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PacketCodec.of(SMALL, Small.class).encode(new Small(70000, 1f), out));
        assertTrue(e.getMessage().contains("field 'id'"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> PacketCodec.of(SMALL, Small.class).encode(new Small(1, 1f), MutableByteView.allocate(3)));
        NullPointerException nothing = assertThrows(NullPointerException.class,
                () -> PacketCodec.of(SMALL, Small.class).encode(null, out));
        assertEquals("value", nothing.getMessage());

        Every valid = CODEC.decode(randomPacket(new Random(13)));
        Every shortRaw = new Every(valid.u8(), valid.i8(), valid.u16be(), valid.u16le(), valid.i16be(), valid.i16le(),
                valid.i32be(), valid.i32le(), valid.u32be(), valid.u32le(), valid.i64be(), valid.i64le(), valid.u24be(),
                valid.u24le(), valid.i24be(), valid.i24le(), valid.u40be(), valid.i40le(), valid.u48le(), valid.i48be(),
                valid.u56be(), valid.i56le(), valid.f32be(), valid.f32le(), valid.f64be(), valid.f64le(), Bytes.of((byte) 1),
                valid.name(), valid.f8(), valid.f16(), valid.f32(), valid.top(), valid.low(), valid.wide(), valid.narrow());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> CODEC.encode(shortRaw, MutableByteView.allocate(EVERY.size())));
        assertTrue(tooShort.getMessage().contains("field 'raw'"), tooShort.getMessage());
    }

    @Test
    void aSignedBitFieldRejectsAValueOutsideItsWidth() {
        Every valid = CODEC.decode(randomPacket(new Random(17)));
        Every wide = new Every(valid.u8(), valid.i8(), valid.u16be(), valid.u16le(), valid.i16be(), valid.i16le(),
                valid.i32be(), valid.i32le(), valid.u32be(), valid.u32le(), valid.i64be(), valid.i64le(), valid.u24be(),
                valid.u24le(), valid.i24be(), valid.i24le(), valid.u40be(), valid.i40le(), valid.u48le(), valid.i48be(),
                valid.u56be(), valid.i56le(), valid.f32be(), valid.f32le(), valid.f64be(), valid.f64le(), valid.raw(),
                valid.name(), valid.f8(), valid.f16(), valid.f32(), valid.top(), 16, valid.wide(), valid.narrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CODEC.encode(wide, MutableByteView.allocate(EVERY.size())));
        assertTrue(e.getMessage().contains("field 'low'"), e.getMessage());
    }

    @Test
    void theCodecSaysWhatItMaps() {
        assertEquals("PacketCodec[layout small <-> " + Small.class.getName() + "]", PacketCodec.of(SMALL, Small.class).toString());
        assertEquals(SMALL.size(), PacketCodec.of(SMALL, Small.class).size());
    }

    @Test
    void aRecordThatIsNotPublicIsReachedThroughALookup() {
        PacketCodec<Hidden> codec = PacketCodec.of(SMALL, Hidden.class, MethodHandles.lookup());
        MutableByteView out = MutableByteView.allocate(codec.size());
        codec.encode(new Hidden(513, 2.5f), out);
        assertEquals(Bytes.fromHex("020140200000"), Bytes.copyOf(out));
        assertEquals(new Hidden(513, 2.5f), codec.decode(out));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PacketCodec.of(SMALL, Hidden.class));
        assertTrue(e.getMessage().startsWith("record Hidden is not accessible to the lookup"), e.getMessage());
    }

    record Mistyped(int id, int voltage) {
    }

    record Extra(int id, float voltage, int status) {
    }

    record Missing(int id) {
    }

    record BoxedId(Integer id, float voltage) {
    }

    record WideId(long id, float voltage) {
    }

    record NoMagic(int magic) {
    }

    static final class NotARecord {
    }

    private static IllegalArgumentException failure(PacketLayout layout, Class<?> type) {
        return assertThrows(IllegalArgumentException.class, () -> PacketCodec.of(layout, type, MethodHandles.lookup()));
    }

    @Test
    void everyMismatchFailsWhenTheCodecIsBuiltNamingBothSides() {
        assertEquals("record Mistyped component voltage is int but layout small field voltage is f32be (float)",
                failure(SMALL, Mistyped.class).getMessage());
        assertEquals("record BoxedId component id is Integer but layout small field id is u16be (int)",
                failure(SMALL, BoxedId.class).getMessage());
        assertEquals("record WideId component id is long but layout small field id is u16be (int)",
                failure(SMALL, WideId.class).getMessage());
        assertEquals("record Extra component status has no field in layout small (its fields: id, voltage)",
                failure(SMALL, Extra.class).getMessage());
        assertEquals("layout small field voltage (f32be) has no component in record Missing; add a component voltage"
                + " of type float", failure(SMALL, Missing.class).getMessage());
        assertEquals("record NoMagic component magic has no field in layout small (its fields: id, voltage)",
                failure(SMALL, NoMagic.class).getMessage());
        assertEquals(NotARecord.class.getName() + " is not a record: a codec is derived from a record whose"
                + " components are named like the fields of layout small", failure(SMALL, NotARecord.class).getMessage());
        record BytesAsString(String raw) {
        }
        PacketLayout bytes = PacketLayout.builder("blob").bytes("raw", 2).build();
        assertEquals("record BytesAsString component raw is String but layout blob field raw is bytes (Bytes or byte[])",
                failure(bytes, BytesAsString.class).getMessage());
        record ShortBits(int wide) {
        }
        PacketLayout bits = PacketLayout.builder("reg").bits("wide", 33).bits("rest", 7).build();
        assertEquals("record ShortBits component wide is int but layout reg field wide is bits:33 (long)",
                failure(bits, ShortBits.class).getMessage());
    }

    /** Random bytes in every field, with the constant written, readable text and the checksum filled. */
    private static MutableByteView randomPacket(Random random) {
        byte[] bytes = new byte[EVERY.size()];
        random.nextBytes(bytes);
        MutableByteView packet = MutableByteView.wrap(bytes);
        EVERY.writeConstants(packet);
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(7); i > 0; i--) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        EVERY.textField("name").set(packet, name.toString());
        EVERY.fillChecksums(packet);
        return packet;
    }

    /** Each component of {@code record} is what the layout's handle of its name reads. */
    private static void assertComponentsAreTheHandlesReads(Record record, ByteView packet, String context) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            String where = context + ", component " + c.getName();
            LayoutField field = EVERY.field(c.getName());
            if (field instanceof IntField f) {
                assertEquals(f.get(packet), (int) value, where);
            } else if (field instanceof LongField f) {
                assertEquals(f.get(packet), (long) value, where);
            } else if (field instanceof FloatField f) {
                assertEquals(Float.floatToRawIntBits(f.get(packet)), Float.floatToRawIntBits((float) value), where);
            } else if (field instanceof DoubleField f) {
                assertEquals(Double.doubleToRawLongBits(f.get(packet)), Double.doubleToRawLongBits((double) value), where);
            } else if (field instanceof FlagsField f) {
                assertEquals(f.get(packet), (int) value, where);
            } else if (field instanceof BytesField f) {
                byte[] expected = f.copy(packet).toByteArray();
                assertArrayEquals(expected, value instanceof byte[] a ? a : ((Bytes) value).toByteArray(), where);
            } else if (field instanceof TextField f) {
                assertEquals(f.string(packet), value, where);
            } else if (field instanceof ChecksumField f) {
                assertEquals(f.get(packet), (long) value, where);
            } else {
                throw new AssertionError("no check for " + field);
            }
        }
    }

    public record Flags(boolean dontFragment, int fragmentOffset, int class_) {
    }

    @Test
    void oneBitFieldsMayBeBooleansAndKeywordFieldsTakeAnUnderscore() {
        PacketLayout layout = PacketLayout.builder("frag").bit("dontFragment").bits("fragmentOffset", 15)
                .u8("class").build();
        PacketCodec<Flags> codec = PacketCodec.of(layout, Flags.class);
        byte[] wire = {(byte) 0x80, 0x05, 0x07};
        Flags f = codec.decode(ByteView.wrap(wire));
        assertEquals(new Flags(true, 5, 7), f);
        byte[] out = new byte[3];
        codec.encode(new Flags(false, 5, 7), MutableByteView.wrap(out));
        assertArrayEquals(new byte[] {0x00, 0x05, 0x07}, out);
        codec.encode(f, MutableByteView.wrap(out));
        assertArrayEquals(wire, out);
    }
}
