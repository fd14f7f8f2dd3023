package io.bufkit.testkit;

import java.util.Arrays;

/** Corrupts a valid stream a little: the mutation behind the {@code corruptedStreams} generators. */
final class StreamCorruption {

    private StreamCorruption() {
    }

    /**
     * The stream with 1 to 3 bytes overwritten by random bytes, each often at one of {@code hot} (header
     * bytes), and sometimes cut short; shrinks towards fewer changes.
     *
     * @param stream a valid stream, not empty (not modified)
     * @param hot offsets to prefer, ascending; may be empty
     * @param hotWeight how much more often a change lands at a preferred offset than anywhere
     * @return the generator of new arrays
     */
    static Gen<byte[]> of(byte[] stream, int[] hot, int hotWeight) {
        Gen<Integer> anywhere = Gen.ints(0, stream.length - 1);
        Gen<Integer> position = hot.length == 0 ? anywhere
                : Gen.frequency(1, anywhere, hotWeight, Gen.ints(0, hot.length - 1).map(i -> hot[i]));
        Gen<int[]> change = Gen.zip(position, Gen.ints(0, 255), (at, value) -> new int[] {at, value});
        Gen<Integer> cut = Gen.frequency(3, Gen.constant(stream.length), 1, Gen.ints(0, stream.length));
        return Gen.zip(Gen.listOf(change, 1, 3), cut, (changes, length) -> {
            byte[] out = stream.clone();
            for (int[] c : changes) {
                out[c[0]] = (byte) c[1];
            }
            return Arrays.copyOf(out, length);
        });
    }
}
