/**
 * bufkit: borrowed byte views, leased pooled buffers, declarative packet layouts and an incremental TLV
 * decoder, with no dependencies outside the JDK.
 */
module io.bufkit {
    exports io.bufkit;
    exports io.bufkit.checksum;
    exports io.bufkit.frame;
    exports io.bufkit.layout;
    exports io.bufkit.message;
    exports io.bufkit.pool;
    exports io.bufkit.tlv;
}
