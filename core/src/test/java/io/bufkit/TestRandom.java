package io.bufkit;

import java.util.Random;

/**
 * Tries and seeds for randomized tests: {@code -Dbufkit.tries} (default 200) and {@code -Dbufkit.seed}
 * (default: a fresh seed, printed in every failure message so that it can be replayed).
 */
final class TestRandom {

    private TestRandom() {
    }

    /** The number of tries each randomized test runs. */
    static int tries() {
        String value = System.getProperty("bufkit.tries", "");
        return value.isBlank() ? 200 : Integer.parseInt(value.trim());
    }

    /** The seed to use: {@code bufkit.seed} when set, else a new one. */
    static long seed() {
        String value = System.getProperty("bufkit.seed", "");
        return value.isBlank() ? new Random().nextLong() : Long.parseLong(value.trim());
    }

    /** A message suffix naming the seed, for failure messages. */
    static String replay(long seed) {
        return " (replay with -Dbufkit.seed=" + seed + ")";
    }

    /** {@code n} random bytes. */
    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
