package io.bufkit.examples;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.examples.service.SensorService;
import io.bufkit.layout.LayoutException;
import java.io.PrintStream;

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
        PostgresSessionFraming.run(1, 16, out);
        legacy(out);
        RetainedViews.run(out);
        PoolWalkthrough.run(out);
        SensorService.demo(out);
    }

    static void sensor(PrintStream out) {
        ByteView p = Bytes.fromHex("00 00 01 a4 42 78 56 aa 0c 80 00 00 00 01 05 19 42 48 00 00 42 c8 66 66").view();
        out.println("== sensor packet (24 bytes, big-endian) ==");
        SensorPacket s = SensorPacket.CODEC.decode(p);
        out.printf("sensorId=%d timestamp=%.0f sensorType=%d statusFlags=%d (bit0=%b bit2=%b) temperature=%d"
                + " humidity=%s pressure=%s%n", s.sensorId(), s.timestamp(), s.sensorType(), s.statusFlags(),
                s.flag("bit0"), s.flag("bit2"), s.temperature(), s.humidity(), (double) s.pressure());
        out.print(SensorPacket.LAYOUT.describe(p));
        try {
            SensorPacket.CODEC.decode(p.slice(0, 23));
        } catch (LayoutException e) {
            out.println("23 bytes rejected: " + e.getMessage());
        }
        out.println();
    }

    static void tlv(PrintStream out) {
        TlvStreamExample.run(out);
    }

    static void legacy(PrintStream out) {
        ByteView p = Bytes.fromHex("ca fe ad de 00 00 40 a0 00 00 01 b5 80 51 01 00").view();
        out.println("== legacy packet (16 bytes, mixed-endian) ==");
        LegacyPacket l = LegacyPacket.CODEC.decode(p);
        out.printf("signature=0x%X deviceId=%d voltage=%s status=%d checksum=%d uptime=%d%n",
                LegacyPacket.SIGNATURE, l.deviceId(), l.voltage(), l.status(), l.checksum(), l.uptime());
        out.print(LegacyPacket.LAYOUT.describe(p));
        ByteView wrongSignature = Bytes.fromHex("be ef ad de 00 00 40 a0 00 00 01 b5 80 51 01 00").view();
        try {
            LegacyPacket.CODEC.decode(wrongSignature);
        } catch (LayoutException e) {
            out.println("wrong signature rejected: " + e.getMessage());
        }
        out.println();
    }
}
