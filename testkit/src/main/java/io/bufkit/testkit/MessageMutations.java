package io.bufkit.testkit;

import io.bufkit.MutableByteView;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * What a peer might send in place of a valid message, for {@link MessageLayouts#arbitraryMessages()}: the
 * message itself, cut short, with a count, length or length prefix bumped or shrunk by a few (a nullable
 * part's prefix shrunk below -1), with a terminator removed, with bytes flipped, or with bytes appended.
 */
final class MessageMutations {
    private MessageMutations() {
    }

    static Gen<byte[]> of(Gen<MessageAnatomy> valid) {
        Gen<byte[]> truncated = Gen.zip(valid, Gen.doubles(), (a, f) -> cut(a.wire(), f));
        Gen<byte[]> bumped = Gen.zip(valid, Gen.zip(Gen.ints(0, Integer.MAX_VALUE), Gen.ints(1, 1 << 16), (w, d) ->
                new int[] {w, d}), (a, c) -> relength(a, c[0], c[1], true));
        Gen<byte[]> shrunk = Gen.zip(valid, Gen.zip(Gen.ints(0, Integer.MAX_VALUE), Gen.ints(1, 8), (w, d) ->
                new int[] {w, d}), (a, c) -> relength(a, c[0], c[1], false));
        Gen<byte[]> unterminated = Gen.zip(valid, Gen.ints(0, Integer.MAX_VALUE), MessageMutations::unterminate);
        Gen<byte[]> flipped = Gen.zip(valid, Gen.listOf(Gen.zip(Gen.ints(0, Integer.MAX_VALUE), Gen.ints(1, 255),
                (at, x) -> new int[] {at, x}), 1, 3), MessageMutations::flip);
        Gen<byte[]> extended = Gen.zip(valid, Gen.bytes(1, 8), (a, tail) -> concat(List.of(a.wire(), tail)));
        return Gen.oneOf(valid.map(MessageAnatomy::wire), truncated, bumped, shrunk, unterminated, flipped, extended);
    }

    private static byte[] cut(byte[] wire, double fraction) {
        if (wire.length == 0) {
            return wire;
        }
        double f = Double.isFinite(fraction) ? Math.abs(fraction) % 1.0 : 0.5;
        return Arrays.copyOf(wire, (int) (f * wire.length));
    }

    /**
     * The message with one count, length or length prefix changed by {@code by}: up (mostly past the end;
     * down when the field cannot hold more) or down (below what its parts take; for a nullable part's prefix,
     * to a negative length other than NULL's -1). A varint is written again in as many bytes as its new
     * value needs.
     */
    private static byte[] relength(MessageAnatomy a, int which, int by, boolean up) {
        int spots = a.lengths().size() + a.varints().size() + a.prefixes().size();
        if (spots == 0) {
            return flip(a, List.of(new int[] {which, by & 0xFF | 1}));
        }
        int k = which % spots;
        int prefixes = a.lengths().size() + a.varints().size();
        if (k >= prefixes) {
            return reprefix(a.wire(), a.prefixes().get(k - prefixes), by, up);
        }
        if (k >= a.lengths().size()) {
            return revarint(a.wire(), a.varints().get(k - a.lengths().size()), by, up);
        }
        MessageAnatomy.Spot spot = a.lengths().get(k);
        MutableByteView out = MutableByteView.wrap(a.wire().clone());
        MutableByteView section = out.slice(spot.section(), out.length());
        long old = spot.field().get(section);
        long changed = up && old + by <= spot.field().max() ? old + by : Math.max(spot.field().min(), old - by);
        spot.field().set(section, (int) changed);
        return out.toByteArray();
    }

    private static byte[] reprefix(byte[] wire, MessageAnatomy.PrefixSpot spot, int by, boolean up) {
        MutableByteView out = MutableByteView.wrap(wire.clone());
        int at = spot.start();
        long old;
        long changed;
        if (spot.nullable()) {
            old = spot.width() == 2 ? out.i16be(at) : out.i32be(at);
            long most = (1L << (8 * spot.width() - 1)) - 1;
            changed = up && old + by <= most ? old + by : -1L - by;
            if (spot.width() == 2) {
                out.putI16be(at, (short) changed);
            } else {
                out.putI32be(at, (int) changed);
            }
            return out.toByteArray();
        }
        old = spot.width() == 1 ? out.u8(at) : spot.width() == 2 ? out.u16be(at) : out.u32be(at);
        long most = (1L << (8 * spot.width())) - 1;
        changed = up && old + by <= most ? old + by : Math.max(0, old - by);
        switch (spot.width()) {
            case 1 -> out.putU8(at, (int) changed);
            case 2 -> out.putU16be(at, (int) changed);
            default -> out.putU32be(at, changed);
        }
        return out.toByteArray();
    }

    private static byte[] revarint(byte[] wire, MessageAnatomy.VarintSpot spot, int by, boolean up) {
        long old = 0;
        for (int i = spot.start(); i < spot.end(); i++) {
            old |= (long) (wire[i] & 0x7F) << (7 * (i - spot.start()));
        }
        long changed = up ? old + by : Math.max(0, old - by);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(wire, 0, spot.start());
        for (long rest = changed; ; rest >>>= 7) {
            out.write((int) (rest & 0x7F) | (rest >= 0x80 ? 0x80 : 0));
            if (rest < 0x80) {
                break;
            }
        }
        out.write(wire, spot.end(), wire.length - spot.end());
        return out.toByteArray();
    }

    private static byte[] unterminate(MessageAnatomy a, int which) {
        if (a.terminators().isEmpty()) {
            return cut(a.wire(), 0.5);
        }
        int at = a.terminators().get(which % a.terminators().size());
        byte[] w = a.wire();
        byte[] out = new byte[w.length - 1];
        System.arraycopy(w, 0, out, 0, at);
        System.arraycopy(w, at + 1, out, at, w.length - at - 1);
        return out;
    }

    private static byte[] flip(MessageAnatomy a, List<int[]> changes) {
        byte[] out = a.wire().clone();
        for (int[] c : changes) {
            if (out.length > 0) {
                out[c[0] % out.length] ^= (byte) c[1];
            }
        }
        return out;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
