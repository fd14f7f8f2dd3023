package io.bufkit.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits byte arrays into chunks at given cut points, the way a network delivers a stream.
 */
public final class Chunks {

    private Chunks() {
    }

    /**
     * Splits {@code data} at the given cut points. Cut points must be in {@code [0, data.length]} and
     * non-decreasing; a repeated cut point yields an empty chunk, as does a cut at 0 or at the end.
     *
     * @param data the stream's bytes (read, not kept)
     * @param cuts the cut points
     * @return the chunks, each an <em>owned</em> copy; their concatenation equals {@code data}
     * @throws IllegalArgumentException if a cut point is out of range or out of order
     */
    public static List<byte[]> split(byte[] data, int... cuts) {
        List<byte[]> chunks = new ArrayList<>(cuts.length + 1);
        int from = 0;
        for (int cut : cuts) {
            if (cut < from || cut > data.length) {
                throw new IllegalArgumentException("cut point " + cut + " is out of order or outside [0, "
                        + data.length + "]: " + Arrays.toString(cuts));
            }
            chunks.add(Arrays.copyOfRange(data, from, cut));
            from = cut;
        }
        chunks.add(Arrays.copyOfRange(data, from, data.length));
        return chunks;
    }
}
