/**
 * bufkit-testkit: property testing of incremental decoders and packet layouts under arbitrary chunking.
 */
module io.bufkit.testkit {
    requires transitive io.bufkit;
    requires transitive org.junit.jupiter.api;

    exports io.bufkit.testkit;
}
