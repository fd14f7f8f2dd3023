package io.bufkit.benchmarks.tlv;

import java.util.Arrays;

/**
 * The classic stream-parser mistake, as a baseline: every chunk is concatenated onto the leftover of the
 * previous one (a new array each time), complete frames are copied out of it, and the new leftover is
 * copied again. A frame of n bytes arriving in chunks of c bytes costs O(n²/c) copying.
 *
 * <p>Reads the reference format: type u8, length u16 big-endian, value.
 */
public final class NaiveTlvDecoder {

    /** Receives each frame's value as an owned copy. */
    public interface FrameSink {
        /**
         * Takes one frame.
         *
         * @param type the frame's type
         * @param value the frame's value, a new array
         */
        void onFrame(int type, byte[] value);
    }

    private byte[] leftover = new byte[0];

    /**
     * Appends a chunk to the leftover and emits every complete frame.
     *
     * @param chunk the next bytes of the stream
     * @param sink receives the frames
     */
    public void feed(byte[] chunk, FrameSink sink) {
        byte[] data = new byte[leftover.length + chunk.length];
        System.arraycopy(leftover, 0, data, 0, leftover.length);
        System.arraycopy(chunk, 0, data, leftover.length, chunk.length);
        int p = 0;
        while (data.length - p >= 3) {
            int type = data[p] & 0xFF;
            int length = (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF);
            if (data.length - p - 3 < length) {
                break;
            }
            sink.onFrame(type, Arrays.copyOfRange(data, p + 3, p + 3 + length));
            p += 3 + length;
        }
        leftover = Arrays.copyOfRange(data, p, data.length);
    }

    /**
     * How many bytes wait for the rest of their frame.
     *
     * @return the leftover's length
     */
    public int leftover() {
        return leftover.length;
    }
}
