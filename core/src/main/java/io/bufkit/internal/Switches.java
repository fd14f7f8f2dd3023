package io.bufkit.internal;

import io.bufkit.SystemProperties;

/**
 * The values of bufkit's system properties, read once when this class initializes and logged at
 * {@code DEBUG} through the {@link System.Logger} named {@code io.bufkit}. The names and meanings are
 * documented in {@link SystemProperties}.
 */
public final class Switches {

    /** The value of {@link SystemProperties#CHECK_LEASES} in effect: on unless set to {@code false}. */
    public static final boolean CHECK_LEASES =
            !"false".equalsIgnoreCase(System.getProperty(SystemProperties.CHECK_LEASES));

    /** The value of {@link SystemProperties#TRACK_LEASES} in effect: off unless set to {@code true}. */
    public static final boolean TRACK_LEASES = Boolean.getBoolean(SystemProperties.TRACK_LEASES);

    static {
        System.getLogger("io.bufkit").log(System.Logger.Level.DEBUG, () -> "in effect: "
                + SystemProperties.CHECK_LEASES + "=" + CHECK_LEASES + ", "
                + SystemProperties.TRACK_LEASES + "=" + TRACK_LEASES);
    }

    private Switches() {
    }
}
