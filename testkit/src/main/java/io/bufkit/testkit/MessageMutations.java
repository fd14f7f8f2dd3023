package io.bufkit.testkit;

import io.bufkit.MutableByteView;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * What a peer might send in place of a valid message, for {@link MessageLayouts#arbitraryMessages()}: the
 * message itself, cut short, with a count or length bumped, with a terminator removed, with bytes flipped,
 * or with bytes appended.
 */
final class MessageMutations {
    private MessageMutations() {
    }

    static Gen<byte[]> of(Gen<MessageAnatomy> valid) {
        Gen<byte[]> truncated = Gen.zip(valid, Gen.doubles(), (a, f) -> cut(a.wire(), f));
        Gen<byte[]> bumped = Gen.zip(valid, Gen.zip(Gen.ints(0, Integer.MAX_VALUE), Gen.ints(1, 1 << 16), (w, d) ->
                new int[] {w, d}), MessageMutations::bump);
        Gen<byte[]> unterminated = Gen.zip(valid, Gen.ints(0, Integer.MAX_VALUE), MessageMutations::unterminate);
        Gen<byte[]> flipped = Gen.zip(valid, Gen.listOf(Gen.zip(Gen.ints(0, Integer.MAX_VALUE), Gen.ints(1, 255),
                (at, x) -> new int[] {at, x}), 1, 3), MessageMutations::flip);
        Gen<byte[]> extended = Gen.zip(valid, Gen.bytes(1, 8), (a, tail) -> concat(List.of(a.wire(), tail)));
        return Gen.oneOf(valid.map(MessageAnatomy::wire), truncated, bumped, unterminated, flipped, extended);
    }

    private static byte[] cut(byte[] wire, double fraction) {
        if (wire.length == 0) {
            return wire;
        }
        double f = Double.isFinite(fraction) ? Math.abs(fraction) % 1.0 : 0.5;
        return Arrays.copyOf(wire, (int) (f * wire.length));
    }

    private static byte[] bump(MessageAnatomy a, int[] choice) {
        if (a.lengths().isEmpty()) {
            return flip(a, List.of(new int[] {choice[0], choice[1] & 0xFF | 1}));
        }
        MessageAnatomy.Spot spot = a.lengths().get(choice[0] % a.lengths().size());
        MutableByteView out = MutableByteView.wrap(a.wire().clone());
        MutableByteView section = out.slice(spot.section(), out.length());
        long old = spot.field().get(section);
        long bumped = old + choice[1] <= spot.field().max() ? old + choice[1] : Math.max(spot.field().min(), old - choice[1]);
        spot.field().set(section, (int) bumped);
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
