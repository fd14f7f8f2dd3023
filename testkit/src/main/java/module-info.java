/**
 * bufkit-testkit: property testing of incremental decoders and packet layouts under arbitrary chunking.
 */
module io.bufkit.testkit {
    requires transitive io.bufkit;
    requires transitive org.junit.jupiter.api;

    exports io.bufkit.testkit;

    // optional: only io.bufkit.testkit.netty needs Netty
    requires static io.netty.common;
    requires static io.netty.buffer;
    requires static io.netty.transport;
    exports io.bufkit.testkit.netty;
}
