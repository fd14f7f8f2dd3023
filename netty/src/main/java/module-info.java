/**
 * bufkit-netty: lease-checked {@link io.bufkit.ByteView}s of Netty {@code ByteBuf}s, and pipeline handlers
 * that decode frames with bufkit's single-copy accumulation and encode frames and messages.
 */
module io.bufkit.netty {
    requires transitive io.bufkit;
    requires transitive io.netty.common;
    requires transitive io.netty.buffer;
    requires transitive io.netty.transport;
    requires transitive io.netty.codec;

    exports io.bufkit.netty;
}
