package io.bufkit.examples;

import io.bufkit.ByteReader;
import io.bufkit.ByteView;
import io.bufkit.Bytes;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The README's demo: decodes the reference vectors of the protocol catalogue and prints them.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Runs every demo section in order.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("bufkit demo");
        out.println();
        sensor(out);
        tlv(out);
        legacy(out);
        PoolWalkthrough.run(out);
    }

    static void sensor(PrintStream out) {
        ByteView p = Bytes.fromHex("00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8 66 66").view();
        out.println("== sensor packet (24 bytes, big-endian) ==");
        out.printf("sensorId=%d timestamp=%.0f sensorType=%d statusFlags=%d temperature=%d humidity=%s pressure=%s%n",
                p.u32be(0), p.f64be(4), p.u16be(12), p.u8(14), p.i8(15), p.f32be(16), (double) p.f32be(20));
        out.println();
    }

    static void tlv(PrintStream out) {
        ByteView stream = Bytes.fromHex("01 00 05 68 65 6c 6c 6f 02 00 08 67 6f 6f 64 62 79 65 21").view();
        out.println("== TLV stream (type u8, length u16be) ==");
        ByteReader r = new ByteReader(stream);
        while (r.hasRemaining()) {
            int type = r.u8();
            ByteView value = r.view(r.u16be());
            out.printf("frame type=%d value=\"%s\"%n", type, value.toString(StandardCharsets.US_ASCII));
        }
        out.println();
    }

    static void legacy(PrintStream out) {
        ByteView p = Bytes.fromHex("ca fe ad de 00 00 40 a0 00 00 01 b5 80 51 01 00").view();
        out.println("== legacy packet (16 bytes, mixed-endian) ==");
        out.printf("signature=0x%X deviceId=%d voltage=%s status=%d checksum=%d uptime=%d%n",
                p.u16be(0), p.i32le(2), p.f32be(6), p.u8(10), p.u8(11), p.u32le(12));
        out.println();
    }
}
