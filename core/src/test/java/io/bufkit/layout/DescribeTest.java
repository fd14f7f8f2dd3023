package io.bufkit.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.StaleViewException;
import org.junit.jupiter.api.Test;

class DescribeTest {

    private static final PacketLayout SENSOR = PacketLayout.builder("sensor")
            .u32be("sensorId").f64be("timestamp").u16be("sensorType")
            .flags8("statusFlags", "bit0", "bit1", "bit2").i8("temperature")
            .f32be("humidity").f32be("pressure").build();
    private static final Bytes SENSOR_VECTOR =
            Bytes.fromHex("00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8 66 66");

    @Test
    void describesOneLinePerFieldWithOffsetBytesNameTypeAndValue() {
        assertEquals("""
                layout 'sensor', 24 bytes
                offset  bytes                    field        type    value
                     0  00 00 01 a4              sensorId     u32be   420
                     4  42 78 56 aa 0c 80 00 00  timestamp    f64be   1672531200000.0
                    12  00 01                    sensorType   u16be   1
                    14  05                       statusFlags  flags8  0x05 {bit0, bit2}
                    15  19                       temperature  i8      25
                    16  42 48 00 00              humidity     f32be   50.0
                    20  42 c8 66 66              pressure     f32be   100.2
                """, SENSOR.describe(SENSOR_VECTOR.view()));
    }

    @Test
    void constantsSayWhetherTheyHoldTheExpectedValue() {
        PacketLayout l = PacketLayout.builder("legacy").u16be("signature").expect(0xCAFE).padding(1).u8("status").build();
        assertEquals("""
                layout 'legacy', 4 bytes
                offset  bytes  field      type     value
                     0  ca fe  signature  u16be    51966 (0xcafe), as expected
                     2  00     (padding)  padding
                     3  01     status     u8       1
                """, l.describe(Bytes.fromHex("ca fe 00 01").view()));
        assertEquals("""
                layout 'legacy', 4 bytes
                offset  bytes  field      type     value
                     0  be ef  signature  u16be    48879 (0xbeef), EXPECTED 51966 (0xcafe)
                     2  00     (padding)  padding
                     3  01     status     u8       1
                """, l.describe(Bytes.fromHex("be ef 00 01").view()));
    }

    @Test
    void aShortPacketMarksTheMissingFields() {
        PacketLayout l = PacketLayout.builder("p").u8("a").u16le("b").u8("c").build();
        assertEquals("""
                layout 'p', 4 bytes; the packet is 2 bytes long
                offset  bytes  field  type   value
                     0  07     a      u8     7
                     1  08     b      u16le  (missing: the packet ends at offset 2)
                     3         c      u8     (missing: the packet ends at offset 2)
                """, l.describe(ByteView.wrap(new byte[] {7, 8})));
    }

    @Test
    void bytesBeyondTheLayoutGetALineOfTheirOwn() {
        PacketLayout l = PacketLayout.builder("p").u8("a").build();
        assertEquals("""
                layout 'p', 1 byte; the packet is 3 bytes long
                offset  bytes  field                type  value
                     0  07     a                    u8    7
                     1  08 09  (beyond the layout)        2 byte(s)
                """, l.describe(ByteView.wrap(new byte[] {7, 8, 9})));
    }

    @Test
    void longBytesFieldsAreAbbreviated() {
        PacketLayout l = PacketLayout.builder("p").bytes("name", 20).build();
        byte[] bytes = "hello, layout world!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("""
                layout 'p', 20 bytes
                offset  bytes                                               field  type       value
                     0  68 65 6c 6c 6f 2c 20 6c 61 79 6f 75 74 20 77 6f ..  name   bytes[20]  "hello, layout world!"
                """, l.describe(ByteView.wrap(bytes)));
    }

    @Test
    void flagsNameUnnamedBitsByPosition() {
        PacketLayout l = PacketLayout.builder("p").flags16le("f", "a").build();
        assertEquals("""
                layout 'p', 2 bytes
                offset  bytes  field  type       value
                     0  01 80  f      flags16le  0x8001 {a, bit 15 (unnamed)}
                """, l.describe(ByteView.wrap(new byte[] {1, (byte) 0x80})));
    }

    @Test
    void describingAStaleViewThrows() {
        Lease lease = Lease.open("read");
        ByteView v = lease.wrap(SENSOR_VECTOR.toByteArray());
        lease.close();
        assertThrows(StaleViewException.class, () -> SENSOR.describe(v));
    }
}
