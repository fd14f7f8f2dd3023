package io.bufkit.testkit;

import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The run settings that come from system properties: {@code bufkit.tries} and {@code bufkit.seed}.
 */
final class Settings {

    /** The system property holding the number of tries. */
    static final String TRIES = "bufkit.tries";
    /** The system property holding the seed to replay. */
    static final String SEED = "bufkit.seed";
    /** Tries when {@code bufkit.tries} is not set. */
    static final int DEFAULT_TRIES = 200;

    private Settings() {
    }

    /** {@code bufkit.tries}, or {@link #DEFAULT_TRIES} when unset or blank. */
    static int tries() {
        String s = System.getProperty(TRIES);
        if (s == null || s.isBlank()) {
            return DEFAULT_TRIES;
        }
        int tries;
        try {
            tries = Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + TRIES + "=\"" + s + "\" is not a whole number", e);
        }
        if (tries < 1) {
            throw new IllegalArgumentException("system property " + TRIES + "=" + tries + " must be at least 1");
        }
        return tries;
    }

    /** {@code bufkit.seed}, or empty when unset or blank. */
    static OptionalLong seed() {
        String s = System.getProperty(SEED);
        if (s == null || s.isBlank()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(parseSeed(s, "system property " + SEED));
    }

    /** Parses a seed: a decimal long, or hexadecimal after {@code 0x}. */
    static long parseSeed(String s, String what) {
        String t = s.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + "=\"" + s + "\" is not a seed (a decimal long, or hex after 0x)", e);
        }
    }

    /** The seed to use: the explicit one, else {@code bufkit.seed}, else a fresh random one. */
    static long seed(Long explicit) {
        if (explicit != null) {
            return explicit;
        }
        OptionalLong fromProperty = seed();
        return fromProperty.isPresent() ? fromProperty.getAsLong() : new SplittableRandom().nextLong();
    }

    /** The tries to use: the explicit count when given (positive), else {@code bufkit.tries}. */
    static int tries(int explicit) {
        return explicit > 0 ? explicit : tries();
    }
}
