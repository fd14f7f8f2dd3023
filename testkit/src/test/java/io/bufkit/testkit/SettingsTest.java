package io.bufkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private String tries;
    private String seed;

    @BeforeEach
    void remember() {
        tries = System.getProperty(Settings.TRIES);
        seed = System.getProperty(Settings.SEED);
    }

    @AfterEach
    void restore() {
        restore(Settings.TRIES, tries);
        restore(Settings.SEED, seed);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void triesDefaultTo200WhenUnsetOrBlank() {
        System.clearProperty(Settings.TRIES);
        assertEquals(200, Settings.tries());
        System.setProperty(Settings.TRIES, " ");
        assertEquals(200, Settings.tries());
    }

    @Test
    void triesComeFromTheSystemProperty() {
        System.setProperty(Settings.TRIES, "12345");
        assertEquals(12345, Settings.tries());
        assertEquals(7, Settings.tries(7), "an explicit setting wins");
    }

    @Test
    void badTriesAreRejectedNamingTheProperty() {
        System.setProperty(Settings.TRIES, "many");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Settings::tries);
        assertTrue(e.getMessage().contains("bufkit.tries=\"many\""), e.getMessage());
        System.setProperty(Settings.TRIES, "0");
        assertThrows(IllegalArgumentException.class, Settings::tries);
    }

    @Test
    void blankSeedMeansNoSeed() {
        System.setProperty(Settings.SEED, "");
        assertEquals(OptionalLong.empty(), Settings.seed());
    }

    @Test
    void seedsParseAsDecimalOrHex() {
        System.setProperty(Settings.SEED, "-42");
        assertEquals(OptionalLong.of(-42), Settings.seed());
        System.setProperty(Settings.SEED, "0xffffffffffffffff");
        assertEquals(OptionalLong.of(-1), Settings.seed());
        assertEquals(5L, Settings.seed(5L), "an explicit seed wins");
    }

    @Test
    void badSeedsAreRejectedNamingTheProperty() {
        System.setProperty(Settings.SEED, "abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Settings::seed);
        assertTrue(e.getMessage().contains("bufkit.seed=\"abc\""), e.getMessage());
    }

    @Test
    void propertiesUseTheTriesSystemProperty() {
        System.setProperty(Settings.TRIES, "13");
        int[] runs = {0};
        Property.forAll(Gen.ints(0, 1)).check(v -> runs[0]++);
        assertEquals(13, runs[0]);
    }
}
