package io.bufkit.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Value choices and shrink candidates behind the {@link Gen} factories.
 */
final class Shrinks {

    private static final byte[] EDGE_BYTES = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff};

    private Shrinks() {
    }

    /** The value of {@code [min, max]} closest to 0. */
    static long target(long min, long max) {
        return min > 0 ? min : max < 0 ? max : 0;
    }

    /** The candidates that lie in {@code [min, max]}, without duplicates. */
    static long[] inRange(long min, long max, long... candidates) {
        return LongStream.of(candidates).filter(v -> v >= min && v <= max).distinct().toArray();
    }

    /** Uniform in {@code [min, max]}, for any range of longs. */
    static long uniform(SplittableRandom r, long min, long max) {
        if (max == Long.MAX_VALUE) {
            if (min == Long.MIN_VALUE) {
                return r.nextLong();
            }
            return r.nextLong(min - 1, max) + 1;
        }
        return r.nextLong(min, max + 1);
    }

    /** Simplifications of {@code v} towards {@code target}: the target, then halfway, …, then one step. */
    static Stream<Long> towards(long v, long target) {
        if (v == target) {
            return Stream.empty();
        }
        // v and target lie on the same side of 0 or target is 0, so v - target cannot overflow
        long diff = v - target;
        return LongStream.iterate(diff, d -> d != 0, d -> d / 2).mapToObj(d -> v - d);
    }

    /** Edge lengths in {@code [min, max]}: the ends, 0, 1, powers of two and their neighbours. */
    static int[] lengthEdges(int min, int max) {
        TreeSet<Integer> edges = new TreeSet<>();
        edges.add(min);
        edges.add(max);
        edges.add(0);
        edges.add(1);
        for (int bit = 1; bit <= 30; bit++) {
            long p = 1L << bit;
            edges.add((int) Math.min(Integer.MAX_VALUE, p - 1));
            edges.add((int) Math.min(Integer.MAX_VALUE, p));
            edges.add((int) Math.min(Integer.MAX_VALUE, p + 1));
        }
        return edges.stream().filter(v -> v >= min && v <= max).mapToInt(Integer::intValue).toArray();
    }

    /** A length in {@code [min, max]}: an edge length, a small (log-uniform) one, or a uniform one. */
    static int length(SplittableRandom r, int min, int max, int[] edges) {
        int choice = r.nextInt(10);
        if (choice < 4) {
            return edges[r.nextInt(edges.length)];
        }
        if (choice < 7) {
            long span = (long) max - min;
            int bits = 64 - Long.numberOfLeadingZeros(span);
            long bound = bits >= 63 ? span : Math.min(span, (1L << r.nextInt(bits + 1)) - 1);
            return (int) (min + (bound <= 0 ? 0 : r.nextLong(bound + 1)));
        }
        return (int) uniform(r, min, max);
    }

    /** Contents for a byte array: random, constant, or drawn from the edge bytes. */
    static byte[] byteContents(SplittableRandom r, int length) {
        byte[] a = new byte[length];
        int mode = r.nextInt(10);
        if (mode < 6) {
            for (int i = 0; i < length; i++) {
                a[i] = (byte) r.nextInt(256);
            }
        } else if (mode < 8) {
            Arrays.fill(a, r.nextBoolean() ? EDGE_BYTES[r.nextInt(EDGE_BYTES.length)] : (byte) r.nextInt(256));
        } else {
            for (int i = 0; i < length; i++) {
                a[i] = EDGE_BYTES[r.nextInt(EDGE_BYTES.length)];
            }
        }
        return a;
    }

    /**
     * Ranges to remove from a sequence of {@code size} elements keeping at least {@code minSize}, longest
     * first: everything above the minimum from the end, then halves, quarters, …, single elements. Each range
     * is packed as {@code from << 32 | to}.
     */
    static LongStream removals(int size, int minSize) {
        int removable = size - minSize;
        if (removable <= 0) {
            return LongStream.empty();
        }
        LongStream tail = LongStream.of(pack(minSize, size));
        LongStream runs = IntStream.iterate(Integer.highestOneBit(Math.max(1, Math.min(removable, size / 2))),
                        k -> k >= 1, k -> k / 2)
                .filter(k -> k <= removable)
                .boxed()
                .flatMapToLong(k -> IntStream.iterate(0, from -> from + k <= size, from -> from + k)
                        .mapToLong(from -> pack(from, from + k)));
        return LongStream.concat(tail, runs).distinct();
    }

    private static long pack(int from, int to) {
        return (long) from << 32 | to;
    }

    /** Shorter arrays (ranges removed, longest first), then arrays with one byte simpler. */
    static Stream<byte[]> simplerByteArrays(byte[] a, int minLength) {
        Stream<byte[]> shorter = removals(a.length, minLength).mapToObj(range -> {
            int from = (int) (range >>> 32);
            int to = (int) range;
            return removeRange(a, from, to);
        });
        return Stream.concat(shorter, simplerBytes(a));
    }

    /**
     * Arrays of the same length with one byte simpler: first each non-zero byte set to 0, then each non-zero
     * byte moved towards 0 (halfway, …, one less), comparing bytes as unsigned.
     */
    static Stream<byte[]> simplerBytes(byte[] a) {
        Stream<byte[]> zeroed = IntStream.range(0, a.length).filter(i -> a[i] != 0).mapToObj(i -> with(a, i, 0));
        Stream<byte[]> smaller = IntStream.range(0, a.length).filter(i -> a[i] != 0 && a[i] != 1).boxed()
                .flatMap(i -> towards(a[i] & 0xff, 0).skip(1).map(v -> with(a, i, v)));
        return Stream.concat(zeroed, smaller);
    }

    private static byte[] with(byte[] a, int i, long value) {
        byte[] c = a.clone();
        c[i] = (byte) value;
        return c;
    }

    /** A copy of {@code a} without {@code [from, to)}. */
    static byte[] removeRange(byte[] a, int from, int to) {
        byte[] c = new byte[a.length - (to - from)];
        System.arraycopy(a, 0, c, 0, from);
        System.arraycopy(a, to, c, from, a.length - to);
        return c;
    }

    private static final double[] EDGE_DOUBLES = {
        0.0, -0.0, 1.0, -1.0, 0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        Float.MAX_VALUE, Float.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0.1, 100.2,
    };

    static double anyDouble(SplittableRandom r) {
        int mode = r.nextInt(4);
        if (mode == 0) {
            return EDGE_DOUBLES[r.nextInt(EDGE_DOUBLES.length)];
        }
        if (mode == 1) {
            return Double.longBitsToDouble(r.nextLong());
        }
        double scale = Math.pow(10, r.nextInt(-6, 10));
        return (r.nextDouble() * 2 - 1) * scale;
    }

    static Stream<Double> simplerDoubles(double v) {
        if (v == 0.0 && Double.doubleToRawLongBits(v) == 0) {
            return Stream.empty();
        }
        Stream.Builder<Double> b = Stream.builder();
        b.add(0.0);
        if (Double.isFinite(v)) {
            double whole = v < 0 ? Math.ceil(v) : Math.floor(v);
            if (whole != v) {
                b.add(whole);
            }
            if (whole == v && Math.abs(v) >= 1 && Math.abs(v) < 1e15) {
                towards((long) v, 0).skip(1).forEach(x -> b.add((double) x));
            }
        }
        return b.build();
    }

    static float anyFloat(SplittableRandom r) {
        int mode = r.nextInt(4);
        if (mode == 0) {
            return (float) EDGE_DOUBLES[r.nextInt(EDGE_DOUBLES.length)];
        }
        if (mode == 1) {
            return Float.intBitsToFloat(r.nextInt());
        }
        float scale = (float) Math.pow(10, r.nextInt(-4, 7));
        return (r.nextFloat() * 2 - 1) * scale;
    }

    static Stream<Float> simplerFloats(float v) {
        return simplerDoubles(v).map(Double::floatValue).filter(f -> Float.floatToRawIntBits(f) != Float.floatToRawIntBits(v));
    }
}
